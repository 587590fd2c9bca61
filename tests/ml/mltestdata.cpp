#include "mltestdata.h"

#include "ml/trainingdata.h"

#include <gtest/gtest.h>

#include <vector>

namespace bankbench::test {

namespace {

struct Intent {
    const char* name;
    std::vector<const char*> keywords;
};

const std::vector<Intent>& intents() {
    static const std::vector<Intent> list = {
        {"card_lost", {"lost card", "stolen card", "card missing", "挂失", "卡丢了"}},
        {"balance", {"balance", "how much money", "account total", "余额", "查询余额"}},
        {"transfer", {"transfer", "send money", "wire payment", "转账", "汇款"}},
        {"loan", {"loan", "mortgage", "borrow", "贷款", "借钱"}},
    };
    return list;
}

const std::vector<const char*> kFiller = {"please", "help", "me",  "with", "my", "today", "I",    "need",
                                          "the",    "can",  "you", "请",   "帮", "我",    "一下", "now"};

core::DatasetInfo info(const std::string& name) {
    core::DatasetInfo d;
    d.name = name;
    d.sourcePath = "generated";
    d.sourceFormat = "csv";
    d.encoding = "UTF-8";
    d.columns = {"text", "intent"};
    d.textColumn = "text";
    d.labelColumn = "intent";
    return d;
}

} // namespace

void addSyntheticDataset(core::Project& project, const std::string& name, const SyntheticIntents& options) {
    auto writer = project.beginDataset(
        info(name), options.multiLabel ? core::LabelSetKind::MultiLabel : core::LabelSetKind::SingleLabel,
        "test");
    ASSERT_TRUE(writer.ok()) << writer.error().what();
    ml::SplitMix64 rng(options.seed);
    int line = 2;
    for (int i = 0; i < options.perClass; ++i) {
        for (std::size_t c = 0; c < intents().size(); ++c) {
            std::vector<std::size_t> classes = {c};
            if (options.multiLabel && rng.below(3) == 0)
                classes.push_back((c + 1 + rng.below(intents().size() - 1)) % intents().size());
            std::string text;
            const auto words = 2 + rng.below(4);
            for (std::uint64_t w = 0; w < words; ++w)
                text += std::string(kFiller[rng.below(kFiller.size())]) + " ";
            core::NewRecord record;
            for (auto k : classes) {
                const auto& keywords = intents()[k].keywords;
                text += std::string(keywords[rng.below(keywords.size())]) + " ";
                record.labels.push_back(intents()[k].name);
            }
            text += kFiller[rng.below(kFiller.size())];
            record.sourceLine = line++;
            record.text = text;
            std::string joined;
            for (const auto& label : record.labels)
                joined += (joined.empty() ? "" : "|") + label;
            record.fields = nlohmann::json::array({text, joined});
            ASSERT_TRUE((*writer)->add(record).ok());
        }
    }
    ASSERT_TRUE((*writer)->commit().ok());
}

std::unique_ptr<core::Project> createSyntheticProject(const std::string& path, const std::string& name,
                                                      const SyntheticIntents& options) {
    auto project = core::Project::create(path);
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().what());
    if (!project)
        return nullptr;
    addSyntheticDataset(**project, name, options);
    return std::move(project).value();
}

ml::TrainConfig tinyTransformerConfig() {
    auto config = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    config.epochs = 30;
    config.batchSize = 8;
    config.learningRate = 1e-3;
    config.threads = 1;
    config.validationFraction = 0.25;
    config.earlyStoppingPatience = 0;
    config.checkpointEveryMinutes = 0;
    config.transformer.layers = 1;
    config.transformer.hidden = 32;
    config.transformer.heads = 2;
    config.transformer.ffn = 64;
    config.transformer.maxLength = 16;
    config.transformer.vocabSize = 120;
    return config;
}

ml::TrainJobRequest trainRequest(const std::string& project, const std::string& run, const ml::TrainConfig& config) {
    ml::TrainJobRequest r;
    r.projectPath = project;
    r.datasetName = "train";
    r.runName = run;
    r.config = config;
    r.versions = {{"bankbench", "test"}};
    return r;
}

} // namespace bankbench::test
