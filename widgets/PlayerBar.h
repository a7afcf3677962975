#pragma once
/// The player bar: play/pause, step, jump to start/end, speed, and a scrubber over
/// the whole run. It shows the player's state and emits requests; the app's
/// controller owns the cursor.

#include <QWidget>

#include <cstdint>

class QLabel;
class QSlider;
class QComboBox;
class QToolButton;

namespace memviz {

class PlayerBar : public QWidget {
    Q_OBJECT
public:
    explicit PlayerBar(QWidget* parent = nullptr);

    /// Speeds offered, in events per second.
    static const QList<double>& speeds();

    void setPosition(std::uint64_t cursor, std::uint64_t total, std::uint64_t command, std::uint64_t commands);
    void setPlaying(bool playing);
    void setSpeedIndex(int index);
    int speedIndex() const;

signals:
    void playToggled();
    void stepForward();
    void stepBack();
    void toStart();
    void toEnd();
    void nextCommand();
    void previousCommand();
    void seek(std::uint64_t cursor);
    void speedChanged(double eventsPerSecond);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    QToolButton* m_start = nullptr;
    QToolButton* m_prevCmd = nullptr;
    QToolButton* m_back = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_forward = nullptr;
    QToolButton* m_nextCmd = nullptr;
    QToolButton* m_end = nullptr;
    QSlider* m_scrubber = nullptr;
    QLabel* m_position = nullptr;
    QLabel* m_speedLabel = nullptr;
    QComboBox* m_speed = nullptr;
    bool m_playing = false;
    std::uint64_t m_total = 0;
    std::uint64_t m_cursor = 0;
    std::uint64_t m_command = 0;
    std::uint64_t m_commands = 0;
};

} // namespace memviz
