// pretrain and export-model: the BERT encoder's masked-language-model pretraining and the Hugging Face
// export of a trained transformer run. Computing goes through the MlModule (LibTorch is mapped only here).

#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"
#include "terminal.h"

#include "ml/mlmodule.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

namespace bankbench::cli {

using core::ErrorCode;

namespace {

struct PretrainArgs {
    std::string project, out, configFile, device = "auto", initFrom;
    std::vector<std::string> datasets;
    std::optional<int> epochs, threads, batchSize;
    bool json = false, progress = false, noProgress = false;
};

/// One line per epoch (from the job's log) and a redrawn step line on a terminal.
class PretrainPrinter final : public ml::ProgressSink {
public:
    explicit PretrainPrinter(bool enabled) : m_enabled(enabled), m_tty(::isatty(STDERR_FILENO) == 1) {}
    void progress(const ml::TrainProgress& p) override {
        if (!m_enabled || p.phase != ml::TrainProgress::Phase::Training)
            return;
        const auto line = "pretraining epoch " + std::to_string(p.epoch) + "/" + std::to_string(p.epochs) +
                          "  step " + std::to_string(p.step) + "/" + std::to_string(p.totalSteps) +
                          "  loss " + fixed(p.trainLoss, 4) + "  " + fixed(p.examplesPerSecond, 0) + " ex/s";
        std::fprintf(stderr, m_tty ? "\r%s\033[K" : "%s\n", line.c_str());
        std::fflush(stderr);
    }
    void log(const std::string& line) override {
        if (!m_enabled)
            return;
        std::fprintf(stderr, m_tty ? "\r\033[K%s\n" : "%s\n", line.c_str());
        std::fflush(stderr);
    }
    std::chrono::milliseconds progressInterval() const override {
        return m_tty ? std::chrono::milliseconds(100) : std::chrono::milliseconds(10000);
    }

private:
    bool m_enabled;
    bool m_tty;
};

int runPretrain(const PretrainArgs& args) {
    const auto usage = [&](const std::string& message) {
        return reportError({ErrorCode::InvalidArgument, message, {}}, "bankbench-cli", args.json);
    };
    if (auto project = openExistingProject(args.project, /*readOnly=*/true); !project)
        return reportError(project.error(), args.project, args.json);
    if (std::filesystem::exists(std::filesystem::path(args.out) / "model.safetensors"))
        return reportError({ErrorCode::AlreadyExists,
                            "the output folder already holds a model; choose another",
                            {args.out, 0, 0}},
                           "bankbench-cli", args.json);
    // The encoder's settings come from a training config's "transformer" object (the same file `train`
    // reads), so the pretrained encoder matches the classifier that starts from it.
    ml::TrainConfig train = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    if (!args.configFile.empty()) {
        auto loaded = ml::loadTrainConfig(args.configFile, train);
        if (!loaded)
            return reportError(loaded.error(), args.configFile, args.json);
        if (loaded->model != ml::ModelKind::Transformer)
            return usage("pretraining needs a transformer config (\"model\": \"transformer\")");
        train = *loaded;
    }
    if (args.threads)
        train.threads = *args.threads;
    train.device = devicePreference(args.device);
    if (!args.initFrom.empty())
        train.transformer.initFrom = std::filesystem::absolute(args.initFrom).lexically_normal().string();
    ml::PretrainJobRequest request;
    request.projectPath = args.project;
    request.datasets = args.datasets;
    request.outputDir = std::filesystem::absolute(args.out).lexically_normal().string();
    request.config = ml::pretrainConfigFor(train);
    if (args.epochs)
        request.config.epochs = *args.epochs;
    if (args.batchSize)
        request.config.batchSize = *args.batchSize;

    auto module = mlModule();
    if (!module)
        return reportError(module.error(), "bankbench-cli", args.json);
    PretrainPrinter printer(!args.noProgress && (args.progress || ::isatty(STDERR_FILENO) == 1));
    core::CancelToken cancel;
    auto result = [&] {
        SigintCancel sigint(cancel);
        return (*module)->pretrain(request, printer, cancel);
    }();
    if (!result)
        return reportError(result.error(), args.project, args.json);
    if (args.json) {
        printJson(ml::toJson(*result));
    } else if (!result->cancelled) {
        std::cout << "Pretrained on " << result->texts << " texts: " << result->steps << " steps in "
                  << fixed(result->seconds, 1) << " s (" << fixed(result->examplesPerSecond, 0)
                  << " texts/s, " << result->threads << " threads, " << result->device << ")\n";
        if (!result->epochLosses.empty())
            std::cout << "  masked-token loss " << fixed(result->epochLosses.front(), 4) << " (epoch 1) -> "
                      << fixed(result->epochLosses.back(), 4) << " (epoch " << result->epochLosses.size()
                      << ")\n";
        std::cout << "  encoder: " << result->outputDir << "\n  fine-tune with: bankbench-cli train "
                  << args.project << " --dataset NAME --init-from " << result->outputDir << '\n';
    }
    if (result->cancelled) {
        std::cerr << args.project << ": pretraining cancelled (Ctrl+C); nothing was written\n";
        return kExitCancelled;
    }
    return kExitOk;
}

struct ExportArgs {
    std::string project, run, out;
    bool json = false;
};

int runExportModel(const ExportArgs& args) {
    if (auto project = openExistingProject(args.project, /*readOnly=*/true); !project)
        return reportError(project.error(), args.project, args.json);
    auto module = mlModule();
    if (!module)
        return reportError(module.error(), "bankbench-cli", args.json);
    auto files = (*module)->exportModel(args.project, args.run, args.out);
    if (!files)
        return reportError(files.error(), args.project, args.json);
    if (args.json) {
        printJson({{"run", args.run},
                   {"dir", std::filesystem::absolute(args.out).lexically_normal().string()},
                   {"files", *files}});
    } else {
        std::cout << "Exported run \"" << args.run
                  << "\" (Hugging Face BertForSequenceClassification layout) to " << args.out << ":\n";
        for (const auto& file : *files)
            std::cout << "  " << std::filesystem::path(file).filename().string() << '\n';
    }
    return kExitOk;
}

} // namespace

void addModelCommands(CLI::App& app, Action& action) {
    {
        auto args = std::make_shared<PretrainArgs>();
        auto* cmd = app.add_subcommand(
            "pretrain",
            "Masked-language-model pretraining of the transformer encoder on the project's texts");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--out", args->out, "Folder to write the pretrained encoder to (Hugging Face layout)")
            ->required();
        cmd->add_option("--dataset", args->datasets, "Dataset(s) whose texts to use (default: all datasets)");
        cmd->add_option("--config", args->configFile,
                        "Training config JSON; its \"transformer\" object sizes the encoder");
        cmd->add_option("--init-from", args->initFrom, "Continue pretraining this BERT folder");
        cmd->add_option("--epochs", args->epochs, "Epochs (default 10)")->check(CLI::Range(1, 1000));
        cmd->add_option("--batch-size", args->batchSize, "Texts per batch (default 64)")
            ->check(CLI::Range(1, 65536));
        cmd->add_option("--device", args->device, "auto, cpu or cuda")
            ->capture_default_str()
            ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
        cmd->add_option("--threads", args->threads, "CPU threads (default: all usable cores)")
            ->check(CLI::Range(1, 1024));
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        auto* progress =
            cmd->add_flag("--progress", args->progress, "Print progress to stderr even when not a terminal");
        cmd->add_flag("--no-progress", args->noProgress, "Never print progress")->excludes(progress);
        cmd->callback([&action, args] { action = [args] { return runPretrain(*args); }; });
    }
    {
        auto args = std::make_shared<ExportArgs>();
        auto* cmd = app.add_subcommand(
            "export-model",
            "Write a transformer run as a Hugging Face BERT folder (config.json, safetensors, vocab)");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--run", args->run, "Run to export")->required();
        cmd->add_option("dir", args->out, "Output folder (created; files in it are replaced)")->required();
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runExportModel(*args); }; });
    }
}

} // namespace bankbench::cli
