// The feedback chips under bot answers drew the 👍/👎 emoji, which a Debian desktop without a colour emoji
// font renders as empty boxes (seen in the Playground screenshots); they are now drawn as paths.

#include "playground/chatbubbledelegate.h"
#include "playground/chatmodel.h"
#include "playground/chatview.h"
#include "playground/thumbicon.h"

#include "playground/chatcore.h"

#include <QImage>
#include <QListView>
#include <QPainter>

#include <gtest/gtest.h>

using namespace bankbench;

namespace {

/// Share of `box`'s pixels that `path` covers, rendered without antialiasing.
double coverage(const QPainterPath& path, const QRect& box) {
    QImage image(box.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(-box.topLeft());
    painter.fillPath(path, Qt::black);
    painter.end();
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128;
    return double(dark) / (box.width() * box.height());
}

TEST(ThumbIcon, UpIsAHandWithARaisedThumbAndDownIsItsMirror) {
    const QRectF box(10, 20, 100, 100);
    const QPainterPath up = ui::thumbPath(box, true);
    const QPainterPath down = ui::thumbPath(box, false);
    EXPECT_TRUE(box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(up.boundingRect()));
    EXPECT_TRUE(box.adjusted(-0.5, -0.5, 0.5, 0.5).contains(down.boundingRect()));
    // A filled silhouette (an outlined box would cover far less), not the whole square either.
    const double covered = coverage(up, box.toRect());
    EXPECT_GT(covered, 0.45);
    EXPECT_LT(covered, 0.85);
    // Up: the thumb's tip near the top, nothing in the top right corner, the hand at the bottom.
    EXPECT_TRUE(up.contains(QPointF(10 + 52, 20 + 8)));
    EXPECT_FALSE(up.contains(QPointF(10 + 90, 20 + 10)));
    EXPECT_TRUE(up.contains(QPointF(10 + 50, 20 + 90)));
    // Down: the same shape upside down.
    for (const QPointF p : {QPointF(52, 8), QPointF(90, 10), QPointF(50, 90), QPointF(15, 70), QPointF(40, 30)})
        EXPECT_EQ(up.contains(QPointF(10 + p.x(), 20 + p.y())), down.contains(QPointF(10 + p.x(), 20 + 100 - p.y())))
            << p.x() << "," << p.y();
}

TEST(ThumbIcon, FeedbackChipsUnderABotAnswerShowFilledThumbs) {
    ui::ChatView view;
    view.resize(600, 400);
    ui::ChatModel* model = view.model();
    core::chat::TurnResult turn;
    turn.intent = "balance";
    turn.confidence = 0.9;
    turn.decision = core::chat::Decision::Answer;
    turn.answer = "You can see your balance on the home screen of the app.";
    model->addUserMessage(QStringLiteral("what is my balance"));
    model->addBotAnswer(turn, 7);
    const QModelIndex index = model->index(1);
    QListView* list = view.list();
    QStyleOptionViewItem option;
    option.initFrom(list->viewport());
    const QSize size = view.delegate()->sizeHint(option, index);
    option.rect = QRect(QPoint(0, 0), size);
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    view.delegate()->paint(&painter, option, index);
    painter.end();

    for (const int feedback : {1, -1}) {
        const QRect chip = view.delegate()->thumbRect(option.rect, index, feedback);
        ASSERT_FALSE(chip.isEmpty());
        // The icon's box: the middle three fifths of the chip's height.
        const int side = chip.height() * 3 / 5;
        const QRect icon(chip.center().x() - side / 2, chip.center().y() - side / 2, side, side);
        int ink = 0;
        for (int y = icon.top(); y <= icon.bottom(); ++y)
            for (int x = icon.left(); x <= icon.right(); ++x)
                ink += qGray(image.pixel(x, y)) < 110;
        EXPECT_GT(double(ink) / (side * side), 0.3) << "feedback " << feedback << ": the chip's icon is not filled";
    }
}

} // namespace
