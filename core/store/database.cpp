#include "store/database.h"

#include "store/searchtokenizer.h"

#include "text/searchtext.h"

#include <sqlite3.h>

#include <filesystem>

namespace bankbench::core {

namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
    std::string message(context);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DatabaseError(std::move(message), rc);
}

void searchTextFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* raw = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    std::string body = searchBody(std::string_view(raw, static_cast<size_t>(size)));
    sqlite3_result_text(context, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
}

// Process-wide settings that must precede the first connection. Memory statistics make every SQLite
// allocation take a global mutex; nothing here reads them, and bulk imports allocate per row.
void configureSqliteOnce() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
}

} // namespace

Database::Database(const std::string& path, Mode mode) : m_path(path) {
    configureSqliteOnce();
    // A bulk import killed in rollback-journal mode (SqliteDatasetWriter) leaves a hot journal, which a
    // read-only connection cannot roll back (SQLITE_READONLY_ROLLBACK): recover through a writable one.
    if (mode == Mode::ReadOnly && std::filesystem::exists(path + "-journal")) {
        try {
            Database recovery(path, Mode::ReadWrite);
            recovery.exec("SELECT count(*) FROM sqlite_master");
        } catch (const DatabaseError&) {
            // No write access either: the read-only open below reports the problem.
        }
    }
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open project " + path + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(message, rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Readers and the import writer share the file; wait rather than fail on a brief lock.
    sqlite3_busy_timeout(m_db, 10000);
    // 16 KiB pages for new files (SQLite's default is 4 KiB): an import appends millions of rows and
    // search-index segments, and larger pages mean fewer page splits and write calls (~10% of an
    // import's writing CPU). Only an empty file takes it; it must come before WAL is switched on.
    if (mode == Mode::ReadWriteCreate)
        exec("PRAGMA page_size=16384");
    if (mode != Mode::ReadOnly)
        exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA synchronous=NORMAL");
    registerSearchTokenizer(m_db);
    sqlite3_create_function_v2(m_db, "bb_search_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               &searchTextFunction, nullptr, nullptr, nullptr);
}

Database::~Database() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

void Database::exec(std::string_view sql) {
    char* errorMessage = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &errorMessage);
    if (rc != SQLITE_OK) {
        std::string message = errorMessage ? errorMessage : sqlite3_errstr(rc);
        sqlite3_free(errorMessage);
        throw DatabaseError(message + " (in: " + text.substr(0, 80) + ")", rc);
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(m_db, sql); }

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

void Database::interrupt() { sqlite3_interrupt(m_db); }

Transaction::Transaction(Database& db, bool immediate) : m_db(db) {
    m_db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!m_done && m_db.inTransaction()) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const DatabaseError&) {
            // The connection already rolled back (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, "prepare failed for \"" + std::string(sql.substr(0, 80)) + "\"");
}

Statement::~Statement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) {
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindUnowned(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bindNull(index);
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_db, rc, "step");
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::columnDouble(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string_view Statement::columnTextView(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::string Statement::columnText(int column) const { return std::string(columnTextView(column)); }

std::optional<std::string> Statement::columnOptionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return columnText(column);
}

} // namespace bankbench::core
