// train_bench: trains one run through the same job the CLI uses and prints timings and scores as JSON.
// Used for tuning on the validation split and by train_bench.py for the side-by-side with Python.
//
//   train_bench PROJECT DATASET [--config FILE.json] [--set JSON] [--eval TEST_DATASET] [--run NAME]
//   train_bench --featurize CONFIG_JSON < texts.txt
//   train_bench --tokenize MODEL_DIR MAX_LENGTH < texts.txt   (a transformer run's WordPiece ids)
//
// --set takes a JSON object applied over the config (e.g. '{"epochs": 10, "fast": {"dim": 64}}').
// --eval scores the official test set once, after training: use it only for a final config.

#include "ml/trainjob.h"
#include "text/hashedfeatures.h"
#include "text/wordpiecetokenizer.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

using namespace bankbench;

namespace {

class PrintingSink final : public ml::ProgressSink {
public:
    void progress(const ml::TrainProgress&) override {}
    void log(const std::string& line) override { std::cerr << line << '\n'; }
    void epochFinished(const ml::EpochMetrics& m) override {
        std::fprintf(stderr,
                     "epoch %2d  loss %.4f  val loss %.4f  acc %.4f  macro-F1 %.4f  %.2f s  %.0f ex/s\n",
                     m.epoch, m.trainLoss, m.validationLoss, m.validationAccuracy, m.validationMacroF1,
                     m.seconds, m.examplesPerSecond);
    }
};

int usage() {
    std::cerr << "usage: train_bench PROJECT DATASET [--config FILE.json] [--set JSON] [--eval TEST] [--run "
                 "NAME]\n";
    return 2;
}

} // namespace

// `train_bench --featurize CONFIG_JSON`: hashed n-gram ids of each stdin line (one line of ids per text),
// so the Python side-by-side can check that it feeds its model exactly the same features.
int featurize(const std::string& configJson) {
    const auto json = nlohmann::json::parse(configJson, nullptr, false);
    auto config = ml::trainConfigFromJson(json, {}, "--featurize");
    if (json.is_discarded() || !config) {
        std::cerr << "--featurize: invalid config\n";
        return 2;
    }
    const core::HashedFeaturizer featurizer(config->fast.features);
    for (std::string line; std::getline(std::cin, line);) {
        const auto ids = featurizer.featurize(line);
        for (std::size_t i = 0; i < ids.size(); ++i)
            std::cout << (i ? " " : "") << ids[i];
        std::cout << '\n';
    }
    return 0;
}

// `train_bench --tokenize MODEL_DIR MAX_LENGTH`: the ids a transformer run feeds its encoder ([CLS] ... [SEP]),
// one line per stdin line, so the Python side-by-side trains on exactly the same inputs.
int tokenize(const std::string& modelDir, int maxLength) {
    auto tokenizer = core::WordPieceTokenizer::fromVocabFile(modelDir + "/vocab.txt");
    if (!tokenizer) {
        std::cerr << tokenizer.error().what() << '\n';
        return 2;
    }
    for (std::string line; std::getline(std::cin, line);) {
        const auto ids = tokenizer->encode(line, static_cast<std::size_t>(maxLength)).ids;
        for (std::size_t i = 0; i < ids.size(); ++i)
            std::cout << (i ? " " : "") << ids[i];
        std::cout << '\n';
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--featurize")
        return featurize(argv[2]);
    if (argc == 4 && std::string(argv[1]) == "--tokenize")
        return tokenize(argv[2], std::atoi(argv[3]));
    if (argc < 3)
        return usage();
    ml::TrainJobRequest request;
    request.projectPath = argv[1];
    request.datasetName = argv[2];
    request.versions = {{"bankbench", "train_bench"}};
    std::string evalDataset;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        const std::string value = argv[i + 1];
        if (option == "--config") {
            auto config = ml::loadTrainConfig(value, request.config);
            if (!config) {
                std::cerr << config.error().what() << '\n';
                return 2;
            }
            request.config = *config;
        } else if (option == "--set") {
            const auto json = nlohmann::json::parse(value, nullptr, false);
            auto config = ml::trainConfigFromJson(json, request.config, "--set");
            if (json.is_discarded() || !config) {
                std::cerr << "--set: " << (config ? "invalid JSON" : config.error().what()) << '\n';
                return 2;
            }
            request.config = *config;
        } else if (option == "--eval") {
            evalDataset = value;
        } else if (option == "--run") {
            request.runName = value;
        } else {
            return usage();
        }
    }
    PrintingSink sink;
    core::CancelToken cancel;
    const auto started = std::chrono::steady_clock::now();
    const std::clock_t cpuStarted = std::clock();
    auto summary = ml::runTrainJob(request, sink, cancel);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // Process CPU time of the whole job (all threads): the machine is shared, so wall times are noisy.
    const double cpu = static_cast<double>(std::clock() - cpuStarted) / CLOCKS_PER_SEC;
    if (!summary) {
        std::cerr << summary.error().what() << '\n';
        return 1;
    }
    const auto& result = summary->result;
    nlohmann::json out = {{"run", summary->runName},
                          {"config", ml::toJson(request.config)},
                          {"train_examples", summary->trainExamples},
                          {"validation_examples", summary->validationExamples},
                          {"epochs_run", result.history.size()},
                          {"best_epoch", result.bestEpoch},
                          {"validation_accuracy", summary->report["validation"].value("accuracy", 0.0)},
                          {"validation_macro_f1", summary->report["validation"].value("macro_f1", 0.0)},
                          {"train_seconds", result.trainSeconds},
                          {"examples_per_second", result.examplesPerSecond},
                          {"threads", result.threads},
                          {"job_wall_seconds", wall},
                          {"job_cpu_seconds", cpu}};
    if (!evalDataset.empty()) {
        ml::EvalJobRequest eval{request.projectPath, summary->runName, evalDataset};
        auto report = ml::runEvalJob(eval);
        if (!report) {
            std::cerr << report.error().what() << '\n';
            return 1;
        }
        out["test_accuracy"] = (*report)["accuracy"];
        out["test_macro_f1"] = (*report)["macro_f1"];
    }
    std::cout << out.dump(2) << '\n';
    return 0;
}
