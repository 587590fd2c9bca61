#pragma once

#include <QStyledItemDelegate>

class QListView;

namespace bankbench::ui {

/// Paints ChatModel rows as message bubbles: the user's on the right, the bot's on the left, long Chinese
/// and English text wrapped (at word boundaries, else anywhere), a typing bubble with moving dots, and
/// thumbs up/down under each answer (clicks become feedbackClicked). Sizes follow the view's font, so a
/// larger font (presenter mode) gives larger bubbles. GUI thread; `view` must outlive the delegate.
class ChatBubbleDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit ChatBubbleDelegate(QListView* view);

    /// Shows the intent and confidence under each answer (off for customer-facing demos).
    void setShowDetails(bool show);
    bool showsDetails() const { return m_showDetails; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// Where the thumbs of the bubble in `itemRect` are (tests click them).
    QRect thumbRect(const QRect& itemRect, const QModelIndex& index, int feedback) const;
    /// Where the "send to labeling" chip of the bubble is (empty while details are hidden).
    QRect labelingRect(const QRect& itemRect, const QModelIndex& index) const;

signals:
    void feedbackClicked(const QModelIndex& index, int feedback);
    /// The "send to labeling" chip under an answer was clicked (details shown, turn logged, not sent yet).
    void labelingClicked(const QModelIndex& index);

protected:
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

private:
    struct Geometry {
        QRect bubble;
        QRect text;
        QRect footer;
        QRect up;
        QRect down;
        QRect labeling; ///< empty while details are hidden
        int height = 0;
    };
    Geometry geometry(const QRect& itemRect, const QModelIndex& index) const;
    int maxTextWidth() const;

    QString labelingText(const QModelIndex& index) const;

    QListView* m_view;
    bool m_showDetails = true;
};

} // namespace bankbench::ui
