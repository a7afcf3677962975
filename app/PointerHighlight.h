#pragma once
/// A ring around the mouse pointer for presentation mode, so a class can follow what the
/// teacher points at. A transparent overlay on top of the window that lets every mouse
/// event through and follows the pointer (polling, as a window cannot see moves over its
/// children without mouse tracking everywhere).

#include <QPoint>
#include <QTimer>
#include <QWidget>

namespace memviz {

class PointerHighlight : public QWidget {
    Q_OBJECT
public:
    explicit PointerHighlight(QWidget* window);

    /// Where the ring is drawn, in the overlay's coordinates (null when the pointer is outside).
    QPoint ringCentre() const { return m_at; }
    int radius() const { return m_radius; }
    /// Moves the ring to a global position (the timer does this from QCursor::pos()).
    void follow(const QPoint& globalPos);

protected:
    bool eventFilter(QObject* watched, QEvent* e) override;
    void paintEvent(QPaintEvent* e) override;

private:
    void poll();
    QTimer m_timer;
    QPoint m_at;
    int m_radius = 28;
};

} // namespace memviz
