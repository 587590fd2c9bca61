// Label schema editing through the dialog and the undo stack: merge, create, rename, reorder, delete.

#include "labelharness.h"

#include "label/labelbuttonbar.h"
#include "label/labeleditdialog.h"
#include "label/labelschemadialog.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>

using namespace bankbench;
using test::LabelHarness;
using test::qs;

namespace {

std::vector<std::string> storedLabelNames(const std::string& path, core::LabelSetId set) {
    auto project = core::Project::open(path, true);
    EXPECT_TRUE(project.ok());
    core::LabelStore store(**project);
    std::vector<std::string> names;
    if (auto labels = store.labels(set)) {
        for (const auto& label : labels.value())
            names.push_back(label.name);
    }
    return names;
}

std::vector<std::string> sessionLabelNames(const ui::LabelSession& session) {
    std::vector<std::string> names;
    for (const auto& label : session.schema().labels)
        names.push_back(label.name);
    return names;
}

} // namespace

TEST_F(LabelHarness, MergingLabelsRepointsDecisionsAndUndoSplitsThemAgain) {
    open(core::LabelSetKind::SingleLabel);
    type('3'); // transfer
    type('3'); // transfer
    type('2'); // balance
    ASSERT_TRUE(idle());
    const core::RecordId first = recordAt(0);
    const core::RecordId third = recordAt(2);

    ui::LabelSchemaDialog* dialog = workspace()->showSchemaDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->table()->rowCount(), 4);
    dialog->mergeLabel("transfer", "balance");
    ASSERT_TRUE(idle());
    EXPECT_EQ(storedLabelNames(m_project, m_fixture.labelSetId),
              (std::vector<std::string>{"card_lost", "balance", "complaint"}));
    EXPECT_EQ(sessionLabelNames(session()), (std::vector<std::string>{"card_lost", "balance", "complaint"}));
    EXPECT_EQ(dialog->table()->rowCount(), 3);
    EXPECT_EQ(view().buttons()->buttonCount(), 3);
    ASSERT_TRUE(stored(first));
    EXPECT_EQ(stored(first)->labels, std::vector<std::string>{"balance"});

    // Back in the labeling view, Ctrl+Z undoes the merge: the label and its decisions are back.
    dialog->close();
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitFor([&] { return QApplication::activeWindow() == m_window.get(); }, 5000));
    view().focusText();
    key(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(idle());
    EXPECT_EQ(storedLabelNames(m_project, m_fixture.labelSetId),
              (std::vector<std::string>{"card_lost", "balance", "transfer", "complaint"}));
    EXPECT_EQ(stored(first)->labels, std::vector<std::string>{"transfer"});
    EXPECT_EQ(stored(third)->labels, std::vector<std::string>{"balance"});
    EXPECT_EQ(view().buttons()->buttonCount(), 4);

    // Redo merges again; the reopened dialog follows.
    key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(idle());
    EXPECT_EQ(stored(first)->labels, std::vector<std::string>{"balance"});
    ui::LabelSchemaDialog* again = workspace()->showSchemaDialog();
    EXPECT_EQ(again->table()->rowCount(), 3);
    again->close();
}

TEST_F(LabelHarness, CreateRenameReorderAndDeleteLabelsAreUndoable) {
    open(core::LabelSetKind::SingleLabel);
    ui::LabelSchemaDialog* dialog = workspace()->showSchemaDialog();
    QUndoStack& undo = *session().undoStack();

    core::Label fraud;
    fraud.name = "fraud";
    fraud.displayZh = "欺诈";
    fraud.displayEn = "Fraud";
    fraud.hotkey = "f";
    dialog->addLabel(fraud);
    ASSERT_TRUE(idle());
    ASSERT_EQ(sessionLabelNames(session()).back(), "fraud");
    type('f'); // the new hotkey labels at once
    ASSERT_TRUE(idle());
    EXPECT_EQ(stored(recordAt(0))->labels, std::vector<std::string>{"fraud"});

    const core::Label before = *session().labelByName("fraud");
    core::Label after = before;
    after.name = "fraud_report";
    after.displayEn = "Fraud report";
    dialog->editLabel(before, after);
    ASSERT_TRUE(idle());
    EXPECT_EQ(sessionLabelNames(session()).back(), "fraud_report");
    EXPECT_EQ(session().labelByName("fraud_report")->displayEn, "Fraud report");
    EXPECT_EQ(stored(recordAt(0))->labels, std::vector<std::string>{"fraud_report"});

    dialog->moveLabel("fraud_report", -1);
    ASSERT_TRUE(idle());
    EXPECT_EQ(sessionLabelNames(session()),
              (std::vector<std::string>{"card_lost", "balance", "transfer", "fraud_report", "complaint"}));

    dialog->deleteLabel("fraud_report");
    ASSERT_TRUE(idle());
    EXPECT_EQ(session().labelByName("fraud_report"), nullptr);
    EXPECT_FALSE(stored(recordAt(0)));

    undo.undo(); // delete
    ASSERT_TRUE(idle());
    EXPECT_EQ(stored(recordAt(0))->labels, std::vector<std::string>{"fraud_report"});
    undo.undo(); // reorder
    undo.undo(); // rename + update (one macro)
    ASSERT_TRUE(idle());
    EXPECT_EQ(sessionLabelNames(session()),
              (std::vector<std::string>{"card_lost", "balance", "transfer", "complaint", "fraud"}));
    EXPECT_EQ(session().labelByName("fraud")->displayEn, "Fraud");
    undo.undo(); // the decision
    undo.undo(); // the new label
    ASSERT_TRUE(idle());
    EXPECT_EQ(storedLabelNames(m_project, m_fixture.labelSetId),
              (std::vector<std::string>{"card_lost", "balance", "transfer", "complaint"}));
    undo.redo(); // the label comes back with its id, so the decision's redo still applies
    undo.redo();
    ASSERT_TRUE(idle());
    EXPECT_EQ(stored(recordAt(0))->labels, std::vector<std::string>{"fraud"});
    EXPECT_TRUE(workspace()->errorText().isEmpty()) << workspace()->errorText().toStdString();
    dialog->close();
}

TEST(LabelEditDialog, RefusesDuplicateNamesAndTakenOrReservedHotkeys) {
    core::Label existing;
    existing.id = 1;
    existing.name = "balance";
    existing.hotkey = "2";
    core::Label edited;
    edited.id = 2;
    edited.name = "card_lost";
    ui::LabelEditDialog dialog(edited, {existing, edited});
    EXPECT_TRUE(dialog.validationError().isEmpty());
    dialog.nameEdit()->setText(QStringLiteral("balance"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("already has a label named")));
    dialog.nameEdit()->setText(QStringLiteral("card_lost"));
    dialog.hotkeyEdit()->setText(QStringLiteral("2"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("already used")));
    dialog.hotkeyEdit()->setText(QStringLiteral("?"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("reserved")));
    dialog.hotkeyEdit()->setText(QStringLiteral("C"));
    EXPECT_TRUE(dialog.validationError().isEmpty());
    EXPECT_EQ(dialog.label().hotkey, "c");
}

TEST(LabelButtonBar, LabelsWithoutHotkeysGetFreeDigitsThenLetters) {
    std::vector<core::Label> labels(12);
    for (int i = 0; i < 12; ++i) {
        labels[static_cast<std::size_t>(i)].name = std::string("l").append(std::to_string(i));
        labels[static_cast<std::size_t>(i)].position = i;
    }
    labels[0].hotkey = "2"; // taken: the others skip it
    const auto keys = ui::LabelButtonBar::effectiveHotkeys(labels);
    EXPECT_EQ(keys[0], QStringLiteral("2"));
    EXPECT_EQ(keys[1], QStringLiteral("1"));
    EXPECT_EQ(keys[2], QStringLiteral("3"));
    EXPECT_EQ(keys[9], QStringLiteral("0"));
    EXPECT_EQ(keys[10], QStringLiteral("q"));
}
