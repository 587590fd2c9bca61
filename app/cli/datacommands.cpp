#include "clioutput.h"
#include "commands.h"
#include "terminal.h"

#include "io/exporter.h"
#include "io/importer.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;

namespace {

struct ImportArgs {
    std::string project;
    std::string file;
    std::string dataset;
    std::string textColumn;
    std::optional<std::string> labelColumn;
    std::optional<std::string> labelSeparator;
    std::string encoding = "auto";
    std::string format = "auto";
    std::optional<std::string> delimiter;
    bool noHeader = false;
    bool skipBadRows = false;
    bool json = false;
    bool progress = false;
    bool noProgress = false;
    bool noIndex = false;
};

struct ExportArgs {
    std::string project;
    std::string dataset;
    std::string format;
    std::string out;
    std::optional<std::string> labelSeparator;
    bool json = false;
};

/// Accepts one character, or the spellings people type for a tab.
std::optional<char> parseDelimiter(const std::string& text) {
    if (text == "\\t" || text == "tab" || text == "\t")
        return '\t';
    if (text.size() == 1)
        return text[0];
    return std::nullopt;
}

int runImport(const ImportArgs& args) {
    core::ImportOptions options;
    options.path = args.file;
    options.datasetName = args.dataset;
    options.format = *core::inputFormatFromName(args.format); // validated by CLI::IsMember
    options.encoding = args.encoding;
    options.textColumn = args.textColumn;
    options.labelColumn = args.labelColumn;
    options.labelSeparator = args.labelSeparator;
    options.skipBadRows = args.skipBadRows;
    options.annotator = "import";
    // The command owns the project while it imports: pages written once (see Project::BulkJournal).
    options.rollbackJournalIfAlone = true;
    options.indexForSearch = !args.noIndex;
    if (args.noHeader)
        options.hasHeader = false;
    if (args.delimiter) {
        const auto delimiter = parseDelimiter(*args.delimiter);
        if (!delimiter) {
            return reportError(
                {ErrorCode::InvalidArgument,
                 "--delimiter must be a single character or \\t, got \"" + *args.delimiter + "\"",
                 {}},
                "bankbench-cli", args.json);
        }
        options.delimiter = *delimiter;
    }

    std::error_code ec;
    if (!std::filesystem::exists(args.file, ec))
        return reportError({ErrorCode::NotFound, "input file not found", {args.file, 0, 0}}, args.file,
                           args.json);
    auto project = openExistingProject(args.project, /*readOnly=*/false);
    if (!project)
        return reportError(project.error(), args.project, args.json);
    // Checked before reading the file: a clash should not cost a million-row parse first.
    if (auto existing = (*project)->dataset(args.dataset); existing) {
        return reportError(
            {ErrorCode::AlreadyExists,
             "dataset \"" + args.dataset + "\" already exists in this project; choose another --dataset name",
             {args.project, 0, 0}},
            args.project, args.json);
    } else if (existing.error().code != ErrorCode::NotFound) {
        return reportError(existing.error(), args.project, args.json);
    }

    core::CancelToken cancel;
    ProgressPrinter printer(args.noProgress ? ProgressPrinter::Mode::Never
                            : args.progress ? ProgressPrinter::Mode::Always
                                            : ProgressPrinter::Mode::Auto);
    // Ctrl+C from here on cancels: during the import nothing is kept, during indexing the dataset stays.
    SigintCancel sigint(cancel);
    auto result = core::importFile(
        **project, options, [&printer](const core::ImportProgress& p) { printer.update(p); }, cancel);
    printer.finish();
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled) {
            return reportError({ErrorCode::Cancelled, "import cancelled (Ctrl+C); nothing was imported", {}},
                               args.file, args.json);
        }
        return reportError(result.error(), args.file, args.json);
    }

    const auto& r = *result;
    // From the result, not the dataset: reading the dataset back counts its labels, a pass over them.
    const std::optional<std::string>& labelColumn = r.labelColumn;

    // The import indexed its own records. Records left unindexed by earlier imports (--no-index, an index
    // a migration rebuilt) are indexed here in resumable batches: Ctrl+C keeps the dataset and leaves the
    // rest of the index for the next run.
    bool indexInterrupted = false;
    if (!args.noIndex) {
        auto indexed = (*project)->buildSearchIndex(
            [&printer](std::int64_t done, std::int64_t total) { printer.updateIndexing(done, total); },
            &cancel);
        printer.finish();
        if (!indexed) {
            if (indexed.error().code != ErrorCode::Cancelled)
                return reportError(indexed.error(), args.project, args.json);
            indexInterrupted = true;
        }
    }
    core::SearchIndexStatus index;
    if (auto status = (*project)->searchIndexStatus(r.datasetId); status)
        index = *status;
    const auto exitCode = [&] {
        if (!indexInterrupted)
            return int(kExitOk);
        std::cerr << args.project << ": search indexing cancelled (Ctrl+C) after " << index.indexed << " of "
                  << index.total
                  << " rows; the dataset is imported, and the GUI or the next import finishes the index\n";
        return int(kExitCancelled);
    }();

    if (args.json) {
        nlohmann::json warnings = nlohmann::json::array();
        for (const auto& warning : r.warnings)
            warnings.push_back(toJson(warning));
        printJson({
            {"dataset", args.dataset},
            {"file", args.file},
            {"rows_imported", r.rowsImported},
            {"rows_skipped", r.rowsSkipped},
            {"labelled", r.labelledRows},
            {"encoding", r.encoding},
            {"format", core::inputFormatName(r.format)},
            {"columns", r.columns},
            {"text_column", r.textColumn},
            {"label_column", labelColumn ? nlohmann::json(*labelColumn) : nlohmann::json(nullptr)},
            {"warnings", std::move(warnings)},
            {"warning_count", r.warningCount},
            {"elapsed_seconds", r.elapsedSeconds},
            {"search_index", {{"indexed", index.indexed}, {"total", index.total}}},
        });
        return exitCode;
    }

    // Warnings (skipped bad rows, padded ragged rows) in the same FILE:LINE:COL form as errors.
    for (const auto& warning : r.warnings) {
        core::Error located{
            ErrorCode::Parse, "warning: " + warning.message, {args.file, warning.line, warning.column}};
        std::cerr << located.what() << '\n';
    }
    if (r.warningCount > static_cast<std::int64_t>(r.warnings.size()))
        std::cerr << args.file << ": " << (r.warningCount - static_cast<std::int64_t>(r.warnings.size()))
                  << " more warnings not listed\n";

    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", r.elapsedSeconds);
    std::cout << "Imported " << r.rowsImported << " rows into dataset \"" << args.dataset << "\" from "
              << args.file << " (" << core::inputFormatName(r.format) << ", " << r.encoding << ") in "
              << seconds << " s\n"
              << "  text column \"" << r.textColumn << "\", label column "
              << (labelColumn ? "\"" + *labelColumn + "\"" : std::string("(none)")) << ", " << r.labelledRows
              << " labelled rows\n";
    if (r.rowsSkipped > 0)
        std::cout << "  skipped " << r.rowsSkipped << " bad rows (listed on stderr)\n";
    if (!index.complete())
        std::cout << "  search index covers " << index.indexed << " of " << index.total << " rows\n";
    return exitCode;
}

int runExport(const ExportArgs& args) {
    auto project = openExistingProject(args.project, /*readOnly=*/true);
    if (!project)
        return reportError(project.error(), args.project, args.json);

    core::ExportOptions options;
    options.datasetName = args.dataset;
    options.format = args.format == "jsonl" ? core::ExportFormat::Jsonl : core::ExportFormat::Csv;
    options.outPath = args.out;
    options.labelSeparator = args.labelSeparator;

    core::CancelToken cancel;
    core::Result<std::int64_t> rows = [&] {
        SigintCancel sigint(cancel);
        return core::exportDataset(**project, options, &cancel);
    }();
    if (!rows)
        return reportError(rows.error(), args.project, args.json);
    if (args.json) {
        printJson({{"dataset", args.dataset},
                   {"format", args.format},
                   {"path", args.out},
                   {"rows_exported", *rows}});
    } else {
        std::cout << "Exported " << *rows << " rows of dataset \"" << args.dataset << "\" to " << args.out
                  << " (" << args.format << ")\n";
    }
    return kExitOk;
}

} // namespace

void addDataCommands(CLI::App& app, Action& action) {
    {
        auto args = std::make_shared<ImportArgs>();
        auto* cmd = app.add_subcommand("import", "Import a CSV, TSV or JSONL file as a new dataset");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("file", args->file, "File to import")->required();
        cmd->add_option("--dataset", args->dataset, "Name of the new dataset")->required();
        cmd->add_option("--text-col", args->textColumn, "Column holding the text (default: detected)");
        cmd->add_option("--label-col", args->labelColumn,
                        "Column holding existing labels (default: detected)");
        cmd->add_option("--label-sep", args->labelSeparator,
                        "Splits a label cell into several labels, e.g. \"|\"");
        cmd->add_option("--encoding", args->encoding,
                        "auto, utf-8, gbk, gb18030, utf-16le, ... (iconv names)")
            ->capture_default_str();
        cmd->add_option("--format", args->format, "auto, csv, tsv or jsonl")
            ->capture_default_str()
            ->check(CLI::IsMember({"auto", "csv", "tsv", "jsonl"}));
        cmd->add_option("--delimiter", args->delimiter,
                        "Field delimiter (one character, or \\t; default: detected)");
        cmd->add_flag("--no-header", args->noHeader, "The first row is data, not column names");
        cmd->add_flag("--skip-bad-rows", args->skipBadRows,
                      "Skip rows that cannot be parsed and list them (default: stop at the first)");
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        auto* progress =
            cmd->add_flag("--progress", args->progress, "Print progress to stderr even when not a terminal");
        cmd->add_flag("--no-progress", args->noProgress, "Never print progress")->excludes(progress);
        cmd->add_flag("--no-index", args->noIndex,
                      "Skip building the full-text search index now (the GUI or the next import builds it)");
        cmd->callback([&action, args] { action = [args] { return runImport(*args); }; });
    }
    {
        auto args = std::make_shared<ExportArgs>();
        auto* cmd = app.add_subcommand("export", "Export a dataset with its labels to CSV or JSONL");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("out", args->out, "Output file (written atomically)")->required();
        cmd->add_option("--dataset", args->dataset, "Dataset to export")->required();
        cmd->add_option("--format", args->format, "csv or jsonl")
            ->required()
            ->check(CLI::IsMember({"csv", "jsonl"}));
        cmd->add_option(
            "--label-sep", args->labelSeparator,
            "Joins several labels in one CSV cell (default: the separator used at import, or \"|\")");
        cmd->add_flag("--json", args->json, "Machine-readable result on stdout");
        cmd->callback([&action, args] { action = [args] { return runExport(*args); }; });
    }
}

} // namespace bankbench::cli
