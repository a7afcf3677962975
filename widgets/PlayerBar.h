#pragma once
/// The player bar: play/pause, step, jump to start/end, speed, and a scrubber over
/// the whole run. It shows the player's state and emits requests; the app's
/// controller owns the cursor.

#include <QLabel>
#include <QStringList>
#include <QWidget>

#include <cstdint>

class QSlider;
class QComboBox;
class QToolButton;

namespace memviz {

/// The player's position: the longest of its forms that fits ("event 12 / 340 · command 2 /
/// 9", "event 12 / 340", "12 / 340"), never cut; it asks for room for the widest.
class PositionLabel : public QLabel {
    Q_OBJECT
public:
    explicit PositionLabel(QWidget* parent = nullptr);
    /// `forms` longest first; `widest` the same forms at their widest in this run.
    void setForms(const QStringList& forms, const QStringList& widest);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* e) override;
    void changeEvent(QEvent* e) override;

private:
    int widthOf(const QString& text) const;
    void pick();
    QStringList m_forms, m_widest;
};

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
    /// Compact (presentation mode on a projector): no speed control (it keeps its value; the
    /// presenter steps with Page Down), so the position and the chapters fit at large type.
    void setCompact(bool on);
    bool compact() const { return m_compact; }
    /// The position text ("event 12 / 340 · command 2 / 9").
    QString positionText() const;

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
    /// The buttons' icons, recoloured for a dark palette.
    void updateIcons();
    QToolButton* m_start = nullptr;
    QToolButton* m_prevCmd = nullptr;
    QToolButton* m_back = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_forward = nullptr;
    QToolButton* m_nextCmd = nullptr;
    QToolButton* m_end = nullptr;
    QSlider* m_scrubber = nullptr;
    class PositionLabel* m_position = nullptr;
    QLabel* m_speedLabel = nullptr;
    QComboBox* m_speed = nullptr;
    bool m_playing = false;
    bool m_compact = false;
    std::uint64_t m_total = 0;
    std::uint64_t m_cursor = 0;
    std::uint64_t m_command = 0;
    std::uint64_t m_commands = 0;
};

} // namespace memviz
