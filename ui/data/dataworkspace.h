#pragma once

#include "shell/workspace.h"

#include <store/records.h>

#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QStackedWidget>

#include <optional>
#include <vector>

class QAction;
class QLabel;
class QSplitter;
class QTableView;

namespace bankbench::ui {

class DataFilterBar;
class EmptyStatePanel;
class ProjectSession;
class RecordDetailPane;
class RecordTableModel;

/// Browse a project's datasets: chooser, search and filters over a table that stays smooth at a million
/// rows (RecordTableModel), and the selected record in full. GUI thread; the main window owns it.
class DataWorkspace : public Workspace {
    Q_OBJECT

public:
    explicit DataWorkspace(ProjectSession& session, QObject* parent = nullptr);
    ~DataWorkspace() override;

    QString id() const override { return QStringLiteral("data"); }
    QString title() const override;
    QIcon icon() const override;
    QWidget* widget() const override;
    void saveState(AppSettings& settings) const override;
    void restoreState(const AppSettings& settings) override;
    QString statusText() const override;

    /// Buttons offered when no project is open, and when the project has no dataset yet.
    void setEmptyStateActions(const QList<QAction*>& noProject, const QList<QAction*>& noDataset);
    /// Shows this dataset as soon as the session lists it (e.g. right after an import).
    void showDataset(core::DatasetId id);
    std::optional<core::DatasetId> currentDatasetId() const;

    RecordTableModel* model() const { return m_model; }
    QTableView* tableView() const { return m_table; }
    DataFilterBar* filterBar() const { return m_filterBar; }
    RecordDetailPane* detailPane() const { return m_detail; }
    EmptyStatePanel* emptyState() const { return m_empty; }
    /// The note shown while the search index does not cover the whole dataset ("" when hidden).
    QString indexNote() const;

private:
    struct LabelCountsOutcome {
        core::DatasetId datasetId = 0;
        std::vector<core::LabelCount> counts;
        QString error;
    };

    void buildWidgets();
    void onDatasetsChanged();
    void selectDataset(std::optional<core::DatasetId> id);
    void loadLabelCounts();
    void onLabelCountsLoaded();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void updateDetail();
    void applyColumnWidths();
    void showError(const QString& message);
    void updateIndexNote();
    void updatePage();

    ProjectSession& m_session;
    QPointer<QStackedWidget> m_pages; ///< the workspace widget; owned by the window once shown there
    EmptyStatePanel* m_empty = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_indexNote = nullptr;
    DataFilterBar* m_filterBar = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_table = nullptr;
    RecordDetailPane* m_detail = nullptr;
    RecordTableModel* m_model = nullptr;

    QList<QAction*> m_noProjectActions;
    QList<QAction*> m_noDatasetActions;
    std::optional<core::DatasetId> m_pendingDataset;
    QFutureWatcher<LabelCountsOutcome> m_labelCounts;
    QHash<QString, int> m_columnWidths; ///< user-resized widths by column name, kept across queries
    std::int64_t m_shownIndexed = -1;   ///< index coverage behind the current search results
    std::optional<core::DatasetId> m_indexNoteDataset;
    int m_lastSortColumn = 0;
    Qt::SortOrder m_lastSortOrder = Qt::AscendingOrder;
};

} // namespace bankbench::ui
