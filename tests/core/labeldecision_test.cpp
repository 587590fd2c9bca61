// Decisions: one row per label, history kept, undo/redo, validation, progress, speed, review.
#include "labeltestsupport.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace bankbench::core;
using bankbench::test::LabelProject;

namespace {

/// A clock that advances by `step` seconds per call, from 2026-01-05T09:00:00Z.
struct SteppingClock {
    double seconds = 0;
    std::string operator()(double step) {
        const double now = seconds;
        seconds += step;
        const int whole = static_cast<int>(now);
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "2026-01-05T%02d:%02d:%02d.%03dZ", 9 + whole / 3600,
                      whole / 60 % 60, whole % 60, static_cast<int>((now - whole) * 1000));
        return buffer;
    }
};

} // namespace

TEST(LabelDecision, OneRowPerLabelAndHistoryKept) {
    LabelProject p({"我的卡丢了，还被盗刷了", "hello"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::MultiLabel, {"card_lost", "fraud", "balance"});
    const auto first = store
                           .recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted,
                                           {"fraud", "card_lost"}, {}, "both apply")
                           .value();
    auto rows =
        p.project->database().prepare("SELECT COUNT(*) FROM annotations WHERE id = ?1 OR decision = ?1");
    rows.bind(1, first);
    rows.step();
    EXPECT_EQ(rows.columnInt(0), 2);
    const auto d = store.decision(first).value();
    EXPECT_EQ(d.labels, (std::vector<std::string>{"card_lost", "fraud"})); // label position order
    EXPECT_EQ(d.comment, "both apply");
    EXPECT_EQ(d.annotator, "alice");
    EXPECT_TRUE(d.isCurrent());

    const auto second =
        store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"fraud"}).value();
    EXPECT_EQ(store.decision(first).value().state, DecisionState::Superseded);
    EXPECT_EQ(store.currentDecision(p.ids[0], set, "alice").value()->id, second);
    const auto history = store.history(p.ids[0], set).value();
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].id, first);
    EXPECT_EQ(history[1].id, second);
    // The Data workspace's record view follows the current decision.
    EXPECT_EQ(p.project->records({p.ids[0]}).value()[0].labels, (std::vector<std::string>{"fraud"}));
}

TEST(LabelDecision, UndoRestoresWhatWasCurrentAndRedoReapplies) {
    LabelProject p({"r1"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b", "c"});
    auto current = [&] {
        auto d = store.currentDecision(p.ids[0], set, "alice").value();
        return d ? d->labels.front() : std::string("-");
    };
    const auto d1 = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}).value();
    const auto d2 = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"b"}).value();
    EXPECT_EQ(current(), "b");
    BB_ASSERT_OK(store.undoDecision(d2));
    EXPECT_EQ(current(), "a");
    EXPECT_EQ(store.decision(d2).value().state, DecisionState::Undone);
    BB_ASSERT_OK(store.undoDecision(d1));
    EXPECT_EQ(current(), "-");
    EXPECT_EQ(store.undoDecision(d1).error().code, ErrorCode::InvalidArgument); // not current any more
    BB_ASSERT_OK(store.redoDecision(d1));
    EXPECT_EQ(current(), "a");
    BB_ASSERT_OK(store.redoDecision(d2));
    EXPECT_EQ(current(), "b");
    EXPECT_EQ(store.decision(d1).value().state, DecisionState::Superseded);

    // Undo, then a new decision: undoing that must not resurrect the decision undone before it.
    BB_ASSERT_OK(store.undoDecision(d2));
    BB_ASSERT_OK(store.undoDecision(d1));
    const auto d3 = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"c"}).value();
    BB_ASSERT_OK(store.undoDecision(d3));
    EXPECT_EQ(current(), "-");
    EXPECT_EQ(store.history(p.ids[0], set).value().size(), 3u); // nothing deleted
    EXPECT_EQ(store.undoDecision(424242).error().code, ErrorCode::NotFound);
}

TEST(LabelDecision, AnnotatorsAreIndependent) {
    LabelProject p({"r1"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    const auto alice = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}).value();
    const auto bob = store.recordDecision(p.ids[0], set, "bob", DecisionStatus::Accepted, {"b"}).value();
    EXPECT_TRUE(store.decision(alice).value().isCurrent());
    EXPECT_EQ(store.latestDecision(p.ids[0], set).value()->id, bob);
    EXPECT_EQ(store.currentDecisions(p.ids[0], set).value().size(), 2u);
    BB_ASSERT_OK(store.undoDecision(bob));
    EXPECT_EQ(store.latestDecision(p.ids[0], set).value()->id, alice);
    EXPECT_EQ(store.annotators(p.dataset).value(), (std::vector<std::string>{"alice"}));
}

TEST(LabelDecision, ValidatesAgainstTheSetKind) {
    LabelProject p({"转账到New York👍的账户"});
    LabelStore store(*p.project);
    const auto single = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    const auto span = store.createLabelSet("slots", LabelSetKind::Span).value().id;
    Label city;
    city.name = "city";
    BB_ASSERT_OK(store.createLabel(span, city));
    const auto r = p.ids[0];
    EXPECT_EQ(store.recordDecision(r, single, "x", DecisionStatus::Accepted, {"a", "b"}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(store.recordDecision(r, single, "x", DecisionStatus::Accepted, {}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(store.recordDecision(r, single, "x", DecisionStatus::Accepted, {"zzz"}).error().code,
              ErrorCode::NotFound);
    EXPECT_EQ(store.recordDecision(r, single, "x", DecisionStatus::Skipped, {"a"}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(store.recordDecision(r, single, "", DecisionStatus::Accepted, {"a"}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(store.recordDecision(999, single, "x", DecisionStatus::Accepted, {"a"}).error().code,
              ErrorCode::NotFound);
    EXPECT_EQ(
        store.recordDecision(r, single, "x", DecisionStatus::Accepted, {"a"}, {{3, 11, "a"}}).error().code,
        ErrorCode::InvalidArgument); // spans in a single-label set
    // Span sets: offsets in code points, 15 of them; 16 (the UTF-16 length) is out.
    EXPECT_EQ(
        store.recordDecision(r, span, "x", DecisionStatus::Accepted, {}, {{12, 16, "city"}}).error().code,
        ErrorCode::InvalidArgument);
    EXPECT_EQ(
        store.recordDecision(r, span, "x", DecisionStatus::Accepted, {}, {{3, 11, "town"}}).error().code,
        ErrorCode::NotFound);
    const auto ok =
        store.recordDecision(r, span, "x", DecisionStatus::Accepted, {}, {{3, 11, "city"}}).value();
    const auto d = store.decision(ok).value();
    EXPECT_EQ(d.labels, (std::vector<std::string>{"city"}));
    EXPECT_EQ(d.spans, (std::vector<Span>{{3, 11, "city"}}));
    // Nothing failed half-way: only the one good decision exists.
    EXPECT_EQ(store.history(r, single).value().size(), 0u);
}

TEST(LabelDecision, SkippedAndUnclearCarryNoLabels) {
    LabelProject p({"r1", "r2", "r3"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Skipped, {}));
    const auto unclear =
        store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Unclear, {}, {}, "ask the bank").value();
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "alice", DecisionStatus::Accepted, {"a"}));
    const auto d = store.decision(unclear).value();
    EXPECT_EQ(d.status, DecisionStatus::Unclear);
    EXPECT_TRUE(d.labels.empty());
    EXPECT_EQ(d.comment, "ask the bank");
    const auto progress = store.progress(p.dataset).value();
    EXPECT_EQ(progress.total, 3);
    EXPECT_EQ(progress.labelled, 1);
    EXPECT_EQ(progress.skipped, 1);
    EXPECT_EQ(progress.unclear, 1);
    EXPECT_EQ(p.project->dataset(p.dataset).value().labelledCount, 1);
}

TEST(LabelDecision, SpanDecisionsKeepEveryLabelsSpans) {
    LabelProject p({"从北京转账到上海的账户"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::Span, {"city", "account"});
    const std::vector<Span> spans{{6, 8, "city"}, {1, 3, "city"}, {9, 11, "account"}};
    const auto id = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {}, spans).value();
    const auto d = store.decision(id).value();
    EXPECT_EQ(d.spans, (std::vector<Span>{{1, 3, "city"}, {6, 8, "city"}, {9, 11, "account"}}));
    EXPECT_EQ(d.labels, (std::vector<std::string>{"city", "account"}));
    // Renaming a label renames it in the spans too (spans_json stores offsets only).
    BB_ASSERT_OK(store.renameLabel(store.label(set, "city").value().id, "place"));
    EXPECT_EQ(store.decision(id).value().spans.front().label, "place");
}

TEST(LabelDecision, CountsPerLabelAndPerAnnotator) {
    LabelProject p({"r1", "r2", "r3", "r4"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "bob", DecisionStatus::Accepted, {"b"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "bob", DecisionStatus::Skipped, {}));
    const auto all = store.progress(p.dataset).value();
    EXPECT_EQ(all.labelled, 2);
    EXPECT_EQ(all.skipped, 1);
    EXPECT_EQ(all.labels[0].count, 2); // a: r1, r2
    EXPECT_EQ(all.labels[1].count, 1); // b: r2
    const auto perAnnotator = store.annotatorProgress(p.dataset).value();
    ASSERT_EQ(perAnnotator.size(), 2u);
    EXPECT_EQ(perAnnotator[0].annotator, "alice");
    EXPECT_EQ(perAnnotator[0].progress.labelled, 2);
    EXPECT_EQ(perAnnotator[1].progress.labelled, 1);
    EXPECT_EQ(perAnnotator[1].progress.skipped, 1);
    EXPECT_EQ(perAnnotator[1].progress.labels[1].count, 1);
}

TEST(LabelDecision, LabelsPerHourCountsActiveTimeOnly) {
    LabelProject p(std::vector<std::string>(20, "text"));
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a"});
    SteppingClock clock;
    double step = 6;
    store.setClock([&] { return clock(step); });
    // Ten decisions 6 s apart, a one-hour break, ten more 6 s apart.
    for (int i = 0; i < 10; ++i)
        BB_ASSERT_OK(store.recordDecision(p.ids[i], set, "alice", DecisionStatus::Accepted, {"a"}));
    clock.seconds += 3600;
    for (int i = 10; i < 20; ++i)
        BB_ASSERT_OK(store.recordDecision(p.ids[i], set, "alice", DecisionStatus::Accepted, {"a"}));
    // Gaps kept: 9 + 9 of 6 s = 108 s; two stretches each add the median gap (6 s): 120 s active.
    // 20 decisions in 120 s = 600 per hour.
    const auto rate = store.labelRate("alice", set).value();
    EXPECT_EQ(rate.decisions, 20);
    EXPECT_NEAR(rate.activeSeconds, 120.0, 1e-6);
    EXPECT_NEAR(rate.perHour, 600.0, 1e-6);
    EXPECT_EQ(store.labelRate("nobody", set).value().perHour, 0.0);
}

TEST(LabelDecision, RecentDecisionsNewestFirstWithoutUndone) {
    LabelProject p({"r1", "r2", "r3"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a"});
    std::vector<DecisionId> ids;
    for (const auto r : p.ids)
        ids.push_back(store.recordDecision(r, set, "alice", DecisionStatus::Accepted, {"a"}).value());
    BB_ASSERT_OK(store.undoDecision(ids[2]));
    const auto recent = store.recentDecisions(set, "alice", 5).value();
    ASSERT_EQ(recent.size(), 2u);
    EXPECT_EQ(recent[0].id, ids[1]);
    EXPECT_EQ(recent[1].id, ids[0]);
}

TEST(LabelReview, DisagreementsAndAdjudication) {
    LabelProject p({"r1", "r2", "r3", "r4"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "bob", DecisionStatus::Accepted, {"a"})); // agree
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "bob", DecisionStatus::Accepted, {"b"})); // differ
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "alice", DecisionStatus::Accepted, {"b"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "bob", DecisionStatus::Unclear, {})); // differ in status
    BB_ASSERT_OK(
        store.recordDecision(p.ids[3], set, "alice", DecisionStatus::Accepted, {"b"})); // one annotator
    auto open = store.disagreements(p.dataset).value();
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[0].recordId, p.ids[1]);
    EXPECT_EQ(open[0].decisions.size(), 2u);
    EXPECT_EQ(open[1].recordId, p.ids[2]);

    const auto adjudicated = store.adjudicate(p.ids[1], set, {"b"}, {}, "b per guideline 3").value();
    const auto d = store.decision(adjudicated).value();
    EXPECT_EQ(d.annotator, LabelStore::kAdjudicator);
    EXPECT_EQ(d.comment, "adjudicated: b per guideline 3");
    EXPECT_TRUE(LabelStore::isAdjudication(d));
    EXPECT_EQ(store.latestDecision(p.ids[1], set).value()->labels, (std::vector<std::string>{"b"}));
    open = store.disagreements(p.dataset).value();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].recordId, p.ids[2]);
    const auto withResolved = store.disagreements(p.dataset, true).value();
    ASSERT_EQ(withResolved.size(), 2u);
    ASSERT_TRUE(withResolved[0].adjudication.has_value());
    EXPECT_EQ(withResolved[0].adjudication->id, adjudicated);
    // A reviewer adjudicating under their own name is recognised by the comment.
    const auto byCarol = store.adjudicate(p.ids[2], set, {"b"}, {}, "", "carol").value();
    EXPECT_TRUE(LabelStore::isAdjudication(store.decision(byCarol).value()));
    EXPECT_TRUE(store.disagreements(p.dataset).value().empty());
    BB_ASSERT_OK(store.undoDecision(byCarol));
    EXPECT_EQ(store.disagreements(p.dataset).value().size(), 1u);
}
