#include "data/recordtablemodel.h"

#include "common/qtconvert.h"
#include "data/recordloader.h"

#include <QColor>
#include <QLocale>
#include <QPalette>
#include <QThread>

#include <algorithm>

namespace bankbench::ui {

namespace {

const QString kPlaceholder = QStringLiteral("…");

} // namespace

RecordTableModel::RecordTableModel(QObject* parent)
    : QAbstractTableModel(parent), m_control(std::make_shared<LoaderControl>()) {
    qRegisterMetaType<RecordIdList>();
    qRegisterMetaType<RecordRows>();
    qRegisterMetaType<core::RecordQuery>();
    qRegisterMetaType<std::shared_ptr<core::CancelToken>>();

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("RecordLoader"));
    m_loader = new RecordLoader(m_control);
    m_loader->moveToThread(m_thread);
    // Deleted on its own thread when that thread ends, so its SQLite connection closes where it was used.
    connect(m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(m_loader, &RecordLoader::queryFinished, this, &RecordTableModel::onQueryFinished);
    connect(m_loader, &RecordLoader::queryFailed, this, &RecordTableModel::onQueryFailed);
    connect(m_loader, &RecordLoader::chunkFetched, this, &RecordTableModel::onChunkFetched);
    connect(m_loader, &RecordLoader::chunkFailed, this, &RecordTableModel::onChunkFailed);
    connect(m_loader, &RecordLoader::projectFailed, this, &RecordTableModel::loadFailed);
    m_thread->start();
}

RecordTableModel::~RecordTableModel() {
    if (m_cancel)
        m_cancel->cancel();
    m_control->chunkRequests.clear();
    m_thread->quit();
    m_thread->wait();
}

void RecordTableModel::setProjectPath(const QString& path) {
    setDataset(std::nullopt);
    QMetaObject::invokeMethod(m_loader, "openProject", Qt::QueuedConnection, Q_ARG(QString, path));
}

void RecordTableModel::setDataset(const std::optional<core::DatasetInfo>& dataset) {
    if (m_cancel)
        m_cancel->cancel();
    beginResetModel();
    m_dataset = dataset;
    m_fieldNames.clear();
    m_fieldIndexes.clear();
    if (m_dataset) {
        for (int i = 0; i < static_cast<int>(m_dataset->columns.size()); ++i) {
            const std::string& name = m_dataset->columns[static_cast<std::size_t>(i)];
            if (name == m_dataset->textColumn || (m_dataset->labelColumn && name == *m_dataset->labelColumn))
                continue;
            m_fieldNames.push_back(toQString(name));
            m_fieldIndexes.push_back(i);
        }
    }
    // A new dataset starts unfiltered, in import order.
    m_query = core::RecordQuery{};
    m_query.datasetId = m_dataset ? m_dataset->id : 0;
    m_ids.reset();
    m_rows = 0;
    ++m_rowsGeneration;
    m_control->rowsGeneration.store(m_rowsGeneration);
    m_control->chunkRequests.clear();
    m_cache.clear();
    m_inFlight.clear();
    m_wanted.clear();
    endResetModel();
    if (m_dataset) {
        startQuery();
    } else {
        m_queryRunning = false;
        checkSettled();
    }
}

void RecordTableModel::setSearch(const QString& text) {
    const std::string search = toStdString(text.trimmed());
    if (search == m_query.search)
        return;
    m_query.search = search;
    startQuery();
}

void RecordTableModel::setLabelFilter(const std::optional<QString>& label) {
    std::optional<std::string> wanted;
    if (label)
        wanted = toStdString(*label);
    if (wanted == m_query.label)
        return;
    m_query.label = wanted;
    startQuery();
}

void RecordTableModel::setLabelledFilter(core::LabelledFilter filter) {
    if (filter == m_query.labelled)
        return;
    m_query.labelled = filter;
    startQuery();
}

void RecordTableModel::refresh() {
    startQuery();
}

void RecordTableModel::sort(int column, Qt::SortOrder order) {
    const std::optional<std::string> key = sortKey(column);
    if (!key)
        return;
    const core::SortOrder sortOrder =
        order == Qt::AscendingOrder ? core::SortOrder::Ascending : core::SortOrder::Descending;
    if (*key == m_query.sortColumn && sortOrder == m_query.sortOrder)
        return;
    m_query.sortColumn = *key;
    m_query.sortOrder = sortOrder;
    startQuery();
}

std::optional<std::string> RecordTableModel::sortKey(int column) const {
    if (!m_dataset)
        return std::nullopt;
    if (column == NumberColumn)
        return std::string(); // import order
    if (column == TextColumn)
        return m_dataset->textColumn;
    if (column == LabelsColumn)
        return std::string("@labels"); // the store's key for current labels
    const int field = column - FirstFieldColumn;
    if (field >= 0 && field < m_fieldNames.size())
        return toStdString(m_fieldNames.at(field));
    return std::nullopt;
}

QString RecordTableModel::fieldColumnName(int column) const {
    const int field = column - FirstFieldColumn;
    return field >= 0 && field < m_fieldNames.size() ? m_fieldNames.at(field) : QString();
}

void RecordTableModel::startQuery() {
    if (!m_dataset)
        return;
    // The running query is superseded: cancel it directly (the token is read on the loader thread).
    if (m_cancel)
        m_cancel->cancel();
    m_cancel = std::make_shared<core::CancelToken>();
    ++m_queryGeneration;
    m_queryRunning = true;
    emit queryStarted();
    QMetaObject::invokeMethod(m_loader, "runQuery", Qt::QueuedConnection, Q_ARG(quint64, m_queryGeneration),
                              Q_ARG(bankbench::core::RecordQuery, m_query),
                              Q_ARG(std::shared_ptr<bankbench::core::CancelToken>, m_cancel));
}

void RecordTableModel::onQueryFinished(quint64 generation, RecordIdList ids) {
    if (generation != m_queryGeneration)
        return; // an older query finished after a newer one started
    m_queryRunning = false;
    resetRows(std::move(ids));
    emit queryFinished(m_rows);
    checkSettled();
}

void RecordTableModel::onQueryFailed(quint64 generation, const QString& message) {
    if (generation != m_queryGeneration)
        return;
    m_queryRunning = false;
    resetRows({});
    emit queryFailed(message);
    checkSettled();
}

void RecordTableModel::resetRows(RecordIdList ids) {
    beginResetModel();
    m_ids = std::move(ids);
    const std::size_t count = m_ids ? m_ids->size() : 0;
    // A QAbstractItemModel counts rows in int; larger results are shown up to that bound.
    m_rows = static_cast<int>(std::min<std::size_t>(count, static_cast<std::size_t>(INT_MAX)));
    ++m_rowsGeneration;
    m_control->rowsGeneration.store(m_rowsGeneration);
    m_control->chunkRequests.clear();
    m_cache.clear();
    m_inFlight.clear();
    m_wanted.clear();
    endResetModel();
}

bool RecordTableModel::isIdle() const {
    return !m_queryRunning && m_inFlight.isEmpty() && m_wanted.isEmpty() && !m_dispatchScheduled;
}

bool RecordTableModel::isRowLoaded(int row) const {
    return m_cache.row(row) != nullptr;
}

std::optional<RecordRow> RecordTableModel::rowAt(int row) const {
    if (const RecordRow* loaded = m_cache.row(row))
        return *loaded;
    if (row >= 0 && row < m_rows)
        requestChunk(m_cache.chunkOf(row));
    return std::nullopt;
}

int RecordTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int RecordTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_dataset)
        return 0;
    return FirstFieldColumn + static_cast<int>(m_fieldNames.size());
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        if (column == NumberColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (column == NumberColumn && role == Qt::DisplayRole)
        return QLocale().toString(index.row() + 1);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != RecordRowRole && role != RowLoadedRole)
        return {};

    const RecordRow* row = m_cache.row(index.row());
    if (!row) {
        requestChunk(m_cache.chunkOf(index.row()));
        if (role == Qt::DisplayRole)
            return kPlaceholder;
        if (role == Qt::ForegroundRole)
            return QPalette().color(QPalette::Disabled, QPalette::Text);
        if (role == RowLoadedRole)
            return false;
        return {};
    }
    // Prefetch the neighbouring chunk when the view comes close to it, so scrolling rarely shows "…".
    const int offset = index.row() % kChunkSize;
    const int chunk = m_cache.chunkOf(index.row());
    if (offset >= kChunkSize * 3 / 4 && (chunk + 1) * kChunkSize < m_rows &&
        !m_cache.containsChunk(chunk + 1))
        requestChunk(chunk + 1);
    else if (offset < kChunkSize / 4 && chunk > 0 && !m_cache.containsChunk(chunk - 1))
        requestChunk(chunk - 1);

    switch (role) {
    case RowLoadedRole:
        return true;
    case RecordRowRole:
        return QVariant::fromValue(*row);
    case Qt::ForegroundRole:
        return {};
    case Qt::ToolTipRole:
        if (column == TextColumn)
            return row->text.left(1000);
        return {};
    default:
        break;
    }
    if (column == TextColumn)
        return row->textLine;
    if (column == LabelsColumn)
        return row->labels.join(QStringLiteral(", "));
    const int field = column - FirstFieldColumn;
    if (field < 0 || field >= m_fieldIndexes.size())
        return {};
    const int position = m_fieldIndexes.at(field);
    return position < row->fields.size() ? singleLine(row->fields.at(position), 200) : QString();
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(QLocale().toString(section + 1)) : QVariant();
    if (role == Qt::ToolTipRole && m_dataset) {
        if (section == TextColumn)
            return tr("Source column: %1").arg(toQString(m_dataset->textColumn));
        if (section == LabelsColumn) {
            return m_dataset->labelColumn ? tr("Current labels (imported from column %1)")
                                                .arg(toQString(*m_dataset->labelColumn))
                                          : tr("Current labels");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case TextColumn:
        return tr("Text");
    case LabelsColumn:
        return tr("Labels");
    default:
        return fieldColumnName(section);
    }
}

void RecordTableModel::requestChunk(int chunk) const {
    if (chunk < 0 || m_inFlight.contains(chunk) || m_cache.containsChunk(chunk))
        return;
    m_wanted.insert(chunk);
    if (!m_dispatchScheduled) {
        // Collect what one paint asks for, then send it: data() must not emit or call out.
        m_dispatchScheduled = true;
        QMetaObject::invokeMethod(const_cast<RecordTableModel*>(this), &RecordTableModel::dispatchRequests,
                                  Qt::QueuedConnection);
    }
}

void RecordTableModel::dispatchRequests() {
    m_dispatchScheduled = false;
    const QSet<int> wanted = std::exchange(m_wanted, {});
    for (int chunk : wanted) {
        if (m_inFlight.contains(chunk) || m_cache.containsChunk(chunk))
            continue;
        ChunkRequest request;
        request.rowsGeneration = m_rowsGeneration;
        request.chunk = chunk;
        request.first = chunk * kChunkSize;
        request.count = std::min(kChunkSize, m_rows - request.first);
        request.ids = m_ids;
        if (request.count <= 0)
            continue;
        m_inFlight.insert(chunk);
        for (const ChunkRequest& dropped : m_control->chunkRequests.push(std::move(request)))
            forgetChunk(dropped.chunk);
        QMetaObject::invokeMethod(m_loader, "serveChunkRequest", Qt::QueuedConnection);
    }
    checkSettled();
}

void RecordTableModel::forgetChunk(int chunk) {
    // The view asks again on its next paint if these rows are still on screen.
    m_inFlight.remove(chunk);
    emitChunkChanged(chunk);
}

void RecordTableModel::onChunkFetched(quint64 generation, int chunk, RecordRows rows) {
    if (generation != m_rowsGeneration)
        return;
    m_inFlight.remove(chunk);
    m_cache.insert(chunk, std::move(rows));
    emitChunkChanged(chunk);
    checkSettled();
}

void RecordTableModel::onChunkFailed(quint64 generation, int chunk, const QString& message) {
    if (generation != m_rowsGeneration)
        return;
    m_inFlight.remove(chunk);
    emit loadFailed(message);
    checkSettled();
}

void RecordTableModel::emitChunkChanged(int chunk) {
    const int first = chunk * kChunkSize;
    const int last = std::min(first + kChunkSize, m_rows) - 1;
    if (first <= last && columnCount() > 0)
        emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

void RecordTableModel::checkSettled() {
    if (isIdle())
        emit settled();
}

} // namespace bankbench::ui
