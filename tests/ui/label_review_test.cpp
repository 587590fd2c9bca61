// Several annotators: review mode walks disagreements and records adjudications; kappa is shown.

#include "labelharness.h"

#include "label/labelprogresspanel.h"
#include "label/labelqueuebar.h"

#include <QPushButton>

using namespace bankbench;
using test::LabelHarness;

namespace {

/// alice and bob agree on records 1 and 3 (of the dataset, in id order) and disagree on 2 and 4.
void twoAnnotators(core::LabelStore& store, const test::LabelProject& fixture) {
    auto decide = [&](core::RecordId record, const std::string& who, const std::string& label) {
        auto id =
            store.recordDecision(record, fixture.labelSetId, who, core::DecisionStatus::Accepted, {label});
        ASSERT_TRUE(id.ok()) << (id.ok() ? "" : id.error().what());
    };
    auto ids = store.currentDecisionsInDataset(fixture.datasetId); // none yet; ids come from the records
    ASSERT_TRUE(ids.ok());
    // Record ids are assigned in import order starting at the first id of the dataset.
    const core::RecordId first = 1;
    decide(first, "alice", "card_lost");
    decide(first, "bob", "card_lost");
    decide(first + 1, "alice", "balance");
    decide(first + 1, "bob", "transfer");
    decide(first + 2, "alice", "complaint");
    decide(first + 2, "bob", "complaint");
    decide(first + 3, "alice", "transfer");
    decide(first + 3, "bob", "balance");
}

} // namespace

TEST_F(LabelHarness, ReviewModeWalksDisagreementsAndRecordsTheAdjudication) {
    open(core::LabelSetKind::SingleLabel, 0, "carol", twoAnnotators);
    ASSERT_TRUE(idle());
    // Agreement between alice and bob (Cohen's kappa over the 4 records both labelled).
    EXPECT_TRUE(view().progressPanel()->agreementText().contains(QStringLiteral("Cohen")))
        << view().progressPanel()->agreementText().toStdString();
    EXPECT_TRUE(view().progressPanel()->agreementText().contains(QStringLiteral("κ =")));

    workspace()->queueBar()->reviewButton()->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return session().isReviewMode() && session().currentRecord() && session().isIdle(); }, 10000));
    ASSERT_EQ(session().queueSize(), 2);
    EXPECT_TRUE(view().positionText().contains(QStringLiteral("Disagreement 1 of 2")));
    EXPECT_EQ(session().currentRecordId(), 2);
    EXPECT_TRUE(view().othersText().contains(QStringLiteral("alice")));
    EXPECT_TRUE(view().othersText().contains(QStringLiteral("Balance")));
    EXPECT_TRUE(view().othersText().contains(QStringLiteral("Transfer")));
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("No adjudication yet")));

    type('3'); // transfer is the final answer
    EXPECT_EQ(session().position(), 1);
    ASSERT_TRUE(idle());
    {
        auto project = core::Project::open(m_project, true);
        core::LabelStore store(**project);
        auto open = store.disagreements(m_fixture.datasetId);
        ASSERT_TRUE(open.ok());
        ASSERT_EQ(open->size(), 1u);
        EXPECT_EQ(open->front().recordId, 4);
        auto all = store.disagreements(m_fixture.datasetId, true);
        ASSERT_EQ(all->size(), 2u);
        ASSERT_TRUE(all->front().adjudication);
        EXPECT_EQ(all->front().adjudication->labels, std::vector<std::string>{"transfer"});
        // alice's and bob's own decisions are untouched.
        EXPECT_EQ(stored(2, "alice")->labels, std::vector<std::string>{"balance"});
        EXPECT_EQ(stored(2, "bob")->labels, std::vector<std::string>{"transfer"});
    }
    // Back on the first disagreement, the adjudication is shown; undo withdraws it.
    key(Qt::Key_Left);
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Adjudicated")))
        << view().decisionText().toStdString();
    key(Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(idle());
    {
        auto project = core::Project::open(m_project, true);
        core::LabelStore store(**project);
        EXPECT_EQ(store.disagreements(m_fixture.datasetId)->size(), 2u);
    }
    // Leaving review mode labels as carol again.
    workspace()->queueBar()->reviewButton()->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !session().isReviewMode() && session().currentRecord() && session().isIdle(); }, 10000));
    EXPECT_EQ(session().queueSize(), 8);
    type('1');
    ASSERT_TRUE(idle());
    EXPECT_EQ(stored(session().queue()->at(0), "carol")->labels, std::vector<std::string>{"card_lost"});
}
