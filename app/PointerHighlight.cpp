#include "PointerHighlight.h"

#include <QCursor>
#include <QEvent>
#include <QPainter>

namespace memviz {

PointerHighlight::PointerHighlight(QWidget* window) : QWidget(window)
{
    setObjectName(QStringLiteral("pointerHighlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setFocusPolicy(Qt::NoFocus);
    window->installEventFilter(this);
    setGeometry(window->rect());
    m_timer.setInterval(30);
    connect(&m_timer, &QTimer::timeout, this, &PointerHighlight::poll);
    m_timer.start();
    raise();
}

bool PointerHighlight::eventFilter(QObject* watched, QEvent* e)
{
    if (watched == parentWidget() && (e->type() == QEvent::Resize || e->type() == QEvent::ChildAdded)) {
        setGeometry(parentWidget()->rect());
        raise(); // stay above docks and panels added later
    }
    return QWidget::eventFilter(watched, e);
}

void PointerHighlight::poll() { follow(QCursor::pos()); }

void PointerHighlight::follow(const QPoint& globalPos)
{
    const QPoint local = mapFromGlobal(globalPos);
    const QPoint at = rect().contains(local) ? local : QPoint();
    if (at == m_at) return;
    const int r = m_radius + 4;
    if (!m_at.isNull()) update(QRect(m_at - QPoint(r, r), QSize(2 * r, 2 * r)));
    m_at = at;
    if (!m_at.isNull()) update(QRect(m_at - QPoint(r, r), QSize(2 * r, 2 * r)));
}

void PointerHighlight::paintEvent(QPaintEvent*)
{
    if (m_at.isNull()) return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // A yellow disc with a darker ring: visible on light and dark views alike.
    p.setBrush(QColor(255, 214, 0, 70));
    p.setPen(QPen(QColor(230, 140, 0, 220), 3));
    p.drawEllipse(QPointF(m_at), m_radius, m_radius);
}

} // namespace memviz
