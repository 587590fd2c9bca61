#include "io/exporter.h"

#include "io/csvwriter.h"
#include "io/labelvalues.h"
#include "io/replacingfile.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace bankbench::core {

namespace {


std::string dumpJson(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string cellText(const nlohmann::json* value) {
    if (!value || value->is_null())
        return {};
    if (value->is_string())
        return value->get_ref<const std::string&>();
    return dumpJson(*value);
}

std::string joined(const std::vector<std::string>& labels, const std::string& separator) {
    std::string out;
    for (const auto& label : labels)
        out += (out.empty() ? "" : separator) + label;
    return out;
}

std::optional<LabelSetKind> labelSetKind(Project& project, const DatasetInfo& info) {
    if (!info.labelSetId)
        return std::nullopt;
    try {
        auto stmt = project.database().prepare("SELECT kind FROM label_sets WHERE id = ?1");
        stmt.bind(1, *info.labelSetId);
        if (stmt.step())
            return labelSetKindFromName(stmt.columnText(0));
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

/// Writes the rows of one dataset as CSV or JSONL into a buffer flushed to `file`.
class RowWriter {
public:
    RowWriter(const DatasetInfo& info, const ExportOptions& options, bool multiLabel)
        : m_info(info), m_format(options.format), m_multiLabel(multiLabel),
          m_separator(options.labelSeparator.value_or(info.labelSeparator.value_or("|"))),
          m_keepStoredLabels(!options.labelSeparator || options.labelSeparator == info.labelSeparator),
          m_columns(info.columns) {
        const auto it = info.labelColumn ? std::find(m_columns.begin(), m_columns.end(), *info.labelColumn)
                                         : m_columns.end();
        if (it != m_columns.end()) {
            m_labelIndex = static_cast<std::size_t>(it - m_columns.begin());
        } else if (info.labelSetId && info.labelledCount > 0) {
            // Labels given in Bankbench to a dataset imported without a label column get one.
            std::string name = "label";
            for (int k = 2; std::find(m_columns.begin(), m_columns.end(), name) != m_columns.end(); ++k)
                name = "label_" + std::to_string(k);
            m_labelIndex = m_columns.size();
            m_columns.push_back(name);
        }
        for (const auto& column : m_columns)
            m_keys.push_back(dumpJson(nlohmann::json(column)) + ':');
    }

    void header(std::string& out) const {
        if (m_format != ExportFormat::Csv)
            return;
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            if (i > 0)
                out += ',';
            appendCsvField(out, m_columns[i], ',', m_columns.size() == 1);
        }
        out += '\n';
    }

    void row(const Record& record, std::string& out) {
        if (m_format == ExportFormat::Jsonl)
            out += '{';
        for (std::size_t i = 0; i < m_columns.size(); ++i) {
            const nlohmann::json* stored = i < record.fields.size() ? &record.fields[i] : nullptr;
            if (m_format == ExportFormat::Csv) {
                if (i > 0)
                    out += ',';
                const std::string text = i == m_labelIndex ? csvLabels(stored, record) : cellText(stored);
                appendCsvField(out, text, ',', m_columns.size() == 1);
            } else {
                if (i > 0)
                    out += ',';
                out += m_keys[i];
                if (i == m_labelIndex)
                    out += dumpJson(jsonLabels(stored, record));
                else
                    out += stored ? dumpJson(*stored) : "null";
            }
        }
        out += m_format == ExportFormat::Jsonl ? "}\n" : "\n";
    }

private:
    // True when the record's labels are still those its stored label cell holds (m_parsed, in stored
    // order). Such a cell is written as it came in (spacing, order, separator) unless another separator
    // was asked for; edited labels are written from the record's current labels.
    bool unchanged(const nlohmann::json* stored, const Record& record) {
        if (!stored)
            return false;
        labelsFromValue(*stored, m_info.labelSeparator, m_parsed);
        return sameLabels(m_parsed, record.labels);
    }

    std::string csvLabels(const nlohmann::json* stored, const Record& record) {
        const bool same = unchanged(stored, record);
        if (same && m_keepStoredLabels && (stored->is_string() || stored->is_null()))
            return cellText(stored);
        return joined(same ? m_parsed : record.labels, m_separator);
    }

    // JSONL: an array for multi-label sets, a string (or null) for single-label ones. Unchanged labels
    // keep their stored value, or at least their stored order.
    nlohmann::json jsonLabels(const nlohmann::json* stored, const Record& record) {
        const bool same = unchanged(stored, record);
        if (m_multiLabel) {
            if (same && stored->is_array())
                return *stored;
            return same ? m_parsed : record.labels;
        }
        if (same && m_keepStoredLabels && (stored->is_string() || stored->is_null()))
            return *stored;
        if (record.labels.empty())
            return nullptr;
        return record.labels.size() == 1 ? nlohmann::json(record.labels.front())
                                         : nlohmann::json(joined(record.labels, m_separator));
    }

    const DatasetInfo& m_info;
    ExportFormat m_format;
    bool m_multiLabel;
    std::string m_separator;
    bool m_keepStoredLabels;
    std::vector<std::string> m_columns;
    std::vector<std::string> m_keys; // JSON-quoted column names followed by ':'
    std::size_t m_labelIndex = static_cast<std::size_t>(-1);
    std::vector<std::string> m_parsed;
};

} // namespace

Result<std::int64_t> exportDataset(Project& project, const ExportOptions& options,
                                   const CancelToken* cancel) {
    auto out = ReplacingFile::open(options.outPath);
    if (!out)
        return out.error();
    auto info = project.dataset(options.datasetName);
    if (!info)
        return info.error();
    const auto kind = labelSetKind(project, *info);
    const bool multiLabel = kind ? *kind == LabelSetKind::MultiLabel : info->labelSeparator.has_value();
    RowWriter writer(*info, options, multiLabel);

    std::string& buffer = (*out)->buffer();

    writer.header(buffer);
    std::int64_t rows = 0;
    bool cancelled = false;
    Status visited = project.forEachRecord(info->id, [&](const Record& record) {
        if (cancel && cancel->isCancelled()) {
            cancelled = true;
            return false;
        }
        writer.row(record, buffer);
        ++rows;
        return (*out)->flushWhenFull();
    });
    if (cancelled)
        return Error{ErrorCode::Cancelled, "export cancelled", {options.outPath, 0, 0}};
    if (!visited)
        return visited.error();
    if (auto committed = (*out)->commit(); !committed)
        return committed.error();
    return rows;
}

} // namespace bankbench::core
