// Label sets and labels: create, edit, order, merge and delete with their undo.
#include "labeltestsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using bankbench::test::LabelProject;

namespace {

std::vector<std::string> names(const std::vector<Label>& labels) {
    std::vector<std::string> out;
    for (const auto& l : labels)
        out.push_back(l.name);
    return out;
}

std::int64_t annotationRows(Project& project) {
    auto stmt = project.database().prepare("SELECT COUNT(*) FROM annotations");
    stmt.step();
    return stmt.columnInt(0);
}

} // namespace

TEST(LabelStore, LabelSetsCreateRenameDelete) {
    LabelProject p({"a"});
    LabelStore store(*p.project);
    const auto set = store.createLabelSet("intents", LabelSetKind::MultiLabel).value();
    EXPECT_EQ(set.kind, LabelSetKind::MultiLabel);
    EXPECT_EQ(store.createLabelSet("intents", LabelSetKind::SingleLabel).error().code,
              ErrorCode::AlreadyExists);
    EXPECT_EQ(store.createLabelSet("", LabelSetKind::SingleLabel).error().code, ErrorCode::InvalidArgument);
    BB_ASSERT_OK(store.renameLabelSet(set.id, "意图"));
    EXPECT_EQ(store.labelSet("意图").value().id, set.id);
    EXPECT_EQ(store.labelSet("intents").error().code, ErrorCode::NotFound);

    EXPECT_EQ(store.labelSetOf(p.dataset).error().code, ErrorCode::NotFound);
    BB_ASSERT_OK(store.assignLabelSet(p.dataset, set.id));
    EXPECT_EQ(store.labelSetOf(p.dataset).value().id, set.id);
    EXPECT_EQ(p.project->dataset(p.dataset).value().labelSetId, set.id);

    Label label;
    label.name = "card_lost";
    BB_ASSERT_OK(store.createLabel(set.id, label));
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set.id, "alice", DecisionStatus::Accepted, {"card_lost"}));
    EXPECT_EQ(store.deleteLabelSet(set.id).error().code, ErrorCode::InvalidArgument); // holds annotations
    const auto empty = store.createLabelSet("spare", LabelSetKind::Span).value();
    BB_ASSERT_OK(store.deleteLabelSet(empty.id));
    EXPECT_EQ(store.labelSets().value().size(), 1u);
    BB_ASSERT_OK(store.assignLabelSet(p.dataset, std::nullopt));
    EXPECT_FALSE(p.project->dataset(p.dataset).value().labelSetId.has_value());
}

TEST(LabelStore, LabelFieldsHotkeysAndDisplayNames) {
    LabelProject p({"a"});
    LabelStore store(*p.project);
    const auto set = store.createLabelSet("intents", LabelSetKind::SingleLabel).value().id;
    Label lost;
    lost.name = "card_lost";
    lost.displayZh = "挂失";
    lost.displayEn = "Card lost";
    lost.description = "The customer lost a card or it was stolen";
    lost.color = "#e6194b";
    lost.hotkey = "1";
    const auto created = store.createLabel(set, lost).value();
    EXPECT_EQ(created.position, 0);
    EXPECT_EQ(created.displayName("zh_CN"), "挂失");
    EXPECT_EQ(created.displayName("en"), "Card lost");
    Label balance;
    balance.name = "balance";
    balance.hotkey = "1";
    EXPECT_EQ(store.createLabel(set, balance).error().code, ErrorCode::AlreadyExists); // hotkey taken
    balance.hotkey = "12";
    EXPECT_EQ(store.createLabel(set, balance).error().code, ErrorCode::InvalidArgument); // not one key
    balance.hotkey = "2";
    const auto second = store.createLabel(set, balance).value();
    EXPECT_EQ(second.position, 1);
    EXPECT_EQ(second.displayName("zh"), "balance"); // falls back to the key name
    EXPECT_EQ(store.createLabel(set, balance).error().code, ErrorCode::AlreadyExists);
    Label spaced;
    spaced.name = " padded";
    EXPECT_EQ(store.createLabel(set, spaced).error().code, ErrorCode::InvalidArgument);

    auto edited = second;
    edited.displayZh = "余额";
    edited.hotkey = "b";
    edited.color = "#3cb44b";
    BB_ASSERT_OK(store.updateLabel(edited));
    const auto reread = store.label(second.id).value();
    EXPECT_EQ(reread.displayZh, "余额");
    EXPECT_EQ(reread.hotkey, "b");
    EXPECT_EQ(reread.color, "#3cb44b");
    edited.hotkey = "1";
    EXPECT_FALSE(store.updateLabel(edited).ok());
}

TEST(LabelStore, RenameKeepsAnnotationsAndRefusesDuplicates) {
    LabelProject p({"a", "b"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"lost", "balance"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"lost"}));
    const auto lost = store.label(set, "lost").value();
    BB_ASSERT_OK(store.renameLabel(lost.id, "card_lost"));
    EXPECT_EQ(store.currentDecision(p.ids[0], set, "alice").value()->labels,
              (std::vector<std::string>{"card_lost"}));
    EXPECT_EQ(p.project->records({p.ids[0]}).value()[0].labels, (std::vector<std::string>{"card_lost"}));
    const auto renamed = store.renameLabel(lost.id, "balance");
    ASSERT_FALSE(renamed.ok());
    EXPECT_EQ(renamed.error().code, ErrorCode::AlreadyExists);
    EXPECT_NE(renamed.error().message.find("merge"), std::string::npos);
}

TEST(LabelStore, ReorderAndMove) {
    LabelProject p({"a"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b", "c", "d"});
    auto labels = store.labels(set).value();
    BB_ASSERT_OK(store.reorderLabels(set, {labels[3].id, labels[1].id, labels[0].id, labels[2].id}));
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"d", "b", "a", "c"}));
    EXPECT_FALSE(store.reorderLabels(set, {labels[0].id, labels[1].id}).ok());
    BB_ASSERT_OK(store.moveLabel(labels[2].id, 0)); // c to the front
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"c", "d", "b", "a"}));
    BB_ASSERT_OK(store.moveLabel(labels[2].id, 99)); // clamped to the end
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"d", "b", "a", "c"}));
}

TEST(LabelStore, MergeRepointsHistoryAndUnmergeRestoresIt) {
    LabelProject p({"r1", "r2", "r3"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::MultiLabel, {"lost", "stolen", "balance"});
    // History row: alice said "stolen" on r1, then changed it to "balance".
    const auto old =
        store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"stolen"}).value();
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"balance"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"stolen"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "alice", DecisionStatus::Accepted, {"lost", "stolen"}));
    const auto stolen = store.label(set, "stolen").value();
    const auto lost = store.label(set, "lost").value();

    const auto merged = store.mergeLabel(stolen.id, lost.id).value();
    EXPECT_EQ(merged.source.rows.size(), 3u);
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"lost", "balance"}));
    EXPECT_EQ(store.decision(old).value().labels, (std::vector<std::string>{"lost"})); // history re-pointed
    EXPECT_EQ(store.currentDecision(p.ids[1], set, "alice").value()->labels,
              (std::vector<std::string>{"lost"}));
    // A decision that had both shows the merged label once.
    EXPECT_EQ(store.currentDecision(p.ids[2], set, "alice").value()->labels,
              (std::vector<std::string>{"lost"}));
    const auto progress = store.progress(p.dataset).value();
    EXPECT_EQ(progress.labels[0].name, "lost");
    EXPECT_EQ(progress.labels[0].count, 2);

    BB_ASSERT_OK(store.unmergeLabel(merged));
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"lost", "stolen", "balance"}));
    EXPECT_EQ(store.label(set, "stolen").value().id, stolen.id);
    EXPECT_EQ(store.decision(old).value().labels, (std::vector<std::string>{"stolen"}));
    EXPECT_EQ(store.currentDecision(p.ids[2], set, "alice").value()->labels,
              (std::vector<std::string>{"lost", "stolen"}));
    EXPECT_EQ(store.mergeLabel(lost.id, lost.id).error().code, ErrorCode::InvalidArgument);
}

TEST(LabelStore, DeleteAndRestoreExactly) {
    LabelProject p({"r1", "r2"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::MultiLabel, {"a", "b", "c"});
    // r1: "a" is the first row of a {a, b} decision, so deleting it re-anchors the decision on "b".
    const auto both =
        store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a", "b"}).value();
    const auto only = store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"a"}).value();
    const auto rowsBefore = annotationRows(*p.project);
    const auto a = store.label(set, "a").value();

    const auto deleted = store.deleteLabel(a.id).value();
    EXPECT_EQ(deleted.rows.size(), 2u);
    EXPECT_EQ(annotationRows(*p.project), rowsBefore - 2);
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"b", "c"}));
    const auto r1 = store.currentDecision(p.ids[0], set, "alice").value();
    ASSERT_TRUE(r1.has_value());
    EXPECT_EQ(r1->labels, (std::vector<std::string>{"b"}));
    EXPECT_FALSE(store.currentDecision(p.ids[1], set, "alice").value().has_value());
    EXPECT_EQ(store.progress(p.dataset).value().labelled, 1);

    BB_ASSERT_OK(store.restoreLabel(deleted));
    EXPECT_EQ(names(store.labels(set).value()), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(annotationRows(*p.project), rowsBefore);
    EXPECT_EQ(store.decision(both).value().labels, (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(store.decision(both).value().isCurrent());
    EXPECT_EQ(store.decision(only).value().labels, (std::vector<std::string>{"a"}));
    EXPECT_EQ(store.progress(p.dataset).value().labelled, 2);
    EXPECT_EQ(store.restoreLabel(deleted).error().code, ErrorCode::AlreadyExists); // already back
}

TEST(LabelStore, RestoredDecisionYieldsToANewerOne) {
    LabelProject p({"r1"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    const auto first = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}).value();
    const auto deleted = store.deleteLabel(store.label(set, "a").value().id).value();
    const auto second = store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"b"}).value();
    // SQLite gave the deleted row's id to the new decision; the restored one gets a fresh id.
    EXPECT_EQ(second, first);
    BB_ASSERT_OK(store.restoreLabel(deleted));
    const auto history = store.history(p.ids[0], set).value();
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].labels, (std::vector<std::string>{"b"}));
    EXPECT_TRUE(history[0].isCurrent());
    EXPECT_EQ(history[1].labels, (std::vector<std::string>{"a"}));
    EXPECT_EQ(history[1].state, DecisionState::Superseded);
    EXPECT_EQ(store.currentDecision(p.ids[0], set, "alice").value()->id, second);
}

TEST(LabelStore, LabelSetFromAnImportedColumn) {
    LabelProject p({"我的卡丢了", "余额多少", "card stolen", "hello"},
                   {"card_lost|stolen", "balance", "stolen", ""});
    LabelStore store(*p.project);
    const auto set =
        store
            .createLabelSetFromColumn(p.dataset, "intent", "from column", LabelSetKind::MultiLabel,
                                      std::string("|"), std::string("import"))
            .value();
    EXPECT_EQ(names(store.labels(set.id).value()),
              (std::vector<std::string>{"card_lost", "stolen", "balance"}));
    BB_ASSERT_OK(store.assignLabelSet(p.dataset, set.id));
    const auto progress = store.progress(p.dataset).value();
    EXPECT_EQ(progress.labelled, 3);
    EXPECT_EQ(progress.labels[1].count, 2); // stolen
    EXPECT_EQ(store.currentDecision(p.ids[0], set.id, "import").value()->labels,
              (std::vector<std::string>{"card_lost", "stolen"}));

    // A single-label set refuses rows holding two labels, and names the record.
    const auto single = store.createLabelSetFromColumn(
        p.dataset, "intent", "single", LabelSetKind::SingleLabel, std::string("|"), std::string("import"));
    ASSERT_FALSE(single.ok());
    EXPECT_NE(single.error().message.find("record"), std::string::npos);
    EXPECT_FALSE(store.labelSet("single").ok()); // rolled back
    EXPECT_EQ(store.createLabelSetFromColumn(p.dataset, "nope", "x", LabelSetKind::SingleLabel).error().code,
              ErrorCode::NotFound);
}

TEST(LabelStore, AddLabelsCreatesAndUpdates) {
    LabelProject p({"a"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"lost"});
    Label lost;
    lost.name = "lost";
    lost.displayZh = "挂失";
    lost.hotkey = "1";
    Label balance;
    balance.name = "balance";
    balance.hotkey = "2";
    EXPECT_EQ(store.addLabels(set, {lost, balance}).value(), 1);
    EXPECT_EQ(store.label(set, "lost").value().displayZh, "挂失");
    EXPECT_EQ(store.label(set, "balance").value().position, 1);
    lost.displayZh = "丢卡";
    EXPECT_EQ(store.addLabels(set, {lost}, false).value(), 0);
    EXPECT_EQ(store.label(set, "lost").value().displayZh, "挂失");
    Label clash;
    clash.name = "new";
    clash.hotkey = "2";
    EXPECT_FALSE(store.addLabels(set, {clash}).ok());
    EXPECT_FALSE(store.label(set, "new").ok());
}
