// The Playground's editors and test view: response edits with undo saved as a new bot version, FAQ
// entries added/edited/deleted with undo and saved, conversation test replay with pass/fail per turn, and
// a bot created from a run.

#include "playground_fixtures.h"

#include "playground/chatmodel.h"
#include "playground/chatview.h"
#include "playground/conversationtestview.h"
#include "playground/createbotdialog.h"
#include "playground/knowledgeeditor.h"
#include "playground/responseeditor.h"
#include "playground/whypanel.h"

#include "playground/chatcore.h"
#include <store/project.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>

using namespace bankbench;
using bankbench::test::qs;

namespace {

namespace chat = core::chat;

class PlaygroundEditorsTest : public test::PlaygroundHarness {
protected:
    std::vector<chat::KbEntry> storedEntries() const {
        auto project = core::Project::open(m_project, true);
        EXPECT_TRUE(project.ok());
        auto bot = chat::BotStore(**project).bot("service");
        auto entries = chat::KnowledgeBase(**project, bot->id).entries();
        EXPECT_TRUE(entries.ok());
        return entries.ok() ? *entries : std::vector<chat::KbEntry>{};
    }
};

TEST_F(PlaygroundEditorsTest, ResponseEditsUndoAndSaveAsNewVersionThatAnswers) {
    open();
    ui::ResponseEditor* editor = m_workspace->responseEditor();
    editor->selectIntent(QStringLiteral("loan"));
    EXPECT_FALSE(editor->response(QStringLiteral("loan")).has_value());
    editor->variantsEdit(QStringLiteral("en"))
        ->setPlainText(QStringLiteral("Our loan rates start at 3.1%.\n"));
    editor->variantsEdit(QStringLiteral("zh"))->setPlainText(QStringLiteral("贷款年利率 3.1% 起。"));
    editor->applyButton()->click();
    ASSERT_TRUE(editor->response(QStringLiteral("loan")).has_value());
    EXPECT_EQ(editor->undoStack()->count(), 1);
    editor->undoStack()->undo();
    EXPECT_FALSE(editor->response(QStringLiteral("loan")).has_value());
    EXPECT_TRUE(editor->variantsEdit(QStringLiteral("en"))->toPlainText().isEmpty());
    editor->undoStack()->redo();
    ASSERT_TRUE(editor->response(QStringLiteral("loan")).has_value());
    EXPECT_EQ(editor->response(QStringLiteral("loan"))->variants.at("en").front(),
              "Our loan rates start at 3.1%.");

    // A required slot without a question is refused with a hint, not stored.
    editor->selectIntent(QStringLiteral("balance"));
    QTableWidget* required = editor->followUpTable();
    required->insertRow(0);
    required->setItem(0, 0, new QTableWidgetItem(QStringLiteral("date")));
    editor->applyButton()->click();
    EXPECT_TRUE(editor->response(QStringLiteral("balance"))->requiredSlots.empty());
    required->removeRow(0);

    ASSERT_TRUE(editor->saveButton()->isEnabled());
    editor->saveButton()->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m_workspace->isIdle() && m_workspace->bot()->version.version == 2; }, 30000))
        << m_workspace->lastError().toStdString();
    ASSERT_NE(m_workspace->bot()->version.responses.find("loan"), nullptr);
    say(QStringLiteral("please help me with a loan"));
    EXPECT_EQ(m_workspace->chatView()->model()->messages().back().text,
              QStringLiteral("Our loan rates start at 3.1%."));
}

TEST_F(PlaygroundEditorsTest, KnowledgeEntriesAddEditDeleteWithUndoThenSave) {
    open();
    ui::KnowledgeEditor* editor = m_workspace->knowledgeEditor();
    ASSERT_EQ(editor->draft().size(), 2);
    editor->addEntry(QStringLiteral("How do I reset my PIN?"),
                     QStringLiteral("Use the app: Cards > Reset PIN."));
    editor->editEntry(0, QStringLiteral("When does the branch open?"), QStringLiteral("9:00 on weekdays."));
    editor->removeEntry(1);
    EXPECT_EQ(editor->changes().size(), 3);
    editor->undoStack()->undo(); // the delete
    EXPECT_FALSE(editor->draft()[1].removed);
    editor->undoStack()->undo(); // the edit
    EXPECT_EQ(editor->draft()[0].question, QStringLiteral("What are the opening hours of the branch?"));
    editor->undoStack()->redo();
    editor->undoStack()->redo();
    ASSERT_EQ(editor->changes().size(), 3);
    editor->save();
    ASSERT_TRUE(waitIdle()) << m_workspace->lastError().toStdString();
    ASSERT_TRUE(m_workspace->lastError().isEmpty()) << m_workspace->lastError().toStdString();
    const auto entries = storedEntries();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].question, "When does the branch open?");
    EXPECT_EQ(entries[1].question, "How do I reset my PIN?");
    EXPECT_EQ(editor->draft().size(), 2); // reloaded from the store
    EXPECT_EQ(editor->undoStack()->count(), 0);
}

TEST_F(PlaygroundEditorsTest, ConversationTestFileReplaysWithPassAndFailPerTurn) {
    open();
    const std::string file = test::writePlaygroundTests(m_dir.path().string());
    ui::ConversationTestView* view = m_workspace->testView();
    view->run(qs(file));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_workspace->isIdle() && !view->isRunning(); }, 30000));
    ASSERT_EQ(view->table()->rowCount(), 3) << view->summary().toStdString();
    EXPECT_EQ(view->table()->item(0, 0)->text(), QStringLiteral("pass"));
    EXPECT_EQ(view->table()->item(1, 0)->text(), QStringLiteral("pass"));
    EXPECT_EQ(view->table()->item(2, 0)->text(), QStringLiteral("FAIL"));
    EXPECT_TRUE(view->table()->item(2, 5)->text().contains(QStringLiteral("intent")))
        << view->table()->item(2, 5)->text().toStdString();
    EXPECT_EQ(view->summary(), QStringLiteral("2 passed, 1 failed"));

    // A malformed file names where it is broken.
    const std::string broken = m_dir.file("broken.json");
    test::writeFile(broken, "{\"conversations\": [\n  {\"name\": 1,}\n]}");
    view->run(qs(broken));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_workspace->isIdle() && !view->isRunning(); }, 30000));
    EXPECT_TRUE(view->summary().contains(QStringLiteral("broken.json:"))) << view->summary().toStdString();
}

TEST_F(PlaygroundEditorsTest, CreateBotFromRunTunesPolicyAndLoadsIt) {
    open();
    ui::CreateBotDialog dialog(m_workspace->catalog().finishedRuns, {QStringLiteral("service")});
    EXPECT_FALSE(dialog.problem().isEmpty()); // no name yet
    dialog.nameEdit()->setText(QStringLiteral("service"));
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("already exists")));
    dialog.nameEdit()->setText(QStringLiteral("demo"));
    dialog.knowledgeEdit()->setText(qs(m_dir.file("nope.csv")));
    EXPECT_TRUE(dialog.problem().contains(QStringLiteral("No such file")));
    const std::string faq = m_dir.file("faq.csv");
    test::writeFile(faq, "question,answer\nHow do I close my account?,Visit any branch with your ID.\n");
    dialog.knowledgeEdit()->setText(qs(faq));
    ASSERT_TRUE(dialog.problem().isEmpty()) << dialog.problem().toStdString();
    EXPECT_EQ(dialog.runCombo()->currentText(), QStringLiteral("small"));

    m_workspace->createBot(dialog.request());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m_workspace->isIdle() && m_workspace->bot()->version.botName == "demo"; }, 60000))
        << m_workspace->lastError().toStdString();
    EXPECT_EQ(m_workspace->catalog().bots.size(), 2);
    EXPECT_EQ(m_workspace->bot()->knowledge.size(), 1u);
    // Tuned on the run's validation split: the tuning report is kept with the policy.
    EXPECT_TRUE(m_workspace->bot()->version.policy.tuning.contains("accuracy"))
        << m_workspace->bot()->version.policy.tuning.dump();
    // Without responses the bot names what it understood.
    EXPECT_TRUE(m_workspace->bot()->version.responses.empty());
    say(QStringLiteral("please help me with a loan"));
    const auto& turn = *m_workspace->chatView()->model()->messages().back().turn;
    if (turn.decision == chat::Decision::Answer) {
        EXPECT_EQ(turn.responseKey, turn.intent + ".default");
    }
}

TEST_F(PlaygroundEditorsTest, CreateBotWithANoneOfTheseIntentThatIsNeverAnswered) {
    // The choice lists the chosen run's labels after "(none)", and preselects a label named like "other".
    {
        ui::CreateBotDialog dialog({QStringLiteral("r1"), QStringLiteral("r2")}, {},
                                   {{QStringLiteral("r1"), {QStringLiteral("balance"), QStringLiteral("Other")}},
                                    {QStringLiteral("r2"), {QStringLiteral("balance"), QStringLiteral("loan")}}});
        EXPECT_EQ(dialog.noneIntentCombo()->count(), 3);
        EXPECT_EQ(dialog.noneIntentCombo()->currentText(), QStringLiteral("Other"));
        dialog.runCombo()->setCurrentIndex(1);
        EXPECT_EQ(dialog.noneIntentCombo()->currentIndex(), 0);
        EXPECT_TRUE(dialog.request().noneIntent.isEmpty());
    }
    open();
    ui::CreateBotDialog dialog(m_workspace->catalog().finishedRuns, {QStringLiteral("service")},
                               m_workspace->catalog().runLabels);
    dialog.nameEdit()->setText(QStringLiteral("with-none"));
    const int loan = dialog.noneIntentCombo()->findText(QStringLiteral("loan"));
    ASSERT_GT(loan, 0) << "the run's labels are offered";
    dialog.noneIntentCombo()->setCurrentIndex(loan);
    EXPECT_EQ(dialog.request().noneIntent, QStringLiteral("loan"));

    m_workspace->createBot(dialog.request());
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return m_workspace->isIdle() && m_workspace->bot()->version.botName == "with-none"; }, 60000))
        << m_workspace->lastError().toStdString();
    EXPECT_EQ(m_workspace->bot()->version.policy.noneIntent, "loan");
    EXPECT_EQ(m_workspace->bot()->version.policy.tuning.value("none_intent", ""), "loan");

    say(QStringLiteral("please help me with a loan"));
    const auto& turn = *m_workspace->chatView()->model()->messages().back().turn;
    ASSERT_FALSE(turn.topIntents.empty());
    if (turn.topIntents.front().intent == "loan") {
        EXPECT_TRUE(turn.noneIntent);
        EXPECT_NE(turn.decision, chat::Decision::Answer);
        EXPECT_TRUE(m_workspace->whyPanel()->findChild<QLabel*>(QStringLiteral("whyPolicy"))
                        ->text()
                        .contains(QStringLiteral("none-of-these")));
    } else {
        ADD_FAILURE() << "the small run should be sure of \"loan\" here, not " << turn.topIntents.front().intent;
    }
}

} // namespace
