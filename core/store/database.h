#pragma once

#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace bankbench::core {

/// Thrown by Database/Statement on SQLite failures; Project converts it into a Result at its API edge.
class DatabaseError : public std::exception {
public:
    DatabaseError(std::string message, int sqliteCode) : m_message(std::move(message)), m_code(sqliteCode) {}
    const char* what() const noexcept override { return m_message.c_str(); }
    int sqliteCode() const { return m_code; }

private:
    std::string m_message;
    int m_code;
};

class Statement;

/// One SQLite connection. Not thread-safe: use one Database per thread (STYLE.md).
/// Opening sets WAL, foreign keys and a busy timeout, and registers bb_search_text().
class Database {
public:
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    explicit Database(const std::string& path, Mode mode = Mode::ReadWriteCreate);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }
    /// Asks a running statement on this connection to stop (safe from another thread).
    void interrupt();

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
};

/// RAII transaction: rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db, bool immediate = true);
    Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_done(other.m_done) { other.m_done = true; }
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

/// A prepared statement. bind() indexes are 1-based as in SQLite; column() indexes are 0-based.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    /// Binds without copying: SQLite reads `value` in place, so it must stay unchanged until the statement
    /// is reset (run() resets). For bulk writes, where the copy is a malloc and a memcpy per value.
    Statement& bindUnowned(int index, std::string_view value);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& value);

    /// Advances to the next row; false when done.
    bool step();
    /// Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::string_view columnTextView(int column) const;
    std::optional<std::string> columnOptionalText(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

} // namespace bankbench::core
