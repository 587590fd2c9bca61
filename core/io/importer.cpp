#include "io/importer.h"

#include "io/columnsuggest.h"
#include "io/importsource.h"
#include "io/labelvalues.h"
#include "io/progressmeter.h"

#include <algorithm>
#include <filesystem>

namespace bankbench::core {

namespace {

std::optional<std::size_t> indexOf(const std::vector<std::string>& columns,
                                   const std::optional<std::string>& name) {
    if (!name)
        return std::nullopt;
    const auto it = std::find(columns.begin(), columns.end(), *name);
    if (it == columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

bool headHasArrayLabels(const HeadSample& head, const std::optional<std::string>& labelColumn) {
    const auto index = indexOf(head.columns, labelColumn);
    if (!index)
        return false;
    return std::any_of(head.rows.begin(), head.rows.end(), [&](const nlohmann::json& row) {
        return *index < row.size() && row[*index].is_array();
    });
}

/// The streaming part of an import: rows from the reader into the open dataset writer.
class RowImporter {
public:
    RowImporter(const ImportOptions& options, const DatasetInfo& info, bool multiLabel, RowReader& reader,
                DatasetWriter& writer)
        : m_options(options), m_info(info), m_multiLabel(multiLabel), m_jsonl(info.sourceFormat == "jsonl"),
          m_reader(reader), m_writer(writer) {}

    /// Reads every row; fills `result` with counts and warnings. Nothing is committed here.
    Status run(const ImportProgressSink& progress, const CancelToken& cancel, ImportResult& result);

private:
    /// Text and labels of the row in m_record.fields; a row whose labels cannot be stored is bad.
    std::optional<RowError> takeTextAndLabels();
    void warn(ImportWarning warning);
    Error cancelled() const {
        return Error{ErrorCode::Cancelled, "import cancelled; nothing was imported", {m_options.path, 0, 0}};
    }

    const ImportOptions& m_options;
    const DatasetInfo& m_info;
    bool m_multiLabel;
    bool m_jsonl;
    RowReader& m_reader;
    DatasetWriter& m_writer;
    ImportResult* m_result = nullptr;
    NewRecord m_record;
    std::optional<std::size_t> m_textIndex;
    std::optional<std::size_t> m_labelIndex;
    std::size_t m_knownColumns = static_cast<std::size_t>(-1);
};

void RowImporter::warn(ImportWarning warning) {
    ++m_result->warningCount;
    if (m_result->warnings.size() < kMaxImportWarnings)
        m_result->warnings.push_back(std::move(warning));
}

std::optional<RowError> RowImporter::takeTextAndLabels() {
    if (m_reader.columns().size() != m_knownColumns) { // JSONL keys may appear late
        m_knownColumns = m_reader.columns().size();
        m_textIndex = indexOf(m_reader.columns(), m_info.textColumn);
        m_labelIndex = indexOf(m_reader.columns(), m_info.labelColumn);
    }
    const auto& fields = m_record.fields;
    const nlohmann::json* text =
        m_textIndex && *m_textIndex < fields.size() ? &fields[*m_textIndex] : nullptr;
    if (text && text->is_string()) {
        m_record.text.assign(text->get_ref<const std::string&>());
    } else if (text && !text->is_null()) {
        m_record.text = text->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
        m_record.text.clear();
        if (m_jsonl) // CSV reports a short row already
            warn({m_reader.line(), 0, "no \"" + m_info.textColumn + "\" value; the record's text is empty"});
    }
    if (m_labelIndex && *m_labelIndex < fields.size())
        labelsFromValue(fields[*m_labelIndex], m_info.labelSeparator, m_record.labels);
    else
        m_record.labels.clear();
    if (!m_multiLabel && m_record.labels.size() > 1)
        return RowError{ErrorCode::Parse, m_reader.line(), 0,
                        "label value holds " + std::to_string(m_record.labels.size()) +
                            " labels, but the first rows hold one label each so the dataset is single-label; "
                            "give a label separator to import multi-label data"};
    return std::nullopt;
}

Status RowImporter::run(const ImportProgressSink& progress, const CancelToken& cancel, ImportResult& result) {
    m_result = &result;
    ProgressMeter meter(progress, m_options.progressIntervalMs);
    meter.report(m_reader, 0, 0, true);
    for (std::int64_t iteration = 1;; ++iteration) {
        // Clock and cancel checks every 256 rows cost nothing measurable next to the row work.
        if ((iteration & 255) == 0) {
            if (cancel.isCancelled())
                return cancelled();
            meter.report(m_reader, result.rowsImported, result.rowsSkipped, false);
            if (cancel.isCancelled())
                return cancelled();
        }
        const auto status = m_reader.next(m_record.fields);
        if (!m_reader.warnings().empty()) {
            for (auto& warning : m_reader.warnings())
                warn(std::move(warning));
            m_reader.warnings().clear();
        }
        if (status == RowReader::Status::End)
            break;
        if (status == RowReader::Status::Failed)
            return Error{m_reader.error().code, m_reader.error().message, {m_options.path, 0, 0}};
        std::optional<RowError> bad;
        if (status == RowReader::Status::BadRow)
            bad = m_reader.error();
        else
            bad = takeTextAndLabels();
        if (bad) {
            if (!m_options.skipBadRows)
                return Error{bad->code, bad->message, {m_options.path, bad->line, bad->column}};
            ++result.rowsSkipped;
            warn({bad->line, bad->column, bad->message + "; row skipped"});
            continue;
        }
        m_record.sourceLine = m_reader.line();
        if (auto added = m_writer.add(m_record); !added)
            return added.error();
        ++result.rowsImported;
        result.labelledRows += !m_record.labels.empty();
    }
    if (cancel.isCancelled())
        return cancelled();
    meter.report(m_reader, result.rowsImported, result.rowsSkipped, true);
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
        options.rollbackJournalIfAlone ? Project::BulkJournal::RollbackIfAlone : Project::BulkJournal::Wal);
    if (!writer)
        return writer.error();

    ImportResult result;
    result.encoding = settings->encoding;
    result.format = settings->format;
    result.textColumn = choice->textColumn;
    RowImporter importer(options, info, multiLabel, reader, **writer);
    if (auto status = importer.run(progress, cancel, result); !status)
        return status.error(); // the writer rolls back as it goes out of scope

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
