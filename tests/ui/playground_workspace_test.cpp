// The Playground workspace offscreen: a multi-turn conversation with a missing-slot follow-up and a
// hand-over through the real engine and a trained model, feedback and send-to-labeling in the store,
// presenter mode, transcript export, masking on screen.

#include "playground_fixtures.h"

#include "playground/chatbubbledelegate.h"
#include "playground/chatmodel.h"
#include "playground/chatview.h"
#include "playground/intentbars.h"
#include "playground/whypanel.h"

#include "playground/chatcore.h"
#include <store/project.h>

#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QTableWidget>
#include <QToolBar>

#include <nlohmann/json.hpp>

using namespace bankbench;
using bankbench::test::qs;

namespace {

namespace chat = core::chat;

class PlaygroundWorkspaceTest : public test::PlaygroundHarness {
protected:
    const ui::ChatMessage& last() const { return m_workspace->chatView()->model()->messages().back(); }

    std::vector<chat::ChatTurnRecord> loggedTurns() const {
        auto project = core::Project::open(m_project, /*readOnly=*/true);
        EXPECT_TRUE(project.ok());
        chat::BotStore store(**project);
        auto bot = store.bot("service");
        EXPECT_TRUE(bot.ok());
        auto turns = chat::ChatLog(**project).turns(bot->id);
        EXPECT_TRUE(turns.ok());
        return turns.ok() ? *turns : std::vector<chat::ChatTurnRecord>{};
    }

    /// Clicks a thumb under the bubble in `row` as the user would.
    void clickThumb(int row, int feedback) {
        QListView* list = m_workspace->chatView()->list();
        const QModelIndex index = list->model()->index(row, 0);
        list->scrollTo(index);
        const QRect item = list->visualRect(index);
        const QRect thumb = m_workspace->chatView()->delegate()->thumbRect(item, index, feedback);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, thumb.center());
    }
};

TEST_F(PlaygroundWorkspaceTest, MissingSlotFollowUpThenAnswerThenHandover) {
    open();
    ui::ChatView* view = m_workspace->chatView();
    EXPECT_TRUE(view->input()->isEnabled());

    say(QStringLiteral("please help me transfer"));
    ASSERT_TRUE(last().turn.has_value());
    EXPECT_EQ(last().turn->decision, chat::Decision::FollowUp);
    EXPECT_EQ(last().turn->responseKey, "transfer.ask.amount");
    EXPECT_EQ(last().text, QStringLiteral("How much would you like to transfer?"));
    EXPECT_EQ(m_workspace->whyPanel()->bars()->intents().front().first, QStringLiteral("transfer"));

    say(QStringLiteral("500 USD"));
    EXPECT_EQ(last().turn->decision, chat::Decision::Answer);
    EXPECT_EQ(last().turn->responseKey, "transfer");
    EXPECT_EQ(last().turn->intentSource, "context");
    EXPECT_EQ(last().text, QStringLiteral("OK, transferring 500 for you now."));
    // The why panel shows the remembered slot.
    EXPECT_EQ(m_workspace->whyPanel()->slotTable()->item(0, 0)->text(), QStringLiteral("amount"));

    say(QStringLiteral("I want to talk to a human"));
    EXPECT_EQ(last().turn->decision, chat::Decision::Handover);
    EXPECT_TRUE(m_workspace->whyPanel()->decisionText().contains(QStringLiteral("human agent")));

    // Six bubbles: three user messages, three answers; every turn is in the log in order.
    EXPECT_EQ(view->model()->rowCount(), 6);
    const auto turns = loggedTurns();
    ASSERT_EQ(turns.size(), 3u);
    EXPECT_EQ(turns[0].decision, "follow_up");
    EXPECT_EQ(turns[1].decision, "answer");
    EXPECT_EQ(turns[2].decision, "handover");
    EXPECT_EQ(turns[0].session, turns[2].session);
}

TEST_F(PlaygroundWorkspaceTest, ChineseConversationAndQuickReplyButtons) {
    open();
    say(QStringLiteral("请帮我转账"));
    EXPECT_EQ(last().turn->language, "zh");
    EXPECT_EQ(last().text, QStringLiteral("请问您要转多少钱？"));
    say(QStringLiteral("三千元"));
    EXPECT_EQ(last().text, QStringLiteral("好的，正在为您转账 3000。"));
    // Clarification choices are buttons that send the intent.
    say(QStringLiteral("zzz qqq"));
    if (last().turn->decision == chat::Decision::Clarify) {
        const auto buttons = m_workspace->chatView()->quickReplyButtons();
        ASSERT_EQ(buttons.size(), 2);
        const QString intent = buttons.first()->property("reply").toString();
        buttons.first()->click();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return m_workspace->isIdle() && last().turn && last().turn->intentSource == "quick_reply";
            },
            30000));
        EXPECT_EQ(last().turn->intent, intent.toStdString());
    } else {
        EXPECT_TRUE(m_workspace->chatView()->quickReplyButtons().isEmpty());
    }
}

TEST_F(PlaygroundWorkspaceTest, ThumbsAreStoredAndThumbsDownTurnsGoToLabeling) {
    open();
    say(QStringLiteral("please help me transfer"));
    say(QStringLiteral("what is my balance"));
    const int answerRow = m_workspace->chatView()->model()->rowCount() - 1;
    clickThumb(answerRow, -1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_workspace->isIdle() && last().feedback == -1; }, 10000));
    clickThumb(1, 1);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return m_workspace->isIdle() && m_workspace->chatView()->model()->messages()[1].feedback == 1;
        },
        10000));
    auto turns = loggedTurns();
    ASSERT_EQ(turns.size(), 2u);
    EXPECT_EQ(turns[0].feedback, 1);
    EXPECT_EQ(turns[1].feedback, -1);

    m_workspace->sendToLabeling();
    ASSERT_TRUE(waitIdle());
    EXPECT_TRUE(m_workspace->lastMessage().contains(QStringLiteral("chat-feedback")))
        << m_workspace->lastMessage().toStdString();
    turns = loggedTurns();
    EXPECT_FALSE(turns[0].recordId.has_value()); // thumbs up, confident: stays out
    ASSERT_TRUE(turns[1].recordId.has_value());
    auto project = core::Project::open(m_project, true);
    ASSERT_TRUE(project.ok());
    auto records = (*project)->records({*turns[1].recordId});
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ(records->front().text, "what is my balance");
}

TEST_F(PlaygroundWorkspaceTest, PresenterModeHidesChromeAndEscapeLeaves) {
    open();
    QToolBar* workspaceBar = m_window->findChild<QToolBar*>(QStringLiteral("workspaceBar"));
    ASSERT_NE(workspaceBar, nullptr);
    const qreal normalFont = m_workspace->chatView()->list()->font().pointSizeF();
    m_workspace->chatView()->input()->setFocus();
    QTest::keyClick(m_workspace->chatView()->input(), Qt::Key_F11);
    ASSERT_TRUE(m_workspace->isPresenterMode());
    EXPECT_FALSE(m_window->menuBar()->isVisible());
    EXPECT_FALSE(workspaceBar->isVisible());
    EXPECT_FALSE(m_workspace->toolBar()->isVisible());
    EXPECT_FALSE(m_workspace->isWhyPanelVisible());
    EXPECT_GT(m_workspace->chatView()->list()->font().pointSizeF(), normalFont * 1.5);
    QTest::keyClick(m_workspace->chatView()->input(), Qt::Key_Escape);
    EXPECT_FALSE(m_workspace->isPresenterMode());
    EXPECT_TRUE(m_window->menuBar()->isVisible());
    EXPECT_TRUE(workspaceBar->isVisible());
    EXPECT_TRUE(m_workspace->isWhyPanelVisible());
    EXPECT_DOUBLE_EQ(m_workspace->chatView()->list()->font().pointSizeF(), normalFont);
    QTest::keyClick(m_workspace->chatView()->input(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(m_workspace->isPresenterMode());
    m_workspace->presenterAction()->trigger();
    EXPECT_FALSE(m_workspace->isPresenterMode());

    // The why panel toggles off on its own for customer-facing demos.
    m_workspace->whyAction()->trigger();
    EXPECT_FALSE(m_workspace->isWhyPanelVisible());
    m_workspace->whyAction()->trigger();
    EXPECT_TRUE(m_workspace->isWhyPanelVisible());
}

TEST_F(PlaygroundWorkspaceTest, CardNumbersAreMaskedOnScreenAndResetForgets) {
    open();
    say(QStringLiteral("I lost my card 4111 1111 1111 1111"));
    const auto& messages = m_workspace->chatView()->model()->messages();
    const QString shown = messages[messages.size() - 2].text;
    EXPECT_FALSE(shown.contains(QStringLiteral("4111 1111 1111 1111")));
    EXPECT_TRUE(shown.contains(QStringLiteral("**** **** **** 1111"))) << shown.toStdString();
    const QString session = m_workspace->sessionId();
    m_workspace->resetConversation();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_workspace->sessionId() != session; }, 10000));
    EXPECT_EQ(m_workspace->chatView()->model()->rowCount(), 0);
    // Nothing remembered: the transfer asks for the amount again.
    say(QStringLiteral("please help me transfer"));
    EXPECT_EQ(last().turn->responseKey, "transfer.ask.amount");
}

TEST_F(PlaygroundWorkspaceTest, TranscriptExportsAsTextAndJson) {
    open();
    say(QStringLiteral("please help me transfer"));
    say(QStringLiteral("200 USD"));
    const std::string text = m_dir.file("t.txt");
    const std::string json = m_dir.file("t.json");
    ASSERT_EQ(m_workspace->exportTranscript(qs(text)), QString());
    ASSERT_EQ(m_workspace->exportTranscript(qs(json)), QString());
    const std::string plain = test::readFile(text);
    EXPECT_NE(plain.find("You: please help me transfer"), std::string::npos);
    EXPECT_NE(plain.find("Bot: OK, transferring 200 for you now."), std::string::npos);
    const auto parsed = nlohmann::json::parse(test::readFile(json));
    EXPECT_EQ(parsed["bot"], "service");
    ASSERT_EQ(parsed["messages"].size(), 4u);
    EXPECT_EQ(parsed["messages"][3]["turn"]["intent"], "transfer");
    EXPECT_EQ(m_workspace->exportTranscript(qs(m_dir.file("missing/dir/t.txt"))).isEmpty(), false);
}

} // namespace
