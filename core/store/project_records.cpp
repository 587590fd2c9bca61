// Project's record reads: the queries behind the Data workspace table, export and the CLI.
#include "store/project.h"
#include "store/datasetrange.h"

#include "text/searchtext.h"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

namespace bankbench::core {

namespace {

constexpr size_t kIdsPerStatement = 500;

std::string placeholders(size_t count) {
    std::string out;
    out.reserve(count * 2);
    for (size_t i = 0; i < count; ++i)
        out += i ? ",?" : "?";
    return out;
}

/// Aborts a running statement when the token is set: SQLite polls this every few thousand VM steps.
class CancelScope {
public:
    CancelScope(Database& db, const CancelToken* token) : m_db(db) {
        if (token)
            sqlite3_progress_handler(m_db.handle(), 4000, &CancelScope::poll, const_cast<CancelToken*>(token));
    }
    ~CancelScope() { sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr); }

private:
    static int poll(void* token) { return static_cast<CancelToken*>(token)->isCancelled() ? 1 : 0; }
    Database& m_db;
};

Record readRecordRow(const Statement& stmt) {
    Record record;
    record.id = stmt.columnInt(0);
    record.datasetId = stmt.columnInt(1);
    record.sourceLine = stmt.columnInt(2);
    record.text = stmt.columnText(3);
    record.fields = nlohmann::json::parse(stmt.columnTextView(4), nullptr, false);
    if (!record.fields.is_array())
        record.fields = nlohmann::json::array();
    return record;
}

} // namespace

/// Fills each record's current labels and its text slot in `fields`, for records of any datasets.
static void completeRecords(Database& db, std::vector<Record>& records) {
    std::unordered_map<RecordId, Record*> byId;
    std::unordered_map<DatasetId, std::optional<size_t>> textIndex;
    for (auto& record : records) {
        byId.emplace(record.id, &record);
        textIndex.emplace(record.datasetId, std::nullopt);
    }
    for (auto& [datasetId, index] : textIndex) {
        auto stmt = db.prepare("SELECT columns_json, text_column FROM datasets WHERE id = ?1");
        stmt.bind(1, datasetId);
        if (!stmt.step())
            continue;
        const auto columns = nlohmann::json::parse(stmt.columnTextView(0), nullptr, false);
        const std::string textColumn = stmt.columnText(1);
        if (columns.is_array())
            for (size_t i = 0; i < columns.size(); ++i)
                if (columns[i].is_string() && columns[i].get_ref<const std::string&>() == textColumn)
                    index = i;
    }
    for (auto& record : records) {
        const auto& index = textIndex[record.datasetId];
        if (!index)
            continue;
        while (record.fields.size() <= *index)
            record.fields.push_back(nullptr);
        if (record.fields[*index].is_null())
            record.fields[*index] = record.text;
    }

    // Several annotators may each hold a current decision: the latest one (highest id) is shown.
    std::unordered_map<RecordId, std::int64_t> latestAnnotation;
    for (size_t start = 0; start < records.size(); start += kIdsPerStatement) {
        const size_t count = std::min(kIdsPerStatement, records.size() - start);
        auto stmt = db.prepare("SELECT a.record_id, coalesce(a.decision, a.id), l.name FROM annotations a "
                               "JOIN records r ON r.id = a.record_id "
                               "JOIN datasets d ON d.id = r.dataset_id AND d.label_set_id = a.label_set_id "
                               "JOIN labels l ON l.id = a.label_id "
                               "WHERE a.is_current = 1 AND a.status = 'accepted' AND a.record_id IN (" +
                               placeholders(count) + ") ORDER BY a.record_id, coalesce(a.decision, a.id), l.position");
        for (size_t i = 0; i < count; ++i)
            stmt.bind(static_cast<int>(i + 1), records[start + i].id);
        while (stmt.step()) {
            const RecordId recordId = stmt.columnInt(0);
            const std::int64_t annotationId = stmt.columnInt(1);  // the decision
            Record* record = byId[recordId];
            auto [it, inserted] = latestAnnotation.emplace(recordId, annotationId);
            if (!inserted && it->second != annotationId) {
                record->labels.clear();
                it->second = annotationId;
            }
            record->labels.push_back(stmt.columnText(2));
        }
    }
}

Result<std::vector<RecordId>> Project::queryRecordIds(const RecordQuery& query, const CancelToken* cancel) {
    try {
        auto info = dataset(query.datasetId);
        if (!info)
            return info.error();

        std::string sql = "SELECT r.id FROM records r ";
        const std::string match = searchQuery(query.search);
        sql += "WHERE " + recordsOfDataset("r", "?1") + " ";
        // IN, not JOIN: with a JOIN SQLite's planner ran the FTS match once per record (73 s on 1M rows).
        if (!match.empty())
            sql += "AND r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?2) ";
        const std::string current = "SELECT a.record_id FROM annotations a WHERE a.label_set_id = ?3 "
                                    "AND a.is_current = 1 AND a.status = 'accepted'";
        if (query.label)
            sql += "AND r.id IN (" + current +
                   " AND a.label_id = (SELECT id FROM labels WHERE label_set_id = ?3 AND name = ?4)) ";
        if (query.labelled == LabelledFilter::Labelled)
            sql += "AND r.id IN (" + current + ") ";
        else if (query.labelled == LabelledFilter::Unlabelled)
            sql += "AND r.id NOT IN (" + current + ") ";

        const char* direction = query.sortOrder == SortOrder::Descending ? " DESC" : "";
        std::string orderBy = "r.id";
        if (!query.sortColumn.empty()) {
            const auto& columns = info->columns;
            const auto column = std::find(columns.begin(), columns.end(), query.sortColumn);
            if (query.sortColumn == info->textColumn || (query.sortColumn == "text" && column == columns.end())) {
                orderBy = std::string("r.text") + direction + ", r.id";
            } else if (query.sortColumn == "@labels") {
                orderBy = "(SELECT MIN(l.name) FROM annotations a JOIN labels l ON l.id = a.label_id "
                          "WHERE a.record_id = r.id AND a.label_set_id = ?3 AND a.is_current = 1 "
                          "AND a.status = 'accepted')" +
                          std::string(direction) + ", r.id";
            } else if (query.sortColumn == "@line") {
                orderBy = std::string("r.source_line") + direction + ", r.id";
            } else if (column != columns.end()) {
                const auto index = std::distance(columns.begin(), column);
                orderBy = "json_extract(r.fields_json, '$[" + std::to_string(index) + "]')" + direction + ", r.id";
            } else {
                return Error{ErrorCode::InvalidArgument, "cannot sort by unknown column \"" + query.sortColumn + "\"", {}};
            }
        } else if (query.sortOrder == SortOrder::Descending) {
            orderBy = "r.id DESC";
        }
        sql += "ORDER BY " + orderBy;

        CancelScope scope(*m_db, cancel);
        auto stmt = m_db->prepare(sql);
        stmt.bind(1, query.datasetId);
        if (!match.empty())
            stmt.bind(2, match);
        if (sql.find("?3") != std::string::npos)
            stmt.bind(3, info->labelSetId.value_or(-1));
        if (query.label)
            stmt.bind(4, *query.label);
        std::vector<RecordId> ids;
        while (stmt.step())
            ids.push_back(stmt.columnInt(0));
        return ids;
    } catch (const DatabaseError& e) {
        if ((e.sqliteCode() & 0xff) == SQLITE_INTERRUPT)
            return Error{ErrorCode::Cancelled, "query cancelled", {}};
        return Error{ErrorCode::Database, e.what(), {path(), 0, 0}};
    }
}

Result<std::vector<Record>> Project::records(const std::vector<RecordId>& ids) {
    try {
        std::unordered_map<RecordId, Record> found;
        for (size_t start = 0; start < ids.size(); start += kIdsPerStatement) {
            const size_t count = std::min(kIdsPerStatement, ids.size() - start);
            auto stmt = m_db->prepare("SELECT id, dataset_id, source_line, text, fields_json FROM records WHERE id IN (" +
                                      placeholders(count) + ")");
            for (size_t i = 0; i < count; ++i)
                stmt.bind(static_cast<int>(i + 1), ids[start + i]);
            while (stmt.step()) {
                Record record = readRecordRow(stmt);
                found.emplace(record.id, std::move(record));
            }
        }
        std::vector<Record> ordered;
        ordered.reserve(found.size());
        for (const auto id : ids)
            if (auto it = found.find(id); it != found.end())
                ordered.push_back(it->second);
        completeRecords(*m_db, ordered);
        return ordered;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {path(), 0, 0}};
    }
}

Status Project::forEachRecord(DatasetId id, const std::function<bool(const Record&)>& visit, int batchSize) {
    try {
        auto stmt = m_db->prepare("SELECT id, dataset_id, source_line, text, fields_json FROM records "
                                  "WHERE " + recordsOfDatasetWithin("", "?1", "?2") + " ORDER BY id LIMIT ?3");
        RecordId after = 0;
        for (;;) {
            std::vector<Record> batch;
            stmt.bind(1, id).bind(2, after).bind(3, batchSize);
            while (stmt.step())
                batch.push_back(readRecordRow(stmt));
            stmt.reset();
            if (batch.empty())
                return {};
            after = batch.back().id;
            completeRecords(*m_db, batch);
            for (const auto& record : batch)
                if (!visit(record))
                    return Error{ErrorCode::Cancelled, "stopped", {}};
        }
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {path(), 0, 0}};
    }
}

Result<std::vector<LabelCount>> Project::labelCounts(DatasetId id) {
    try {
        auto info = dataset(id);
        if (!info)
            return info.error();
        std::vector<LabelCount> counts;
        if (!info->labelSetId)
            return counts;
        auto stmt = m_db->prepare(
            // One pass over the dataset's annotations, grouped: there is no index by label to probe.
            "SELECT l.name, COALESCE(c.n, 0) FROM labels l LEFT JOIN (SELECT a.label_id, COUNT(DISTINCT a.record_id) AS n "
            "  FROM annotations a WHERE a.label_set_id = ?1 "
            "  AND a.is_current = 1 AND a.status = 'accepted' AND " + annotationsOfDataset("a", "?2") +
            "  GROUP BY a.label_id) c ON c.label_id = l.id "
            "WHERE l.label_set_id = ?1 ORDER BY l.position, l.name");
        stmt.bind(1, *info->labelSetId).bind(2, id);
        while (stmt.step())
            counts.push_back({stmt.columnText(0), stmt.columnInt(1)});
        return counts;
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {path(), 0, 0}};
    }
}

} // namespace bankbench::core
