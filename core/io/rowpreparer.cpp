#include "io/rowpreparer.h"

#include "io/columnsuggest.h"
#include "io/labelvalues.h"
#include "store/recordfields.h"

namespace bankbench::core {

RowPreparer::RowPreparer(const DatasetInfo& info, bool multiLabel, RowReader& reader)
    : m_info(info), m_multiLabel(multiLabel), m_jsonl(info.sourceFormat == "jsonl"),
      m_reader(reader) {}

void RowPreparer::next(PreparedRow& row) {
    row.warnings.clear();
    row.status = m_reader.next(row.record.fields);
    if (!m_reader.warnings().empty()) {
        for (auto& warning : m_reader.warnings())
            row.warnings.push_back(std::move(warning));
        m_reader.warnings().clear();
    }
    row.bytesRead = m_reader.bytesRead();
    switch (row.status) {
    case RowReader::Status::End:
        return;
    case RowReader::Status::Failed:
    case RowReader::Status::BadRow:
        row.error = m_reader.error();
        return;
    case RowReader::Status::Row:
        break;
    }
    if (auto bad = takeTextAndLabels(row)) {
        row.status = RowReader::Status::BadRow;
        row.error = std::move(*bad);
        return;
    }
    row.record.sourceLine = m_reader.line();
    serializeRecordFields(row.record.fields, m_textIndex, row.record.text, row.record.fieldsJson);
}

std::optional<RowError> RowPreparer::takeTextAndLabels(PreparedRow& row) {
    if (m_reader.columns().size() != m_knownColumns) { // JSONL keys may appear late
        m_knownColumns = m_reader.columns().size();
        m_textIndex = columnPosition(m_reader.columns(), m_info.textColumn);
        m_labelIndex = columnPosition(m_reader.columns(), m_info.labelColumn);
    }
    NewRecord& record = row.record;
    const auto& fields = record.fields;
    const nlohmann::json* text = m_textIndex && *m_textIndex < fields.size() ? &fields[*m_textIndex] : nullptr;
    if (text && text->is_string()) {
        record.text.assign(text->get_ref<const std::string&>());
    } else if (text && !text->is_null()) {
        record.text = text->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
        record.text.clear();
        if (m_jsonl) // CSV reports a short row already
            row.warnings.push_back(
                {m_reader.line(), 0, "no \"" + m_info.textColumn + "\" value; the record's text is empty"});
    }
    if (m_labelIndex && *m_labelIndex < fields.size())
        labelsFromValue(fields[*m_labelIndex], m_info.labelSeparator, record.labels);
    else
        record.labels.clear();
    if (!m_multiLabel && record.labels.size() > 1)
        return RowError{ErrorCode::Parse, m_reader.line(), 0,
                        "label value holds " + std::to_string(record.labels.size()) +
                            " labels, but the first rows hold one label each so the dataset is single-label; "
                            "give a label separator to import multi-label data"};
    return std::nullopt;
}

} // namespace bankbench::core
