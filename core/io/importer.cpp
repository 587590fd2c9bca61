#include "io/importer.h"

#include "io/columnsuggest.h"
#include "io/importsource.h"
#include "io/progressmeter.h"
#include "io/rowpipeline.h"

#include <algorithm>
#include <filesystem>

namespace bankbench::core {

namespace {

bool headHasArrayLabels(const HeadSample& head, const std::optional<std::string>& labelColumn) {
    const auto index = columnPosition(head.columns, labelColumn);
    if (!index)
        return false;
    return std::any_of(head.rows.begin(), head.rows.end(), [&](const nlohmann::json& row) {
        return *index < row.size() && row[*index].is_array();
    });
}

/// The writing part of an import: prepared rows (parsed on RowPipeline's thread) into the open dataset
/// writer, with the bad-row policy, counts, warnings, progress and cancellation on the caller's thread.
class RowImporter {
public:
    RowImporter(const ImportOptions& options, RowPipeline& rows, std::int64_t bytesTotal, DatasetWriter& writer)
        : m_options(options), m_rows(rows), m_bytesTotal(bytesTotal), m_writer(writer) {}

    /// Writes every row; fills `result` with counts and warnings. Nothing is committed here.
    Status run(const ImportProgressSink& progress, const CancelToken& cancel, ImportResult& result);

private:
    void warn(ImportWarning warning);
    Error cancelled() const {
        return Error{ErrorCode::Cancelled, "import cancelled; nothing was imported", {m_options.path, 0, 0}};
    }

    const ImportOptions& m_options;
    RowPipeline& m_rows;
    std::int64_t m_bytesTotal;
    DatasetWriter& m_writer;
    ImportResult* m_result = nullptr;
};

void RowImporter::warn(ImportWarning warning) {
    ++m_result->warningCount;
    if (m_result->warnings.size() < kMaxImportWarnings)
        m_result->warnings.push_back(std::move(warning));
}

Status RowImporter::run(const ImportProgressSink& progress, const CancelToken& cancel, ImportResult& result) {
    m_result = &result;
    ProgressMeter meter(progress, m_options.progressIntervalMs);
    std::int64_t bytesRead = 0;
    meter.report(bytesRead, m_bytesTotal, 0, 0, true);
    std::vector<const NewRecord*> records;
    for (bool ended = false; !ended;) {
        if (cancel.isCancelled())
            return cancelled();
        meter.report(bytesRead, m_bytesTotal, result.rowsImported, result.rowsSkipped, false);
        if (cancel.isCancelled())
            return cancelled();
        records.clear();
        for (const PreparedRow& row : m_rows.nextBatch()) {
            bytesRead = row.bytesRead;
            for (const auto& warning : row.warnings)
                warn(warning);
            if (row.status == RowReader::Status::End) {
                ended = true;
                break;
            }
            if (row.status == RowReader::Status::Failed)
                return Error{row.error.code, row.error.message, {m_options.path, 0, 0}};
            if (row.status == RowReader::Status::BadRow) {
                if (!m_options.skipBadRows)
                    return Error{row.error.code, row.error.message, {m_options.path, row.error.line, row.error.column}};
                ++result.rowsSkipped;
                warn({row.error.line, row.error.column, row.error.message + "; row skipped"});
                continue;
            }
            records.push_back(&row.record);
            result.labelledRows += !row.record.labels.empty();
        }
        if (auto added = m_writer.addAll(records); !added)
            return added.error();
        result.rowsImported += static_cast<std::int64_t>(records.size());
    }
    if (cancel.isCancelled())
        return cancelled();
    meter.report(bytesRead, m_bytesTotal, result.rowsImported, result.rowsSkipped, true);
    return {};
}

} // namespace

Result<ImportResult> importFile(Project& project, const ImportOptions& options,
                                const ImportProgressSink& progress, const CancelToken& cancel) {
    const auto started = std::chrono::steady_clock::now();
    if (options.datasetName.empty())
        return Error{ErrorCode::InvalidArgument, "a dataset name is required", {}};
    if (project.dataset(options.datasetName).ok())
        return Error{ErrorCode::AlreadyExists,
                     "a dataset named \"" + options.datasetName + "\" already exists; choose another name",
                     {}};

    auto settings = resolveSource(options);
    if (!settings)
        return settings.error();
    auto head = sampleHead(options, *settings, kHeadSampleRows, kHeadSampleBytes);
    if (!head)
        return head.error();
    auto choice = chooseColumns(options, head->columns, head->rows);
    if (!choice)
        return choice.error();
    const bool separator = options.labelSeparator && !options.labelSeparator->empty();
    const bool multiLabel =
        choice->labelColumn && (separator || headHasArrayLabels(*head, choice->labelColumn));

    auto opened = openRows(options, *settings);
    if (!opened)
        return opened.error();
    RowReader& reader = **opened;

    DatasetInfo info;
    info.name = options.datasetName;
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(options.path, ec);
    info.sourcePath = ec ? options.path : absolute.string();
    info.sourceFormat = inputFormatName(settings->format);
    info.encoding = settings->encoding;
    // JSONL keys are learnt while reading; the head's keys come in the same order, so start from them.
    info.columns = settings->format == InputFormat::Jsonl ? head->columns : reader.columns();
    info.textColumn = choice->textColumn;
    info.labelColumn = choice->labelColumn;
    if (choice->labelColumn && separator)
        info.labelSeparator = options.labelSeparator;
    auto writer = project.beginDataset(
        info, multiLabel ? LabelSetKind::MultiLabel : LabelSetKind::SingleLabel, options.annotator,
        options.rollbackJournalIfAlone ? Project::BulkJournal::RollbackIfAlone : Project::BulkJournal::Wal,
        options.indexForSearch ? Project::SearchIndexing::WithRecords : Project::SearchIndexing::Later);
    if (!writer)
        return writer.error();

    ImportResult result;
    result.encoding = settings->encoding;
    result.format = settings->format;
    result.textColumn = choice->textColumn;
    result.labelColumn = choice->labelColumn;
    RowPreparer preparer(info, multiLabel, reader);
    const std::int64_t bytesTotal = reader.bytesTotal();
    {
        RowPipeline rows(preparer);
        RowImporter importer(options, rows, bytesTotal, **writer);
        if (auto status = importer.run(progress, cancel, result); !status)
            return status.error(); // the pipeline stops; the writer rolls back as it goes out of scope
    } // the preparing thread has finished with the reader here

    if (result.rowsImported == 0) {
        std::string message =
            result.rowsSkipped > 0
                ? "no rows could be imported: all " + std::to_string(result.rowsSkipped) + " rows are bad"
            : settings->format != InputFormat::Jsonl && settings->dialect.hasHeader
                ? "no data rows after the header"
                : "no data rows";
        return Error{ErrorCode::Empty, message, {options.path, 0, 0}};
    }
    if (reader.columns() != info.columns)
        (*writer)->setColumns(reader.columns());
    if (auto committed = (*writer)->commit(); !committed)
        return committed.error();

    result.datasetId = (*writer)->datasetId();
    result.columns = reader.columns();
    result.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace bankbench::core
