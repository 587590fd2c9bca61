#pragma once

// Internal to the knowledge base: a SAVEPOINT that nests inside a caller's transaction (Transaction does
// not).

#include "store/database.h"

namespace bankbench::core::chat {

/// Rolls back to the savepoint unless release() was called. Throws DatabaseError like Database does.
class KbSavepoint {
public:
    explicit KbSavepoint(Database& db) : m_db(db) { m_db.exec("SAVEPOINT kb_write"); }
    KbSavepoint(const KbSavepoint&) = delete;
    KbSavepoint& operator=(const KbSavepoint&) = delete;
    ~KbSavepoint() {
        if (m_done)
            return;
        try {
            m_db.exec("ROLLBACK TO kb_write");
            m_db.exec("RELEASE kb_write");
        } catch (const DatabaseError&) {
            // The connection already rolled back everything (e.g. after SQLITE_FULL).
        }
    }
    void release() {
        m_db.exec("RELEASE kb_write");
        m_done = true;
    }

private:
    Database& m_db;
    bool m_done = false;
};

} // namespace bankbench::core::chat
