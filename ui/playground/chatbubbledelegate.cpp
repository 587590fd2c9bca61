#include "playground/chatbubbledelegate.h"

#include "playground/chatmodel.h"
#include "playground/thumbicon.h"

#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>

namespace bankbench::ui {

namespace {

using Kind = ChatMessage::Kind;

// Wraps at word boundaries and, for runs without any (Chinese, long numbers, URLs), anywhere.
struct WrappedText {
    std::unique_ptr<QTextLayout> layout;
    QSizeF size;
};

WrappedText wrap(const QString& text, const QFont& font, int width) {
    WrappedText out;
    out.layout = std::make_unique<QTextLayout>(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    out.layout->setTextOption(option);
    out.layout->beginLayout();
    qreal y = 0;
    qreal widest = 0;
    for (QTextLine line = out.layout->createLine(); line.isValid(); line = out.layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        widest = std::max(widest, line.naturalTextWidth());
    }
    out.layout->endLayout();
    out.size = QSizeF(std::ceil(widest), std::ceil(y));
    return out;
}

QFont smallFont(const QFont& font) {
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.8);
    return small;
}

QString bubbleText(const QModelIndex& index) {
    if (index.data(ChatModel::KindRole).toInt() == static_cast<int>(Kind::Typing))
        return QStringLiteral("● ● ●");
    return index.data(Qt::DisplayRole).toString();
}

} // namespace

ChatBubbleDelegate::ChatBubbleDelegate(QListView* view) : QStyledItemDelegate(view), m_view(view) {}

void ChatBubbleDelegate::setShowDetails(bool show) {
    m_showDetails = show;
    m_view->viewport()->update();
}

int ChatBubbleDelegate::maxTextWidth() const {
    return std::max(120, static_cast<int>(m_view->viewport()->width() * 0.68));
}

ChatBubbleDelegate::Geometry ChatBubbleDelegate::geometry(const QRect& itemRect,
                                                          const QModelIndex& index) const {
    const QFont font = m_view->font();
    const QFontMetrics fm(font);
    const int pad = std::max(6, fm.height() / 2);
    const int outer = std::max(10, fm.height());
    const auto kind = static_cast<Kind>(index.data(ChatModel::KindRole).toInt());
    const WrappedText wrapped = wrap(bubbleText(index), font, maxTextWidth());
    const QSize textSize = wrapped.size.toSize().expandedTo(QSize(fm.height(), fm.height()));

    Geometry g;
    const int bubbleWidth = textSize.width() + 2 * pad;
    const int left = kind == Kind::User ? itemRect.right() - outer - bubbleWidth : itemRect.left() + outer;
    g.bubble = QRect(left, itemRect.top() + pad / 2, bubbleWidth, textSize.height() + 2 * pad);
    g.text = QRect(g.bubble.left() + pad, g.bubble.top() + pad, textSize.width(), textSize.height());
    int bottom = g.bubble.bottom();
    if (kind == Kind::Bot) {
        const QFontMetrics small(smallFont(font));
        const int chip = small.height() + 6;
        g.footer = QRect(g.bubble.left(), bottom + 4, std::max(g.bubble.width(), 12 * small.height()), chip);
        g.up = QRect(g.footer.left(), g.footer.top(), chip * 2, chip);
        g.down = QRect(g.up.right() + 6, g.footer.top(), chip * 2, chip);
        if (m_showDetails)
            g.labeling = QRect(g.down.right() + 6, g.footer.top(),
                               small.horizontalAdvance(labelingText(index)) + chip, chip);
        bottom = g.footer.bottom();
    }
    g.height = bottom - itemRect.top() + pad / 2 + 1;
    return g;
}

QSize ChatBubbleDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex& index) const {
    const QRect item(0, 0, m_view->viewport()->width(), 0);
    return QSize(item.width(), geometry(item, index).height);
}

QString ChatBubbleDelegate::labelingText(const QModelIndex& index) const {
    return index.data(ChatModel::SentToLabelingRole).toBool() ? tr("In labeling") : tr("To labeling");
}

QRect ChatBubbleDelegate::labelingRect(const QRect& itemRect, const QModelIndex& index) const {
    return geometry(itemRect, index).labeling;
}

QRect ChatBubbleDelegate::thumbRect(const QRect& itemRect, const QModelIndex& index, int feedback) const {
    const Geometry g = geometry(itemRect, index);
    return feedback > 0 ? g.up : g.down;
}

void ChatBubbleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const Geometry g = geometry(option.rect, index);
    const auto kind = static_cast<Kind>(index.data(ChatModel::KindRole).toInt());
    const QString decision = index.data(ChatModel::DecisionRole).toString();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    QColor fill(0xee, 0xf1, 0xf5);
    QColor ink(0x1f, 0x24, 0x2b);
    if (kind == Kind::User) {
        fill = QColor(0x25, 0x63, 0xeb);
        ink = Qt::white;
    } else if (decision == QLatin1String("handover")) {
        fill = QColor(0xfd, 0xf0, 0xd5);
    } else if (decision == QLatin1String("clarify") || decision == QLatin1String("follow_up")) {
        fill = QColor(0xe6, 0xf0, 0xff);
    }
    const qreal radius = std::min(14.0, g.bubble.height() / 2.0);
    QPainterPath path;
    path.addRoundedRect(QRectF(g.bubble), radius, radius);
    painter->fillPath(path, fill);

    painter->setPen(ink);
    if (kind == Kind::Typing) {
        // Three dots, one of them dark: the phase moves it along while the turn runs.
        const int phase = index.data(ChatModel::TypingPhaseRole).toInt();
        const int r = std::max(3, g.text.height() / 6);
        for (int i = 0; i < 3; ++i) {
            painter->setBrush(i == phase ? QColor(0x55, 0x5d, 0x6b) : QColor(0xb8, 0xbf, 0xca));
            painter->setPen(Qt::NoPen);
            const QPoint c(g.text.left() + g.text.width() * (2 * i + 1) / 6, g.text.center().y());
            painter->drawEllipse(c, r, r);
        }
    } else {
        const WrappedText wrapped = wrap(bubbleText(index), m_view->font(), maxTextWidth());
        wrapped.layout->draw(painter, g.text.topLeft());
    }

    if (kind == Kind::Bot) {
        const QFont small = smallFont(m_view->font());
        painter->setFont(small);
        const int feedback = index.data(ChatModel::FeedbackRole).toInt();
        const bool logged = index.data(ChatModel::TurnIdRole).toLongLong() > 0;
        for (int value : {1, -1}) {
            const QRect chip = value > 0 ? g.up : g.down;
            const bool on = feedback == value;
            QPainterPath chipPath;
            chipPath.addRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0,
                                    chip.height() / 2.0);
            painter->fillPath(chipPath, on ? (value > 0 ? QColor(0xd7, 0xf5, 0xdf) : QColor(0xfd, 0xdc, 0xdc))
                                           : QColor(Qt::white));
            painter->setPen(on ? QColor(0x4b, 0x55, 0x63) : QColor(0xd0, 0xd5, 0xdd));
            painter->drawPath(chipPath);
            const int iconSide = chip.height() * 3 / 5;
            const QRectF iconBox(chip.center().x() - iconSide / 2.0 + 0.5, chip.center().y() - iconSide / 2.0 + 0.5,
                                 iconSide, iconSide);
            painter->fillPath(thumbPath(iconBox, value > 0),
                              logged ? QColor(0x37, 0x41, 0x51) : QColor(0xc0, 0xc4, 0xcc));
        }
        if (m_showDetails) {
            const bool sent = index.data(ChatModel::SentToLabelingRole).toBool();
            QPainterPath chipPath;
            chipPath.addRoundedRect(QRectF(g.labeling).adjusted(0.5, 0.5, -0.5, -0.5),
                                    g.labeling.height() / 2.0, g.labeling.height() / 2.0);
            painter->fillPath(chipPath, sent ? QColor(0xe0, 0xe7, 0xff) : QColor(Qt::white));
            painter->setPen(sent ? QColor(0x4b, 0x55, 0x63) : QColor(0xd0, 0xd5, 0xdd));
            painter->drawPath(chipPath);
            painter->setPen(logged && !sent ? QColor(0x37, 0x41, 0x51) : QColor(0x9c, 0xa3, 0xaf));
            painter->drawText(g.labeling, Qt::AlignCenter, labelingText(index));
            const QString caption = index.data(Qt::ToolTipRole).toString();
            const QRect captionRect(g.labeling.right() + 10, g.footer.top(),
                                    option.rect.right() - g.labeling.right() - 20, g.footer.height());
            painter->setPen(QColor(0x6b, 0x72, 0x80));
            painter->drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetrics(small).elidedText(caption, Qt::ElideRight, captionRect.width()));
        }
    }
    painter->restore();
}

bool ChatBubbleDelegate::editorEvent(QEvent* event, QAbstractItemModel*, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) {
    if (event->type() != QEvent::MouseButtonRelease ||
        index.data(ChatModel::KindRole).toInt() != static_cast<int>(Kind::Bot))
        return false;
    const QPoint pos = static_cast<QMouseEvent*>(event)->position().toPoint();
    const Geometry g = geometry(option.rect, index);
    const int current = index.data(ChatModel::FeedbackRole).toInt();
    // A second click on the chosen thumb takes the feedback back.
    if (g.up.contains(pos)) {
        emit feedbackClicked(index, current == 1 ? 0 : 1);
        return true;
    }
    if (g.down.contains(pos)) {
        emit feedbackClicked(index, current == -1 ? 0 : -1);
        return true;
    }
    if (g.labeling.contains(pos)) {
        if (!index.data(ChatModel::SentToLabelingRole).toBool() &&
            index.data(ChatModel::TurnIdRole).toLongLong() > 0)
            emit labelingClicked(index);
        return true;
    }
    return false;
}

} // namespace bankbench::ui
