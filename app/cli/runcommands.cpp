// eval, predict, runs: commands on trained runs. eval and predict compute through the MlModule; runs reads
// the project alone (no LibTorch).

#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"
#include "terminal.h"

#include "store/runstore.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;

namespace {

struct EvalArgs {
    std::string project, run, dataset, device = "auto";
    bool json = false;
};

struct PredictArgs {
    std::string project, run, device = "auto";
    std::vector<std::string> texts;
    int top = 1;
    bool json = false;
};

struct RunsArgs {
    std::string project;
    bool json = false;
};

void printSpanReport(const nlohmann::json& report) {
    std::cout << "Run \"" << report.value("run", "") << "\" on dataset \"" << report.value("dataset", "")
              << "\" (span label set \"" << report.value("label_set", "")
              << "\"): " << report.value("samples", 0) << " annotated texts, "
              << report.value("gold_spans", 0) << " spans\n";
    std::cout << "  span micro-F1 " << fixed(report.value("micro_f1", 0.0), 4) << " (precision "
              << fixed(report.value("micro_precision", 0.0), 4) << ", recall "
              << fixed(report.value("micro_recall", 0.0), 4) << "), macro-F1 "
              << fixed(report.value("macro_f1", 0.0), 4) << '\n';
    std::printf("  %-40s %9s %9s %9s %8s %9s\n", "span type", "precision", "recall", "f1", "support",
                "predicted");
    for (const auto& t : report["per_type"])
        std::printf("  %-40s %9.4f %9.4f %9.4f %8lld %9lld\n", t.value("type", "").c_str(),
                    t.value("precision", 0.0), t.value("recall", 0.0), t.value("f1", 0.0),
                    static_cast<long long>(t.value("support", 0)),
                    static_cast<long long>(t.value("predicted", 0)));
    std::fflush(stdout);
}

/// predict for a token (slot span) run: the spans found in each text.
int predictSpans(const PredictArgs& args, ml::MlModule& module) {
    auto model = module.loadSpanModel(args.project, args.run, devicePreference(args.device));
    if (!model)
        return reportError(model.error(), args.project, args.json);
    auto found = (*model)->predictSpans(args.texts);
    if (!found)
        return reportError(found.error(), args.project, args.json);
    if (args.json) {
        auto list = nlohmann::json::array();
        for (std::size_t i = 0; i < found->size(); ++i) {
            auto spans = nlohmann::json::array();
            for (const auto& s : (*found)[i])
                spans.push_back({{"type", s.type},
                                 {"start", s.start},
                                 {"end", s.end},
                                 {"text", s.text},
                                 {"confidence", s.confidence}});
            list.push_back({{"text", args.texts[i]}, {"spans", spans}});
        }
        printJson({{"run", args.run}, {"task", "tokens"}, {"predictions", list}});
        return kExitOk;
    }
    for (std::size_t i = 0; i < found->size(); ++i) {
        std::cout << args.texts[i] << '\n';
        if ((*found)[i].empty())
            std::cout << "  (no spans)\n";
        for (const auto& s : (*found)[i])
            std::cout << "  " << s.type << "  [" << s.start << ", " << s.end << ")  \"" << s.text << "\"  "
                      << fixed(s.confidence, 4) << '\n';
    }
    return kExitOk;
}

void printReport(const nlohmann::json& report) {
    if (report.value("task", "") == "tokens") {
        printSpanReport(report);
        return;
    }
    const bool multi = report.value("multi_label", false);
    std::cout << "Run \"" << report.value("run", "") << "\" on dataset \"" << report.value("dataset", "")
              << "\": " << report.value("samples", 0) << " labelled examples\n";
    if (multi)
        std::cout << "  micro-F1 " << fixed(report.value("micro_f1", 0.0), 4) << ", macro-F1 "
                  << fixed(report.value("macro_f1", 0.0), 4) << ", subset accuracy "
                  << fixed(report.value("subset_accuracy", 0.0), 4) << '\n';
    else
        std::cout << "  accuracy " << fixed(report.value("accuracy", 0.0), 4) << ", macro-F1 "
                  << fixed(report.value("macro_f1", 0.0), 4) << ", weighted-F1 "
                  << fixed(report.value("weighted_f1", 0.0), 4) << '\n';
    if (!report["unknown_labels"].empty())
        std::cout << "  labels the model never saw (counted as errors): " << report["unknown_labels"].dump()
                  << '\n';
    std::printf("  %-40s %9s %9s %9s %8s\n", "label", "precision", "recall", "f1", "support");
    for (const auto& c : report["per_class"])
        std::printf("  %-40s %9.4f %9.4f %9.4f %8lld\n", c.value("label", "").c_str(),
                    c.value("precision", 0.0), c.value("recall", 0.0), c.value("f1", 0.0),
                    static_cast<long long>(c.value("support", 0)));
    std::fflush(stdout);
}

int runEval(const EvalArgs& args) {
    if (auto project = openExistingProject(args.project, /*readOnly=*/true); !project)
        return reportError(project.error(), args.project, args.json);
    auto module = mlModule();
    if (!module)
        return reportError(module.error(), "bankbench-cli", args.json);
    core::CancelToken cancel;
    auto report = [&] {
        SigintCancel sigint(cancel);
        return (*module)->evaluate({args.project, args.run, args.dataset, devicePreference(args.device)},
                                   &cancel);
    }();
    if (!report)
        return reportError(report.error(), args.project, args.json);
    if (args.json)
        printJson(*report);
    else
        printReport(*report);
    return kExitOk;
}

int runPredict(PredictArgs args) {
    if (args.texts.size() == 1 && args.texts[0] == "-") {
        args.texts.clear();
        for (std::string line; std::getline(std::cin, line);)
            if (!line.empty())
                args.texts.push_back(line);
    }
    if (args.top < 1)
        return reportError({ErrorCode::InvalidArgument, "--top must be at least 1", {}}, "bankbench-cli",
                           args.json);
    bool tokens = false;
    {
        auto project = openExistingProject(args.project, /*readOnly=*/true);
        if (!project)
            return reportError(project.error(), args.project, args.json);
        core::RunStore store(**project);
        if (auto run = store.run(args.run))
            tokens = ml::isTokenTaskConfig(run->config);
    }
    auto module = mlModule();
    if (!module)
        return reportError(module.error(), "bankbench-cli", args.json);
    if (tokens)
        return predictSpans(args, **module);
    auto predictions =
        (*module)->predict({args.project, args.run, args.texts, args.top, devicePreference(args.device)});
    if (!predictions)
        return reportError(predictions.error(), args.project, args.json);
    if (args.json) {
        auto list = nlohmann::json::array();
        for (const auto& p : *predictions) {
            auto top = nlohmann::json::array();
            for (const auto& [label, probability] : p.top)
                top.push_back({{"label", label}, {"probability", probability}});
            list.push_back({{"text", p.text}, {"labels", p.labels}, {"top", top}});
        }
        printJson({{"run", args.run}, {"predictions", list}});
        return kExitOk;
    }
    for (const auto& p : *predictions) {
        std::cout << p.text << '\n';
        for (const auto& [label, probability] : p.top) {
            const bool chosen = std::find(p.labels.begin(), p.labels.end(), label) != p.labels.end();
            std::cout << "  " << (chosen ? "* " : "  ") << label << "  " << fixed(probability, 4) << '\n';
        }
    }
    return kExitOk;
}

int runRuns(const RunsArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    core::RunStore store(**project);
    auto runs = store.runs();
    if (!runs)
        return reportError(runs.error(), args.project, args.json);
    auto list = nlohmann::json::array();
    for (const auto& run : *runs) {
        auto evaluations = store.evaluations(run.id);
        auto metrics = store.metrics(run.id);
        if (!evaluations || !metrics)
            return reportError(!evaluations ? evaluations.error() : metrics.error(), args.project, args.json);
        nlohmann::json epochs = nlohmann::json::array();
        for (const auto& m : *metrics) {
            if (epochs.empty() || epochs.back()["epoch"] != m.epoch)
                epochs.push_back({{"epoch", m.epoch}, {"step", m.step}});
            epochs.back()[m.name] = m.value;
        }
        nlohmann::json evals = nlohmann::json::array();
        for (const auto& e : *evaluations)
            evals.push_back({{"dataset", e.datasetName},
                             {"created_at", e.createdAt},
                             {"accuracy", e.report.value("accuracy", e.report.value("subset_accuracy", 0.0))},
                             {"macro_f1", e.report.value("macro_f1", 0.0)}});
        const auto& validation = run.report.is_object() ? run.report["validation"] : nlohmann::json();
        list.push_back(
            {{"name", run.name},
             {"model", run.model},
             {"task", ml::isTokenTaskConfig(run.config) ? "tokens" : "classify"},
             {"dataset", run.datasetName},
             {"status", core::runStatusName(run.status)},
             {"labels", run.labels.size()},
             {"multi_label", run.multiLabel},
             {"device", run.device},
             {"created_at", run.createdAt},
             {"finished_at", run.finishedAt ? nlohmann::json(*run.finishedAt) : nlohmann::json()},
             {"model_dir", store.modelDirPath(run)},
             {"best_epoch", run.report.is_object() ? run.report.value("best_epoch", 0) : 0},
             {"validation_accuracy", validation.is_object() ? validation.value("accuracy", 0.0) : 0.0},
             {"validation_macro_f1", validation.is_object() ? validation.value("macro_f1", 0.0) : 0.0},
             {"error", run.error},
             {"config", run.config},
             {"versions", run.versions},
             {"epochs", epochs},
             {"evaluations", evals}});
    }
    if (args.json) {
        printJson({{"runs", list}});
        return kExitOk;
    }
    if (list.empty()) {
        std::cout << "No runs yet (train one with: bankbench-cli train " << args.project
                  << " --dataset NAME)\n";
        return kExitOk;
    }
    std::printf("%-24s %-6s %-20s %-9s %6s %8s %8s  %s\n", "run", "model", "dataset", "status", "epochs",
                "val acc", "val F1", "created");
    for (const auto& r : list)
        std::printf("%-24s %-6s %-20s %-9s %6zu %8.4f %8.4f  %s\n", r["name"].get<std::string>().c_str(),
                    r["model"].get<std::string>().c_str(), r["dataset"].get<std::string>().c_str(),
                    r["status"].get<std::string>().c_str(), r["epochs"].size(),
                    r["validation_accuracy"].get<double>(), r["validation_macro_f1"].get<double>(),
                    r["created_at"].get<std::string>().c_str());
    return kExitOk;
}

} // namespace

void addRunCommands(CLI::App& app, Action& action) {
    const auto devices = CLI::IsMember({"auto", "cpu", "cuda"});
    {
        auto args = std::make_shared<EvalArgs>();
        auto* cmd = app.add_subcommand("eval", "Score a trained run on a labelled dataset");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--run", args->run, "Run to evaluate")->required();
        cmd->add_option("--dataset", args->dataset, "Labelled dataset to score on")->required();
        cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str()->check(devices);
        cmd->add_flag("--json", args->json, "Machine-readable report on stdout");
        cmd->callback([&action, args] { action = [args] { return runEval(*args); }; });
    }
    {
        auto args = std::make_shared<PredictArgs>();
        auto* cmd = app.add_subcommand(
            "predict", "Classify texts (or find slot spans, for a token run) with a trained run");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("texts", args->texts, "Texts to classify ('-' reads one text per line from stdin)")
            ->required();
        cmd->add_option("--run", args->run, "Run to use")->required();
        cmd->add_option("--top", args->top, "Show the K most likely labels")->capture_default_str();
        cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str()->check(devices);
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runPredict(*args); }; });
    }
    {
        auto args = std::make_shared<RunsArgs>();
        auto* cmd = app.add_subcommand("runs", "List the training runs stored in a project");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_flag("--json", args->json, "Machine-readable list on stdout");
        cmd->callback([&action, args] { action = [args] { return runRuns(*args); }; });
    }
}

} // namespace bankbench::cli
