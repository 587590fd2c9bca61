#pragma once

#include "store/database.h"
#include "store/records.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace bankbench::core {

class DatasetWriter;

/// A Bankbench project: one SQLite file (*.bbproj). Each Project object owns one connection and must be
/// used from one thread at a time; open one Project per thread (GUI reader, loader, import worker).
/// Errors are returned as Result/Status; nothing here throws to the caller.
class Project {
public:
    /// Creates a new project file (fails with AlreadyExists if it exists) and migrates it to the latest schema.
    static Result<std::unique_ptr<Project>> create(const std::string& path);
    /// Opens an existing project, migrating older schemas stepwise. ReadOnly connections never migrate.
    static Result<std::unique_ptr<Project>> open(const std::string& path, bool readOnly = false);

    const std::string& path() const;
    int schemaVersion();

    Result<std::vector<DatasetInfo>> datasets();
    Result<DatasetInfo> dataset(const std::string& name);
    Result<DatasetInfo> dataset(DatasetId id);
    Status deleteDataset(DatasetId id);
    Status renameDataset(DatasetId id, const std::string& newName);

    /// Ids of the records matching `query`, in display order. Cancellable between steps (long sorts).
    Result<std::vector<RecordId>> queryRecordIds(const RecordQuery& query, const CancelToken* cancel = nullptr);
    /// Records by id, returned in the order of `ids`; unknown ids are omitted.
    Result<std::vector<Record>> records(const std::vector<RecordId>& ids);
    /// Streams a dataset's records in import order, `batchSize` at a time (keyset pagination).
    Status forEachRecord(DatasetId id, const std::function<bool(const Record&)>& visit, int batchSize = 2000);
    Result<std::vector<LabelCount>> labelCounts(DatasetId id);

    /// An import indexes its records for search in its own transaction (SearchIndexing::WithRecords).
    /// Records written without (SearchIndexing::Later, records appended later, projects whose index a
    /// migration rebuilt) are indexed by buildSearchIndex in resumable batches, each its own transaction,
    /// so a killed indexer loses nothing.
    Result<SearchIndexStatus> searchIndexStatus(DatasetId id);
    /// Indexes every record not yet indexed, in every dataset. `progress(indexed, total)` after each batch.
    /// Returns the number of records indexed; ErrorCode::Cancelled when stopped (work so far is kept).
    Result<std::int64_t> buildSearchIndex(const std::function<void(std::int64_t, std::int64_t)>& progress = {},
                                          const CancelToken* cancel = nullptr, int batchSize = 20000);

    /// How a bulk write may use the file.
    enum class BulkJournal {
        Wal,           ///< stay in WAL: other connections keep reading throughout (the GUI)
        RollbackIfAlone, ///< a rollback journal when no other connection is open (the CLI: ~10% faster,
                         ///< but a connection opened meanwhile waits for the commit)
    };
    /// Whether a dataset writer adds its records to the search index as it writes them.
    enum class SearchIndexing {
        Later,       ///< leave them to buildSearchIndex
        WithRecords, ///< index each record in the writer's transaction: one pass, no second read
    };
    /// Begins writing a new dataset in one transaction: nothing is visible to other connections until
    /// DatasetWriter::commit(); destroying it uncommitted rolls everything back.
    Result<std::unique_ptr<DatasetWriter>> beginDataset(const DatasetInfo& info, LabelSetKind labelKind,
                                                       const std::string& annotator,
                                                       BulkJournal journal = BulkJournal::Wal,
                                                       SearchIndexing indexing = SearchIndexing::Later);

    Database& database();
    /// Interrupts a long query running on this connection from another thread.
    void interrupt();

    ~Project();

private:
    explicit Project(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

/// Writes one dataset inside an open transaction. Owned by the caller; not thread-safe.
class DatasetWriter {
public:
    virtual ~DatasetWriter() = default;
    virtual DatasetId datasetId() const = 0;
    /// Column list may grow during import (JSONL keys first seen late); commit() stores the final list.
    virtual void setColumns(const std::vector<std::string>& columns) = 0;
    virtual Status add(const NewRecord& record) = 0;
    /// Writes `records` in order, as add() would one by one; a writer may use fewer statements.
    virtual Status addAll(std::span<const NewRecord* const> records) {
        for (const NewRecord* record : records)
            if (auto added = add(*record); !added)
                return added;
        return {};
    }
    virtual std::int64_t rowsWritten() const = 0;
    virtual Status commit() = 0;
};

} // namespace bankbench::core
