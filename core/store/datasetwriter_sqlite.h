#pragma once

#include "store/database.h"
#include "store/project.h"

#include <optional>
#include <unordered_map>

namespace bankbench::core {

/// DatasetWriter over one connection: holds an IMMEDIATE transaction from begin() to commit();
/// destruction without commit() rolls the whole dataset back.
class SqliteDatasetWriter final : public DatasetWriter {
    class ForeignKeysOff;

public:
    /// Throws DatabaseError; returns an Error for a taken name or an invalid definition.
    static Result<std::unique_ptr<DatasetWriter>> begin(Database& db, const DatasetInfo& info, LabelSetKind labelKind,
                                                       const std::string& annotator);
    ~SqliteDatasetWriter() override;

    DatasetId datasetId() const override { return m_datasetId; }
    void setColumns(const std::vector<std::string>& columns) override;
    Status add(const NewRecord& record) override;
    std::int64_t rowsWritten() const override { return m_rows; }
    Status commit() override;

private:
    SqliteDatasetWriter(Database& db, std::unique_ptr<ForeignKeysOff> foreignKeysOff, DatasetId datasetId, std::optional<LabelSetId> labelSetId,
                        std::vector<std::string> columns, std::string textColumn, std::string annotator);
    std::int64_t labelId(const std::string& name);
    void refreshTextColumnIndex();
    void serializeFields(const NewRecord& record, std::string& out) const;

    /// Turns foreign-key enforcement off for this connection while the writer lives: every reference it
    /// writes points at a row it has just written, and the checks cost ~10% of a labelled import.
    class ForeignKeysOff {
    public:
        explicit ForeignKeysOff(Database& db);
        ~ForeignKeysOff();

    private:
        Database& m_db;
    };

    Database& m_db;
    std::unique_ptr<ForeignKeysOff> m_foreignKeysOff;  // declared before m_transaction: outlives it
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
    std::string m_fieldsBuffer;
    Statement m_insertRecord;
    Statement m_insertAnnotation;
    Statement m_insertLabel;
    bool m_committed = false;
};

} // namespace bankbench::core
