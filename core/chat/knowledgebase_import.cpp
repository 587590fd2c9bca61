// KnowledgeBase::importFile: FAQ question/answer pairs from CSV/TSV/JSONL through core/io's readers.
#include "chat/kbsavepoint.h"
#include "chat/knowledgebase.h"
#include "io/importsource.h"
#include "util/clock.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

namespace bankbench::core::chat {
namespace {

std::string trimmedCopy(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Index of the column named `wanted`, or of the first column with one of `defaults` as its name.
std::optional<std::size_t> findColumn(const std::vector<std::string>& columns, const std::string& wanted,
                                      std::initializer_list<const char*> defaults) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string name = lower(trimmedCopy(columns[i]));
        if (!wanted.empty()) {
            if (name == lower(wanted))
                return i;
            continue;
        }
        for (const char* d : defaults)
            if (name == d)
                return i;
    }
    return std::nullopt;
}

std::string fieldText(const nlohmann::json& fields, std::size_t index) {
    if (index >= fields.size() || fields[index].is_null())
        return {};
    const auto& v = fields[index];
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
}

struct PendingRow {
    std::string question, answer, source;
};

} // namespace

Result<KbImportReport> KnowledgeBase::importFile(const KbImportOptions& options, const CancelToken* cancel) {
    ImportOptions io;
    io.path = options.path;
    io.format = options.format;
    io.encoding = options.encoding;
    io.skipBadRows = options.skipBadRows;
    auto settings = resolveSource(io);
    if (!settings)
        return settings.error();
    auto opened = openRows(io, *settings);
    if (!opened)
        return opened.error();
    RowReader& reader = **opened;
    const std::string fileName = std::filesystem::path(options.path).filename().string();

    KbImportReport report;
    std::unordered_map<std::string, std::int64_t> existing; // question \x1f answer -> entry id
    try {
        if (auto bot = checkBot(); !bot)
            return bot.error();
        auto stmt =
            m_project.database().prepare("SELECT id, question, answer FROM kb_entries WHERE bot_id = ?1");
        stmt.bind(1, m_botId);
        while (stmt.step())
            existing.emplace(stmt.columnText(1) + '\x1f' + stmt.columnText(2), stmt.columnInt(0));
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }

    std::optional<std::size_t> qCol, aCol, sCol;
    auto resolveColumns = [&]() -> Status {
        const auto& columns = reader.columns();
        qCol = findColumn(columns, options.questionColumn, {"question", "q", "问题", "标准问", "query"});
        aCol = findColumn(columns, options.answerColumn, {"answer", "a", "答案", "回答", "response"});
        sCol = options.sourceColumn.empty() ? std::nullopt : findColumn(columns, options.sourceColumn, {});
        auto missing = [&](const std::string& what, const std::string& option) {
            return Error{ErrorCode::InvalidArgument,
                         "no " + what + " column" + (option.empty() ? "" : " named \"" + option + "\"") +
                             "; the columns are: " + joined(columns),
                         {options.path, 1, 0}};
        };
        if (!qCol)
            return missing("question", options.questionColumn);
        if (!aCol)
            return missing("answer", options.answerColumn);
        if (!options.sourceColumn.empty() && !sCol)
            return missing("source", options.sourceColumn);
        return {};
    };
    if (settings->format != InputFormat::Jsonl)
        if (auto status = resolveColumns(); !status)
            return status.error();

    std::vector<PendingRow> pending;
    std::unordered_map<std::string, std::int64_t> seenInFile; // key -> first line
    nlohmann::json fields;
    auto badRow = [&](std::int64_t line, std::int64_t column, const std::string& message) -> Status {
        if (!options.skipBadRows)
            return Error{ErrorCode::Parse, message, {options.path, line, column}};
        ++report.skipped;
        report.warnings.push_back({line, column, message + " (row skipped)"});
        return {};
    };
    for (;;) {
        if (cancel && cancel->isCancelled())
            return Error{ErrorCode::Cancelled, "knowledge-base import cancelled; nothing was added", {}};
        const auto status = reader.next(fields);
        for (auto& w : reader.warnings())
            report.warnings.push_back(std::move(w));
        reader.warnings().clear();
        if (status == RowReader::Status::End)
            break;
        if (status == RowReader::Status::Failed) {
            const auto& e = reader.error();
            return Error{e.code, e.message, {options.path, e.line, e.column}};
        }
        if (status == RowReader::Status::BadRow) {
            const auto& e = reader.error();
            if (auto s = badRow(e.line, e.column, e.message); !s)
                return s.error();
            continue;
        }
        if (!qCol)
            if (auto s = resolveColumns(); !s)
                return s.error();
        const std::int64_t line = reader.line();
        PendingRow row{trimmedCopy(fieldText(fields, *qCol)), trimmedCopy(fieldText(fields, *aCol)), {}};
        if (row.question.empty() || row.answer.empty()) {
            const std::string which = row.question.empty() ? "question" : "answer";
            const std::string column = reader.columns()[row.question.empty() ? *qCol : *aCol];
            if (auto s = badRow(line, 0, "empty " + which + " (column \"" + column + "\")"); !s)
                return s.error();
            continue;
        }
        row.source = sCol ? trimmedCopy(fieldText(fields, *sCol)) : fileName + ":" + std::to_string(line);
        const std::string key = row.question + '\x1f' + row.answer;
        if (auto it = seenInFile.find(key); it != seenInFile.end()) {
            ++report.duplicatesInFile;
            report.duplicates.push_back(
                {line, 0, "same question and answer as line " + std::to_string(it->second)});
            continue;
        }
        seenInFile.emplace(key, line);
        if (auto it = existing.find(key); it != existing.end()) {
            ++report.duplicatesExisting;
            report.duplicates.push_back(
                {line, 0, "already in the knowledge base as entry " + std::to_string(it->second)});
            continue;
        }
        pending.push_back(std::move(row));
    }
    if (!qCol) // a JSONL file whose lines were all bad
        if (auto s = resolveColumns(); !s)
            return s.error();

    try {
        KbSavepoint savepoint(m_project.database());
        const std::string now = nowIso8601();
        for (std::size_t i = 0; i < pending.size(); ++i) {
            if (cancel && (i % 256) == 0 && cancel->isCancelled())
                return Error{ErrorCode::Cancelled, "knowledge-base import cancelled; nothing was added", {}};
            insertRow(pending[i].question, pending[i].answer, pending[i].source, now);
        }
        savepoint.release();
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
    report.added = static_cast<std::int64_t>(pending.size());
    return report;
}

} // namespace bankbench::core::chat
