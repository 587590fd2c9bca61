// Project's full-text index upkeep for records no import indexed, in small committed batches (see project.h).
#include "store/project.h"

#include "store/datasetrange.h"

#include <sqlite3.h>

#include <algorithm>

namespace bankbench::core {

namespace {

// A dataset whose range holds only its own records (the usual case: nothing appended after a later
// import) counts its records by arithmetic; otherwise by reading them, which costs a pass over its rows.
const char* const kContiguous = "d.last_record_id - d.first_record_id + 1 = d.row_count";

} // namespace

Result<SearchIndexStatus> Project::searchIndexStatus(DatasetId id) {
    try {
        auto stmt = m_db->prepare(std::string("SELECT CASE WHEN ") + kContiguous +
                                  " THEN MAX(0, MIN(d.fts_indexed_upto, d.last_record_id) - d.first_record_id + 1) "
                                  "ELSE (SELECT COUNT(*) FROM records r WHERE " +
                                  recordsOfDatasetWithin("r", "d.id", {}, "d.fts_indexed_upto") +
                                  ") END, d.row_count FROM datasets d WHERE d.id = ?1");
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
            RecordId upto; ///< indexed up to here
            RecordId last; ///< the dataset's last record
        };
        std::vector<Pending> pending;
        std::int64_t total = 0;
        {
            auto stmt = m_db->prepare(std::string("SELECT d.id, MAX(d.fts_indexed_upto, d.first_record_id - 1), "
                                                  "d.last_record_id, CASE WHEN ") +
                                      kContiguous + " THEN d.last_record_id - MAX(d.fts_indexed_upto, d.first_record_id - 1) "
                                      "ELSE (SELECT COUNT(*) FROM records r WHERE " +
                                      recordsOfDatasetWithin("r", "d.id", "d.fts_indexed_upto") +
                                      ") END FROM datasets d WHERE d.last_record_id IS NOT NULL ORDER BY d.id");
            while (stmt.step()) {
                if (stmt.columnInt(3) <= 0)
                    continue;
                pending.push_back({stmt.columnInt(0), stmt.columnInt(1), stmt.columnInt(2)});
                total += stmt.columnInt(3);
            }
        }
        std::int64_t done = 0;
        // Batches are id ranges: finding "the next N records" would read each row twice.
        auto insert = m_db->prepare("INSERT INTO records_fts(rowid, body) SELECT id, text FROM records "
                                    "WHERE dataset_id = ?1 AND id > ?2 AND id <= ?3");
        auto mark = m_db->prepare("UPDATE datasets SET fts_indexed_upto = ?1 WHERE id = ?2");
        for (auto& dataset : pending) {
            while (dataset.upto < dataset.last) {
                if (cancel && cancel->isCancelled())
                    return Error{ErrorCode::Cancelled, "search indexing stopped; it resumes next time", {}};
                const RecordId end = std::min<RecordId>(dataset.upto + batchSize, dataset.last);
                Transaction transaction(*m_db);
                insert.bind(1, dataset.id).bind(2, dataset.upto).bind(3, end);
                insert.run();
                const std::int64_t count = m_db->changes();
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
