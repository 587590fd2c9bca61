#include "io/csvsniffer.h"

#include "io/columnsuggest.h"
#include "io/csvreader.h"
#include "io/textinput.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace bankbench::core {

namespace {

constexpr std::size_t kSniffRecords = 100;

struct Trial {
    double consistency = 0; // share of records with the most common field count (when that is > 1)
    int badRecords = 0;
    std::vector<std::vector<std::string>> rows;
};

Trial tryDialect(std::string_view text, char delimiter, char quote) {
    Trial trial;
    auto input = TextInput::fromBytes(std::string(text), "utf-8", text.size() + 1);
    if (!input)
        return trial;
    CsvReader reader(**input, CsvDialect{delimiter, quote, true});
    std::map<std::size_t, int> countOf;
    int records = 0;
    bool lastBad = false;
    while (records < static_cast<int>(kSniffRecords)) {
        const auto status = reader.next();
        if (status == CsvReader::Status::End || status == CsvReader::Status::Failed)
            break;
        ++records;
        lastBad = status == CsvReader::Status::BadRecord;
        if (lastBad) {
            ++trial.badRecords;
            continue;
        }
        ++countOf[reader.fieldCount()];
        std::vector<std::string> row;
        for (std::size_t i = 0; i < reader.fieldCount(); ++i)
            row.emplace_back(reader.field(i));
        trial.rows.push_back(std::move(row));
    }
    // The head sample ends at an arbitrary line: a quoted value running past it is not evidence.
    if (lastBad) {
        --trial.badRecords;
        --records;
    }
    std::size_t modeCount = 0;
    int modeFrequency = 0;
    for (const auto& [count, frequency] : countOf)
        if (frequency > modeFrequency)
            modeCount = count, modeFrequency = frequency;
    if (records > 0 && modeCount > 1)
        trial.consistency = static_cast<double>(modeFrequency) / records;
    return trial;
}

bool isNumber(const std::string& s) {
    if (s.empty())
        return false;
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
}

std::int64_t characters(const std::string& s) {
    std::int64_t count = 0;
    for (const char c : s)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// Evidence, per column, that the first row names the column rather than holding a value.
int headerVote(const std::string& name, const std::vector<const std::string*>& values) {
    if (name.empty())
        return -1;
    if (isNumber(name))
        return -2;
    if (isCommonColumnName(name))
        return 2;
    int numeric = 0;
    int nonEmpty = 0;
    std::int64_t totalLength = 0;
    bool sameLength = true;
    bool nameRepeats = false;
    for (const auto* value : values) {
        if (value->empty())
            continue;
        ++nonEmpty;
        numeric += isNumber(*value);
        totalLength += characters(*value);
        sameLength = sameLength && characters(*value) == characters(*values.front());
        nameRepeats = nameRepeats || *value == name;
    }
    if (nonEmpty == 0)
        return 0;
    if (numeric * 5 >= nonEmpty * 4)
        return 1; // a word over numbers
    if (nameRepeats)
        return -1; // a header name is rarely also a value of its column
    const double average = static_cast<double>(totalLength) / nonEmpty;
    const auto length = characters(name);
    if (average >= 8 && length * 3 < average)
        return 1; // a short name over long text
    if (length >= 6 && length * 2 >= average)
        return -1; // as long as the text below it: more likely a first message than a name
    if (sameLength && nonEmpty >= 3 && length != characters(*values.front()))
        return 1; // fixed-width codes under a name of another width
    return 0;
}

} // namespace

bool looksLikeHeader(const std::vector<std::vector<std::string>>& rows) {
    if (rows.size() < 2)
        return true;
    const auto& first = rows.front();
    int score = 0;
    for (std::size_t column = 0; column < first.size(); ++column) {
        std::vector<const std::string*> values;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (column < rows[r].size())
                values.push_back(&rows[r][column]);
        score += headerVote(first[column], values);
    }
    return score >= 0;
}

CsvDialect sniffDialect(std::string_view headText, char preferred, std::optional<char> forcedDelimiter,
                        std::optional<char> forcedQuote, std::optional<bool> forcedHeader) {
    const char quote = forcedQuote.value_or('"');
    char delimiter = forcedDelimiter.value_or(preferred);
    Trial best;
    if (forcedDelimiter) {
        best = tryDialect(headText, delimiter, quote);
    } else {
        std::vector<char> candidates{preferred};
        for (const char c : {',', '\t', ';', '|'})
            if (c != preferred)
                candidates.push_back(c);
        best.consistency = -1;
        for (const char candidate : candidates) {
            Trial trial = tryDialect(headText, candidate, quote);
            if (trial.consistency > best.consistency) {
                delimiter = candidate;
                best = std::move(trial);
            }
        }
        if (best.consistency <= 0)
            delimiter = preferred; // one column, or nothing consistent: keep the expected delimiter
    }
    CsvDialect dialect{delimiter, quote, true};
    if (!forcedQuote && delimiter == '\t' && best.badRecords > 0) {
        // Plain TSV exports put quotes inside values without quoting them: read them literally. CSV
        // always quotes (RFC 4180), so there a stray quote is an error to report, not a dialect.
        Trial literal = tryDialect(headText, delimiter, '\0');
        if (literal.badRecords == 0 && literal.consistency >= best.consistency) {
            dialect.quote = '\0';
            best = std::move(literal);
        }
    }
    dialect.hasHeader = forcedHeader.value_or(looksLikeHeader(best.rows));
    return dialect;
}

} // namespace bankbench::core
