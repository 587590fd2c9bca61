// Hugging Face BERT folders: a tiny BERT written by the test imports and matches an independent forward
// pass; bad configs are named; a trained run exports and re-imports with identical logits, which an
// independent Python re-implementation (python3-torch, skipped when absent) reproduces; MLM pretraining
// lowers its loss and a classifier fine-tunes from its output.

#include "ml/hfcheckpoint.h"
#include "ml/hfcheckpointexport.h"
#include "ml/pretrain.h"
#include "ml/tensorio.h"
#include "ml/textclassifier.h"
#include "ml/trainjob.h"
#include "ml/transformermodel.h"
#include "mltestdata.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace bankbench;
using bankbench::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kVocab = {"[PAD]", "[UNK]",   "[CLS]", "[SEP]",  "[MASK]", "card", "lost",
                                         "my",    "balance", "##s",   "please", "余",     "额"};

/// A BERT folder as Hugging Face writes it: random tensors, optionally with the "bert." prefix and a pooler.
std::map<std::string, torch::Tensor> writeTinyBert(const fs::path& dir, bool prefix, bool pooler) {
    fs::create_directories(dir);
    const nlohmann::json config = {{"architectures", {"BertModel"}}, {"model_type", "bert"},
                                   {"vocab_size", kVocab.size()},    {"hidden_size", 8},
                                   {"num_hidden_layers", 2},         {"num_attention_heads", 2},
                                   {"intermediate_size", 12},        {"max_position_embeddings", 16},
                                   {"type_vocab_size", 2},           {"hidden_act", "gelu"},
                                   {"layer_norm_eps", 1e-12},        {"pad_token_id", 0}};
    test::writeFile((dir / "config.json").string(), config.dump(2));
    std::string vocab;
    for (const auto& token : kVocab)
        vocab += token + "\n";
    test::writeFile((dir / "vocab.txt").string(), vocab);
    torch::manual_seed(11);
    std::map<std::string, torch::Tensor> t;
    const std::string p = prefix ? "bert." : "";
    t[p + "embeddings.word_embeddings.weight"] = torch::randn({13, 8});
    t[p + "embeddings.position_embeddings.weight"] = torch::randn({16, 8});
    t[p + "embeddings.token_type_embeddings.weight"] = torch::randn({2, 8});
    t[p + "embeddings.LayerNorm.weight"] = 1 + 0.1 * torch::randn({8});
    t[p + "embeddings.LayerNorm.bias"] = 0.1 * torch::randn({8});
    for (int l = 0; l < 2; ++l) {
        const auto q = p + "encoder.layer." + std::to_string(l) + ".";
        for (const char* n : {"attention.self.query", "attention.self.key", "attention.self.value",
                              "attention.output.dense"}) {
            t[q + n + ".weight"] = 0.3 * torch::randn({8, 8});
            t[q + n + ".bias"] = 0.1 * torch::randn({8});
        }
        t[q + "intermediate.dense.weight"] = 0.3 * torch::randn({12, 8});
        t[q + "intermediate.dense.bias"] = 0.1 * torch::randn({12});
        t[q + "output.dense.weight"] = 0.3 * torch::randn({8, 12});
        t[q + "output.dense.bias"] = 0.1 * torch::randn({8});
        for (const char* n : {"attention.output.LayerNorm", "output.LayerNorm"}) {
            t[q + n + ".weight"] = 1 + 0.1 * torch::randn({8});
            t[q + n + ".bias"] = 0.1 * torch::randn({8});
        }
    }
    if (pooler) {
        t[p + "pooler.dense.weight"] = 0.3 * torch::randn({8, 8});
        t[p + "pooler.dense.bias"] = 0.1 * torch::randn({8});
    }
    ml::NamedTensors named(t.begin(), t.end());
    EXPECT_TRUE(ml::saveTensors((dir / "model.safetensors").string(), named).ok());
    std::map<std::string, torch::Tensor> unprefixed;
    for (auto& [name, tensor] : t)
        unprefixed[prefix ? name.substr(5) : name] = tensor;
    return unprefixed;
}

/// BERT's last hidden states written out with plain tensor operations, as a check independent of the
/// module code (old Hugging Face's -10000 for padded keys).
torch::Tensor referenceForward(std::map<std::string, torch::Tensor>& w, const torch::Tensor& ids,
                               const torch::Tensor& mask) {
    namespace F = torch::nn::functional;
    const auto ln = [&](const torch::Tensor& x, const std::string& p) {
        return torch::layer_norm(x, {8}, w[p + ".weight"], w[p + ".bias"], 1e-12);
    };
    const auto lin = [&](const torch::Tensor& x, const std::string& p) {
        return torch::matmul(x, w[p + ".weight"].t()) + w[p + ".bias"];
    };
    auto x = w["embeddings.word_embeddings.weight"]
                 .index_select(0, ids.view(-1))
                 .view({ids.size(0), ids.size(1), 8}) +
             w["embeddings.position_embeddings.weight"].slice(0, 0, ids.size(1)) +
             w["embeddings.token_type_embeddings.weight"][0];
    x = ln(x, "embeddings.LayerNorm");
    const auto bias = ((1 - mask.to(torch::kFloat32)) * -10000.0).view({ids.size(0), 1, 1, ids.size(1)});
    for (int l = 0; l < 2; ++l) {
        const auto p = "encoder.layer." + std::to_string(l) + ".";
        const auto split = [&](const torch::Tensor& t) {
            return t.view({t.size(0), t.size(1), 2, 4}).transpose(1, 2);
        };
        auto q = split(lin(x, p + "attention.self.query")), k = split(lin(x, p + "attention.self.key")),
             v = split(lin(x, p + "attention.self.value"));
        auto scores = torch::matmul(q, k.transpose(-1, -2)) / 2.0 + bias;
        auto context = torch::matmul(torch::softmax(scores, -1), v).transpose(1, 2).reshape(x.sizes());
        auto a = ln(lin(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm");
        auto h = 0.5 * lin(a, p + "intermediate.dense") *
                 (1 + torch::erf(lin(a, p + "intermediate.dense") / std::sqrt(2.0)));
        x = ln(lin(h, p + "output.dense") + a, p + "output.LayerNorm");
    }
    return x;
}


} // namespace

TEST(HfCheckpoint, TinyBertWrittenByTheTestImportsAndMatchesAReferenceForward) {
    TempDir dir;
    for (const bool prefix : {true, false}) {
        SCOPED_TRACE(prefix ? "with bert. prefix" : "without prefix");
        const auto folder = fs::path(dir.path()) / (prefix ? "prefixed" : "plain");
        auto weights = writeTinyBert(folder, prefix, /*pooler=*/prefix);
        auto options = ml::readHfBertConfig(folder.string());
        ASSERT_TRUE(options.ok()) << options.error().what();
        EXPECT_EQ(options->hidden, 8);
        EXPECT_EQ(options->intermediate, 12);
        ml::BertModel bert(*options);
        auto loaded = ml::loadHfBertWeights(folder.string(), bert, nullptr);
        ASSERT_TRUE(loaded.ok()) << loaded.error().what();
        EXPECT_EQ(*loaded, prefix ? 39 : 37); // without a pooler the pooler keeps its initial weights
        bert->eval();
        torch::NoGradGuard noGrad;
        auto encoder = ml::BertTextEncoder::load(folder.string());
        ASSERT_TRUE(encoder.ok());
        EXPECT_EQ(encoder->encode("My cards lost", 16), (std::vector<std::int64_t>{2, 7, 5, 9, 6, 3}));
        auto ids = torch::tensor({{2, 7, 5, 9, 6, 3}, {2, 11, 12, 3, 0, 0}}, torch::kInt64);
        auto mask = torch::tensor({{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0}}, torch::kInt64);
        auto ours = bert->forward(ids, mask, {});
        auto reference = referenceForward(weights, ids, mask);
        EXPECT_TRUE(torch::allclose(ours.slice(1, 0, 4), reference.slice(1, 0, 4), 1e-4, 1e-5));
        EXPECT_TRUE(torch::allclose(ours[0], reference[0], 1e-4, 1e-5));
        if (prefix) {
            auto pooled =
                torch::tanh(torch::matmul(reference.select(1, 0), weights["pooler.dense.weight"].t()) +
                            weights["pooler.dense.bias"]);
            EXPECT_TRUE(torch::allclose(bert->pool(ours), pooled, 1e-4, 1e-5));
        }
    }
}

TEST(HfCheckpoint, BadFoldersAreNamedPrecisely) {
    TempDir dir;
    const auto folder = fs::path(dir.path()) / "bert";
    writeTinyBert(folder, true, true);
    auto config = nlohmann::json::parse(test::readFile((folder / "config.json").string()));
    config["hidden_act"] = "relu";
    test::writeFile((folder / "config.json").string(), config.dump());
    auto relu = ml::readHfBertConfig(folder.string());
    ASSERT_FALSE(relu.ok());
    EXPECT_NE(relu.error().message.find("hidden_act \"relu\""), std::string::npos);
    config.erase("hidden_act");
    config["num_attention_heads"] = 3;
    test::writeFile((folder / "config.json").string(), config.dump());
    EXPECT_NE(ml::readHfBertConfig(folder.string()).error().message.find("not a multiple"),
              std::string::npos);
    test::writeFile((folder / "config.json").string(), "{\n  \"vocab_size\": 13,\n  oops\n}");
    auto syntax = ml::readHfBertConfig(folder.string());
    ASSERT_FALSE(syntax.ok());
    EXPECT_EQ(syntax.error().where.line, 3);
    // A tensor of the wrong shape is named with both shapes.
    writeTinyBert(folder, true, true);
    auto options = ml::readHfBertConfig(folder.string()).value();
    options.intermediate = 10;
    ml::BertModel bert(options);
    auto loaded = ml::loadHfBertWeights(folder.string(), bert, nullptr);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("intermediate.dense.weight"), std::string::npos)
        << loaded.error().message;
}

TEST(HfCheckpoint, ExportedRunReimportsWithIdenticalLogitsAndMatchesAPythonReference) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 20});
    auto config = test::tinyTransformerConfig();
    config.epochs = 2;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob({path, "train", "t", config}, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    const auto out = fs::path(dir.path()) / "export";
    auto files = ml::exportRunModel(path, "t", out.string());
    ASSERT_TRUE(files.ok()) << files.error().what();
    EXPECT_EQ(files->size(), 4u);
    auto hfConfig = nlohmann::json::parse(test::readFile((out / "config.json").string()));
    EXPECT_EQ(hfConfig["architectures"], nlohmann::json::array({"BertForSequenceClassification"}));
    EXPECT_EQ(hfConfig["id2label"].size(), 4u);
    EXPECT_EQ(hfConfig["label2id"][hfConfig["id2label"]["0"].get<std::string>()], 0);
    EXPECT_EQ(hfConfig["hidden_size"], 32);

    auto imported = ml::loadHfClassifier(out.string());
    ASSERT_TRUE(imported.ok()) << imported.error().what();
    EXPECT_EQ(imported->labels, summary->labels);
    const std::vector<std::string> texts = {"I lost card yesterday", "请帮我查询余额",
                                            "transfer money now please"};
    auto inputs = imported->model->encode(texts);
    auto logits = ml::predictLogits(*imported->model, *inputs, {}, 8);
    auto trained = ml::TextClassifier::load(summary->modelDir, ml::DevicePreference::Cpu);
    ASSERT_TRUE(trained.ok()) << trained.error().what();
    auto probabilities = (*trained)->predictProbabilities(texts);
    ASSERT_TRUE(probabilities.ok());
    auto expected = torch::tensor(*probabilities).view({3, 4});
    EXPECT_TRUE(torch::equal(torch::softmax(logits, 1), expected));

    // An independent forward pass in Python over the exported files gives the same logits.
    if (std::system("/usr/bin/python3 -c 'import torch' >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "python3-torch is not installed: the Python cross-check is skipped";
    auto& tokenized = static_cast<ml::TokenizedTexts&>(*inputs);
    auto [ids, mask] = tokenized.batch({0, 1, 2}, imported->model->textEncoder().padId());
    nlohmann::json input = {{"ids", nlohmann::json::array()}, {"mask", nlohmann::json::array()}};
    for (int r = 0; r < 3; ++r) {
        std::vector<std::int64_t> row(ids[r].data_ptr<std::int64_t>(),
                                      ids[r].data_ptr<std::int64_t>() + ids.size(1));
        std::vector<std::int64_t> maskRow(mask[r].data_ptr<std::int64_t>(),
                                          mask[r].data_ptr<std::int64_t>() + mask.size(1));
        input["ids"].push_back(row);
        input["mask"].push_back(maskRow);
    }
    test::writeFile(dir.file("input.json"), input.dump());
    // Not __FILE__: ccache (CCACHE_BASEDIR) compiles with relative paths.
    const auto script = (fs::path(BANKBENCH_ML_TEST_SOURCE_DIR) / "bert_reference.py").string();
    const auto command = "/usr/bin/python3 " + script + " " + out.string() + " " + dir.file("input.json") +
                         " > " + dir.file("python.json");
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    auto python = nlohmann::json::parse(test::readFile(dir.file("python.json")));
    ASSERT_EQ(python.size(), 3u);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 4; ++c)
            EXPECT_NEAR(python[r][c].get<double>(), logits[r][c].item<double>(), 1e-4);
}

TEST(HfCheckpoint, FastRunsAndMeanPoolingAreNotExported) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 10});
    ml::TrainConfig fast;
    fast.epochs = 1;
    fast.threads = 1;
    fast.fast.features.bucketBits = 12;
    fast.validationFraction = 0.25;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    ASSERT_TRUE(ml::runTrainJob({path, "train", "f", fast}, sink, cancel).ok());
    auto refused = ml::exportRunModel(path, "f", dir.file("out"));
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("only transformer runs"), std::string::npos);
    EXPECT_EQ(ml::exportRunModel(path, "missing", dir.file("out")).error().code, core::ErrorCode::NotFound);
}

TEST(Pretrain, MaskedLanguageModelLossDecreasesAndAClassifierFineTunesFromIt) {
    TempDir dir;
    const auto path = dir.file("p.bbproj");
    test::createSyntheticProject(path, "train", {.perClass = 30});
    ml::PretrainJobRequest pretrain;
    pretrain.projectPath = path;
    pretrain.outputDir = dir.file("mlm");
    pretrain.config = ml::pretrainConfigFor(test::tinyTransformerConfig());
    pretrain.config.epochs = 20;
    pretrain.config.batchSize = 16;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto result = ml::runPretrainJob(pretrain, sink, cancel);
    ASSERT_TRUE(result.ok()) << result.error().what();
    EXPECT_EQ(result->texts, 120);
    ASSERT_EQ(result->epochLosses.size(), 20u);
    // Filler words are drawn at random, so the loss floor is high: a clear drop, not a small one, is the bar.
    EXPECT_LT(result->epochLosses.back(), 0.9 * result->epochLosses.front());
    auto reader = ml::SafetensorsReader::open(dir.file("mlm/model.safetensors"));
    ASSERT_TRUE(reader.ok());
    EXPECT_TRUE((*reader)->contains("cls.predictions.transform.dense.weight"));
    EXPECT_TRUE((*reader)->contains("cls.predictions.bias"));
    EXPECT_TRUE((*reader)->contains("bert.encoder.layer.0.attention.self.query.weight"));
    EXPECT_FALSE((*reader)->contains("bert.pooler.dense.weight"));
    EXPECT_TRUE(fs::exists(dir.file("mlm/vocab.txt")));

    auto config = test::tinyTransformerConfig();
    config.transformer.initFrom = dir.file("mlm");
    // Mean pooling reads the token states MLM trained; [CLS] is never predicted in MLM, so a [CLS]-pooled
    // classifier starts slower from a pretrained encoder (BENCHMARKS.md, "Training: transformer").
    config.transformer.pooling = ml::Pooling::Mean;
    auto summary = ml::runTrainJob({path, "train", "ft", config}, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();
    EXPECT_EQ(test::readFile(dir.file("mlm/vocab.txt")), test::readFile(summary->modelDir + "/vocab.txt"));
    EXPECT_GE(summary->report["validation"]["accuracy"].get<double>(), 0.85);

    core::CancelToken stop;
    stop.cancel();
    pretrain.outputDir = dir.file("mlm2");
    auto cancelled = ml::runPretrainJob(pretrain, sink, stop);
    ASSERT_FALSE(cancelled.ok()); // reading the texts already sees the cancel
    EXPECT_EQ(cancelled.error().code, core::ErrorCode::Cancelled);
}
