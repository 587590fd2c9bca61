#include "evaluate_fixtures.h"

#include "uifixtures.h"

#include "support/testsupport.h"

#include <ml/trainingdata.h>
#include <ml/trainjob.h>
#include <store/project.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

namespace bankbench::test {

namespace {

struct Intent {
    std::string name;
    std::vector<const char*> keywords;
};

std::vector<Intent> intents() {
    return {{kLongChineseLabel, {"lost card", "stolen card", "挂失", "卡丢了"}},
            {"balance", {"balance", "how much money", "余额", "查询余额"}},
            {"transfer", {"transfer", "send money", "转账", "汇款"}},
            {"loan", {"loan", "mortgage", "贷款", "借钱"}}};
}

void addDataset(core::Project& project, const std::string& name, int perClass, std::uint64_t seed,
                int mislabelEvery) {
    core::DatasetInfo info;
    info.name = name;
    info.sourcePath = "generated";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = project.beginDataset(info, core::LabelSetKind::SingleLabel, "import");
    ASSERT_TRUE(writer.ok()) << writer.error().what();
    const std::vector<const char*> filler = {"please", "help", "me", "with", "my",
                                             "today",  "请",   "帮", "我",   "一下"};
    const auto list = intents();
    ml::SplitMix64 rng(seed);
    int line = 2;
    for (int i = 0; i < perClass; ++i) {
        for (std::size_t c = 0; c < list.size(); ++c) {
            std::string text;
            for (int w = 0; w < 3; ++w)
                text += std::string(filler[rng.below(filler.size())]) + " ";
            text += list[c].keywords[rng.below(list[c].keywords.size())];
            std::size_t label = c;
            if (mislabelEvery > 0 && line % mislabelEvery == 0)
                label = (c + 1) % list.size();
            core::NewRecord record;
            record.sourceLine = line++;
            record.text = text;
            record.labels = {list[label].name};
            record.fields = nlohmann::json::array({text, list[label].name});
            ASSERT_TRUE((*writer)->add(record).ok());
        }
    }
    ASSERT_TRUE((*writer)->commit().ok());
}

void train(const std::string& path) {
    {
        auto project = core::Project::create(path);
        ASSERT_TRUE(project.ok()) << project.error().what();
        addDataset(**project, "intents", 30, 1, 0);
        addDataset(**project, "holdout", 10, 9, 5);
    }
    trainSmallFastRun(path, "intents", "small", 6);
}

} // namespace

std::string createEvaluationProject(const std::string& directory) {
    static TempDir trained;
    static const std::string source = trained.file("evaluation.bbproj");
    if (!std::filesystem::exists(source))
        train(source);
    EXPECT_TRUE(std::filesystem::exists(source));
    return copyProjectWithRuns(source, directory);
}

void trainSmallFastRun(const std::string& path, const std::string& dataset, const std::string& run, int epochs) {
    ml::TrainJobRequest request;
    request.projectPath = path;
    request.datasetName = dataset;
    request.runName = run;
    request.config.epochs = epochs;
    request.config.threads = 1;
    request.config.fast.dim = 8;
    request.config.fast.features.bucketBits = 12;
    request.config.checkpointEveryMinutes = 0;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(request, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
}

} // namespace bankbench::test
