#include "store/datasetwriter_sqlite.h"

#include "store/datasetrange.h"
#include "store/recordfields.h"

#include "util/clock.h"

#include <sqlite3.h>

#include <algorithm>

namespace bankbench::core {

namespace {

std::string uniqueLabelSetName(Database& db, const std::string& base) {
    auto exists = db.prepare("SELECT 1 FROM label_sets WHERE name = ?1");
    std::string candidate = base;
    for (int suffix = 2;; ++suffix) {
        exists.bind(1, candidate);
        const bool taken = exists.step();
        exists.reset();
        if (!taken)
            return candidate;
        candidate = base + " (" + std::to_string(suffix) + ")";
    }
}

} // namespace

Result<std::unique_ptr<DatasetWriter>> SqliteDatasetWriter::begin(Database& db, const DatasetInfo& info,
                                                                 LabelSetKind labelKind, const std::string& annotator,
                                                                 bool rollbackIfAlone, bool indexForSearch) {
    if (info.name.empty())
        return Error{ErrorCode::InvalidArgument, "a dataset needs a name", {}};
    if (info.textColumn.empty())
        return Error{ErrorCode::InvalidArgument, "a dataset needs a text column", {}};

    auto writer = std::unique_ptr<SqliteDatasetWriter>();
    auto bulkWriteMode = std::make_unique<BulkWriteMode>(db, rollbackIfAlone);
    // The transaction is opened before the name check so that no other writer can take the name between.
    Transaction transaction(db);
    {
        auto exists = db.prepare("SELECT 1 FROM datasets WHERE name = ?1");
        exists.bind(1, info.name);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "a dataset named \"" + info.name + "\" already exists; choose another name", {db.path(), 0, 0}};
    }
    const std::string now = nowIso8601();
    std::optional<LabelSetId> labelSetId;
    if (info.labelColumn) {
        db.prepare("INSERT INTO label_sets(name, kind, created_at) VALUES(?1, ?2, ?3)")
            .bind(1, uniqueLabelSetName(db, info.name))
            .bind(2, labelSetKindName(labelKind))
            .bind(3, now)
            .run();
        labelSetId = db.lastInsertRowId();
    }
    auto insert = db.prepare("INSERT INTO datasets(name, source_path, source_format, encoding, imported_at, "
                             "columns_json, text_column, label_column, label_separator, label_set_id, row_count) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)");
    if (labelSetId)
        insert.bind(10, *labelSetId);
    insert.bind(1, info.name)
        .bind(2, info.sourcePath)
        .bind(3, info.sourceFormat)
        .bind(4, info.encoding)
        .bind(5, info.importedAt.empty() ? now : info.importedAt)
        .bind(6, nlohmann::json(info.columns).dump())
        .bind(7, info.textColumn)
        .bind(8, info.labelColumn)
        .bind(9, info.labelSeparator)
        .run();
    const DatasetId datasetId = db.lastInsertRowId();
    writer.reset(new SqliteDatasetWriter(db, std::move(bulkWriteMode), datasetId, labelSetId, info.columns, info.textColumn, annotator,
                                         indexForSearch));
    writer->m_transaction.emplace(std::move(transaction));
    writer->m_createdAt = now;
    return std::unique_ptr<DatasetWriter>(std::move(writer));
}

namespace {

constexpr int kBusyTimeoutMs = 10000; // as Database sets it

/// "PREFIX(?,?),(?,?)..." with `rows` groups of `columns` parameters.
std::string multiRowInsert(const std::string& prefix, int columns, std::size_t rows) {
    std::string group = "(";
    for (int c = 0; c < columns; ++c)
        group += c ? ",?" : "?";
    group += ")";
    std::string sql = prefix;
    for (std::size_t r = 0; r < rows; ++r)
        sql += (r ? "," : "") + group;
    return sql;
}
constexpr int kBulkCacheKiB = 64 * 1024;
constexpr int kDefaultCacheKiB = 2000; // SQLite's default (cache_size = -2000)

std::string pragmaValue(Database& db, const std::string& pragma) {
    auto statement = db.prepare("PRAGMA " + pragma);
    return statement.step() ? statement.columnText(0) : std::string();
}

} // namespace

SqliteDatasetWriter::BulkWriteMode::BulkWriteMode(Database& db, bool rollbackIfAlone) : m_db(db) {
    m_db.exec("PRAGMA foreign_keys=OFF");
    m_db.exec("PRAGMA cache_size=-" + std::to_string(kBulkCacheKiB));
    if (!rollbackIfAlone)
        return;
    // Leaving WAL needs every other connection closed; fail at once rather than wait for them.
    sqlite3_busy_timeout(m_db.handle(), 0);
    try {
        m_rollbackJournal = pragmaValue(m_db, "journal_mode=DELETE") == "delete";
    } catch (const DatabaseError&) {
        m_rollbackJournal = false; // another connection is open: stay in WAL
    }
    sqlite3_busy_timeout(m_db.handle(), kBusyTimeoutMs);
    if (m_rollbackJournal)
        m_db.exec("PRAGMA synchronous=FULL");
}

SqliteDatasetWriter::BulkWriteMode::~BulkWriteMode() {
    // Each restore on its own: one failing must not skip the others.
    const auto attempt = [this](const std::string& sql) {
        try {
            m_db.exec(sql);
        } catch (const DatabaseError&) {
            // Only fails while a transaction is open (ended by now) or, for WAL, while another connection
            // has appeared: Database::open sets WAL again on the next open.
        }
    };
    attempt("PRAGMA foreign_keys=ON");
    attempt("PRAGMA cache_size=-" + std::to_string(kDefaultCacheKiB));
    if (m_rollbackJournal) {
        attempt("PRAGMA synchronous=NORMAL");
        sqlite3_busy_timeout(m_db.handle(), 0);
        attempt("PRAGMA journal_mode=WAL");
        sqlite3_busy_timeout(m_db.handle(), kBusyTimeoutMs);
    }
}

SqliteDatasetWriter::SqliteDatasetWriter(Database& db, std::unique_ptr<BulkWriteMode> bulkWriteMode, DatasetId datasetId, std::optional<LabelSetId> labelSetId,
                                         std::vector<std::string> columns, std::string textColumn, std::string annotator,
                                         bool indexForSearch)
    : m_db(db), m_bulkWriteMode(std::move(bulkWriteMode)), m_datasetId(datasetId), m_labelSetId(labelSetId), m_columns(std::move(columns)),
      m_textColumn(std::move(textColumn)), m_annotator(std::move(annotator)),
      m_insertRecord(db.prepare("INSERT INTO records(dataset_id, source_line, text, fields_json) VALUES(?1, ?2, ?3, ?4)")),
      // OR FAIL: a multi-row INSERT that may abort runs in a statement savepoint, and at every savepoint
      // FTS5 flushes the search index's pending terms (2.5x slower imports). A failed row fails the
      // whole import anyway, and the import's transaction rolls everything back.
      m_insertRecords(db.prepare(multiRowInsert("INSERT OR FAIL INTO records(dataset_id, source_line, text, fields_json) VALUES",
                                                4, kRowsPerStatement))),
      m_insertAnnotation(db.prepare("INSERT INTO annotations(record_id, label_set_id, label_id, decision, annotator, "
                                    "created_at, status) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'accepted')")),
      m_insertLabel(db.prepare("INSERT INTO labels(label_set_id, name, position) VALUES(?1, ?2, ?3)")) {
    if (indexForSearch)
        m_insertSearchBody.emplace(db.prepare("INSERT INTO records_fts(rowid, body) VALUES(?1, ?2)"));
    refreshTextColumnIndex();
}

SqliteDatasetWriter::~SqliteDatasetWriter() = default;

void SqliteDatasetWriter::refreshTextColumnIndex() {
    m_textColumnIndex.reset();
    for (size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i] == m_textColumn)
            m_textColumnIndex = i;
}

void SqliteDatasetWriter::setColumns(const std::vector<std::string>& columns) {
    m_columns = columns;
    refreshTextColumnIndex();
}

std::int64_t SqliteDatasetWriter::labelId(const std::string& name) {
    if (auto it = m_labelIds.find(name); it != m_labelIds.end())
        return it->second;
    m_insertLabel.bind(1, *m_labelSetId).bind(2, name).bind(3, static_cast<std::int64_t>(m_labelIds.size()));
    m_insertLabel.run();
    const auto id = m_db.lastInsertRowId();
    m_labelIds.emplace(name, id);
    return id;
}

const std::string& SqliteDatasetWriter::fieldsJsonOf(const NewRecord& record, std::string& buffer) const {
    if (!record.fieldsJson.empty())
        return record.fieldsJson;
    serializeRecordFields(record.fields, m_textColumnIndex, record.text, buffer);
    return buffer;
}

void SqliteDatasetWriter::noteWritten(RecordId first, RecordId last, std::int64_t rows) {
    if (!m_firstRecordId)
        m_firstRecordId = first;
    m_lastRecordId = last;
    m_rows += rows;
}

// One row per distinct label; later rows of a decision point at its first row (NULL = itself).
void SqliteDatasetWriter::addAnnotations(RecordId recordId, const NewRecord& record) {
    if (!m_labelSetId)
        return;
    std::optional<std::int64_t> decision;
    for (size_t i = 0; i < record.labels.size(); ++i) {
        const auto& label = record.labels[i];
        if (label.empty() ||
            std::find(record.labels.begin(), record.labels.begin() + i, label) != record.labels.begin() + i)
            continue;
        m_insertAnnotation.bind(1, recordId).bind(2, *m_labelSetId).bind(3, labelId(label));
        if (decision)
            m_insertAnnotation.bind(4, *decision);
        m_insertAnnotation.bindUnowned(5, m_annotator).bindUnowned(6, m_createdAt);
        m_insertAnnotation.run();
        if (!decision)
            decision = m_db.lastInsertRowId();
    }
}

Status SqliteDatasetWriter::add(const NewRecord& record) {
    if (m_committed)
        return Error{ErrorCode::InvalidArgument, "dataset already committed", {}};
    try {
        m_insertRecord.bind(1, m_datasetId)
            .bind(2, record.sourceLine)
            .bindUnowned(3, record.text)
            .bindUnowned(4, fieldsJsonOf(record, m_fieldsBuffer));
        m_insertRecord.run();
        const auto recordId = m_db.lastInsertRowId();
        if (m_insertSearchBody) {
            m_insertSearchBody->bind(1, recordId).bindUnowned(2, record.text);
            m_insertSearchBody->run();
        }
        addAnnotations(recordId, record);
        noteWritten(recordId, recordId, 1);
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_db.path(), 0, 0}};
    }
}

Status SqliteDatasetWriter::addAll(std::span<const NewRecord* const> records) {
    if (m_committed)
        return Error{ErrorCode::InvalidArgument, "dataset already committed", {}};
    try {
        while (records.size() >= kRowsPerStatement) {
            const auto group = records.first(kRowsPerStatement);
            for (std::size_t i = 0; i < group.size(); ++i) {
                const int at = static_cast<int>(i) * 4;
                m_insertRecords.bind(at + 1, m_datasetId)
                    .bind(at + 2, group[i]->sourceLine)
                    .bindUnowned(at + 3, group[i]->text)
                    .bindUnowned(at + 4, fieldsJsonOf(*group[i], m_groupFieldsBuffers[i]));
            }
            m_insertRecords.run();
            // A multi-row INSERT gives an INTEGER PRIMARY KEY table consecutive ids (each new row takes the
            // largest id + 1), and nothing else writes inside this transaction.
            const RecordId last = m_db.lastInsertRowId();
            const RecordId first = last - static_cast<RecordId>(group.size()) + 1;
            // The search index takes one row per statement: a multi-row INSERT into the virtual table
            // runs in a statement savepoint, which makes FTS5 flush its pending terms (see above).
            if (m_insertSearchBody) {
                for (std::size_t i = 0; i < group.size(); ++i) {
                    m_insertSearchBody->bind(1, first + static_cast<RecordId>(i)).bindUnowned(2, group[i]->text);
                    m_insertSearchBody->run();
                }
            }
            for (std::size_t i = 0; i < group.size(); ++i)
                addAnnotations(first + static_cast<RecordId>(i), *group[i]);
            noteWritten(first, last, static_cast<std::int64_t>(group.size()));
            records = records.subspan(kRowsPerStatement);
        }
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_db.path(), 0, 0}};
    }
    for (const NewRecord* record : records)
        if (auto added = add(*record); !added)
            return added;
    return {};
}

Status SqliteDatasetWriter::commit() {
    if (m_committed)
        return {};
    try {
        m_db.prepare("UPDATE datasets SET row_count = ?1, columns_json = ?2 WHERE id = ?3")
            .bind(1, m_rows)
            .bind(2, nlohmann::json(m_columns).dump())
            .bind(3, m_datasetId)
            .run();
        if (m_firstRecordId)
            extendDatasetRecordRange(m_db, m_datasetId, *m_firstRecordId, m_lastRecordId);
        if (m_insertSearchBody && m_firstRecordId)
            m_db.prepare("UPDATE datasets SET fts_indexed_upto = ?1 WHERE id = ?2").bind(1, m_lastRecordId).bind(2, m_datasetId).run();
        m_transaction->commit();
        m_committed = true;
        m_transaction.reset();
        m_bulkWriteMode.reset();
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_db.path(), 0, 0}};
    }
}

} // namespace bankbench::core
