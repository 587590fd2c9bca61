#include "train_fixtures.h"

#include "train/trainsetuppanel.h"

#include <ml/trainingdata.h>
#include <store/project.h>

#include <vector>

namespace bankbench::test {

namespace {

struct Intent {
    const char* name;
    std::vector<const char*> keywords;
};

const std::vector<Intent> kIntents = {
    {"card_lost", {"lost card", "stolen card", "挂失", "卡丢了"}},
    {"balance", {"balance", "account total", "余额", "查询余额"}},
    {"transfer", {"transfer", "send money", "转账", "汇款"}},
    {"loan", {"loan", "mortgage", "贷款", "借钱"}},
};
const std::vector<const char*> kFiller = {"please", "help", "me", "with", "my",
                                          "today",  "请",   "帮", "我",   "一下"};

void addDataset(core::Project& project, const std::string& name, int perClass, int classes,
                int singletonClass) {
    core::DatasetInfo info;
    info.name = name;
    info.sourcePath = "generated";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = project.beginDataset(info, core::LabelSetKind::SingleLabel, "test");
    ASSERT_TRUE(writer.ok()) << writer.error().what();
    ml::SplitMix64 rng(7);
    int line = 2;
    for (int c = 0; c < classes; ++c) {
        const int count = c == singletonClass ? 1 : perClass;
        for (int i = 0; i < count; ++i) {
            std::string text;
            for (std::uint64_t w = 0, n = 2 + rng.below(3); w < n; ++w)
                text += std::string(kFiller[rng.below(kFiller.size())]) + " ";
            const auto& keywords = kIntents[static_cast<std::size_t>(c)].keywords;
            text += keywords[rng.below(keywords.size())];
            core::NewRecord record;
            record.sourceLine = line++;
            record.text = text;
            record.labels = {kIntents[static_cast<std::size_t>(c)].name};
            record.fields = nlohmann::json::array({text, record.labels.front()});
            ASSERT_TRUE((*writer)->add(record).ok());
        }
    }
    ASSERT_TRUE((*writer)->commit().ok());
}

} // namespace

void createTrainProject(const std::string& path, int perClass) {
    auto project = core::Project::create(path);
    ASSERT_TRUE(project.ok()) << project.error().what();
    addDataset(**project, "intents", perClass, 4, -1);
    addDataset(**project, "one-class", 10, 1, -1);
    addDataset(**project, "tiny", 10, 3, 2);
}

ml::TrainConfig smallFastConfig(int epochs) {
    ml::TrainConfig config;
    config.fast.features.bucketBits = 12;
    config.fast.dim = 16;
    config.epochs = epochs;
    config.earlyStoppingPatience = 0;
    config.threads = 1;
    config.checkpointEveryMinutes = 0;
    return config;
}

bool TrainHarness::waitPreflight() {
    // On the workspace's state, not on the (translated) text: in Chinese the "Checking…" text never
    // started with "Checking", so the wait ended at once and Start found no verdict yet.
    return QTest::qWaitFor(
        [&] {
            return !workspace()->isCheckingData() && !workspace()->setupPanel()->preflightText().isEmpty();
        },
        15000);
}

} // namespace bankbench::test
