// Chinese on real data (label `data`): the fast model with the shipped defaults on FinFE stock-forum
// sentiment, cleaned as tests/bench/zh_sentiment_bench.py cleans it (one row per text by majority vote, ties
// dropped; test = eval texts not in train), scored once on the cleaned test set. The floor sits a few points
// under the measured figure (BENCHMARKS.md, "Training: Chinese sentiment"). Skips without ../shared/data.

#include "io/importer.h"
#include "ml/trainjob.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

// A few points under the figures measured with the shipped defaults (BENCHMARKS.md).
constexpr double kFinfeAccuracyFloor = 0.73; // measured 0.7680
constexpr double kFinfeMacroF1Floor = 0.61; // measured 0.6484

using Pairs = std::vector<std::pair<std::string, int>>;

Pairs readPairs(const std::filesystem::path& file) {
    std::ifstream in(file);
    const auto json = nlohmann::json::parse(in);
    Pairs out;
    for (const auto& row : json)
        out.emplace_back(row.at(0).get<std::string>(), row.at(1).get<int>());
    return out;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first == std::string::npos ? std::string()
                                      : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// One row per distinct text labelled by majority vote, ties dropped, in first-seen order.
Pairs majority(const Pairs& pairs) {
    std::vector<std::string> order;
    std::map<std::string, std::map<int, int>> votes;
    for (const auto& [raw, label] : pairs) {
        const auto text = trim(raw);
        if (text.empty())
            continue;
        if (!votes.count(text))
            order.push_back(text);
        ++votes[text][label];
    }
    Pairs out;
    for (const auto& text : order) {
        int best = -1, bestCount = 0;
        bool tie = false;
        for (const auto& [label, count] : votes[text]) {
            if (count > bestCount) {
                best = label;
                bestCount = count;
                tie = false;
            } else if (count == bestCount) {
                tie = true;
            }
        }
        if (!tie)
            out.emplace_back(text, best);
    }
    return out;
}

void importPairs(core::Project& project, const Pairs& pairs, const std::filesystem::path& file,
                 const std::string& name) {
    static const char* kNames[] = {"negative", "neutral", "positive"};
    {
        std::ofstream out(file);
        for (const auto& [text, label] : pairs)
            out << nlohmann::json({{"text", text}, {"label", kNames[label]}}).dump() << '\n';
    }
    core::ImportOptions options;
    options.path = file.string();
    options.datasetName = name;
    options.textColumn = "text";
    options.labelColumn = "label";
    core::CancelToken cancel;
    auto result = core::importFile(project, options, {}, cancel);
    ASSERT_TRUE(result.ok()) << result.error().what();
}

} // namespace

TEST(TrainFinfeSentiment, FastModelOnCleanedChineseStockForumSentiment) {
    const auto shared = test::sharedDataDir();
    const auto dir = shared / "finfe_sentiment_zh";
    if (shared.empty() || !std::filesystem::exists(dir / "train_list.json"))
        GTEST_SKIP() << "../shared/data/finfe_sentiment_zh not found";
    const auto rawTrain = readPairs(dir / "train_list.json");
    const auto train = majority(rawTrain);
    std::set<std::string> trainTexts;
    for (const auto& [text, label] : rawTrain)
        trainTexts.insert(trim(text));
    Pairs test;
    for (const auto& row : majority(readPairs(dir / "eval_list.json")))
        if (!trainTexts.count(row.first))
            test.push_back(row);
    ASSERT_GT(train.size(), 10000u);
    ASSERT_GT(test.size(), 500u);

    TempDir temp;
    const auto path = temp.file("finfe.bbproj");
    {
        auto project = core::Project::create(path);
        ASSERT_TRUE(project.ok());
        importPairs(**project, train, temp.file("train.jsonl"), "train");
        importPairs(**project, test, temp.file("test.jsonl"), "test");
    }
    ml::TrainJobRequest request;
    request.projectPath = path;
    request.datasetName = "train";
    request.config.threads = 1;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(request, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    auto report = ml::runEvalJob({path, summary->runName, "test"});
    ASSERT_TRUE(report.ok()) << report.error().what();
    const double accuracy = (*report)["accuracy"].get<double>();
    const double macroF1 = (*report)["macro_f1"].get<double>();
    std::cout << "FinFE cleaned test (" << test.size() << " texts): accuracy " << accuracy << ", macro-F1 "
              << macroF1 << ", training " << summary->result.trainSeconds << " s\n";
    EXPECT_GE(accuracy, kFinfeAccuracyFloor);
    EXPECT_GE(macroF1, kFinfeMacroF1Floor);
}
