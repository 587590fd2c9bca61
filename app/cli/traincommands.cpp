// train: the training command. Computing goes through the MlModule, so LibTorch is mapped only here and in
// eval/predict (runcommands.cpp).

#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"
#include "terminal.h"

#include "ml/loader/mlloader.h"
#include "ml/mlmodule.h"
#include "store/runstore.h"
#include "text/textaugment.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

#ifndef BANKBENCH_VERSION
#error "BANKBENCH_VERSION must be defined by the build (app/CMakeLists.txt)"
#endif

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;

namespace {

struct TrainArgs {
    std::string project, dataset, model, configFile, run, device = "auto", initFrom, task, labelSet,
                                                          synonymsFile;
    std::optional<int> epochs, threads, pretrainEpochs;
    bool resume = false, pretrain = false, json = false, progress = false, noProgress = false;
};

std::string clockText(double seconds) {
    const auto total = static_cast<long long>(seconds + 0.5);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
    return buffer;
}

/// Training progress on stderr: a line redrawn in place on a terminal (at most 10 a second), and one
/// permanent line per epoch. On a pipe only with --progress, one line per epoch and per 10 s.
class TrainProgressPrinter final : public ml::ProgressSink {
public:
    explicit TrainProgressPrinter(bool enabled) : m_enabled(enabled), m_tty(::isatty(STDERR_FILENO) == 1) {}
    ~TrainProgressPrinter() override { clear(); }

    void progress(const ml::TrainProgress& p) override {
        if (!m_enabled)
            return;
        if (p.phase == ml::TrainProgress::Phase::Preparing) {
            show(p.message);
            return;
        }
        if (p.phase != ml::TrainProgress::Phase::Training)
            return;
        std::string line = std::string(p.refit ? "refit " : "") + "epoch " + std::to_string(p.epoch) + "/" +
                           std::to_string(p.epochs) + "  step " + std::to_string(p.step) + "/" +
                           std::to_string(p.totalSteps) + "  loss " + fixed(p.trainLoss, 4) + "  lr " +
                           fixed(p.learningRate, 5) + "  " + fixed(p.examplesPerSecond, 0) + " ex/s  ETA " +
                           (p.etaSeconds >= 0 ? clockText(p.etaSeconds) : std::string("?"));
        show(line);
    }
    void log(const std::string& line) override {
        if (m_enabled)
            permanent(line);
    }
    void epochFinished(const ml::EpochMetrics& m) override {
        if (m_enabled)
            permanent("epoch " + std::to_string(m.epoch) + ": train loss " + fixed(m.trainLoss, 4) +
                      ", validation loss " + fixed(m.validationLoss, 4) + ", accuracy " +
                      fixed(m.validationAccuracy, 4) + ", macro-F1 " + fixed(m.validationMacroF1, 4) + " (" +
                      fixed(m.seconds, 1) + " s, " + fixed(m.examplesPerSecond, 0) + " ex/s)");
    }
    std::chrono::milliseconds progressInterval() const override {
        return m_tty ? std::chrono::milliseconds(100) : std::chrono::milliseconds(10000);
    }
    void clear() {
        if (m_drawn) {
            std::fprintf(stderr, "\r\033[K");
            std::fflush(stderr);
            m_drawn = false;
        }
    }

private:
    void show(const std::string& line) {
        if (m_tty) {
            std::fprintf(stderr, "\r%s\033[K", line.c_str());
            m_drawn = true;
        } else {
            std::fprintf(stderr, "%s\n", line.c_str());
        }
        std::fflush(stderr);
    }
    void permanent(const std::string& line) {
        clear();
        std::fprintf(stderr, "%s\n", line.c_str());
        std::fflush(stderr);
    }

    bool m_enabled;
    bool m_tty;
    bool m_drawn = false;
};

nlohmann::json historyJson(const std::vector<ml::EpochMetrics>& history) {
    auto out = nlohmann::json::array();
    for (const auto& m : history)
        out.push_back(ml::toJson(m));
    return out;
}

int runTrain(const TrainArgs& args) {
    const auto usage = [&](const std::string& message) {
        return reportError({ErrorCode::InvalidArgument, message, {}}, "bankbench-cli", args.json);
    };
    if (args.model == "fast" && (args.pretrain || !args.initFrom.empty()))
        return usage(std::string(args.pretrain ? "--pretrain" : "--init-from") +
                     " applies to the transformer model only (--model transformer)");
    if (args.resume && (args.pretrain || !args.initFrom.empty()))
        return usage("--resume continues a run with its stored config: drop --pretrain and --init-from");
    if (args.pretrain && !args.initFrom.empty())
        return usage(
            "use either --pretrain (pretrain from scratch on the dataset) or --init-from DIR, not both "
            "(to pretrain further from DIR: bankbench-cli pretrain --init-from DIR, then train "
            "--init-from the result)");
    if (args.resume && args.run.empty())
        return usage("--resume needs --run NAME (the run to continue; list them with: bankbench-cli runs)");
    if (!args.resume && args.dataset.empty())
        return usage("--dataset is required (the labelled dataset to train on)");
    if (args.task == "tokens" && args.model == "fast")
        return usage("--task tokens (slot spans) needs the transformer model: drop --model fast");
    if (args.task == "tokens" && args.pretrain)
        return usage("--task tokens cannot --pretrain: run `bankbench-cli pretrain` first, then --init-from "
                     "its output");
    if (!args.labelSet.empty() && args.task != "tokens")
        return usage("--label-set applies to --task tokens (the span label set to train on)");
    if (auto project = openExistingProject(args.project, /*readOnly=*/true); !project)
        return reportError(project.error(), args.project, args.json);

    // --init-from and --pretrain imply the transformer; each model starts from its own defaults.
    const bool transformer =
        args.model == "transformer" || args.pretrain || !args.initFrom.empty() || args.task == "tokens";
    ml::TrainConfig config =
        ml::defaultTrainConfig(transformer ? ml::ModelKind::Transformer : ml::ModelKind::Fast);
    if (!args.configFile.empty()) {
        auto loaded = ml::loadTrainConfig(args.configFile, config);
        if (!loaded)
            return reportError(loaded.error(), args.configFile, args.json);
        if (!args.model.empty() && ml::modelKindName(loaded->model) != args.model)
            return usage("--model " + args.model + " conflicts with \"model\": \"" +
                         ml::modelKindName(loaded->model) + "\" in " + args.configFile);
        config = *loaded;
    }
    if (!args.initFrom.empty()) {
        std::error_code ec;
        const auto folder = std::filesystem::absolute(args.initFrom, ec);
        if (!std::filesystem::is_regular_file(folder / "config.json") ||
            !std::filesystem::is_regular_file(folder / "model.safetensors"))
            return reportError({ErrorCode::NotFound,
                                "--init-from: expected a BERT folder with config.json and model.safetensors "
                                "and vocab.txt",
                                {args.initFrom, 0, 0}},
                               "bankbench-cli", args.json);
        config.transformer.initFrom = folder.lexically_normal().string();
    }
    // Command-line values override the file.
    if (args.task == "tokens")
        config.task = ml::TaskKind::Tokens;
    else if (args.task == "classify")
        config.task = ml::TaskKind::Classify;
    if (!args.labelSet.empty())
        config.labelSet = args.labelSet;
    if (!args.synonymsFile.empty()) {
        // The groups go into the run's config, so the run can be repeated without the file.
        auto groups = core::readSynonymFile(args.synonymsFile);
        if (!groups)
            return reportError(groups.error(), args.synonymsFile, args.json);
        config.augment.synonyms = std::move(*groups);
        if (config.augment.synonymProbability <= 0)
            config.augment.synonymProbability = core::kDefaultSynonymProbability;
    }
    if (args.epochs)
        config.epochs = *args.epochs;
    if (args.threads)
        config.threads = *args.threads;
    config.device = devicePreference(args.device);
    if (auto status = ml::validate(config); !status)
        return reportError(status.error(), args.configFile.empty() ? "bankbench-cli" : args.configFile,
                           args.json);

    auto module = mlModule();
    if (!module)
        return reportError(module.error(), "bankbench-cli", args.json);
    ml::TrainJobRequest request;
    request.projectPath = args.project;
    request.datasetName = args.dataset;
    request.runName = args.run;
    request.config = config;
    request.resume = args.resume;
    if (args.pretrain) {
        ml::PretrainConfig pretrain;
        if (args.pretrainEpochs)
            pretrain.epochs = *args.pretrainEpochs;
        request.pretrain = pretrain;
    }
    request.versions = {{"bankbench", BANKBENCH_VERSION}};

    TrainProgressPrinter printer(!args.noProgress && (args.progress || ::isatty(STDERR_FILENO) == 1));
    core::CancelToken cancel;
    auto summary = [&] {
        SigintCancel sigint(cancel);
        return (*module)->train(request, printer, cancel);
    }();
    printer.clear();
    if (!summary)
        return reportError(summary.error(), args.project, args.json);
    const auto& s = *summary;
    const auto& r = s.result;
    const bool cancelled = r.outcome == ml::TrainOutcome::Cancelled;
    const auto& validation = s.report["validation"];
    const bool tokens = s.report.value("task", "") == "tokens";
    if (args.json) {
        nlohmann::json out = {{"run", s.runName},
                              {"status", cancelled ? "cancelled" : "finished"},
                              {"dataset", s.datasetName},
                              {"model", tokens ? "transformer" : ml::modelKindName(config.model)},
                              {"task", tokens ? "tokens" : "classify"},
                              {"labels", s.labels},
                              {"multi_label", s.multiLabel},
                              {"train_examples", s.trainExamples},
                              {"validation_examples", s.validationExamples},
                              {"epochs_run", r.history.size()},
                              {"best_epoch", r.bestEpoch},
                              {"stopped_early", r.stoppedEarly},
                              {"resumed", r.resumed},
                              {"refit_epochs", r.refitEpochs},
                              {"refit_examples", r.refitExamples},
                              {"steps", r.steps},
                              {"train_seconds", r.trainSeconds},
                              {"examples_per_second", r.examplesPerSecond},
                              {"threads", r.threads},
                              {"device", r.device},
                              {"model_dir", s.modelDir},
                              {"validation", validation},
                              {"history", historyJson(r.history)}};
        if (!s.pretraining.is_null())
            out["pretraining"] = s.pretraining;
        if (tokens)
            out["label_set"] = s.report.value("label_set", "");
        if (!config.transformer.initFrom.empty() && config.model == ml::ModelKind::Transformer)
            out["init_from"] = config.transformer.initFrom;
        printJson(out);
    } else {
        std::cout << (cancelled ? "Cancelled" : "Trained") << " run \"" << s.runName << "\" on dataset \""
                  << s.datasetName << "\": " << s.trainExamples << " training and " << s.validationExamples
                  << " validation examples, " << s.labels.size() << (tokens ? " span types" : " labels")
                  << (s.multiLabel ? " (multi-label)" : "") << '\n';
        std::cout << "  " << r.history.size() << " epochs, " << r.steps << " steps in "
                  << fixed(r.trainSeconds, 1) << " s (" << fixed(r.examplesPerSecond, 0) << " examples/s, "
                  << r.threads << " threads, " << r.device << ")" << (r.stoppedEarly ? ", stopped early" : "")
                  << '\n';
        if (r.bestEpoch > 0 && tokens) {
            std::cout << "  best epoch " << r.bestEpoch << ": validation span micro-F1 "
                      << fixed(validation.value("micro_f1", 0.0), 4) << " (precision "
                      << fixed(validation.value("micro_precision", 0.0), 4) << ", recall "
                      << fixed(validation.value("micro_recall", 0.0), 4) << "), macro-F1 "
                      << fixed(validation.value("macro_f1", 0.0), 4) << '\n';
        } else if (r.bestEpoch > 0) {
            const char* accuracyKey = s.multiLabel ? "subset_accuracy" : "accuracy";
            std::cout << "  best epoch " << r.bestEpoch << ": validation "
                      << (s.multiLabel ? "subset accuracy " : "accuracy ")
                      << fixed(validation.value(accuracyKey, 0.0), 4) << ", macro-F1 "
                      << fixed(validation.value("macro_f1", 0.0), 4) << '\n';
        }
        if (r.refitEpochs > 0)
            std::cout << "  final model: refit on all " << r.refitExamples << " labelled examples for "
                      << r.refitEpochs << " epochs\n";
        if (!s.pretraining.is_null())
            std::cout << "  pretrained (masked language model) on " << s.pretraining["texts"] << " texts for "
                      << s.pretraining["epoch_losses"].size()
                      << " epochs: " << s.pretraining["output_dir"].get<std::string>() << '\n';
        std::cout << "  model files: " << s.modelDir << '\n';
    }
    if (cancelled) {
        std::cerr << args.project << ": training cancelled (Ctrl+C) at step " << r.steps
                  << "; continue with: bankbench-cli train " << args.project << " --run " << s.runName
                  << " --resume\n";
        return kExitCancelled;
    }
    return kExitOk;
}

} // namespace

ml::DevicePreference devicePreference(const std::string& name) {
    return name == "cpu" ? ml::DevicePreference::Cpu
                         : (name == "cuda" ? ml::DevicePreference::Cuda : ml::DevicePreference::Auto);
}

std::string fixed(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

core::Result<ml::MlModule*> mlModule() {
    auto module = ml::loadMlModule();
    if (!module) {
        auto error = module.error();
        error.code = ErrorCode::Io;
        return error;
    }
    return module;
}

void addTrainCommands(CLI::App& app, Action& action) {
    const auto devices = CLI::IsMember({"auto", "cpu", "cuda"});
    {
        auto args = std::make_shared<TrainArgs>();
        auto* cmd =
            app.add_subcommand("train", "Train a text classifier on a labelled dataset (stored as a run)");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--dataset", args->dataset, "Labelled dataset to train on");
        cmd->add_option("--model", args->model,
                        "fast (fastText-style, the default) or transformer (BERT encoder)")
            ->check(CLI::IsMember({"fast", "transformer"}));
        cmd->add_option(
               "--task", args->task,
               "classify (a label per text, the default) or tokens (slot spans as BIO tags; transformer)")
            ->check(CLI::IsMember({"classify", "tokens"}));
        cmd->add_option("--label-set", args->labelSet,
                        "--task tokens: the span label set to train on (default: the dataset's own)");
        cmd->add_option("--config", args->configFile, "Training config JSON (README: train config keys)");
        cmd->add_option("--synonyms", args->synonymsFile,
                        "Synonym list for augmentation (one group per line, comma-separated); sets "
                        "augment_synonym 0.3 unless the config sets it");
        cmd->add_option("--epochs", args->epochs, "Epochs (overrides the config)")
            ->check(CLI::Range(1, 10000));
        cmd->add_option("--run", args->run, "Run name (default: <model>-N)");
        cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str()->check(devices);
        cmd->add_option("--threads", args->threads, "CPU threads (default: all usable cores)")
            ->check(CLI::Range(1, 1024));
        cmd->add_flag("--resume", args->resume, "Continue run --run from its last checkpoint");
        cmd->add_flag("--pretrain", args->pretrain,
                      "Transformer: masked-language-model pretraining on the dataset's texts first");
        cmd->add_option("--pretrain-epochs", args->pretrainEpochs, "Epochs of --pretrain (default 10)")
            ->check(CLI::Range(1, 1000));
        cmd->add_option(
            "--init-from", args->initFrom,
            "Transformer: start from a BERT folder (config.json, model.safetensors, vocab.txt; or a "
            "`pretrain` output)");
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        auto* progress =
            cmd->add_flag("--progress", args->progress, "Print progress to stderr even when not a terminal");
        cmd->add_flag("--no-progress", args->noProgress, "Never print progress")->excludes(progress);
        cmd->callback([&action, args] { action = [args] { return runTrain(*args); }; });
    }
}

} // namespace bankbench::cli
