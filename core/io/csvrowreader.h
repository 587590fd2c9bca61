#pragma once

#include "io/csvreader.h"
#include "io/rowreader.h"
#include "io/textinput.h"
#include "util/result.h"

#include <memory>

namespace bankbench::core {

/// CSV/TSV rows against a header. A short row is padded with nulls (and a warning); a long row is a bad
/// row, except that surplus fields that are all empty (trailing delimiters) are dropped. Without a
/// header the columns are named column1..columnN after the first record.
class CsvRowReader : public RowReader {
public:
    /// Reads the header (or the first record). Fails with Empty when the text holds no record at all, and
    /// with the header's own error when it is malformed.
    static Result<std::unique_ptr<CsvRowReader>>
    open(std::unique_ptr<TextInput> input, const CsvDialect& dialect,
         std::size_t maxRecordBytes = CsvReader::kDefaultMaxRecordBytes);

    Status next(nlohmann::json& fields) override;
    std::int64_t line() const override { return m_reader.line(); }
    const std::vector<std::string>& columns() const override { return m_columns; }
    const RowError& error() const override { return m_error; }
    std::int64_t bytesRead() const override { return m_input->bytesRead(); }
    std::int64_t bytesTotal() const override { return m_input->bytesTotal(); }
    bool hasHeader() const { return m_hasHeader; }

private:
    CsvRowReader(std::unique_ptr<TextInput> input, const CsvDialect& dialect, std::size_t maxRecordBytes);
    void takeColumns();

    std::unique_ptr<TextInput> m_input;
    CsvReader m_reader;
    bool m_hasHeader;
    bool m_firstRecordPending = false;
    std::vector<std::string> m_columns;
    RowError m_error;
};

} // namespace bankbench::core
