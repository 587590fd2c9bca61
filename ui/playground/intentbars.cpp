#include "playground/intentbars.h"

#include <QPainter>

#include <algorithm>

namespace bankbench::ui {

IntentBars::IntentBars(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void IntentBars::setIntents(const QList<QPair<QString, double>>& intents, double threshold) {
    m_intents = intents;
    m_threshold = threshold;
    updateGeometry();
    update();
}

QSize IntentBars::sizeHint() const {
    const int row = fontMetrics().height() * 2 + 6;
    return QSize(240, std::max(1, static_cast<int>(m_intents.size())) * row + 4);
}

QSize IntentBars::minimumSizeHint() const {
    return QSize(120, sizeHint().height());
}

void IntentBars::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int row = fm.height() * 2 + 6;
    const int barHeight = std::max(6, fm.height() / 2);
    const int width = this->width() - 60;
    int y = 2;
    for (int i = 0; i < m_intents.size(); ++i) {
        const auto& [name, p] = m_intents[i];
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, y, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(name, Qt::ElideRight, width));
        const QRect track(0, y + fm.height() + 2, width, barHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe5, 0xe7, 0xeb));
        painter.drawRoundedRect(track, barHeight / 2.0, barHeight / 2.0);
        QRect bar = track;
        bar.setWidth(std::max(1, static_cast<int>(track.width() * std::clamp(p, 0.0, 1.0))));
        const bool passes = i == 0 && p >= m_threshold;
        painter.setBrush(passes ? QColor(0x16, 0xa3, 0x4a)
                                : (i == 0 ? QColor(0xf5, 0x9e, 0x0b) : QColor(0x93, 0xa3, 0xb8)));
        painter.drawRoundedRect(bar, barHeight / 2.0, barHeight / 2.0);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(width + 4, track.top() - fm.height() / 2, 56, fm.height() + barHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1%").arg(p * 100, 0, 'f', 1));
        y += row;
    }
    if (!m_intents.isEmpty()) {
        // The threshold: the top intent's bar must reach this line to be acted on.
        const int x = static_cast<int>(width * std::clamp(m_threshold, 0.0, 1.0));
        QPen pen(QColor(0xdc, 0x26, 0x26));
        pen.setStyle(Qt::DashLine);
        pen.setWidth(2);
        painter.setPen(pen);
        painter.drawLine(x, 0, x, y);
    }
}

} // namespace bankbench::ui
