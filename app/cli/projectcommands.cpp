#include "clioutput.h"
#include "commands.h"

#include "demo/demogenerator.h"
#include "store/project.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;

core::Result<std::unique_ptr<core::Project>> openExistingProject(const std::string& path, bool readOnly) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return Error{ErrorCode::NotFound,
                     "project not found (create one with: bankbench-cli init " + path + ")",
                     {path, 0, 0}};
    }
    auto project = core::Project::open(path, readOnly);
    // A read-only connection refuses a project from an older Bankbench (InvalidArgument: it cannot migrate).
    // Migrating is what opening it anywhere else does, so open it read-write once instead of failing.
    if (!project && readOnly && project.error().code == ErrorCode::InvalidArgument)
        return core::Project::open(path, /*readOnly=*/false);
    return project;
}

namespace {

struct InitArgs {
    std::string project;
    bool json = false;
};

struct InfoArgs {
    std::string project;
    bool json = false;
};

struct DemoArgs {
    std::string project;
    int rows = core::DemoOptions{}.rows;
    std::uint64_t seed = core::DemoOptions{}.seed;
    bool json = false;
};

int runInit(const InitArgs& args) {
    auto project = core::Project::create(args.project);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    const int schema = (*project)->schemaVersion();
    if (args.json)
        printJson({{"path", args.project}, {"schema_version", schema}});
    else
        std::cout << "Created empty project " << args.project << " (schema version " << schema << ")\n";
    return kExitOk;
}

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0)
        return "0%";
    return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

int runInfo(const InfoArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    auto datasets = (*project)->datasets();
    if (!datasets)
        return reportError(datasets.error(), args.project, args.json);

    nlohmann::json list = nlohmann::json::array();
    for (const auto& dataset : *datasets) {
        auto counts = (*project)->labelCounts(dataset.id);
        if (!counts)
            return reportError(counts.error(), args.project, args.json);
        auto index = (*project)->searchIndexStatus(dataset.id);
        if (!index)
            return reportError(index.error(), args.project, args.json);
        auto entry = toJson(dataset);
        entry["labels"] = nlohmann::json::array();
        for (const auto& label : *counts)
            entry["labels"].push_back({{"name", label.name}, {"count", label.count}});
        entry["search_index"] = {{"indexed", index->indexed}, {"total", index->total}};
        list.push_back(std::move(entry));
    }
    const int schema = (*project)->schemaVersion();

    if (args.json) {
        printJson({{"path", args.project}, {"schema_version", schema}, {"datasets", std::move(list)}});
        return kExitOk;
    }
    std::cout << "Project " << args.project << " (schema version " << schema << ")\n";
    std::cout << datasets->size() << (datasets->size() == 1 ? " dataset" : " datasets") << '\n';
    for (std::size_t i = 0; i < datasets->size(); ++i) {
        const auto& d = (*datasets)[i];
        std::cout << "\n  " << d.name << '\n'
                  << "    rows " << d.rowCount << ", labelled " << d.labelledCount << " ("
                  << percent(d.labelledCount, d.rowCount) << "), distinct labels " << list[i]["labels"].size()
                  << '\n'
                  << "    text column \"" << d.textColumn << "\", label column "
                  << (d.labelColumn ? "\"" + *d.labelColumn + "\"" : std::string("(none)")) << ", "
                  << d.columns.size() << " columns\n"
                  << "    source " << d.sourcePath << ", " << d.sourceFormat << ", " << d.encoding
                  << ", imported " << d.importedAt << '\n';
        const auto& index = list[i]["search_index"];
        if (index["indexed"] < index["total"])
            std::cout << "    search index covers " << index["indexed"] << " of " << index["total"]
                      << " rows\n";
    }
    return kExitOk;
}

int runDemo(const DemoArgs& args) {
    core::DemoOptions options;
    options.rows = args.rows;
    options.seed = args.seed;
    auto summary = core::createDemoProject(args.project, options);
    if (!summary)
        return reportError(summary.error(), args.project, args.json);
    // Searchable at once, like a project made by `import` (a few thousand rows take milliseconds).
    auto project = openExistingProject(args.project, /*readOnly=*/false);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    if (auto indexed = (*project)->buildSearchIndex(); !indexed)
        return reportError(indexed.error(), args.project, args.json);
    if (args.json) {
        printJson({{"path", args.project},
                   {"dataset", core::kDemoDatasetName},
                   {"rows", summary->rows},
                   {"labelled", summary->labelledRows},
                   {"intents", summary->intents},
                   {"synthetic", true}});
    } else {
        std::cout << "Created demo project " << args.project << ": dataset \"" << core::kDemoDatasetName
                  << "\", " << summary->rows << " synthetic rows over " << summary->intents << " intents, "
                  << summary->labelledRows << " labelled\n";
    }
    return kExitOk;
}

} // namespace

void addProjectCommands(CLI::App& app, Action& action) {
    {
        auto args = std::make_shared<InitArgs>();
        auto* cmd = app.add_subcommand("init", "Create an empty project file (fails if it exists)");
        cmd->add_option("project", args->project, "Project file to create (*.bbproj)")->required();
        cmd->add_flag("--json", args->json, "Machine-readable output on stdout");
        cmd->callback([&action, args] { action = [args] { return runInit(*args); }; });
    }
    {
        auto args = std::make_shared<InfoArgs>();
        auto* cmd = app.add_subcommand("info", "Show a project's datasets, row and label counts");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_flag("--json", args->json, "Machine-readable output on stdout");
        cmd->callback([&action, args] { action = [args] { return runInfo(*args); }; });
    }
    {
        auto args = std::make_shared<DemoArgs>();
        auto* cmd = app.add_subcommand(
            "demo", "Create a project holding the synthetic bilingual customer-service demo dataset");
        cmd->add_option("project", args->project, "Project file to create (*.bbproj)")->required();
        cmd->add_option("--rows", args->rows, "Number of synthetic messages")
            ->capture_default_str()
            ->check(CLI::Range(1, 10'000'000));
        cmd->add_option("--seed", args->seed, "Random seed (same seed, same data)")->capture_default_str();
        cmd->add_flag("--json", args->json, "Machine-readable output on stdout");
        cmd->callback([&action, args] { action = [args] { return runDemo(*args); }; });
    }
}

} // namespace bankbench::cli
