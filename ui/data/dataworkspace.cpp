#include "data/dataworkspace.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/qtconvert.h"
#include "data/datafilterbar.h"
#include "data/recorddetailpane.h"
#include "data/recordtablemodel.h"
#include "shell/emptystatepanel.h"

#include <store/project.h>

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace bankbench::ui {

namespace {

QString columnKey(const RecordTableModel& model, int column) {
    switch (column) {
    case RecordTableModel::NumberColumn:
        return QStringLiteral("#");
    case RecordTableModel::TextColumn:
        return QStringLiteral("text");
    case RecordTableModel::LabelsColumn:
        return QStringLiteral("labels");
    default:
        return QStringLiteral("field:") + model.fieldColumnName(column);
    }
}

int defaultColumnWidth(int column, const QFontMetrics& metrics) {
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    switch (column) {
    case RecordTableModel::NumberColumn:
        return em * 5;
    case RecordTableModel::TextColumn:
        return em * 34;
    case RecordTableModel::LabelsColumn:
        return em * 15;
    default:
        return em * 11;
    }
}

} // namespace

DataWorkspace::DataWorkspace(ProjectSession& session, QObject* parent)
    : Workspace(parent), m_session(session), m_model(new RecordTableModel(this)) {
    buildWidgets();
    connect(&m_session, &ProjectSession::projectOpened, this, [this](const QString& path) {
        m_model->setProjectPath(path);
        m_detail->setDataset(std::nullopt);
    });
    connect(&m_session, &ProjectSession::projectClosed, this, [this] {
        m_model->setProjectPath(QString());
        m_detail->setDataset(std::nullopt);
        updatePage();
    });
    connect(&m_session, &ProjectSession::datasetsChanged, this, &DataWorkspace::onDatasetsChanged);
    connect(&m_labelCounts, &QFutureWatcher<LabelCountsOutcome>::finished, this,
            &DataWorkspace::onLabelCountsLoaded);

    connect(m_filterBar, &DataFilterBar::datasetChosen, this,
            [this](core::DatasetId id) { selectDataset(id); });
    connect(m_filterBar, &DataFilterBar::searchChanged, m_model, &RecordTableModel::setSearch);
    connect(m_filterBar, &DataFilterBar::labelFilterChanged, m_model, &RecordTableModel::setLabelFilter);
    connect(m_filterBar, &DataFilterBar::labelledFilterChanged, m_model,
            &RecordTableModel::setLabelledFilter);

    connect(m_model, &RecordTableModel::queryStarted, this, &Workspace::statusTextChanged);
    connect(m_model, &RecordTableModel::queryFinished, this, [this] {
        m_error->hide();
        emit statusTextChanged();
    });
    connect(m_model, &RecordTableModel::queryFailed, this, &DataWorkspace::showError);
    connect(m_model, &RecordTableModel::loadFailed, this, &DataWorkspace::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        applyColumnWidths();
        updateDetail();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const int current = m_table->currentIndex().row();
                if (current >= topLeft.row() && current <= bottomRight.row())
                    updateDetail();
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DataWorkspace::updateDetail);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &DataWorkspace::onSortIndicatorChanged);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int, int newSize) { m_columnWidths[columnKey(*m_model, column)] = newSize; });
    updatePage();
}

DataWorkspace::~DataWorkspace() {
    m_labelCounts.waitForFinished();
    if (m_pages && !m_pages->parent())
        delete m_pages.data(); // never placed in a window (tests)
}

void DataWorkspace::buildWidgets() {
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("dataWorkspace"));
    m_empty = new EmptyStatePanel(m_pages);
    m_content = new QWidget(m_pages);

    m_error = new QLabel(m_content);
    m_error->setObjectName(QStringLiteral("dataError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #9b1c1c; background: #fde8e8; padding: 6px; }"));
    m_error->hide();

    m_indexNote = new QLabel(m_content);
    m_indexNote->setObjectName(QStringLiteral("dataIndexNote"));
    m_indexNote->setWordWrap(true);
    m_indexNote->setStyleSheet(
        QStringLiteral("QLabel { color: #5c4400; background: #fdf6d8; padding: 6px; }"));
    m_indexNote->hide();

    m_filterBar = new DataFilterBar(m_content);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("recordTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights keep a million-row table cheap: no per-row size hints are ever computed.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(RecordTableModel::NumberColumn, Qt::AscendingOrder);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    m_detail = new RecordDetailPane;
    m_splitter = new QSplitter(Qt::Horizontal, m_content);
    m_splitter->setObjectName(QStringLiteral("dataSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_splitter->setSizes({em * 70, em * 26});

    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_error);
    layout->addWidget(m_indexNote);
    layout->addWidget(m_splitter, 1);

    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_content);
}

QString DataWorkspace::title() const {
    return tr("Data");
}

QIcon DataWorkspace::icon() const {
    return qApp->style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

QWidget* DataWorkspace::widget() const {
    return m_pages;
}

void DataWorkspace::saveState(AppSettings& settings) const {
    settings.dataSplitterState = m_splitter->saveState();
}

void DataWorkspace::restoreState(const AppSettings& settings) {
    const QByteArray state = settings.dataSplitterState;
    if (!state.isEmpty())
        m_splitter->restoreState(state);
}

QString DataWorkspace::statusText() const {
    const auto& dataset = m_model->dataset();
    if (!m_session.isOpen() || !dataset)
        return {};
    const QString name = toQString(dataset->name);
    if (m_model->isQueryRunning())
        return tr("Dataset: %1 · loading rows…").arg(name);
    return tr("Dataset: %1 · %2 of %3 rows")
        .arg(name, QLocale().toString(m_model->rowCount()), QLocale().toString(dataset->rowCount));
}

void DataWorkspace::setEmptyStateActions(const QList<QAction*>& noProject, const QList<QAction*>& noDataset) {
    m_noProjectActions = noProject;
    m_noDatasetActions = noDataset;
    updatePage();
}

void DataWorkspace::showDataset(core::DatasetId id) {
    if (m_session.dataset(id)) {
        m_filterBar->setDatasets(m_session.datasets(), id);
        selectDataset(id);
    } else {
        m_pendingDataset = id; // the session's refresh has not listed it yet
    }
}

std::optional<core::DatasetId> DataWorkspace::currentDatasetId() const {
    const auto& dataset = m_model->dataset();
    return dataset ? std::optional<core::DatasetId>(dataset->id) : std::nullopt;
}

void DataWorkspace::onDatasetsChanged() {
    std::optional<core::DatasetId> wanted = currentDatasetId();
    if (m_pendingDataset && m_session.dataset(*m_pendingDataset)) {
        wanted = m_pendingDataset;
        m_pendingDataset.reset();
    }
    m_filterBar->setDatasets(m_session.datasets(), wanted);
    const std::optional<core::DatasetId> shown = m_filterBar->currentDatasetId();
    if (shown != currentDatasetId())
        selectDataset(shown);
    updateIndexNote();
    updatePage();
}

void DataWorkspace::selectDataset(std::optional<core::DatasetId> id) {
    const std::optional<core::DatasetInfo> info = id ? m_session.dataset(*id) : std::nullopt;
    m_filterBar->resetFilters();
    {
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(RecordTableModel::NumberColumn, Qt::AscendingOrder);
    }
    m_lastSortColumn = RecordTableModel::NumberColumn;
    m_lastSortOrder = Qt::AscendingOrder;
    m_error->hide();
    m_detail->setDataset(info);
    m_model->setDataset(info);
    m_filterBar->setLabelCounts({});
    loadLabelCounts();
    updateIndexNote();
    emit statusTextChanged();
}

void DataWorkspace::updateIndexNote() {
    const auto id = currentDatasetId();
    const auto status = id ? m_session.searchIndexStatus(*id) : std::nullopt;
    const std::int64_t indexed = status ? status->indexed : -1;
    if (indexed != m_shownIndexed && !m_model->query().search.empty() && id == m_indexNoteDataset)
        m_model->refresh(); // more rows are searchable now
    m_shownIndexed = indexed;
    m_indexNoteDataset = id;
    if (!status || status->complete()) {
        m_indexNote->hide();
        return;
    }
    const QLocale locale;
    m_indexNote->setText(
        tr("Search covers %1 of %2 rows so far; the rest is being indexed in the background.")
            .arg(locale.toString(status->indexed), locale.toString(status->total)));
    m_indexNote->show();
}

QString DataWorkspace::indexNote() const {
    return m_indexNote->isHidden() ? QString() : m_indexNote->text();
}

void DataWorkspace::loadLabelCounts() {
    const auto id = currentDatasetId();
    if (!id || !m_session.isOpen())
        return;
    const std::string path = toStdString(m_session.path());
    const core::DatasetId datasetId = *id;
    m_labelCounts.waitForFinished();
    // Its own short-lived connection on a pool thread: one Project per thread.
    m_labelCounts.setFuture(QtConcurrent::run([path, datasetId]() -> LabelCountsOutcome {
        LabelCountsOutcome outcome;
        outcome.datasetId = datasetId;
        try {
            auto project = core::Project::open(path, /*readOnly=*/true);
            if (!project) {
                outcome.error = toQString(project.error().what());
                return outcome;
            }
            auto counts = (*project)->labelCounts(datasetId);
            if (!counts)
                outcome.error = toQString(counts.error().what());
            else
                outcome.counts = std::move(counts.value());
        } catch (const std::exception& e) {
            outcome.error = QString::fromUtf8(e.what());
        }
        return outcome;
    }));
}

void DataWorkspace::onLabelCountsLoaded() {
    const LabelCountsOutcome outcome = m_labelCounts.result();
    if (outcome.datasetId != currentDatasetId())
        return;
    if (!outcome.error.isEmpty()) {
        showError(outcome.error);
        return;
    }
    m_filterBar->setLabelCounts(outcome.counts);
}

void DataWorkspace::onSortIndicatorChanged(int column, Qt::SortOrder order) {
    if (!m_model->sortKey(column)) {
        // Not sortable: put the indicator back where the data really is sorted.
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(m_lastSortColumn, m_lastSortOrder);
        return;
    }
    m_lastSortColumn = column;
    m_lastSortOrder = order;
    m_model->sort(column, order);
}

void DataWorkspace::updateDetail() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    if (const auto row = m_model->rowAt(current.row()))
        m_detail->showRecord(current.row(), *row);
    else
        m_detail->showLoading(current.row());
}

void DataWorkspace::applyColumnWidths() {
    QHeaderView* header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const int width =
            m_columnWidths.value(columnKey(*m_model, column), defaultColumnWidth(column, metrics));
        header->resizeSection(column, width);
    }
}

void DataWorkspace::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
    emit statusTextChanged();
}

void DataWorkspace::updatePage() {
    if (!m_session.isOpen()) {
        m_empty->setMessage(tr("No project open"),
                            tr("A project is one file that holds your datasets. Create a new one, open an "
                               "existing one, or try the synthetic bilingual demo project."));
        m_empty->setActions(m_noProjectActions);
        m_pages->setCurrentWidget(m_empty);
    } else if (m_session.datasets().isEmpty()) {
        m_empty->setMessage(tr("This project has no datasets yet"),
                            tr("Import a CSV, TSV or JSONL file, or drop one onto this window."));
        m_empty->setActions(m_noDatasetActions);
        m_pages->setCurrentWidget(m_empty);
    } else {
        m_pages->setCurrentWidget(m_content);
    }
    emit statusTextChanged();
}

} // namespace bankbench::ui
