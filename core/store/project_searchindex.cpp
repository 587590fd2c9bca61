// Project's full-text index upkeep: built after import in small committed batches (see project.h).
#include "store/project.h"

#include <sqlite3.h>

namespace bankbench::core {

Result<SearchIndexStatus> Project::searchIndexStatus(DatasetId id) {
    try {
        auto stmt = m_db->prepare("SELECT (SELECT COUNT(*) FROM records r WHERE r.dataset_id = d.id "
                                  "AND r.id <= d.fts_indexed_upto), d.row_count FROM datasets d WHERE d.id = ?1");
        stmt.bind(1, id);
        if (!stmt.step())
            return Error{ErrorCode::NotFound, "no dataset with id " + std::to_string(id), {path(), 0, 0}};
        return SearchIndexStatus{stmt.columnInt(0), stmt.columnInt(1)};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {path(), 0, 0}};
    }
}

Result<std::int64_t> Project::buildSearchIndex(const std::function<void(std::int64_t, std::int64_t)>& progress,
                                               const CancelToken* cancel, int batchSize) {
    try {
        struct Pending {
            DatasetId id;
            RecordId upto;
        };
        std::vector<Pending> pending;
        std::int64_t total = 0;
        {
            auto stmt = m_db->prepare("SELECT d.id, d.fts_indexed_upto, (SELECT COUNT(*) FROM records r "
                                      "WHERE r.dataset_id = d.id AND r.id > d.fts_indexed_upto) FROM datasets d "
                                      "ORDER BY d.id");
            while (stmt.step()) {
                if (stmt.columnInt(2) == 0)
                    continue;
                pending.push_back({stmt.columnInt(0), stmt.columnInt(1)});
                total += stmt.columnInt(2);
            }
        }
        std::int64_t done = 0;
        auto insert = m_db->prepare("INSERT INTO records_fts(rowid, body) SELECT id, bb_search_text(text) FROM records "
                                    "WHERE dataset_id = ?1 AND id > ?2 AND id <= ?3");
        auto batchEnd = m_db->prepare("SELECT MAX(id), COUNT(*) FROM (SELECT id FROM records WHERE dataset_id = ?1 "
                                      "AND id > ?2 ORDER BY id LIMIT ?3)");
        auto mark = m_db->prepare("UPDATE datasets SET fts_indexed_upto = ?1 WHERE id = ?2");
        for (auto& dataset : pending) {
            for (;;) {
                if (cancel && cancel->isCancelled())
                    return Error{ErrorCode::Cancelled, "search indexing stopped; it resumes next time", {}};
                batchEnd.bind(1, dataset.id).bind(2, dataset.upto).bind(3, batchSize);
                batchEnd.step();
                const std::int64_t count = batchEnd.columnInt(1);
                const RecordId end = batchEnd.columnInt(0);
                batchEnd.reset();
                if (count == 0)
                    break;
                Transaction transaction(*m_db);
                insert.bind(1, dataset.id).bind(2, dataset.upto).bind(3, end);
                insert.run();
                mark.bind(1, end).bind(2, dataset.id);
                mark.run();
                transaction.commit();
                dataset.upto = end;
                done += count;
                if (progress)
                    progress(done, total);
            }
        }
        return done;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {path(), 0, 0}};
    }
}

} // namespace bankbench::core
