// Slot spans: selections with keyboard and mouse on Chinese text with emoji, stored as code points.

#include "labelharness.h"

#include <QTextBlock>
#include <QTextCursor>

using namespace bankbench;
using test::LabelHarness;
using test::qs;

namespace {

/// The record whose text is `text`, or 0.
core::RecordId positionOf(ui::LabelSession& session, const std::string& text) {
    for (qint64 i = 0; i < session.queueSize(); ++i) {
        session.goTo(i);
        if (test::waitIdle(session) && session.currentRecord() && session.currentRecord()->textUtf8 == text)
            return session.currentRecord()->id;
    }
    return 0;
}

} // namespace

TEST_F(LabelHarness, KeyboardSelectionOverEmojiAndChineseBecomesACodePointSpan) {
    open(core::LabelSetKind::Span);
    const std::string sample = "查询一下账户余额😀谢谢";
    const core::RecordId record = positionOf(session(), sample);
    ASSERT_NE(record, 0);
    view().focusText();
    // Caret before the emoji: 8 characters in, which is also 8 UTF-16 units (all BMP so far).
    QTextCursor cursor = text().textCursor();
    cursor.setPosition(8);
    text().setTextCursor(cursor);
    for (int i = 0; i < 3; ++i)
        key(Qt::Key_Right, Qt::ShiftModifier); // 😀 (two UTF-16 units, one step), 谢, 谢
    ASSERT_EQ(view().selectedCodePoints(), (std::make_pair<std::int64_t, std::int64_t>(8, 11)));
    type('d');
    ASSERT_EQ(session().pendingSpans().size(), 1u);
    EXPECT_EQ(session().pendingSpans()[0], (core::Span{8, 11, "date"}));
    EXPECT_TRUE(session().hasUnsavedEdits());
    EXPECT_TRUE(view().spansText().contains(QStringLiteral("😀谢谢"))) << view().spansText().toStdString();
    // The highlight covers exactly the UTF-16 range of the span.
    ASSERT_EQ(text().spans().size(), 1);
    EXPECT_EQ(text().spans()[0].start, 8);
    EXPECT_EQ(text().spans()[0].end, 12);

    // A second span overlapping the first is refused with a reason.
    cursor.setPosition(7);
    cursor.setPosition(10, QTextCursor::KeepAnchor);
    text().setTextCursor(cursor);
    type('a');
    EXPECT_EQ(session().pendingSpans().size(), 1u);
    EXPECT_TRUE(view().noticeText().contains(QStringLiteral("overlaps")))
        << view().noticeText().toStdString();

    key(Qt::Key_Return);
    ASSERT_TRUE(idle());
    const auto decision = stored(record);
    ASSERT_TRUE(decision);
    ASSERT_EQ(decision->spans.size(), 1u);
    EXPECT_EQ(decision->spans[0], (core::Span{8, 11, "date"}));
    EXPECT_EQ(decision->labels, std::vector<std::string>{"date"});
}

TEST_F(LabelHarness, MouseSelectionsOnMixedTextAndSpanRemovalWithUndo) {
    open(core::LabelSetKind::Span);
    const std::string sample = "转账 5000元 到 6222 0000 1234 失败了 🏦";
    const core::RecordId record = positionOf(session(), sample);
    ASSERT_NE(record, 0);
    // Drag over "6222 0000 1234" (code points 11..25) with the mouse.
    QWidget* viewport = text().viewport();
    auto pointAt = [&](int position) {
        QTextCursor cursor(text().document());
        cursor.setPosition(position);
        const QRect rect = text().cursorRect(cursor);
        return QPoint(rect.left() + 1, rect.center().y());
    };
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, pointAt(11));
    QTest::mouseMove(viewport, pointAt(25));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, pointAt(25));
    ASSERT_EQ(view().selectedCodePoints(), (std::make_pair<std::int64_t, std::int64_t>(11, 25)))
        << text().textCursor().selectedText().toStdString();
    type('c');
    // "5000元" by keyboard, selected with its surrounding spaces: they are trimmed off.
    QTextCursor cursor = text().textCursor();
    cursor.setPosition(2);
    cursor.setPosition(9, QTextCursor::KeepAnchor);
    text().setTextCursor(cursor);
    type('a');
    ASSERT_EQ(session().pendingSpans().size(), 2u);
    EXPECT_EQ(session().pendingSpans()[0], (core::Span{3, 8, "amount"}));
    EXPECT_EQ(session().pendingSpans()[1], (core::Span{11, 25, "card"}));
    // Retype the span under the caret, remove it with Backspace, and take the removal back.
    cursor.setPosition(13);
    text().setTextCursor(cursor);
    type('d');
    EXPECT_EQ(session().pendingSpans()[1].label, "date");
    key(Qt::Key_Backspace);
    EXPECT_EQ(session().pendingSpans().size(), 1u);
    key(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(session().pendingSpans().size(), 2u);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(session().pendingSpans()[1].label, "card");
    key(Qt::Key_Right); // moving on saves the edit
    ASSERT_TRUE(idle());
    const auto decision = stored(record);
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->spans, (std::vector<core::Span>{{3, 8, "amount"}, {11, 25, "card"}}));

    // Undo after moving on: back to the record, the decision withdrawn.
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(session().currentRecordId(), record);
    ASSERT_TRUE(idle());
    EXPECT_FALSE(stored(record));
    EXPECT_TRUE(session().pendingSpans().empty());
}

TEST_F(LabelHarness, SkinToneEmojiCountsAsTwoCodePoints) {
    open(core::LabelSetKind::Span);
    const std::string sample = "Apple Pay 👍🏽 keeps declining my card";
    const core::RecordId record = positionOf(session(), sample);
    ASSERT_NE(record, 0);
    // "keeps": after "Apple Pay " (10), 👍🏽 (2 code points, 4 UTF-16 units) and a space.
    const int start16 = qs("Apple Pay 👍🏽 ").size();
    ASSERT_EQ(start16, 15);
    text().selectRange(start16, start16 + 5);
    type('a');
    key(Qt::Key_Return);
    ASSERT_TRUE(idle());
    const auto decision = stored(record);
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->spans, (std::vector<core::Span>{{13, 18, "amount"}}));
}
