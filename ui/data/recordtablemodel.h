#pragma once

#include "data/recordrow.h"
#include "data/rowcache.h"

#include <store/records.h>
#include <util/canceltoken.h>

#include <QAbstractTableModel>
#include <QSet>

#include <memory>
#include <optional>

class QThread;

namespace bankbench::ui {

class RecordLoader;
struct LoaderControl;

/// The Data workspace's table: one dataset's records filtered, searched and sorted by the store. Never
/// runs SQL on the GUI thread: a RecordLoader on its own thread computes the id list (the row count
/// arrives asynchronously) and fetches chunks of rows around what the view paints; rows not loaded yet
/// show a placeholder; stale answers are dropped by generation counters; loaded rows live in a bounded
/// cache. GUI thread only; owns the loader thread and stops it on destruction.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role { RecordRowRole = Qt::UserRole + 1, RowLoadedRole };
    enum FixedColumn { NumberColumn = 0, TextColumn = 1, LabelsColumn = 2, FirstFieldColumn = 3 };
    static constexpr int kChunkSize = 256;
    static constexpr int kMaxCachedChunks = 64;

    explicit RecordTableModel(QObject* parent = nullptr);
    ~RecordTableModel() override;

    /// Opens the loader's own read-only connection; "" closes it. Clears the dataset.
    void setProjectPath(const QString& path);
    /// Shows `dataset` unfiltered in import order (search, filters and sort are reset).
    void setDataset(const std::optional<core::DatasetInfo>& dataset);
    const std::optional<core::DatasetInfo>& dataset() const { return m_dataset; }

    void setSearch(const QString& text);
    void setLabelFilter(const std::optional<QString>& label);
    void setLabelledFilter(core::LabelledFilter filter);
    const core::RecordQuery& query() const { return m_query; }
    /// Runs the current query again (the store changed underneath).
    void refresh();

    bool isQueryRunning() const { return m_queryRunning; }
    /// No query running, no chunk requested or in flight.
    bool isIdle() const;
    bool isRowLoaded(int row) const;
    std::optional<RecordRow> rowAt(int row) const;
    /// The store's sort key for a column; nullopt when the column cannot be sorted.
    std::optional<std::string> sortKey(int column) const;
    /// Source column shown in a field column (FirstFieldColumn and after).
    QString fieldColumnName(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void queryStarted();
    void queryFinished(int rows);
    void queryFailed(const QString& message);
    void loadFailed(const QString& message);
    /// Emitted when the model becomes idle after loading (tests and screenshots wait for it).
    void settled();

private:
    void startQuery();
    void resetRows(RecordIdList ids);
    void requestChunk(int chunk) const;
    void dispatchRequests();
    void onQueryFinished(quint64 generation, RecordIdList ids);
    void onQueryFailed(quint64 generation, const QString& message);
    void onChunkFetched(quint64 generation, int chunk, RecordRows rows);
    void onChunkFailed(quint64 generation, int chunk, const QString& message);
    void forgetChunk(int chunk);
    void emitChunkChanged(int chunk);
    void checkSettled();

    std::shared_ptr<LoaderControl> m_control;
    QThread* m_thread = nullptr;
    RecordLoader* m_loader = nullptr;

    std::optional<core::DatasetInfo> m_dataset;
    QStringList m_fieldNames;  ///< source columns shown after the fixed ones
    QList<int> m_fieldIndexes; ///< their positions in RecordRow::fields
    core::RecordQuery m_query;

    quint64 m_queryGeneration = 0;
    quint64 m_rowsGeneration = 0;
    std::shared_ptr<core::CancelToken> m_cancel;
    bool m_queryRunning = false;

    RecordIdList m_ids;
    int m_rows = 0;
    mutable RowCache m_cache{kChunkSize, kMaxCachedChunks};
    mutable QSet<int> m_inFlight;
    mutable QSet<int> m_wanted;
    mutable bool m_dispatchScheduled = false;
};

} // namespace bankbench::ui
