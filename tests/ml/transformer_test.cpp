// The BERT encoder: Hugging Face parameter names and shapes, padding, the WordPiece vocabulary learner,
// the transformer trained through the generic job (learning, cancel within a batch, resume equal to the
// uninterrupted run, predictions and embeddings of the stored run), config keys, and CUDA (skipped
// without a GPU).

#include "ml/bertmodel.h"
#include "ml/bertvocab.h"
#include "ml/runmodel.h"
#include "ml/trainjob.h"
#include "ml/transformermodel.h"
#include "mltestdata.h"
#include "support/testsupport.h"

#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>

using namespace bankbench;
using bankbench::test::TempDir;

namespace {

ml::BertOptions tinyOptions() {
    ml::BertOptions o;
    o.vocabSize = 40;
    o.hidden = 16;
    o.layers = 2;
    o.heads = 4;
    o.intermediate = 24;
    o.maxPositions = 20;
    o.typeVocabSize = 2;
    return o;
}

class Sink : public ml::ProgressSink {
public:
    void progress(const ml::TrainProgress& p) override {
        if (cancelAt > 0 && token && p.phase == ml::TrainProgress::Phase::Training && p.step >= cancelAt &&
            !token->isCancelled()) {
            token->cancel();
            cancelledAtStep = p.step;
        }
    }
    void log(const std::string& line) override { lines.push_back(line); }
    std::chrono::milliseconds progressInterval() const override { return std::chrono::milliseconds(0); }
    std::vector<std::string> lines;
    core::CancelToken* token = nullptr;
    std::int64_t cancelAt = 0;
    std::int64_t cancelledAtStep = -1;
};

} // namespace

TEST(BertModel, ParameterNamesAndShapesFollowHuggingFace) {
    ml::BertModel bert(tinyOptions());
    std::map<std::string, std::vector<std::int64_t>> shapes;
    for (auto& [name, tensor] : ml::namedParameters(*bert, "bert."))
        shapes[name] = tensor.sizes().vec();
    const std::map<std::string, std::vector<std::int64_t>> expected = {
        {"bert.embeddings.word_embeddings.weight", {40, 16}},
        {"bert.embeddings.position_embeddings.weight", {20, 16}},
        {"bert.embeddings.token_type_embeddings.weight", {2, 16}},
        {"bert.embeddings.LayerNorm.weight", {16}},
        {"bert.embeddings.LayerNorm.bias", {16}},
        {"bert.encoder.layer.1.attention.self.query.weight", {16, 16}},
        {"bert.encoder.layer.1.attention.self.key.bias", {16}},
        {"bert.encoder.layer.1.attention.self.value.weight", {16, 16}},
        {"bert.encoder.layer.0.attention.output.dense.weight", {16, 16}},
        {"bert.encoder.layer.0.attention.output.LayerNorm.weight", {16}},
        {"bert.encoder.layer.0.intermediate.dense.weight", {24, 16}},
        {"bert.encoder.layer.0.output.dense.weight", {16, 24}},
        {"bert.encoder.layer.0.output.LayerNorm.bias", {16}},
        {"bert.pooler.dense.weight", {16, 16}},
        {"bert.pooler.dense.bias", {16}},
    };
    for (const auto& [name, shape] : expected) {
        ASSERT_TRUE(shapes.count(name)) << name;
        EXPECT_EQ(shapes[name], shape) << name;
    }
    // 5 embedding tensors, 16 per layer, 2 for the pooler: nothing else.
    EXPECT_EQ(shapes.size(), 5u + 2u * 16u + 2u);
}

TEST(BertModel, PaddingDoesNotChangeTheOutputOfRealTokens) {
    ml::BertModel bert(tinyOptions());
    bert->initialize(3);
    bert->eval();
    torch::NoGradGuard noGrad;
    auto ids = torch::tensor({{2, 7, 9, 11, 3}}, torch::kInt64);
    auto mask = torch::ones({1, 5}, torch::kInt64);
    auto alone = bert->forward(ids, mask, {});
    EXPECT_EQ(alone.sizes(), (std::vector<std::int64_t>{1, 5, 16}));
    auto padded = torch::tensor({{2, 7, 9, 11, 3, 0, 0, 0}}, torch::kInt64);
    auto paddedMask = torch::tensor({{1, 1, 1, 1, 1, 0, 0, 0}}, torch::kInt64);
    auto withPadding = bert->forward(padded, paddedMask, {});
    EXPECT_TRUE(torch::allclose(alone, withPadding.slice(1, 0, 5), 1e-5, 1e-5));
    EXPECT_EQ(bert->pool(alone).sizes(), (std::vector<std::int64_t>{1, 16}));
    // Dropout is live in training mode and drawn from the given generator: same seed, same masks.
    auto g1 = at::make_generator<at::CPUGeneratorImpl>(9), g2 = at::make_generator<at::CPUGeneratorImpl>(9);
    auto a = bert->forward(ids, mask, ml::DropoutSource{true, &g1});
    auto b = bert->forward(ids, mask, ml::DropoutSource{true, &g2});
    EXPECT_TRUE(torch::equal(a, b));
    EXPECT_FALSE(torch::allclose(a, alone, 1e-4, 1e-4));
}

// [CLS]-pooled classifiers run the last layer for the first position alone: the same values as the full
// last layer's first row, padding included, and the same gradients reach the weights.
TEST(BertModel, LastLayerFirstTokenOnlyMatchesTheFullModelsFirstRow) {
    auto options = tinyOptions();
    options.layers = 3;
    ml::BertModel bert(options);
    bert->initialize(5);
    bert->eval();
    auto ids = torch::tensor({{2, 7, 9, 11, 3, 0}, {2, 5, 3, 0, 0, 0}}, torch::kInt64);
    auto mask = torch::tensor({{1, 1, 1, 1, 1, 0}, {1, 1, 1, 0, 0, 0}}, torch::kInt64);
    auto full = bert->forward(ids, mask, {});
    auto first = bert->forward(ids, mask, {}, true);
    ASSERT_EQ(first.sizes(), (std::vector<std::int64_t>{2, 1, 16}));
    EXPECT_TRUE(torch::allclose(first.select(1, 0), full.select(1, 0), 1e-5, 1e-5));

    bert->pool(full).sum().backward();
    std::vector<torch::Tensor> expected;
    for (auto& p : bert->parameters()) {
        expected.push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
        p.mutable_grad() = torch::Tensor();
    }
    bert->pool(bert->forward(ids, mask, {}, true)).sum().backward();
    std::size_t i = 0;
    for (auto& p : bert->parameters()) {
        const auto got = p.grad().defined() ? p.grad() : torch::zeros_like(p);
        EXPECT_TRUE(torch::allclose(got, expected[i], 1e-5, 1e-6)) << "parameter " << i;
        ++i;
    }
}

TEST(BertVocab, LearnsWordPiecesThatCoverUnseenWords) {
    std::vector<std::string> texts;
    for (int i = 0; i < 20; ++i) {
        texts.push_back("transfer transferring transferred money");
        texts.push_back("card cards carded 转账 余额");
    }
    ml::WordPieceTrainOptions options;
    options.vocabSize = 60;
    auto tokenizer = ml::trainWordPieceVocab(texts, options);
    ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().what();
    EXPECT_EQ(tokenizer->idToToken(0), "[PAD]");
    EXPECT_GE(tokenizer->maskId(), 0);
    EXPECT_LE(tokenizer->vocabSize(), 60);
    EXPECT_GE(tokenizer->tokenToId("transfer"), 0); // frequent words are whole tokens
    EXPECT_GE(tokenizer->tokenToId("##ed"), 0);
    // An unseen word falls into learned pieces, not [UNK]; an unseen character is [UNK].
    EXPECT_EQ(tokenizer->tokenize("transfered"), (std::vector<std::string>{"transfer", "##ed"}));
    EXPECT_EQ(tokenizer->tokenize("Cards"), (std::vector<std::string>{"cards"}));
    EXPECT_EQ(tokenizer->tokenize("转账"), (std::vector<std::string>{"转", "账"}));
    EXPECT_EQ(tokenizer->tokenize("zzz"), (std::vector<std::string>{"[UNK]"}));
    auto again = ml::trainWordPieceVocab(texts, options);
    EXPECT_EQ(again->vocab(), tokenizer->vocab()); // deterministic
    EXPECT_FALSE(ml::trainWordPieceVocab({"", "  "}, options).ok());
}

TEST(TransformerConfig, KeysRoundTripAndAreValidated) {
    auto config = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    EXPECT_DOUBLE_EQ(config.gradientClip, 1.0);
    EXPECT_DOUBLE_EQ(config.weightDecay, 0.01);
    EXPECT_TRUE(config.bucketByLength);
    config.transformer.layers = 3;
    config.transformer.pooling = ml::Pooling::Mean;
    config.transformer.initFrom = "/tmp/bert";
    const auto json = ml::toJson(config);
    EXPECT_EQ(json["transformer"]["layers"], 3);
    EXPECT_EQ(json["transformer"]["pooling"], "mean");
    EXPECT_EQ(json["gradient_clip"], 1.0);
    auto back = ml::trainConfigFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error().what();
    EXPECT_EQ(ml::toJson(*back), json);
    // A config naming the transformer starts from the transformer's defaults, not the fast model's.
    auto named = ml::trainConfigFromJson({{"model", "transformer"}, {"epochs", 3}});
    ASSERT_TRUE(named.ok());
    EXPECT_DOUBLE_EQ(named->learningRate, 3e-4);
    EXPECT_EQ(named->epochs, 3);
    for (const auto& [bad, fragment] : std::vector<std::pair<nlohmann::json, std::string>>{
             {{{"transformer", {{"heads", 3}}}}, "transformer.heads must divide"},
             {{{"transformer", {{"layer", 3}}}}, "unknown config key \"transformer.layer\""},
             {{{"transformer", {{"pooling", "max"}}}}, "transformer.pooling"},
             {{{"gradient_clip", -1}}, "gradient_clip"},
             {{{"bucket_by_length", 1}}, "bucket_by_length"}}) {
        auto result = ml::trainConfigFromJson(bad);
        ASSERT_FALSE(result.ok()) << bad.dump();
        EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
    }
}

TEST(TransformerTrainer, LearnsSyntheticIntentsAndTheRunPredictsAndEmbeds) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    Sink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(test::trainRequest(path, "", test::tinyTransformerConfig()), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(summary->runName, "transformer-1");
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.85);
    EXPECT_LT(summary->result.history.back().trainLoss, summary->result.history.front().trainLoss);
    const auto modelDir = std::filesystem::path(summary->modelDir);
    EXPECT_TRUE(std::filesystem::exists(modelDir / "vocab.txt"));
    bool loggedVocab = false;
    for (const auto& line : sink.lines)
        loggedVocab =
            loggedVocab || line.find("WordPiece vocabulary learned from 160 texts") != std::string::npos;
    EXPECT_TRUE(loggedVocab);

    auto model = ml::loadRunModel(path, "transformer-1", ml::DevicePreference::Cpu);
    ASSERT_TRUE(model.ok()) << model.error().what();
    EXPECT_EQ((*model)->embeddingDim(), 32);
    auto probabilities = (*model)->predictProbabilities({"I lost card yesterday", "请帮我查询余额"}, nullptr);
    ASSERT_TRUE(probabilities.ok()) << probabilities.error().what();
    ASSERT_EQ(probabilities->size(), 8u);
    const auto& labels = (*model)->labels();
    const auto argmax = [&](int row) {
        return labels[std::max_element(probabilities->begin() + row * 4,
                                       probabilities->begin() + row * 4 + 4) -
                      (probabilities->begin() + row * 4)];
    };
    EXPECT_EQ(argmax(0), "card_lost");
    EXPECT_EQ(argmax(1), "balance");
    auto embeddings = (*model)->embed({"lost card", "lost my card please"}, nullptr);
    ASSERT_TRUE(embeddings.ok());
    ASSERT_EQ(embeddings->size(), 64u);
    double norm = 0;
    for (int i = 0; i < 32; ++i)
        norm += (*embeddings)[i] * (*embeddings)[i];
    EXPECT_NEAR(norm, 1.0, 1e-4);
}

TEST(TransformerTrainer, CancelStopsWithinOneBatchAndResumeReproducesTheUninterruptedRun) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 20});
    auto config = test::tinyTransformerConfig();
    config.epochs = 3;
    Sink plain;
    core::CancelToken never;
    auto reference = ml::runTrainJob(test::trainRequest(path, "whole", config), plain, never);
    ASSERT_TRUE(reference.ok()) << reference.error().what();

    core::CancelToken cancel;
    Sink stopping;
    stopping.token = &cancel;
    stopping.cancelAt = 11; // 60 training examples: 8 batches per epoch, so mid-epoch 2
    auto first = ml::runTrainJob(test::trainRequest(path, "split", config), stopping, cancel);
    ASSERT_TRUE(first.ok()) << first.error().what();
    EXPECT_EQ(first->result.outcome, ml::TrainOutcome::Cancelled);
    EXPECT_EQ(first->result.steps, stopping.cancelledAtStep); // no further batch after the request
    Sink resumedSink;
    core::CancelToken resumeCancel;
    auto again = test::trainRequest(path, "split", config);
    again.resume = true;
    auto second = ml::runTrainJob(again, resumedSink, resumeCancel);
    ASSERT_TRUE(second.ok()) << second.error().what();
    EXPECT_TRUE(second->result.resumed);
    ASSERT_EQ(second->result.history.size(), reference->result.history.size());
    for (std::size_t e = 0; e < reference->result.history.size(); ++e) {
        SCOPED_TRACE("epoch " + std::to_string(e + 1));
        EXPECT_EQ(reference->result.history[e].trainLoss, second->result.history[e].trainLoss);
        EXPECT_EQ(reference->result.history[e].validationLoss, second->result.history[e].validationLoss);
    }
    EXPECT_EQ(second->report["validation"], reference->report["validation"]);
}

TEST(TransformerTrainer, TrainsWithBf16AutocastOnCuda_CUDA) {
    if (!torch::cuda::is_available())
        GTEST_SKIP() << "no CUDA device available to this LibTorch build (Debian's is CPU-only)";
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 40});
    auto config = test::tinyTransformerConfig();
    config.device = ml::DevicePreference::Cuda;
    Sink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(test::trainRequest(path, "gpu", config), sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(summary->result.device, "cuda:0");
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.85);
}
