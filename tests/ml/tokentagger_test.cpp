// Token classification (BIO slot spans) on the BERT encoder: learning a synthetic slot task, the model
// folder, Hugging Face export and import, cancel and resume, the job through a project.
#include "labeling/spans.h"
#include "ml/checkpoint.h"
#include "ml/hfcheckpoint.h"
#include "ml/runmodel.h"
#include "ml/spanmodel.h"
#include "ml/spanslots.h"
#include "ml/tokenjob.h"
#include "ml/tokentagger.h"
#include "ml/tokentrainer.h"
#include "ml/trainer.h"
#include "spantestdata.h"
#include "store/runstore.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace bankbench;

namespace {

ml::TrainConfig tinyConfig() {
    auto c = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    c.task = ml::TaskKind::Tokens;
    c.transformer.layers = 2;
    c.transformer.hidden = 64;
    c.transformer.heads = 2;
    c.transformer.ffn = 128;
    c.transformer.maxLength = 64;
    c.transformer.vocabSize = 160;
    c.epochs = 20;
    c.batchSize = 16;
    c.learningRate = 4e-3;
    c.warmupFraction = 0.1;
    c.earlyStoppingPatience = 0;
    c.checkpointEveryMinutes = 0;
    c.threads = 1;
    c.device = ml::DevicePreference::Cpu;
    return c;
}

std::vector<std::vector<core::Span>> asSpans(const std::vector<std::vector<ml::PredictedSpan>>& found) {
    std::vector<std::vector<core::Span>> out;
    for (const auto& spans : found) {
        out.emplace_back();
        for (const auto& s : spans)
            out.back().push_back({s.start, s.end, s.type});
    }
    return out;
}

/// Cancels the run after `steps` training updates.
class CancelAfterSteps final : public ml::ProgressSink {
public:
    CancelAfterSteps(core::CancelToken& token, std::int64_t steps) : m_token(token), m_steps(steps) {}
    void progress(const ml::TrainProgress& p) override {
        if (p.phase == ml::TrainProgress::Phase::Training && p.step >= m_steps)
            m_token.cancel();
    }
    void log(const std::string&) override {}
    std::chrono::milliseconds progressInterval() const override { return std::chrono::milliseconds(0); }

private:
    core::CancelToken& m_token;
    std::int64_t m_steps;
};

ml::TokenTrainRequest request(const ml::SpanData& data, const ml::TrainConfig& config,
                              const std::string& dir) {
    ml::TokenTrainRequest r;
    r.config = config;
    r.data = &data;
    ml::randomSplit(static_cast<std::int64_t>(data.size()), 0.2, config.seed, r.train, r.validation);
    r.modelDir = dir;
    return r;
}

} // namespace

/// One model trained for the whole suite (a few seconds on one core).
class TokenTagger : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<test::TempDir>();
        s_data = std::make_unique<ml::SpanData>(test::syntheticSlots(400, 1));
        const auto r = request(*s_data, tinyConfig(), s_dir->file("model"));
        ml::NullProgressSink sink;
        core::CancelToken cancel;
        const auto started = std::chrono::steady_clock::now();
        auto result = ml::trainTokenTagger(r, sink, cancel);
        s_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        ASSERT_TRUE(result.ok()) << result.error().what();
        s_result = *result;
    }
    static void TearDownTestSuite() {
        s_data.reset();
        s_dir.reset();
    }
    static std::string modelDir() { return s_dir->file("model"); }

    static inline std::unique_ptr<test::TempDir> s_dir;
    static inline std::unique_ptr<ml::SpanData> s_data;
    static inline ml::TrainResult s_result;
    static inline double s_seconds = 0;
};

TEST_F(TokenTagger, LearnsSyntheticSlotsToHighSpanF1) {
    ASSERT_EQ(s_result.outcome, ml::TrainOutcome::Finished);
    const auto& v = s_result.validationReport;
    ASSERT_TRUE(v.is_object());
    EXPECT_GE(v.value("micro_f1", 0.0), 0.9) << v.dump(2);
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(modelDir()) / ml::kCheckpointDir));

    // Fresh sentences (another seed) through the model folder, as the chatbot would load it.
    auto model = ml::loadSpanModelDir(modelDir(), "slots", ml::DevicePreference::Cpu);
    ASSERT_TRUE(model.ok()) << model.error().what();
    EXPECT_EQ((*model)->types(), (std::vector<std::string>{"card", "amount"}));
    const auto test = test::syntheticSlots(200, 99);
    auto found = (*model)->predictSpans(test.texts);
    ASSERT_TRUE(found.ok()) << found.error().what();
    const auto scores = ml::spanScores(test.spans, asSpans(*found), test.types);
    EXPECT_GE(scores.microF1, 0.9);
    if (scores.microF1 < 0.9) { // show what it gets wrong
        const auto predicted = asSpans(*found);
        int shown = 0;
        for (std::size_t i = 0; i < test.size() && shown < 10; ++i) {
            if (predicted[i] == core::normalizedSpans(test.spans[i]))
                continue;
            ++shown;
            std::string line = test.texts[i] + "  gold:";
            for (const auto& s : test.spans[i])
                line += " " + s.label + "[" + std::to_string(s.start) + "," + std::to_string(s.end) + ")";
            line += "  predicted:";
            for (const auto& s : predicted[i])
                line += " " + s.label + "[" + std::to_string(s.start) + "," + std::to_string(s.end) + ")";
            ADD_FAILURE() << line;
        }
    }
    RecordProperty("span_micro_f1_test", std::to_string(scores.microF1));
    RecordProperty("train_seconds", std::to_string(s_seconds));
    std::printf(
        "token tagger: validation span micro-F1 %.4f, test span micro-F1 %.4f (card %.4f, amount %.4f), "
        "%zu epochs in %.1f s (%.1f s training steps)\n",
        v.value("micro_f1", 0.0), scores.microF1, scores.perType[0].f1, scores.perType[1].f1,
        s_result.history.size(), s_seconds, s_result.trainSeconds);

    auto spans = (*model)->predictSpans({"从尾号5678的卡转账300元给妈妈"});
    ASSERT_TRUE(spans.ok());
    ASSERT_EQ((*spans)[0].size(), 2u);
    EXPECT_EQ((*spans)[0][0].type, "card");
    EXPECT_EQ((*spans)[0][0].text, "5678");
    EXPECT_EQ((*spans)[0][0].start, 3);
    EXPECT_EQ((*spans)[0][0].byteBegin, 9u);
    EXPECT_EQ((*spans)[0][1].type, "amount");
    EXPECT_EQ((*spans)[0][1].text, "300");
    EXPECT_GT((*spans)[0][1].confidence, 0.5);
}

TEST_F(TokenTagger, FeedsTheChatbotSlotExtractor) {
    auto model = ml::loadSpanModelDir(modelDir(), "slots-run", ml::DevicePreference::Cpu);
    ASSERT_TRUE(model.ok()) << model.error().what();
    core::chat::SlotExtractor extractor;
    extractor.setExtraSource(ml::spanSlotSource(**model), (*model)->runName());
    // Four digits are no card number to the rules (13-19 digits, Luhn); "35 dollars" is an amount to both.
    const auto found =
        extractor.extract("my card ending 4821 was charged 35 dollars", core::chat::CivilDate{2026, 3, 5});
    EXPECT_TRUE(found.warnings.empty());
    const core::chat::Slot* card = nullptr;
    for (const auto& slot : found.slots)
        if (slot.name == "card")
            card = &slot;
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(card->raw, "4821");
    EXPECT_EQ(card->source, "slots-run");
    EXPECT_EQ(card->begin, 15u);
    int amounts = 0;
    for (const auto& slot : found.slots)
        amounts += slot.name == "amount" ? 1 : 0;
    EXPECT_EQ(amounts, 1); // the rule's amount wins where the model's overlaps it
}

TEST_F(TokenTagger, TextClassifierLoaderRefusesATokenModel) {
    auto loaded = ml::loadModelDir(modelDir(), "slots", ml::DevicePreference::Cpu);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("token-classification"), std::string::npos)
        << loaded.error().what();
}

TEST_F(TokenTagger, ExportsAsBertForTokenClassificationAndImportsBack) {
    test::TempDir out;
    auto files = ml::exportHfModel(modelDir(), out.file("hf"));
    ASSERT_TRUE(files.ok()) << files.error().what();
    std::ifstream in(out.file("hf") + "/config.json");
    const auto config = nlohmann::json::parse(in);
    EXPECT_EQ(config["architectures"], nlohmann::json::array({"BertForTokenClassification"}));
    EXPECT_EQ(config["id2label"]["0"], "O");
    EXPECT_EQ(config["id2label"]["1"], "B-card");
    EXPECT_EQ(config["id2label"]["4"], "I-amount");
    EXPECT_EQ(config["num_labels"], 5);
    EXPECT_FALSE(config.contains("problem_type"));
    auto tensors = ml::loadTensors(out.file("hf") + "/model.safetensors");
    ASSERT_TRUE(tensors.ok());
    EXPECT_TRUE(tensors->count("classifier.weight"));
    EXPECT_EQ((*tensors)["classifier.weight"].size(0), 5);
    EXPECT_TRUE(tensors->count("bert.embeddings.word_embeddings.weight"));
    EXPECT_FALSE(tensors->count("bert.pooler.dense.weight")); // BertForTokenClassification has no pooler

    auto original = ml::TokenTagger::load(modelDir());
    auto imported = ml::TokenTagger::loadHf(out.file("hf"));
    ASSERT_TRUE(original.ok()) << original.error().what();
    ASSERT_TRUE(imported.ok()) << imported.error().what();
    EXPECT_EQ((*imported)->tags().types(), (std::vector<std::string>{"card", "amount"}));
    EXPECT_EQ((*imported)->maxLength(), 64);
    const auto texts = test::syntheticSlots(20, 5).texts;
    std::vector<ml::TokenAlignment> aligned;
    std::vector<const ml::TokenAlignment*> batch;
    for (const auto& t : texts)
        aligned.push_back((*original)->align(t));
    for (const auto& a : aligned)
        batch.push_back(&a);
    torch::NoGradGuard noGrad;
    const auto a = (*original)->forward(batch, ml::ForwardContext{});
    const auto b = (*imported)->forward(batch, ml::ForwardContext{});
    EXPECT_TRUE(torch::allclose(a, b, 1e-5, 1e-6));
    bool cancelled = false;
    EXPECT_EQ(asSpans((*original)->predictSpans(texts, 8, nullptr, cancelled)),
              asSpans((*imported)->predictSpans(texts, 8, nullptr, cancelled)));
}

TEST(TokenTaggerTraining, CancelledRunResumesToTheUninterruptedResult) {
    const auto data = test::syntheticSlots(80, 3);
    auto config = tinyConfig();
    config.epochs = 3;
    config.transformer.layers = 1;
    test::TempDir dir;
    ml::NullProgressSink quiet;
    core::CancelToken never;
    auto whole = ml::trainTokenTagger(request(data, config, dir.file("whole")), quiet, never);
    ASSERT_TRUE(whole.ok()) << whole.error().what();

    core::CancelToken cancel;
    CancelAfterSteps canceller(cancel, 6); // inside the second epoch (4 batches of 16 per epoch)
    auto first = ml::trainTokenTagger(request(data, config, dir.file("split")), canceller, cancel);
    ASSERT_TRUE(first.ok()) << first.error().what();
    EXPECT_EQ(first->outcome, ml::TrainOutcome::Cancelled);
    EXPECT_EQ(first->steps, 6);
    EXPECT_TRUE(ml::hasCheckpoint(dir.file("split")));
    auto resumedRequest = request(data, config, dir.file("split"));
    resumedRequest.resume = true;
    auto resumed = ml::trainTokenTagger(resumedRequest, quiet, never);
    ASSERT_TRUE(resumed.ok()) << resumed.error().what();
    EXPECT_EQ(resumed->outcome, ml::TrainOutcome::Finished);
    EXPECT_TRUE(resumed->resumed);
    ASSERT_EQ(resumed->history.size(), whole->history.size());
    for (std::size_t i = 0; i < whole->history.size(); ++i) {
        EXPECT_NEAR(resumed->history[i].trainLoss, whole->history[i].trainLoss, 1e-5) << "epoch " << i + 1;
        EXPECT_NEAR(resumed->history[i].validationLoss, whole->history[i].validationLoss, 1e-5);
        EXPECT_DOUBLE_EQ(resumed->history[i].validationMicroF1, whole->history[i].validationMicroF1);
    }
}

TEST(TokenTaggerTraining, InvalidSpansNameTheirRecord) {
    auto data = test::syntheticSlots(10, 4);
    data.spans[1] = {{0, 4, "card"}, {2, 6, "amount"}};
    test::TempDir dir;
    ml::NullProgressSink quiet;
    core::CancelToken never;
    auto result = ml::trainTokenTagger(request(data, tinyConfig(), dir.file("m")), quiet, never);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("record 2"), std::string::npos) << result.error().what();
    EXPECT_NE(result.error().message.find("overlap"), std::string::npos) << result.error().what();
}

TEST(TokenTaggerTraining, ConfigTaskRoundTripsAndIsChecked) {
    auto config = tinyConfig();
    config.labelSet = "slots";
    const auto json = ml::toJson(config);
    EXPECT_EQ(json["task"], "tokens");
    EXPECT_EQ(json["label_set"], "slots");
    auto back = ml::trainConfigFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().what();
    EXPECT_EQ(back->task, ml::TaskKind::Tokens);
    EXPECT_EQ(back->labelSet, "slots");
    EXPECT_EQ(ml::toJson(*back), json);
    auto fast = ml::trainConfigFromJson({{"model", "fast"}, {"task", "tokens"}});
    ASSERT_FALSE(fast.ok());
    EXPECT_NE(fast.error().message.find("needs the transformer"), std::string::npos);
    auto bad = ml::trainConfigFromJson({{"task", "spans"}});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("\"classify\", \"tokens\""), std::string::npos) << bad.error().message;
}

TEST(TokenTaggerJob, TrainsEvaluatesAndStoresARunInTheProject) {
    test::TempDir dir;
    const auto path = dir.file("p.bbproj");
    const auto data = test::syntheticSlots(160, 8);
    ASSERT_TRUE(test::createSlotProject(path, "chat", data));
    ml::TrainJobRequest job;
    job.projectPath = path;
    job.datasetName = "chat";
    job.runName = "slots-1";
    job.config = tinyConfig();
    job.config.epochs = 4;
    ml::NullProgressSink quiet;
    core::CancelToken never;
    auto summary = ml::runTrainJob(job, quiet, never);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(summary->labels, (std::vector<std::string>{"card", "amount"}));
    EXPECT_EQ(summary->report["task"], "tokens");
    EXPECT_EQ(summary->report["label_set"], "slots");
    EXPECT_EQ(summary->trainExamples + summary->validationExamples, 160);
    {
        auto project = core::Project::open(path, true).value();
        core::RunStore store(*project);
        const auto run = store.run("slots-1").value();
        EXPECT_EQ(run.status, core::RunStatus::Finished);
        EXPECT_TRUE(ml::isTokenTaskConfig(run.config));
        EXPECT_EQ(run.config["label_set"], "slots"); // resolved from the dataset's set
        EXPECT_EQ(store.metrics(run.id).value().size(), 4u * 8u);
    }
    EXPECT_TRUE(ml::isTokenRun(path, "slots-1"));

    auto report = ml::runEvalJob({path, "slots-1", "chat", ml::DevicePreference::Cpu, true});
    ASSERT_TRUE(report.ok()) << report.error().what();
    EXPECT_EQ((*report)["task"], "tokens");
    EXPECT_EQ((*report)["samples"], 160);
    EXPECT_GT((*report)["micro_f1"].get<double>(), 0.0);
    EXPECT_EQ((*report)["per_type"].size(), 2u);

    auto predict =
        ml::runPredictJob({path, "slots-1", {"block card 1234 now"}, 1, ml::DevicePreference::Cpu});
    ASSERT_FALSE(predict.ok()); // labels are not what a token run predicts
    auto spans = ml::loadSpanRunModel(path, "slots-1", ml::DevicePreference::Cpu);
    ASSERT_TRUE(spans.ok()) << spans.error().what();
    EXPECT_TRUE((*spans)->predictSpans({"block card 1234 now"}).ok());
}
