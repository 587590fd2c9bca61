#include "store/project.h"

#include "store/datasetrange.h"

#include "store/datasetwriter_sqlite.h"
#include "store/schema.h"

#include <sqlite3.h>

#include <filesystem>

namespace bankbench::core {

namespace {

Error databaseError(const DatabaseError& e, const std::string& path) {
    return Error{ErrorCode::Database, e.what(), SourceLocation{path, 0, 0}};
}

bool hasAnyTable(Database& db) {
    auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1");
    return stmt.step();
}

int applicationId(Database& db) {
    auto stmt = db.prepare("PRAGMA application_id");
    return stmt.step() ? static_cast<int>(stmt.columnInt(0)) : 0;
}

std::vector<std::string> parseColumns(const std::string& json) {
    std::vector<std::string> columns;
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (parsed.is_array())
        for (const auto& c : parsed)
            if (c.is_string())
                columns.push_back(c.get<std::string>());
    return columns;
}

const std::string kDatasetColumns =
    "SELECT d.id, d.name, d.source_path, d.source_format, d.encoding, d.imported_at, d.columns_json, "
    "d.text_column, d.label_column, d.label_separator, d.label_set_id, d.row_count, "
    // Driven from the dataset's records (id range, store/datasetrange.h) rather than the label set's annotations: a label
    // set may serve several datasets, and this form is also ~2x faster on a million rows.
    "(SELECT COUNT(DISTINCT a.record_id) FROM annotations a WHERE a.label_set_id = d.label_set_id "
    "  AND a.is_current = 1 AND a.status = 'accepted' AND " + annotationsOfDataset("a", "d.id") + ") "
    "FROM datasets d ";

DatasetInfo readDataset(const Statement& stmt) {
    DatasetInfo info;
    info.id = stmt.columnInt(0);
    info.name = stmt.columnText(1);
    info.sourcePath = stmt.columnText(2);
    info.sourceFormat = stmt.columnText(3);
    info.encoding = stmt.columnText(4);
    info.importedAt = stmt.columnText(5);
    info.columns = parseColumns(stmt.columnText(6));
    info.textColumn = stmt.columnText(7);
    info.labelColumn = stmt.columnOptionalText(8);
    info.labelSeparator = stmt.columnOptionalText(9);
    if (!stmt.isNull(10))
        info.labelSetId = stmt.columnInt(10);
    info.rowCount = stmt.columnInt(11);
    info.labelledCount = stmt.columnInt(12);
    return info;
}

} // namespace

const char* labelSetKindName(LabelSetKind kind) {
    switch (kind) {
    case LabelSetKind::SingleLabel: return "single";
    case LabelSetKind::MultiLabel: return "multi";
    case LabelSetKind::Span: return "span";
    }
    return "single";
}

std::optional<LabelSetKind> labelSetKindFromName(const std::string& name) {
    if (name == "single")
        return LabelSetKind::SingleLabel;
    if (name == "multi")
        return LabelSetKind::MultiLabel;
    if (name == "span")
        return LabelSetKind::Span;
    return std::nullopt;
}

Project::Project(std::unique_ptr<Database> db) : m_db(std::move(db)) {}

Project::~Project() = default;

Result<std::unique_ptr<Project>> Project::create(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return Error{ErrorCode::AlreadyExists, "a file already exists at this path", {path, 0, 0}};
    try {
        auto db = std::make_unique<Database>(path, Database::Mode::ReadWriteCreate);
        migrate(*db);
        return std::unique_ptr<Project>(new Project(std::move(db)));
    } catch (const DatabaseError& e) {
        return databaseError(e, path);
    }
}

Result<std::unique_ptr<Project>> Project::open(const std::string& path, bool readOnly) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error{ErrorCode::NotFound, "no project file here (create one with `bankbench-cli init`)", {path, 0, 0}};
    try {
        auto db = std::make_unique<Database>(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        const int version = readSchemaVersion(*db);
        if (applicationId(*db) != kProjectApplicationId && (version == 0 && hasAnyTable(*db)))
            return Error{ErrorCode::InvalidArgument, "this SQLite file is not a Bankbench project", {path, 0, 0}};
        if (version > latestSchemaVersion())
            return Error{ErrorCode::SchemaTooNew,
                         "project uses schema version " + std::to_string(version) + " but this Bankbench reads up to " +
                             std::to_string(latestSchemaVersion()) + "; update Bankbench",
                         {path, 0, 0}};
        if (version < latestSchemaVersion()) {
            if (readOnly)
                return Error{ErrorCode::InvalidArgument,
                             "project needs an upgrade; open it once read-write to migrate it", {path, 0, 0}};
            migrate(*db);
        }
        return std::unique_ptr<Project>(new Project(std::move(db)));
    } catch (const DatabaseError& e) {
        if ((e.sqliteCode() & 0xff) == SQLITE_NOTADB)
            return Error{ErrorCode::InvalidArgument, "not a Bankbench project (not an SQLite database)", {path, 0, 0}};
        return databaseError(e, path);
    }
}

const std::string& Project::path() const { return m_db->path(); }

int Project::schemaVersion() {
    try {
        return readSchemaVersion(*m_db);
    } catch (const DatabaseError&) {
        return 0;
    }
}

Database& Project::database() { return *m_db; }

void Project::interrupt() { m_db->interrupt(); }

Result<std::vector<DatasetInfo>> Project::datasets() {
    try {
        std::vector<DatasetInfo> result;
        auto stmt = m_db->prepare(std::string(kDatasetColumns) + "ORDER BY d.id");
        while (stmt.step())
            result.push_back(readDataset(stmt));
        return result;
    } catch (const DatabaseError& e) {
        return databaseError(e, path());
    }
}

Result<DatasetInfo> Project::dataset(const std::string& name) {
    try {
        auto stmt = m_db->prepare(std::string(kDatasetColumns) + "WHERE d.name = ?1");
        stmt.bind(1, name);
        if (stmt.step())
            return readDataset(stmt);
        std::string available;
        auto names = m_db->prepare("SELECT name FROM datasets ORDER BY id");
        while (names.step())
            available += (available.empty() ? "" : ", ") + names.columnText(0);
        return Error{ErrorCode::NotFound,
                     "no dataset named \"" + name + "\"" +
                         (available.empty() ? " (the project has no datasets yet)" : " (available: " + available + ")"),
                     {path(), 0, 0}};
    } catch (const DatabaseError& e) {
        return databaseError(e, path());
    }
}

Result<DatasetInfo> Project::dataset(DatasetId id) {
    try {
        auto stmt = m_db->prepare(std::string(kDatasetColumns) + "WHERE d.id = ?1");
        stmt.bind(1, id);
        if (stmt.step())
            return readDataset(stmt);
        return Error{ErrorCode::NotFound, "no dataset with id " + std::to_string(id), {path(), 0, 0}};
    } catch (const DatabaseError& e) {
        return databaseError(e, path());
    }
}

Status Project::deleteDataset(DatasetId id) {
    try {
        Transaction transaction(*m_db);
        // The FTS index is contentless: deleting a row means handing back the exact text it indexed.
        m_db->prepare("INSERT INTO records_fts(records_fts, rowid, body) "
                      "SELECT 'delete', r.id, r.text FROM records r JOIN datasets d ON d.id = r.dataset_id "
                      "WHERE " + recordsOfDatasetWithin("r", "?1", {}, "d.fts_indexed_upto"))
            .bind(1, id)
            .run();
        std::optional<LabelSetId> labelSet;
        {
            auto stmt = m_db->prepare("SELECT label_set_id FROM datasets WHERE id = ?1");
            stmt.bind(1, id);
            if (!stmt.step())
                return Error{ErrorCode::NotFound, "no dataset with id " + std::to_string(id), {path(), 0, 0}};
            if (!stmt.isNull(0))
                labelSet = stmt.columnInt(0);
        }
        m_db->prepare("DELETE FROM records WHERE " + recordsOfDataset("", "?1")).bind(1, id).run();
        m_db->prepare("DELETE FROM datasets WHERE id = ?1").bind(1, id).run();
        if (labelSet)
            m_db->prepare("DELETE FROM label_sets WHERE id = ?1 AND NOT EXISTS "
                          "(SELECT 1 FROM datasets WHERE label_set_id = ?1) AND NOT EXISTS "
                          "(SELECT 1 FROM annotations WHERE label_set_id = ?1)")
                .bind(1, *labelSet)
                .run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, path());
    }
}

Status Project::renameDataset(DatasetId id, const std::string& newName) {
    if (newName.empty())
        return Error{ErrorCode::InvalidArgument, "a dataset name cannot be empty", {}};
    try {
        auto exists = m_db->prepare("SELECT 1 FROM datasets WHERE name = ?1 AND id <> ?2");
        exists.bind(1, newName).bind(2, id);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists, "a dataset named \"" + newName + "\" already exists", {path(), 0, 0}};
        m_db->prepare("UPDATE datasets SET name = ?1 WHERE id = ?2").bind(1, newName).bind(2, id).run();
        if (m_db->changes() == 0)
            return Error{ErrorCode::NotFound, "no dataset with id " + std::to_string(id), {path(), 0, 0}};
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, path());
    }
}

Result<std::unique_ptr<DatasetWriter>> Project::beginDataset(const DatasetInfo& info, LabelSetKind labelKind,
                                                            const std::string& annotator, BulkJournal journal,
                                                            SearchIndexing indexing) {
    try {
        return SqliteDatasetWriter::begin(*m_db, info, labelKind, annotator,
                                          journal == BulkJournal::RollbackIfAlone,
                                          indexing == SearchIndexing::WithRecords);
    } catch (const DatabaseError& e) {
        return databaseError(e, path());
    }
}

} // namespace bankbench::core
