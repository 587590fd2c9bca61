#include "io/csvreader.h"

#include <algorithm>
#include <cctype>

namespace bankbench::core {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::string describeDelimiter(char delimiter) {
    switch (delimiter) {
    case '\t':
        return "a tab";
    case ' ':
        return "a space";
    default:
        return std::string("'") + delimiter + "'";
    }
}

// The character at `pos` as the user sees it in a message: a whole UTF-8 sequence, or a named blank.
std::string describeCharacter(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead == ' ')
        return "a space";
    if (lead == '\t')
        return "a tab";
    if (lead < 0x20)
        return "control character " + std::to_string(lead);
    std::size_t length = 1;
    if (lead >= 0xF0)
        length = 4;
    else if (lead >= 0xE0)
        length = 3;
    else if (lead >= 0xC0)
        length = 2;
    std::string out(1, '\'');
    out.append(text.substr(pos, length));
    out += '\'';
    return out;
}

} // namespace

CsvReader::CsvReader(TextInput& input, const CsvDialect& dialect, std::size_t maxRecordBytes)
    : m_input(input), m_delimiter(dialect.delimiter), m_quote(dialect.quote),
      m_quoting(dialect.quote != '\0' && dialect.quote != dialect.delimiter),
      m_maxRecordBytes(maxRecordBytes), m_firstBreakInQuote(kNone) {
    for (const char c : {m_delimiter, '\n', '\r'})
        m_unquotedStop[static_cast<unsigned char>(c)] = true;
    if (m_quoting)
        for (const char c : {m_quote, '\n', '\r'})
            m_quotedStop[static_cast<unsigned char>(c)] = true;
}

std::string_view CsvReader::field(std::size_t index) const {
    const Span& span = m_fields[index];
    const char* base = span.inScratch ? m_scratch.data() : m_input.data();
    return {base + span.offset, span.length};
}

TextLocation CsvReader::fieldLocation(std::size_t index) const {
    return locate(m_fields[index].rawStart);
}

TextLocation CsvReader::locate(std::size_t offset) const {
    const char* buf = m_input.data();
    std::int64_t line = m_recordLine;
    std::size_t lineStart = m_recordStart;
    for (std::size_t p = m_recordStart; p < offset; ++p) {
        if (buf[p] == '\r') {
            ++line;
            lineStart = p + 1;
        } else if (buf[p] == '\n') {
            if (p == m_recordStart || buf[p - 1] != '\r')
                ++line;
            lineStart = p + 1;
        }
    }
    std::int64_t column = 1;
    for (std::size_t p = lineStart; p < offset; ++p)
        column += (static_cast<unsigned char>(buf[p]) & 0xC0) != 0x80;
    return {line, column};
}

void CsvReader::markBad(std::size_t offset, ErrorCode code, std::string message) {
    if (m_bad)
        return;
    m_bad = true;
    const TextLocation where = locate(offset);
    m_error = RowError{code, where.line, where.column, std::move(message)};
}

void CsvReader::addField(std::size_t begin, std::size_t end) {
    m_fields.push_back({begin, end - begin, begin, false});
}

void CsvReader::addQuotedField(std::size_t contentBegin, std::size_t contentEnd) {
    if (!m_quoteDoubled) {
        m_fields.push_back({contentBegin, contentEnd - contentBegin, m_fieldStart, false});
        return;
    }
    // Every quote between the outer quotes is doubled (a single one would have closed the field).
    const char* buf = m_input.data();
    const std::size_t offset = m_scratch.size();
    for (std::size_t p = contentBegin; p < contentEnd; ++p) {
        m_scratch += buf[p];
        if (buf[p] == m_quote)
            ++p;
    }
    m_fields.push_back({offset, m_scratch.size() - offset, m_fieldStart, true});
}

bool CsvReader::refill() {
    const bool betweenRecords =
        m_state == State::RecordStart || m_state == State::AfterCR || m_state == State::SkipLine;
    if (m_state == State::SkipLine)
        m_fields.clear(); // a bad record's fields are not needed: let its text go
    const std::size_t shift = m_input.fill(betweenRecords ? m_pos : m_recordStart);
    if (shift > 0) {
        auto down = [shift](std::size_t& offset) { offset = offset >= shift ? offset - shift : 0; };
        m_pos -= shift;
        down(m_recordStart);
        down(m_recordEnd);
        down(m_fieldStart);
        if (m_firstBreakInQuote != kNone)
            down(m_firstBreakInQuote);
        for (Span& span : m_fields) {
            if (!span.inScratch)
                down(span.offset);
            down(span.rawStart);
        }
    }
    if (m_input.error()) {
        m_error = RowError{ErrorCode::Io, 0, 0, m_input.error()->message};
        return false;
    }
    return true;
}

CsvReader::Status CsvReader::next() {
    m_fields.clear();
    m_scratch.clear();
    m_bad = false;
    m_error = {};
    for (;;) {
        if (m_pos >= m_input.size()) {
            if (m_input.error()) {
                m_error = RowError{ErrorCode::Io, 0, 0, m_input.error()->message};
                return Status::Failed;
            }
            if (m_input.atEnd())
                return atEndOfInput();
            const bool inRecord =
                m_state != State::RecordStart && m_state != State::AfterCR && m_state != State::SkipLine;
            if (inRecord && m_input.size() - m_recordStart > m_maxRecordBytes) {
                const std::string limit = std::to_string(m_maxRecordBytes >> 20) + " MiB";
                if (m_state == State::Quoted && m_firstBreakInQuote != kNone)
                    return unterminatedQuote("quoted field is not closed within " + limit +
                                             "; is its closing quote missing?");
                markBad(m_recordStart, ErrorCode::Parse, "record is longer than " + limit);
                m_state = State::SkipLine;
            }
            if (!refill())
                return Status::Failed;
            continue;
        }
        const char* buf = m_input.data();
        const std::size_t size = m_input.size();
        switch (m_state) {
        case State::AfterCR:
            if (buf[m_pos] == '\n')
                ++m_pos;
            m_state = State::RecordStart;
            break;
        case State::RecordStart: {
            const char c = buf[m_pos];
            if (c == '\n' || c == '\r') { // blank line
                ++m_pos;
                ++m_line;
                if (c == '\r')
                    m_state = State::AfterCR;
                break;
            }
            m_recordStart = m_pos;
            m_recordLine = m_line;
            m_state = State::FieldStart;
            break;
        }
        case State::FieldStart: {
            const char c = buf[m_pos];
            m_fieldStart = m_pos;
            if (m_quoting && c == m_quote) {
                m_state = State::Quoted;
                m_quoteDoubled = false;
                m_firstBreakInQuote = kNone;
                ++m_pos;
            } else if (c == m_delimiter) {
                addField(m_pos, m_pos);
                ++m_pos;
            } else if (c == '\n' || c == '\r') {
                addField(m_pos, m_pos);
                return endRecord(c);
            } else {
                m_state = State::Unquoted;
                ++m_pos;
            }
            break;
        }
        case State::Unquoted: {
            std::size_t p = m_pos;
            while (p < size && !m_unquotedStop[static_cast<unsigned char>(buf[p])])
                ++p;
            m_pos = p;
            if (p == size)
                break;
            addField(m_fieldStart, p);
            if (buf[p] == m_delimiter) {
                ++m_pos;
                m_state = State::FieldStart;
                break;
            }
            return endRecord(buf[p]);
        }
        case State::Quoted: {
            std::size_t p = m_pos;
            while (p < size && !m_quotedStop[static_cast<unsigned char>(buf[p])])
                ++p;
            m_pos = p;
            if (p == size)
                break;
            const char c = buf[p];
            ++m_pos;
            if (c == m_quote) {
                m_state = State::QuoteInQuoted;
                break;
            }
            // A line break inside the quotes: part of the value, but still a new physical line.
            if (m_firstBreakInQuote == kNone)
                m_firstBreakInQuote = p;
            if (c == '\r' || buf[p - 1] != '\r')
                ++m_line;
            break;
        }
        case State::QuoteInQuoted: {
            const char c = buf[m_pos];
            if (c == m_quote) {
                m_quoteDoubled = true;
                ++m_pos;
                m_state = State::Quoted;
                break;
            }
            addQuotedField(m_fieldStart + 1, m_pos - 1);
            if (c == m_delimiter) {
                ++m_pos;
                m_state = State::FieldStart;
                break;
            }
            if (c == '\n' || c == '\r')
                return endRecord(c);
            markBad(m_pos, ErrorCode::Parse,
                    "unexpected " + describeCharacter(m_input.text(), m_pos) +
                        " after the closing quote of a field; expected " + describeDelimiter(m_delimiter) +
                        " or the end of the line");
            m_state = State::SkipLine;
            break;
        }
        case State::SkipLine: {
            std::size_t p = m_pos;
            while (p < size && buf[p] != '\n' && buf[p] != '\r')
                ++p;
            m_pos = p;
            if (p == size)
                break;
            return endRecord(buf[p]);
        }
        }
    }
}

CsvReader::Status CsvReader::endRecord(char lineBreak) {
    const std::size_t end = m_pos;
    ++m_pos;
    ++m_line;
    m_state = lineBreak == '\r' ? State::AfterCR : State::RecordStart;
    return finishRecord(end);
}

CsvReader::Status CsvReader::atEndOfInput() {
    // A preview stops reading early: a record cut at that point is simply not shown.
    if (m_input.truncated() && m_state != State::RecordStart && m_state != State::AfterCR)
        return Status::End;
    switch (m_state) {
    case State::RecordStart:
    case State::AfterCR:
        return Status::End;
    case State::FieldStart: // the record ended with a delimiter: one more, empty field
        addField(m_pos, m_pos);
        break;
    case State::Unquoted:
        addField(m_fieldStart, m_pos);
        break;
    case State::QuoteInQuoted:
        addQuotedField(m_fieldStart + 1, m_pos - 1);
        break;
    case State::SkipLine:
        break;
    case State::Quoted:
        return unterminatedQuote("unterminated quoted field: the quote that opens it is never closed");
    }
    m_state = State::RecordStart;
    return finishRecord(m_pos);
}

CsvReader::Status CsvReader::unterminatedQuote(const std::string& message) {
    markBad(m_fieldStart, ErrorCode::Parse, message);
    std::size_t end = m_pos;
    m_state = State::RecordStart;
    // Resume on the line after the opening quote: a stray quote then costs one row, not the rest of the file.
    if (m_firstBreakInQuote != kNone) {
        end = m_firstBreakInQuote;
        m_line = locate(end).line + 1;
        m_pos = end + 1;
        if (m_input.data()[end] == '\r')
            m_state = State::AfterCR;
    }
    return finishRecord(end);
}

CsvReader::Status CsvReader::finishRecord(std::size_t end) {
    m_recordEnd = end;
    m_input.dropInvalidBefore(m_recordStart);
    const auto& invalid = m_input.invalid();
    if (!invalid.empty() && invalid.front().offset < end) {
        markBad(invalid.front().offset, ErrorCode::Encoding,
                invalidSequenceMessage(m_input.encoding(), invalid.front()));
        m_input.dropInvalidBefore(end);
    }
    return m_bad ? Status::BadRecord : Status::Record;
}

} // namespace bankbench::core
