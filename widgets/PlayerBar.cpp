#include "PlayerBar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QPainter>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace memviz {

namespace {
// The scrubber works in at most this many steps; long runs map proportionally.
constexpr int kScrubSteps = 100000;
} // namespace

const QList<double>& PlayerBar::speeds()
{
    static const QList<double> s = {0.5, 1, 2, 4, 8, 16, 60, 250, 1000};
    return s;
}

PlayerBar::PlayerBar(QWidget* parent) : QWidget(parent)
{
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(6, 2, 6, 2);
    auto button = [&](QStyle::StandardPixmap icon, auto signal) {
        auto* b = new QToolButton(this);
        b->setProperty("memvizIcon", int(icon));
        b->setAutoRaise(true);
        b->setIconSize(QSize(22, 22));
        connect(b, &QToolButton::clicked, this, signal);
        lay->addWidget(b);
        return b;
    };
    m_start = button(QStyle::SP_MediaSkipBackward, &PlayerBar::toStart);
    m_prevCmd = button(QStyle::SP_MediaSeekBackward, &PlayerBar::previousCommand);
    m_back = button(QStyle::SP_ArrowLeft, &PlayerBar::stepBack);
    m_play = button(QStyle::SP_MediaPlay, &PlayerBar::playToggled);
    m_forward = button(QStyle::SP_ArrowRight, &PlayerBar::stepForward);
    m_nextCmd = button(QStyle::SP_MediaSeekForward, &PlayerBar::nextCommand);
    m_end = button(QStyle::SP_MediaSkipForward, &PlayerBar::toEnd);

    m_scrubber = new QSlider(Qt::Horizontal, this);
    m_scrubber->setRange(0, 0);
    m_scrubber->setMinimumWidth(200);
    lay->addWidget(m_scrubber, 1);
    connect(m_scrubber, &QSlider::sliderMoved, this, [this](int v) {
        if (m_total == 0) return;
        const auto cursor = m_total <= kScrubSteps ? static_cast<std::uint64_t>(v)
                                                   : static_cast<std::uint64_t>(static_cast<double>(v) / kScrubSteps
                                                                                * static_cast<double>(m_total));
        emit seek(cursor);
    });

    m_position = new PositionLabel(this);
    lay->addWidget(m_position);

    m_speedLabel = new QLabel(this);
    lay->addWidget(m_speedLabel);
    m_speed = new QComboBox(this);
    for (qsizetype i = 0; i < speeds().size(); ++i) m_speed->addItem(QString()); // texts in retranslate()
    lay->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < speeds().size()) emit speedChanged(speeds()[i]);
    });
    m_speed->setCurrentIndex(3);
    retranslate();
    updateIcons();
}

void PlayerBar::updateIcons()
{
    // The style's media icons are drawn dark: on the dark theme's background they all but
    // vanish (a projector makes it worse). Their shapes are recoloured in the palette's text
    // colour; the arrows the style draws in colour keep it.
    const QColor ink = palette().color(QPalette::WindowText);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QToolButton* b : { m_start, m_prevCmd, m_back, m_play, m_forward, m_nextCmd, m_end }) {
        const auto sp = static_cast<QStyle::StandardPixmap>(b->property("memvizIcon").toInt());
        const QIcon base = style()->standardIcon(sp);
        if (!dark || sp == QStyle::SP_ArrowLeft || sp == QStyle::SP_ArrowRight) {
            b->setIcon(base);
            continue;
        }
        QIcon tinted;
        for (const QSize& size : base.availableSizes().isEmpty() ? QList<QSize> { QSize(22, 22) } : base.availableSizes()) {
            for (QIcon::Mode mode : { QIcon::Normal, QIcon::Disabled }) {
                QImage img = base.pixmap(size, mode).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
                QPainter p(&img);
                p.setCompositionMode(QPainter::CompositionMode_SourceIn);
                QColor c = ink;
                if (mode == QIcon::Disabled) c.setAlphaF(0.35f);
                p.fillRect(img.rect(), c);
                p.end();
                tinted.addPixmap(QPixmap::fromImage(img), mode);
            }
        }
        b->setIcon(tinted);
    }
}

void PlayerBar::retranslate()
{
    m_start->setToolTip(tr("Jump to the start of the run (Home)"));
    m_prevCmd->setToolTip(tr("Previous command (Page Up)"));
    m_back->setToolTip(tr("Step back one event (Left)"));
    m_play->setToolTip(m_playing ? tr("Pause (Space)") : tr("Play (Space)"));
    m_forward->setToolTip(tr("Step forward one event (Right)"));
    m_nextCmd->setToolTip(tr("Next command (Page Down)"));
    m_end->setToolTip(tr("Jump to the end of the run (End)"));
    m_scrubber->setToolTip(tr("Drag to move through the whole run"));
    m_speedLabel->setText(tr("Speed:"));
    for (int i = 0; i < speeds().size(); ++i) {
        const double s = speeds()[i];
        m_speed->setItemText(i, s < 1 ? tr("%1 events/s").arg(s, 0, 'f', 1) : tr("%1 events/s").arg(s, 0, 'f', 0));
    }
    setPosition(m_cursor, m_total, m_command, m_commands);
}

void PlayerBar::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslate();
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::StyleChange) updateIcons();
    QWidget::changeEvent(e);
}

void PlayerBar::setCompact(bool on)
{
    m_compact = on;
    m_speedLabel->setVisible(!on);
    m_speed->setVisible(!on);
    m_scrubber->setMinimumWidth(on ? 80 : 200);
    for (QToolButton* b : findChildren<QToolButton*>()) b->setIconSize(on ? QSize(30, 30) : QSize(22, 22));
}

QString PlayerBar::positionText() const { return m_position->text(); }

PositionLabel::PositionLabel(QWidget* parent) : QLabel(parent)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

void PositionLabel::setForms(const QStringList& forms, const QStringList& widest)
{
    m_forms = forms;
    if (widest != m_widest) {
        m_widest = widest;
        updateGeometry();
    }
    pick();
}

int PositionLabel::widthOf(const QString& text) const
{
    return fontMetrics().horizontalAdvance(text) + fontMetrics().averageCharWidth() + contentsMargins().left()
        + contentsMargins().right();
}

QSize PositionLabel::sizeHint() const
{
    QSize s = QLabel::sizeHint();
    if (!m_widest.isEmpty()) s.setWidth(widthOf(m_widest.constFirst()));
    return s;
}

QSize PositionLabel::minimumSizeHint() const
{
    QSize s = QLabel::minimumSizeHint();
    if (!m_widest.isEmpty()) s.setWidth(widthOf(m_widest.constLast()));
    return s;
}

void PositionLabel::resizeEvent(QResizeEvent* e)
{
    QLabel::resizeEvent(e);
    pick();
}

void PositionLabel::changeEvent(QEvent* e)
{
    QLabel::changeEvent(e);
    if (e->type() == QEvent::FontChange) {
        updateGeometry();
        pick();
    }
}

void PositionLabel::pick()
{
    if (m_forms.isEmpty()) return;
    QString chosen = m_forms.constLast();
    for (const QString& f : std::as_const(m_forms))
        if (widthOf(f) <= width()) {
            chosen = f;
            break;
        }
    if (chosen != text()) setText(chosen);
}

void PlayerBar::setPosition(std::uint64_t cursor, std::uint64_t total, std::uint64_t command, std::uint64_t commands)
{
    m_cursor = cursor;
    m_total = total;
    m_command = command;
    m_commands = commands;
    const QSignalBlocker block(m_scrubber);
    if (total <= kScrubSteps) {
        m_scrubber->setRange(0, static_cast<int>(total));
        m_scrubber->setValue(static_cast<int>(cursor));
    } else {
        m_scrubber->setRange(0, kScrubSteps);
        m_scrubber->setValue(static_cast<int>(static_cast<double>(cursor) / static_cast<double>(total) * kScrubSteps));
    }
    // The full position and shorter forms for a narrow bar (large type on a projector); the
    // same forms at the end of the run set the room it asks for, so nothing jitters while playing.
    const auto forms = [](std::uint64_t at, std::uint64_t of, std::uint64_t cmd, std::uint64_t cmds) {
        return QStringList { tr("event %L1 / %L2 · command %L3 / %L4").arg(at).arg(of).arg(cmd).arg(cmds),
            tr("event %L1 / %L2").arg(at).arg(of), QStringLiteral("%L1 / %L2").arg(at).arg(of) };
    };
    const QStringList now = forms(cursor, total, command, commands);
    m_position->setForms(now, forms(total, total, commands, commands));
    m_position->setToolTip(now.constFirst());
}

void PlayerBar::setPlaying(bool playing)
{
    m_playing = playing;
    m_play->setProperty("memvizIcon", int(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    updateIcons();
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void PlayerBar::setSpeedIndex(int index) { m_speed->setCurrentIndex(index); }
int PlayerBar::speedIndex() const { return m_speed->currentIndex(); }

} // namespace memviz
