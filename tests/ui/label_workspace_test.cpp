// The Label workspace end to end: hotkeys, undo/redo (also after moving on), durability, errors.

#include "labelharness.h"

#include "label/labelbuttonbar.h"
#include "label/labelprogresspanel.h"
#include "label/labelqueuebar.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QUndoStack>

using namespace bankbench;
using test::LabelHarness;
using test::qs;

namespace {

std::vector<std::string> labelsOf(const std::optional<core::Decision>& decision) {
    return decision ? decision->labels : std::vector<std::string>{};
}

} // namespace

TEST_F(LabelHarness, HotkeysLabelASequenceAndEveryDecisionIsStored) {
    open(core::LabelSetKind::SingleLabel);
    ASSERT_EQ(session().queueSize(), 8);
    EXPECT_EQ(session().position(), 0);
    EXPECT_TRUE(view().positionText().contains(QStringLiteral("Record 1 of 8")));
    EXPECT_EQ(text().toPlainText(), qs(test::labelTexts()[0]));
    EXPECT_EQ(view().buttons()->buttonCount(), 4);
    EXPECT_TRUE(
        view().buttons()->button("card_lost")->toolTip().contains(QStringLiteral("Guideline for card_lost")));

    type('1');          // card_lost, then on to the next record
    type('2');          // balance
    key(Qt::Key_Space); // skip
    type('?');          // unclear, with a comment
    ASSERT_TRUE(view().commentEdit()->isVisible());
    QTest::keyClicks(view().commentEdit(), QStringLiteral("two intents"));
    QTest::keyClick(view().commentEdit(), Qt::Key_Return);
    type('q'); // complaint: the letter key
    EXPECT_EQ(session().position(), 5);
    EXPECT_EQ(session().decisionsThisSession(), 5);

    ASSERT_TRUE(idle());
    EXPECT_EQ(labelsOf(stored(recordAt(0))), std::vector<std::string>{"card_lost"});
    EXPECT_EQ(labelsOf(stored(recordAt(1))), std::vector<std::string>{"balance"});
    ASSERT_TRUE(stored(recordAt(2)));
    EXPECT_EQ(stored(recordAt(2))->status, core::DecisionStatus::Skipped);
    ASSERT_TRUE(stored(recordAt(3)));
    EXPECT_EQ(stored(recordAt(3))->status, core::DecisionStatus::Unclear);
    EXPECT_EQ(stored(recordAt(3))->comment, "two intents");
    EXPECT_EQ(labelsOf(stored(recordAt(4))), std::vector<std::string>{"complaint"});
    EXPECT_EQ(stored(recordAt(4))->annotator, "alice");

    EXPECT_EQ(session().saveState(), ui::LabelSession::SaveState::Saved);
    EXPECT_TRUE(view().saveText().contains(QStringLiteral("All decisions saved")));
    ASSERT_EQ(view().recentList()->count(), 5);
    EXPECT_TRUE(view().recentList()->item(0)->text().startsWith(QStringLiteral("Complaint")));
    EXPECT_TRUE(view().progressPanel()->progressText().startsWith(QStringLiteral("3 of 8 labelled")))
        << view().progressPanel()->progressText().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !view().progressPanel()->isReplotPending(); }, 2000));
    ASSERT_EQ(view().progressPanel()->counts().size(), 4);
    EXPECT_EQ(view().progressPanel()->counts().at(0).count, 1); // card_lost

    // Left goes back and shows the stored decision; Enter on it just moves on.
    key(Qt::Key_Left);
    EXPECT_EQ(session().position(), 4);
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Complaint")))
        << view().decisionText().toStdString();
    key(Qt::Key_Return);
    EXPECT_EQ(session().position(), 5);
    ASSERT_TRUE(idle());
    EXPECT_EQ(session().decisionsThisSession(), 5);
}

TEST_F(LabelHarness, UndoAndRedoWorkAfterMovingOnAndNavigateBack) {
    open(core::LabelSetKind::SingleLabel);
    type('1');
    type('3');
    key(Qt::Key_Space);
    ASSERT_EQ(session().position(), 3);
    // Move on past several records, then undo: the skip is withdrawn and its record shown again.
    key(Qt::Key_Right);
    key(Qt::Key_Right);
    ASSERT_EQ(session().position(), 5);
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(session().position(), 2);
    EXPECT_FALSE(session().shownDecision().has_value());
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(session().position(), 1);
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Not labelled yet")));
    ASSERT_TRUE(idle());
    EXPECT_FALSE(stored(recordAt(1)));
    EXPECT_FALSE(stored(recordAt(2)));
    EXPECT_EQ(labelsOf(stored(recordAt(0))), std::vector<std::string>{"card_lost"});

    // Redo walks forward again, to each record it changes.
    key(Qt::Key_Right);
    key(Qt::Key_Right);
    key(Qt::Key_Right);
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(session().position(), 1);
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Transfer")));
    key(Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(session().position(), 2);
    ASSERT_TRUE(idle());
    EXPECT_EQ(labelsOf(stored(recordAt(1))), std::vector<std::string>{"transfer"});
    ASSERT_TRUE(stored(recordAt(2)));
    EXPECT_EQ(stored(recordAt(2))->status, core::DecisionStatus::Skipped);

    // Relabelling replaces the decision; undo brings the previous one back, in the store too.
    key(Qt::Key_Left);
    ASSERT_EQ(session().position(), 1);
    type('2');
    ASSERT_TRUE(idle());
    EXPECT_EQ(labelsOf(stored(recordAt(1))), std::vector<std::string>{"balance"});
    key(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(idle());
    EXPECT_EQ(labelsOf(stored(recordAt(1))), std::vector<std::string>{"transfer"});
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Transfer")));
}

TEST_F(LabelHarness, MultiLabelKeysToggleAndEnterSaves) {
    open(core::LabelSetKind::MultiLabel);
    type('1');
    type('3');
    type('1'); // off again
    type('2');
    EXPECT_TRUE(session().hasUnsavedEdits());
    EXPECT_EQ(session().pendingLabels(), (std::vector<std::string>{"balance", "transfer"}));
    EXPECT_TRUE(view().buttons()->button("balance")->isChecked());
    EXPECT_FALSE(view().buttons()->button("card_lost")->isChecked());
    // Ctrl+Z first takes back the unsaved toggle.
    key(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(session().pendingLabels(), std::vector<std::string>{"transfer"});
    type('2');
    key(Qt::Key_Return);
    EXPECT_EQ(session().position(), 1);
    // Moving on with an unsaved edit saves it.
    type('q');
    key(Qt::Key_Right);
    EXPECT_EQ(session().position(), 2);
    ASSERT_TRUE(idle());
    EXPECT_EQ(labelsOf(stored(recordAt(0))), (std::vector<std::string>{"balance", "transfer"}));
    EXPECT_EQ(labelsOf(stored(recordAt(1))), std::vector<std::string>{"complaint"});
}

TEST_F(LabelHarness, AFailedWriteIsShownAndTheRecordShowsTheStoreAgain) {
    open(core::LabelSetKind::SingleLabel);
    session().injectWriteFailure(QStringLiteral("disk I/O error (injected)"));
    type('1');
    ASSERT_TRUE(idle());
    EXPECT_EQ(session().saveState(), ui::LabelSession::SaveState::Failed);
    EXPECT_TRUE(workspace()->errorText().contains(QStringLiteral("disk I/O error (injected)")))
        << workspace()->errorText().toStdString();
    EXPECT_TRUE(view().saveText().contains(QStringLiteral("Not saved")));
    EXPECT_FALSE(stored(recordAt(0)));
    key(Qt::Key_Left);
    ASSERT_TRUE(idle());
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Not labelled yet")))
        << view().decisionText().toStdString();

    session().injectWriteFailure(QString());
    type('2');
    ASSERT_TRUE(idle());
    EXPECT_EQ(labelsOf(stored(recordAt(0))), std::vector<std::string>{"balance"});
}

TEST_F(LabelHarness, ClosingTheWindowRightAfterAKeyLosesNothing) {
    open(core::LabelSetKind::SingleLabel);
    const core::RecordId first = recordAt(0);
    const core::RecordId second = recordAt(1);
    type('3');
    type('1');
    m_window.reset(); // no waiting: the session's destructor lets queued writes finish
    EXPECT_EQ(labelsOf(stored(first)), std::vector<std::string>{"transfer"});
    EXPECT_EQ(labelsOf(stored(second)), std::vector<std::string>{"card_lost"});
}

TEST_F(LabelHarness, QueueOrdersAndAnnotatorComeFromTheBar) {
    open(core::LabelSetKind::SingleLabel);
    ui::LabelQueueBar& bar = *workspace()->queueBar();
    // No model: the uncertainty order is offered but disabled, saying why.
    QComboBox* order = bar.orderCombo();
    const int uncertainty = order->findData(static_cast<int>(ui::QueueMode::Uncertainty));
    EXPECT_FALSE(qobject_cast<QStandardItemModel*>(order->model())->item(uncertainty)->isEnabled());
    EXPECT_TRUE(
        order->itemData(uncertainty, Qt::ToolTipRole).toString().contains(QStringLiteral("trained model")));

    order->setCurrentIndex(order->findData(static_cast<int>(ui::QueueMode::Filtered)));
    bar.searchEdit()->setText(QStringLiteral("card"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session().queueRequest().search == "card"; }, 3000));
    ASSERT_TRUE(idle());
    EXPECT_GE(session().queueSize(), 2);
    for (qint64 i = 0; i < session().queueSize(); ++i) {
        session().goTo(i);
        ASSERT_TRUE(idle());
        EXPECT_TRUE(text().toPlainText().contains(QStringLiteral("card"), Qt::CaseInsensitive));
    }

    order->setCurrentIndex(order->findData(static_cast<int>(ui::QueueMode::Random)));
    bar.seedSpin()->setValue(7);
    ASSERT_TRUE(idle());
    const std::vector<core::RecordId> seven = *session().queue();
    ASSERT_EQ(seven.size(), 8u);
    bar.seedSpin()->setValue(8);
    ASSERT_TRUE(idle());
    bar.seedSpin()->setValue(7);
    ASSERT_TRUE(idle());
    EXPECT_EQ(*session().queue(), seven); // seeded: the same order again

    bar.annotatorEdit()->setText(QStringLiteral("bob"));
    emit bar.annotatorEdit()->editingFinished();
    EXPECT_EQ(session().annotator(), QStringLiteral("bob"));
    EXPECT_EQ(m_settings->annotatorName.get(), QStringLiteral("bob"));
    ASSERT_TRUE(idle());
    type('2');
    ASSERT_TRUE(idle());
    const auto decision = stored(seven[0], "bob");
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->labels, std::vector<std::string>{"balance"});
}
