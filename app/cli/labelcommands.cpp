// labels, export-labels, import-labels: label counts and agreement, labelled data out and back in.
#include "clioutput.h"
#include "commands.h"
#include "terminal.h"

#include "io/labelexport.h"
#include "io/labelimport.h"
#include "labeling/agreement.h"
#include "store/labelstore.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;

namespace {

struct LabelsArgs {
    std::string project;
    std::string dataset;
    bool json = false;
};

struct ExportLabelsArgs {
    std::string project;
    std::string out;
    std::string dataset;
    std::string format;
    std::string annotator;
    bool includeUnlabelled = false;
    bool json = false;
};

struct ImportLabelsArgs {
    std::string project;
    std::string file;
    std::string dataset;
    std::string annotator = "import";
    std::string match = "auto";
    bool noCreateLabels = false;
    bool json = false;
};

nlohmann::json kappaJson(const core::KappaResult& k) {
    return k.kappa ? nlohmann::json(*k.kappa) : nlohmann::json();
}

std::string kappaText(const core::KappaResult& k) {
    if (!k.kappa)
        return "undefined";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", *k.kappa);
    return buffer;
}

std::string percent(std::int64_t part, std::int64_t whole) {
    return whole <= 0 ? "0%" : std::to_string((part * 100 + whole / 2) / whole) + "%";
}

const char* kindWords(core::LabelSetKind kind) {
    switch (kind) {
    case core::LabelSetKind::SingleLabel:
        return "single-label";
    case core::LabelSetKind::MultiLabel:
        return "multi-label";
    case core::LabelSetKind::Span:
        return "spans";
    }
    return "";
}

int runLabels(const LabelsArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    auto dataset = (*project)->dataset(args.dataset);
    if (!dataset)
        return reportError(dataset.error(), args.project, args.json);
    core::LabelStore store(**project);
    auto progress = store.progress(dataset->id);
    if (!progress)
        return reportError(progress.error(), args.project, args.json);
    std::optional<core::LabelSet> set;
    if (dataset->labelSetId) {
        auto found = store.labelSet(*dataset->labelSetId);
        if (!found)
            return reportError(found.error(), args.project, args.json);
        set = *found;
    }
    auto perAnnotator = store.annotatorProgress(dataset->id);
    if (!perAnnotator)
        return reportError(perAnnotator.error(), args.project, args.json);

    // Agreement compares the people who labelled; adjudications are the answer key, not a rater.
    std::vector<std::string> raters;
    for (const auto& a : *perAnnotator)
        if (a.annotator != core::LabelStore::kAdjudicator)
            raters.push_back(a.annotator);
    std::optional<core::AgreementReport> agreement;
    if (raters.size() >= 2) {
        auto report = core::computeAgreement(store, dataset->id, raters);
        if (!report)
            return reportError(report.error(), args.project, args.json);
        agreement = std::move(*report);
    }

    if (args.json) {
        nlohmann::json labels = nlohmann::json::array();
        for (const auto& l : progress->labels)
            labels.push_back({{"name", l.name}, {"count", l.count}});
        nlohmann::json annotators = nlohmann::json::array();
        for (const auto& a : *perAnnotator)
            annotators.push_back({{"name", a.annotator},
                                  {"labelled", a.progress.labelled},
                                  {"skipped", a.progress.skipped},
                                  {"unclear", a.progress.unclear}});
        nlohmann::json out = {{"dataset", dataset->name},
                              {"label_set", set ? nlohmann::json{{"name", set->name},
                                                                 {"kind", core::labelSetKindName(set->kind)}}
                                                : nlohmann::json()},
                              {"labels", labels},
                              {"labelled", progress->labelled},
                              {"skipped", progress->skipped},
                              {"unclear", progress->unclear},
                              {"total", progress->total},
                              {"annotators", annotators}};
        if (agreement) {
            nlohmann::json perLabel = nlohmann::json::object();
            for (const auto& [name, k] : agreement->perLabel)
                perLabel[name] = kappaJson(k);
            const char* key = agreement->method == core::KappaMethod::Cohen ? "cohen_kappa" : "fleiss_kappa";
            out["agreement"] = {{"annotators", agreement->annotators},
                                {"records", agreement->records},
                                {key, kappaJson(agreement->overall)},
                                {"per_label", perLabel}};
        }
        printJson(out);
        return kExitOk;
    }

    std::cout << "Dataset " << dataset->name;
    if (set)
        std::cout << " (label set \"" << set->name << "\", " << kindWords(set->kind) << ")";
    std::cout << ": " << progress->labelled << " of " << progress->total << " records labelled ("
              << percent(progress->labelled, progress->total) << "), " << progress->skipped << " skipped, "
              << progress->unclear << " unclear\n";
    if (!set)
        std::cout << "  no label set yet: import with --label-col, or create one in the Label workspace\n";
    std::size_t width = 0;
    for (const auto& l : progress->labels)
        width = std::max(width, l.name.size());
    for (const auto& l : progress->labels)
        std::cout << "  " << l.name << std::string(width - l.name.size() + 2, ' ') << l.count << '\n';
    if (!perAnnotator->empty()) {
        std::cout << "Annotators:";
        for (const auto& a : *perAnnotator)
            std::cout << ' ' << a.annotator << " (" << a.progress.labelled << ')';
        std::cout << '\n';
    }
    if (agreement) {
        std::cout << "Agreement (" << (agreement->method == core::KappaMethod::Cohen ? "Cohen's" : "Fleiss'")
                  << " kappa, " << agreement->annotators.size() << " annotators, " << agreement->records
                  << " records labelled by all): " << kappaText(agreement->overall) << '\n';
        for (const auto& [name, k] : agreement->perLabel)
            std::cout << "  " << name << std::string(width > name.size() ? width - name.size() + 2 : 2, ' ')
                      << kappaText(k) << '\n';
    }
    return kExitOk;
}

int runExportLabels(const ExportLabelsArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    core::LabelExportOptions options;
    options.datasetName = args.dataset;
    options.outPath = args.out;
    options.annotator = args.annotator;
    options.includeUnlabelled = args.includeUnlabelled;
    std::string format = args.format;
    if (format.empty()) {
        std::string extension = std::filesystem::path(args.out).extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        format = extension == ".csv" ? "csv" : "jsonl";
    }
    options.format = format == "csv" ? core::ExportFormat::Csv : core::ExportFormat::Jsonl;
    core::CancelToken cancel;
    core::Result<std::int64_t> rows = [&] {
        SigintCancel sigint(cancel);
        return core::exportLabels(**project, options, &cancel);
    }();
    if (!rows)
        return reportError(rows.error(), args.project, args.json);
    if (args.json)
        printJson({{"dataset", args.dataset}, {"format", format}, {"path", args.out}, {"rows", *rows}});
    else
        std::cout << "Exported " << *rows << " labelled records of " << args.dataset << " to " << args.out
                  << '\n';
    return kExitOk;
}

int runImportLabels(const ImportLabelsArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/false);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    core::LabelImportOptions options;
    options.path = args.file;
    options.datasetName = args.dataset;
    options.annotator = args.annotator;
    options.match = args.match == "id"     ? core::LabelMatch::RecordId
                    : args.match == "text" ? core::LabelMatch::Text
                                           : core::LabelMatch::Auto;
    options.createMissingLabels = !args.noCreateLabels;
    core::CancelToken cancel;
    core::Result<core::LabelImportResult> result = [&] {
        SigintCancel sigint(cancel);
        return core::importLabels(**project, options, &cancel);
    }();
    if (!result)
        return reportError(result.error(), args.file, args.json);
    auto problems = [](const std::vector<core::RowError>& rows) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& row : rows)
            list.push_back({{"line", row.line}, {"message", row.message}});
        return list;
    };
    if (args.json) {
        printJson({{"dataset", args.dataset},
                   {"file", args.file},
                   {"rows", result->rows},
                   {"decisions", result->decisions},
                   {"empty", result->empty},
                   {"unmatched", problems(result->unmatched)},
                   {"errors", problems(result->errors)}});
    } else {
        for (const auto& row : result->unmatched)
            std::cerr << args.file << ':' << row.line << ": unmatched: " << row.message << '\n';
        for (const auto& row : result->errors)
            std::cerr << args.file << ':' << row.line << ": skipped: " << row.message << '\n';
        std::cout << "Recorded " << result->decisions << " decisions by " << args.annotator << " from "
                  << result->rows << " rows (" << result->unmatched.size() << " unmatched, "
                  << result->errors.size() << " skipped)\n";
    }
    return kExitOk;
}

} // namespace

void addLabelCommands(CLI::App& app, Action& action) {
    {
        auto args = std::make_shared<LabelsArgs>();
        auto* cmd =
            app.add_subcommand("labels", "Label counts, progress and inter-annotator agreement of a dataset");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--dataset", args->dataset, "Dataset to report on")->required();
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runLabels(*args); }; });
    }
    {
        auto args = std::make_shared<ExportLabelsArgs>();
        auto* cmd = app.add_subcommand(
            "export-labels",
            "Export labelled records (labels, spans as offsets and BIO tags) to JSONL or CSV");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("out", args->out, "Output file (written atomically)")->required();
        cmd->add_option("--dataset", args->dataset, "Dataset to export")->required();
        cmd->add_option("--format", args->format, "jsonl or csv (default: from the file extension)")
            ->check(CLI::IsMember({"csv", "jsonl"}));
        cmd->add_option("--annotator", args->annotator,
                        "Whose decisions (default: an adjudication, else the latest decision of anyone)");
        cmd->add_flag("--include-unlabelled", args->includeUnlabelled,
                      "Also write records without a decision");
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runExportLabels(*args); }; });
    }
    {
        auto args = std::make_shared<ImportLabelsArgs>();
        auto* cmd = app.add_subcommand(
            "import-labels",
            "Record labels from a JSONL/CSV file (as export-labels writes) on an existing dataset");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("file", args->file,
                        "JSONL or CSV file with text or id, and label(s), spans or tokens+tags")
            ->required();
        cmd->add_option("--dataset", args->dataset, "Dataset whose records get the labels")->required();
        cmd->add_option("--annotator", args->annotator,
                        "Name the decisions are recorded under (default: import)");
        cmd->add_option("--match", args->match, "auto, id or text: how rows find their record")
            ->check(CLI::IsMember({"auto", "id", "text"}));
        cmd->add_flag("--no-create-labels", args->noCreateLabels,
                      "Skip rows with labels the set does not have");
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runImportLabels(*args); }; });
    }
}

} // namespace bankbench::cli
