// ensemble: combines finished runs into an ensemble run (core/ml/ensemble.h) through the MlModule. The
// ensemble is then a run like any other for eval, predict, chat and the GUI.

#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"
#include "terminal.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#ifndef BANKBENCH_VERSION
#error "BANKBENCH_VERSION must be defined by the build (app/CMakeLists.txt)"
#endif

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;

namespace {

struct EnsembleArgs {
    std::string project, runs, name, device = "auto";
    bool tuneWeights = false, json = false;
};

std::vector<std::string> splitList(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream stream(list);
    for (std::string item; std::getline(stream, item, ',');) {
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        if (first != std::string::npos)
            out.push_back(item.substr(first, last - first + 1));
    }
    return out;
}

int runEnsemble(const EnsembleArgs& args) {
    ml::EnsembleRequest request;
    request.projectPath = args.project;
    request.runs = splitList(args.runs);
    request.name = args.name;
    request.tuneWeights = args.tuneWeights;
    request.device = devicePreference(args.device);
    request.versions = {{"bankbench", BANKBENCH_VERSION}};
    if (request.runs.size() < 2)
        return reportError(
            {ErrorCode::InvalidArgument,
             "--runs needs at least 2 run names separated by commas (e.g. --runs fast-1,fast-2)",
             {}},
            "bankbench-cli", args.json);
    if (auto project = openExistingProject(args.project, /*readOnly=*/true); !project)
        return reportError(project.error(), args.project, args.json);
    auto module = mlModule();
    if (!module)
        return reportError(module.error(), "bankbench-cli", args.json);
    core::CancelToken cancel;
    auto summary = [&] {
        SigintCancel sigint(cancel);
        return (*module)->createEnsemble(request, &cancel);
    }();
    if (!summary)
        return reportError(summary.error(), args.project, args.json);
    const auto& validation = summary->report["validation"];
    if (args.json) {
        auto members = nlohmann::json::array();
        for (const auto& m : summary->members)
            members.push_back({{"run", m.member.run},
                               {"temperature", m.member.temperature},
                               {"weight", m.member.weight},
                               {"validation_accuracy", m.accuracy},
                               {"validation_nll_before", m.nllBefore},
                               {"validation_nll_after", m.nllAfter},
                               {"calibrated_on", m.source}});
        printJson({{"run", summary->runName},
                   {"model", ml::kEnsembleModel},
                   {"dataset", summary->datasetName},
                   {"labels", summary->labels.size()},
                   {"validation_examples", summary->validationExamples},
                   {"tuned_weights", args.tuneWeights},
                   {"members", members},
                   {"validation",
                    {{"accuracy", validation.value("accuracy", 0.0)},
                     {"macro_f1", validation.value("macro_f1", 0.0)},
                     {"nll", summary->validationNll}}},
                   {"warnings", summary->warnings}});
        return kExitOk;
    }
    for (const auto& warning : summary->warnings)
        std::cerr << "warning: " << warning << '\n';
    std::cout << "Ensemble run \"" << summary->runName << "\" on dataset \"" << summary->datasetName << "\" ("
              << summary->validationExamples << " validation examples)\n";
    std::printf("  %-28s %11s %7s %9s %9s %9s\n", "member", "temperature", "weight", "val acc", "NLL",
                "NLL cal.");
    for (const auto& m : summary->members)
        std::printf("  %-28s %11.3f %7.3f %9.4f %9.4f %9.4f\n", m.member.run.c_str(), m.member.temperature,
                    m.member.weight, m.accuracy, m.nllBefore, m.nllAfter);
    std::cout << "  ensemble: validation accuracy " << fixed(validation.value("accuracy", 0.0), 4)
              << ", macro-F1 " << fixed(validation.value("macro_f1", 0.0), 4) << ", NLL "
              << fixed(summary->validationNll, 4) << "\n  Use it like any run: bankbench-cli eval "
              << args.project << " --run " << summary->runName << " --dataset NAME\n";
    return kExitOk;
}

} // namespace

void addEnsembleCommand(CLI::App& app, Action& action) {
    auto args = std::make_shared<EnsembleArgs>();
    auto* cmd = app.add_subcommand(
        "ensemble",
        "Combine finished runs into an ensemble run (temperature-scaled, averaged probabilities)");
    cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
    cmd->add_option("--runs", args->runs, "Member runs, comma-separated (same dataset, labels and split)")
        ->required();
    cmd->add_option("--name", args->name, "Name of the ensemble run (default: ensemble-N)");
    cmd->add_flag("--tune-weights", args->tuneWeights,
                  "Tune the members' weights on the validation split (default: equal weights)");
    cmd->add_option("--device", args->device, "auto, cpu or cuda")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
    cmd->callback([&action, args] { action = [args] { return runEnsemble(*args); }; });
}

} // namespace bankbench::cli
