#pragma once

#include "store/database.h"
#include "store/project.h"

#include <array>
#include <optional>
#include <unordered_map>

namespace bankbench::core {

/// DatasetWriter over one connection: holds an IMMEDIATE transaction from begin() to commit();
/// destruction without commit() rolls the whole dataset back.
class SqliteDatasetWriter final : public DatasetWriter {
    class BulkWriteMode;

public:
    /// Throws DatabaseError; returns an Error for a taken name or an invalid definition.
    /// `rollbackIfAlone`: see BulkWriteMode. `indexForSearch`: add each record to records_fts as it is written.
    static Result<std::unique_ptr<DatasetWriter>> begin(Database& db, const DatasetInfo& info, LabelSetKind labelKind,
                                                       const std::string& annotator, bool rollbackIfAlone,
                                                       bool indexForSearch);
    ~SqliteDatasetWriter() override;

    DatasetId datasetId() const override { return m_datasetId; }
    void setColumns(const std::vector<std::string>& columns) override;
    Status add(const NewRecord& record) override;
    /// Whole groups of kRowsPerStatement records go into `records` in one multi-row INSERT: each
    /// statement costs ~0.2 us of set-up and tear-down (BENCHMARKS.md).
    Status addAll(std::span<const NewRecord* const> records) override;
    std::int64_t rowsWritten() const override { return m_rows; }
    Status commit() override;

private:
    SqliteDatasetWriter(Database& db, std::unique_ptr<BulkWriteMode> bulkWriteMode, DatasetId datasetId, std::optional<LabelSetId> labelSetId,
                        std::vector<std::string> columns, std::string textColumn, std::string annotator,
                        bool indexForSearch);
    std::int64_t labelId(const std::string& name);
    void refreshTextColumnIndex();
    const std::string& fieldsJsonOf(const NewRecord& record, std::string& buffer) const;
    void addAnnotations(RecordId recordId, const NewRecord& record);
    void noteWritten(RecordId first, RecordId last, std::int64_t rows);

    static constexpr std::size_t kRowsPerStatement = 32;

    /// Connection settings for one bulk write, set outside any transaction (SQLite ignores these pragmas
    /// inside one) and restored when the writer goes:
    /// - foreign-key enforcement off: every reference the writer makes points at a row it has just
    ///   written, and the checks cost ~10% of a labelled import;
    /// - a 64 MB page cache, so index pages are not spilled and read back;
    /// - when this connection is the only one on the file, a rollback journal instead of WAL: a WAL write
    ///   stores every new page twice (WAL, then checkpoint), a rollback journal stores only the few
    ///   pre-existing pages the import modifies (~12% of an import's CPU time). synchronous=FULL while it
    ///   lasts, as rollback mode needs it against power loss. A crash leaves a hot journal that the next
    ///   connection rolls back (Database opens read-only connections after that recovery). With other
    ///   connections open the switch is refused at once and the write stays in WAL. Only on request
    ///   (`rollbackIfAlone`): a connection opened during such a write waits for its commit, which suits
    ///   the CLI but not the GUI, whose workspaces open readers at any time.
    class BulkWriteMode {
    public:
        BulkWriteMode(Database& db, bool rollbackIfAlone);
        ~BulkWriteMode();
        bool rollbackJournal() const { return m_rollbackJournal; }

    private:
        Database& m_db;
        bool m_rollbackJournal = false;
    };

    Database& m_db;
    std::unique_ptr<BulkWriteMode> m_bulkWriteMode; // declared before m_transaction: outlives it
    std::optional<Transaction> m_transaction;
    DatasetId m_datasetId;
    std::optional<LabelSetId> m_labelSetId;
    std::vector<std::string> m_columns;
    std::string m_textColumn;
    std::optional<size_t> m_textColumnIndex;
    std::string m_annotator;
    std::string m_createdAt;
    std::unordered_map<std::string, std::int64_t> m_labelIds;
    std::int64_t m_rows = 0;
    std::optional<RecordId> m_firstRecordId; ///< ids this writer inserted, for the dataset's id range
    RecordId m_lastRecordId = 0;
    std::string m_fieldsBuffer;
    std::array<std::string, kRowsPerStatement> m_groupFieldsBuffers;
    Statement m_insertRecord;
    Statement m_insertRecords; ///< kRowsPerStatement rows
    std::optional<Statement> m_insertSearchBody; ///< set when the writer indexes for search
    Statement m_insertAnnotation;
    Statement m_insertLabel;
    bool m_committed = false;
};

} // namespace bankbench::core
