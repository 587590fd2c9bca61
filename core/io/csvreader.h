#pragma once

#include "io/importoptions.h"
#include "io/rowerror.h"
#include "io/textinput.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// Splits delimited text (RFC 4180 plus the usual variants) into records, streaming over a TextInput.
/// Quoted fields may hold delimiters, doubled quotes and line breaks (CRLF, LF or CR); blank lines are
/// skipped. Fields are views into the input buffer, valid until the next call to next(): no per-field
/// allocation. A malformed record is reported and skipped, and reading goes on after it. Not thread-safe.
class CsvReader {
public:
    enum class Status { Record, BadRecord, End, Failed };

    static constexpr std::size_t kDefaultMaxRecordBytes = std::size_t{64} << 20;

    /// `dialect.quote == '\0'` turns quote processing off. A record longer than `maxRecordBytes` is bad.
    CsvReader(TextInput& input, const CsvDialect& dialect,
              std::size_t maxRecordBytes = kDefaultMaxRecordBytes);

    Status next();

    std::size_t fieldCount() const { return m_fields.size(); }
    std::string_view field(std::size_t index) const;
    /// Physical line where the current record starts.
    std::int64_t line() const { return m_recordLine; }
    /// Where field `index` of the current record starts.
    TextLocation fieldLocation(std::size_t index) const;
    /// Just past the last field of the current record: where a missing field would have started.
    TextLocation endLocation() const { return locate(m_recordEnd); }
    /// The problem with a BadRecord, or the read error behind Failed.
    const RowError& error() const { return m_error; }

private:
    enum class State { RecordStart, AfterCR, FieldStart, Unquoted, Quoted, QuoteInQuoted, SkipLine };
    struct Span {
        std::size_t offset; // into the input buffer, or into m_scratch when unescaped
        std::size_t length;
        std::size_t rawStart; // buffer offset of the field's first character (its quote, if quoted)
        bool inScratch;
    };

    bool refill();
    Status atEndOfInput();
    Status endRecord(char lineBreak);
    Status finishRecord(std::size_t end);
    Status unterminatedQuote(const std::string& message);
    void addField(std::size_t begin, std::size_t end);
    void addQuotedField(std::size_t contentBegin, std::size_t contentEnd);
    void markBad(std::size_t offset, ErrorCode code, std::string message);
    TextLocation locate(std::size_t offset) const;

    TextInput& m_input;
    char m_delimiter;
    char m_quote;
    bool m_quoting;
    std::size_t m_maxRecordBytes;
    std::array<bool, 256> m_unquotedStop{};
    std::array<bool, 256> m_quotedStop{};

    State m_state = State::RecordStart;
    std::size_t m_pos = 0;
    std::int64_t m_line = 1; // physical line at m_pos
    std::size_t m_recordStart = 0;
    std::int64_t m_recordLine = 1;
    std::size_t m_recordEnd = 0;
    std::size_t m_fieldStart = 0;
    bool m_quoteDoubled = false;
    std::size_t m_firstBreakInQuote = 0; // first line break inside the open quoted field, or npos
    std::vector<Span> m_fields;
    std::string m_scratch;
    bool m_bad = false;
    RowError m_error;
};

} // namespace bankbench::core
