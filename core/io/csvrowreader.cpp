#include "io/csvrowreader.h"

#include <unordered_set>

namespace bankbench::core {

namespace {

void setString(nlohmann::json& slot, std::string_view value) {
    if (slot.is_string())
        slot.get_ref<std::string&>().assign(value); // keeps the string's capacity from the last row
    else
        slot = std::string(value);
}

} // namespace

CsvRowReader::CsvRowReader(std::unique_ptr<TextInput> input, const CsvDialect& dialect,
                           std::size_t maxRecordBytes)
    : m_input(std::move(input)), m_reader(*m_input, dialect, maxRecordBytes), m_hasHeader(dialect.hasHeader) {
}

Result<std::unique_ptr<CsvRowReader>>
CsvRowReader::open(std::unique_ptr<TextInput> input, const CsvDialect& dialect, std::size_t maxRecordBytes) {
    const std::string label = input->label();
    std::unique_ptr<CsvRowReader> reader(new CsvRowReader(std::move(input), dialect, maxRecordBytes));
    switch (reader->m_reader.next()) {
    case CsvReader::Status::End:
        return Error{ErrorCode::Empty, "file has no rows", {label, 0, 0}};
    case CsvReader::Status::Failed:
        return Error{ErrorCode::Io, reader->m_reader.error().message, {label, 0, 0}};
    case CsvReader::Status::BadRecord: {
        const RowError& e = reader->m_reader.error();
        return Error{
            e.code, (dialect.hasHeader ? "header row: " : "") + e.message, {label, e.line, e.column}};
    }
    case CsvReader::Status::Record:
        break;
    }
    reader->takeColumns();
    return reader;
}

void CsvRowReader::takeColumns() {
    const std::size_t count = m_reader.fieldCount();
    m_columns.clear();
    if (!m_hasHeader) {
        for (std::size_t i = 0; i < count; ++i)
            m_columns.push_back("column" + std::to_string(i + 1));
        m_firstRecordPending = true;
        return;
    }
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < count; ++i) {
        std::string name(m_reader.field(i));
        if (name.empty())
            name = "column" + std::to_string(i + 1);
        if (seen.count(name)) {
            std::string renamed;
            for (int k = 2; seen.count(renamed = name + "_" + std::to_string(k)); ++k) {
            }
            const TextLocation where = m_reader.fieldLocation(i);
            m_warnings.push_back({where.line, where.column,
                                  "duplicate column name \"" + name + "\" renamed to \"" + renamed + "\""});
            name = renamed;
        }
        seen.insert(name);
        m_columns.push_back(std::move(name));
    }
}

RowReader::Status CsvRowReader::next(nlohmann::json& fields) {
    CsvReader::Status status = CsvReader::Status::Record;
    if (m_firstRecordPending)
        m_firstRecordPending = false;
    else
        status = m_reader.next();
    switch (status) {
    case CsvReader::Status::End:
        return Status::End;
    case CsvReader::Status::Failed:
        m_error = m_reader.error();
        return Status::Failed;
    case CsvReader::Status::BadRecord:
        m_error = m_reader.error();
        return Status::BadRow;
    case CsvReader::Status::Record:
        break;
    }
    const std::size_t columnCount = m_columns.size();
    std::size_t count = m_reader.fieldCount();
    if (count > columnCount) {
        bool surplusEmpty = true;
        for (std::size_t i = columnCount; i < count && surplusEmpty; ++i)
            surplusEmpty = m_reader.field(i).empty();
        if (!surplusEmpty) {
            const TextLocation where = m_reader.fieldLocation(columnCount);
            m_error = RowError{ErrorCode::Parse, where.line, where.column,
                               "row has " + std::to_string(count) + " fields, " +
                                   (m_hasHeader ? "header has " : "the first row has ") +
                                   std::to_string(columnCount)};
            return Status::BadRow;
        }
        count = columnCount;
    }
    if (!fields.is_array())
        fields = nlohmann::json::array();
    auto& slots = fields.get_ref<nlohmann::json::array_t&>();
    slots.resize(columnCount);
    for (std::size_t i = 0; i < count; ++i)
        setString(slots[i], m_reader.field(i));
    if (count < columnCount) {
        for (std::size_t i = count; i < columnCount; ++i)
            slots[i] = nullptr;
        const TextLocation where = m_reader.endLocation();
        m_warnings.push_back({where.line, where.column,
                              "row has " + std::to_string(count) + " fields, " +
                                  (m_hasHeader ? "header has " : "the first row has ") +
                                  std::to_string(columnCount) + "; the missing values are left empty"});
    }
    return Status::Row;
}

} // namespace bankbench::core
