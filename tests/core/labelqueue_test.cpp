// Queue order: unlabelled first, seeded random, filters, and model uncertainty through a fake provider.
#include "labeling/labelqueue.h"
#include "labeltestsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

using namespace bankbench::core;
using bankbench::test::LabelProject;

namespace {

/// Returns fixed probabilities by record text; counts calls so tests can see batching.
class FakeProvider : public SuggestionProvider {
public:
    std::map<std::string, std::vector<Suggestion>> byText;
    int batches = 0;
    std::vector<Suggestion> suggest(const Record& record) override { return byText[record.text]; }
    std::vector<std::vector<Suggestion>> suggestBatch(const std::vector<Record>& records) override {
        ++batches;
        return SuggestionProvider::suggestBatch(records);
    }
};

std::vector<std::string> texts(Project& project, const std::vector<RecordId>& ids) {
    std::vector<std::string> out;
    for (const auto& r : project.records(ids).value())
        out.push_back(r.text);
    return out;
}

} // namespace

TEST(Suggestions, MarginAndEntropyByHand) {
    // margin = p1 - p2 = 0.5 - 0.3 = 0.2 (order given does not matter)
    const std::vector<Suggestion> s{{"b", 0.3}, {"a", 0.5}, {"c", 0.2}};
    EXPECT_NEAR(margin(s), 0.2, 1e-12);
    // entropy = -(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) = 0.346574 + 0.361192 + 0.321888 = 1.029653
    EXPECT_NEAR(entropy(s), 1.029653, 1e-6);
    EXPECT_NEAR(uncertainty(s, UncertaintyMeasure::Margin), 0.8, 1e-12);
    EXPECT_NEAR(margin({{"a", 0.9}}), 0.9, 1e-12);
    EXPECT_DOUBLE_EQ(margin({}), 1.0);
    EXPECT_DOUBLE_EQ(entropy({{"a", 1.0}, {"b", 0.0}}), 0.0);
    // Uniform over 4 labels: ln 4.
    EXPECT_NEAR(entropy({{"a", .25}, {"b", .25}, {"c", .25}, {"d", .25}}), std::log(4.0), 1e-12);
}

TEST(LabelQueue, UnlabelledFirstInImportOrder) {
    LabelProject p({"r1", "r2", "r3", "r4", "r5"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a"});
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[3], set, "bob", DecisionStatus::Skipped, {}));
    QueueOptions options;
    options.datasetId = p.dataset;
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options).value()),
              (std::vector<std::string>{"r1", "r3", "r5", "r2", "r4"}));
    // Only alice's decisions count for alice.
    options.annotator = "alice";
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options).value()),
              (std::vector<std::string>{"r1", "r3", "r4", "r5", "r2"}));
    options.unlabelledFirst = false;
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options).value()),
              (std::vector<std::string>{"r1", "r2", "r3", "r4", "r5"}));
}

TEST(LabelQueue, SeededRandomIsReproducible) {
    std::vector<std::string> rows;
    for (int i = 0; i < 50; ++i)
        rows.push_back("row " + std::to_string(i));
    LabelProject p(rows);
    QueueOptions options;
    options.datasetId = p.dataset;
    options.order = QueueOrder::Random;
    options.seed = 42;
    const auto first = buildLabelQueue(*p.project, options).value();
    const auto again = buildLabelQueue(*p.project, options).value();
    EXPECT_EQ(first, again);
    auto sorted = first;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, p.ids); // a permutation
    EXPECT_NE(first, p.ids);
    options.seed = 43;
    EXPECT_NE(buildLabelQueue(*p.project, options).value(), first);
}

TEST(LabelQueue, RandomKeepsUnlabelledFirst) {
    LabelProject p({"r1", "r2", "r3", "r4", "r5", "r6"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"a"}));
    QueueOptions options;
    options.datasetId = p.dataset;
    options.order = QueueOrder::Random;
    const auto queue = buildLabelQueue(*p.project, options).value();
    ASSERT_EQ(queue.size(), 6u);
    for (int i = 0; i < 4; ++i)
        EXPECT_TRUE(queue[i] != p.ids[0] && queue[i] != p.ids[1]);
}

TEST(LabelQueue, FiltersBySearchAndLabel) {
    LabelProject p({"我的信用卡丢了", "credit card stolen", "查询余额", "my credit card was lost"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"lost", "other"});
    BB_ASSERT_OK(store.recordDecision(p.ids[3], set, "alice", DecisionStatus::Accepted, {"lost"}));
    QueueOptions options;
    options.datasetId = p.dataset;
    options.search = "credit card";
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options).value()),
              (std::vector<std::string>{"credit card stolen", "my credit card was lost"}));
    options.search = "信用卡";
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options).value()),
              (std::vector<std::string>{"我的信用卡丢了"}));
    options.search.clear();
    options.label = "lost";
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options).value()),
              (std::vector<std::string>{"my credit card was lost"}));
    options.label.reset();
    options.labelled = LabelledFilter::Unlabelled;
    EXPECT_EQ(buildLabelQueue(*p.project, options).value().size(), 3u);
}

TEST(LabelQueue, UncertaintyOrderWithAnyProvider) {
    LabelProject p({"sure", "torn", "unsure", "fairly"});
    FakeProvider provider;
    provider.byText["sure"] = {{"a", 0.98}, {"b", 0.02}};               // margin .96, entropy .098
    provider.byText["torn"] = {{"a", 0.51}, {"b", 0.49}};               // margin .02, entropy .693
    provider.byText["unsure"] = {{"a", 0.4}, {"b", 0.35}, {"c", 0.25}}; // margin .05, entropy 1.081
    provider.byText["fairly"] = {{"a", 0.8}, {"b", 0.2}};               // margin .60, entropy .500
    QueueOptions options;
    options.datasetId = p.dataset;
    options.order = QueueOrder::Uncertainty;
    options.batchSize = 3;
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options, &provider).value()),
              (std::vector<std::string>{"torn", "unsure", "fairly", "sure"}));
    EXPECT_EQ(provider.batches, 2); // 4 records in batches of 3
    options.measure = UncertaintyMeasure::Entropy;
    EXPECT_EQ(texts(*p.project, buildLabelQueue(*p.project, options, &provider).value()),
              (std::vector<std::string>{"unsure", "torn", "fairly", "sure"}));
    EXPECT_EQ(buildLabelQueue(*p.project, options).error().code, ErrorCode::InvalidArgument); // no provider
}

TEST(LabelQueue, CancelStopsUncertaintyScoring) {
    LabelProject p({"a", "b", "c"});
    FakeProvider provider;
    CancelToken cancel;
    cancel.cancel();
    QueueOptions options;
    options.datasetId = p.dataset;
    options.order = QueueOrder::Uncertainty;
    EXPECT_EQ(buildLabelQueue(*p.project, options, &provider, &cancel).error().code, ErrorCode::Cancelled);
    EXPECT_EQ(provider.batches, 0);
}
