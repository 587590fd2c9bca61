#include "label/labelsession.h"

#include "common/qtconvert.h"
#include "label/labelreader.h"
#include "label/labelwriter.h"

#include <labeling/agreement.h>
#include <store/labelstore.h>
#include <store/project.h>

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

namespace bankbench::ui {

namespace {

LabelStats computeStats(const std::string& path, core::DatasetId dataset, core::LabelSetId labelSet,
                        const std::string& annotator) {
    LabelStats stats;
    stats.datasetId = dataset;
    try {
        auto project = core::Project::open(path, /*readOnly=*/true);
        if (!project) {
            stats.error = toQString(project.error().what());
            return stats;
        }
        core::LabelStore store(**project);
        auto progress = store.progress(dataset);
        if (!progress) {
            stats.error = toQString(progress.error().what());
            return stats;
        }
        stats.progress = std::move(progress.value());
        if (auto rate = store.labelRate(annotator, labelSet))
            stats.rate = rate.value();
        auto annotators = store.annotators(dataset);
        if (annotators && annotators->size() >= 2) {
            // Fewer than two real annotators (adjudications do not count) is InvalidArgument: no line then.
            if (auto report = core::computeAgreement(store, dataset))
                stats.agreement = std::move(report.value());
        }
    } catch (const std::exception& e) {
        stats.error = QString::fromUtf8(e.what());
    }
    return stats;
}

} // namespace

QObject* LabelSession::readerContext() const {
    return m_reader;
}

QObject* LabelSession::writerContext() const {
    return m_writer;
}

LabelSession::LabelSession(QObject* parent)
    : QObject(parent), m_undo(new QUndoStack(this)), m_statsTimer(new QTimer(this)) {
    qRegisterMetaType<LabelRecords>();
    qRegisterMetaType<LabelSchema>();
    qRegisterMetaType<RecordIdList>();
    qRegisterMetaType<WriteOp>();
    m_statsTimer->setSingleShot(true);
    m_statsTimer->setInterval(kStatsDelayMs);
    connect(m_statsTimer, &QTimer::timeout, this, &LabelSession::loadStats);
    connect(&m_statsWatcher, &QFutureWatcher<LabelStats>::finished, this, &LabelSession::onStatsLoaded);
    connect(m_undo, &QUndoStack::indexChanged, this, &LabelSession::rebuildRecent);
    startThreads();
}

LabelSession::~LabelSession() {
    if (m_queueCancel)
        m_queueCancel->cancel();
    // Let every queued write reach the store before the writer's thread ends: nothing shown is lost.
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
    m_readerThread->quit();
    m_writerThread->quit();
    m_readerThread->wait();
    m_writerThread->wait();
    m_statsWatcher.waitForFinished();
}

void LabelSession::startThreads() {
    m_readerThread = new QThread(this);
    m_readerThread->setObjectName(QStringLiteral("LabelReader"));
    m_reader = new LabelReader;
    m_reader->moveToThread(m_readerThread);
    // Deleted on their own threads, so each SQLite connection closes where it was used.
    connect(m_readerThread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &LabelReader::schemaLoaded, this, &LabelSession::onSchemaLoaded);
    connect(m_reader, &LabelReader::queueBuilt, this, &LabelSession::onQueueBuilt);
    connect(m_reader, &LabelReader::recordsFetched, this, &LabelSession::onRecordsFetched);
    connect(m_reader, &LabelReader::projectFailed, this, &LabelSession::errorOccurred);

    m_writerThread = new QThread(this);
    m_writerThread->setObjectName(QStringLiteral("LabelWriter"));
    m_writer = new LabelWriter;
    m_writer->moveToThread(m_writerThread);
    connect(m_writerThread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &LabelWriter::finished, this, &LabelSession::onWriteFinished);
    connect(m_writer, &LabelWriter::schemaChanged, this, &LabelSession::onSchemaChangedByWriter);
    connect(m_writer, &LabelWriter::projectOpened, this, [this](const QString& error) {
        if (!error.isEmpty())
            emit errorOccurred(tr("Decisions cannot be saved: %1").arg(error));
    });
    m_readerThread->start();
    m_writerThread->start();
}

void LabelSession::setProjectPath(const QString& path) {
    if (path == m_projectPath)
        return;
    m_projectPath = path;
    m_dataset.reset();
    m_undo->clear(); // its commands name records and tokens of the previous project
    clearData();
    onReader([reader = m_reader, path] { reader->openProject(path); });
    onWriter([writer = m_writer, path] { writer->openProject(path); });
}

void LabelSession::setDataset(const std::optional<core::DatasetInfo>& dataset) {
    if (dataset.has_value() == m_dataset.has_value() && (!dataset || dataset->id == m_dataset->id)) {
        m_dataset = dataset; // same dataset, newer counts
        return;
    }
    commitIfDirty();
    m_dataset = dataset;
    m_undo->clear();
    clearData();
    if (m_dataset) {
        loadSchema();
        rebuildQueue();
    }
}

void LabelSession::setAnnotator(const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed == m_annotator)
        return;
    commitIfDirty();
    m_annotator = trimmed;
    m_undo->clear();
    reload();
}

void LabelSession::setQueueRequest(const QueueRequest& request) {
    commitIfDirty();
    const bool review = m_request.review;
    m_request = request;
    m_request.review = review;
    rebuildQueue();
}

void LabelSession::setReviewMode(bool review) {
    if (review == m_request.review)
        return;
    commitIfDirty();
    m_request.review = review;
    rebuildQueue();
}

void LabelSession::setSuggestionProvider(std::shared_ptr<core::SuggestionProvider> provider) {
    m_provider = provider;
    onReader([reader = m_reader, provider] { reader->setSuggestionProvider(provider); });
    // Suggestions travel with fetched records: fetch again.
    ++m_generation;
    m_cache.clear();
    m_inFlightFetch.clear();
    m_fetchesInFlight = 0;
    prefetch();
    emit queueChanged();
}

void LabelSession::reload() {
    clearData();
    if (m_dataset) {
        loadSchema();
        rebuildQueue();
    }
}

void LabelSession::clearData() {
    ++m_generation;
    ++m_queueGeneration;
    if (m_queueCancel)
        m_queueCancel->cancel();
    m_queueLoading = false;
    m_schemaLoading = false;
    m_schema = LabelSchema{};
    m_schemaLoaded = false;
    m_queue.reset();
    m_position = -1;
    m_detached.reset();
    m_cache.clear();
    m_inFlightFetch.clear();
    m_fetchesInFlight = 0;
    for (auto& layer : m_local) {
        for (auto it = layer.begin(); it != layer.end();) {
            it = it->pending == 0 ? layer.erase(it) : std::next(it);
        }
    }
    m_stats.reset();
    resetEdit();
    emit schemaChanged();
    emit queueChanged();
    emit currentChanged();
    emit statsChanged();
    checkSettled();
}

core::LabelSetKind LabelSession::kind() const {
    return m_schema.labelSet ? m_schema.labelSet->kind : core::LabelSetKind::SingleLabel;
}

const core::Label* LabelSession::labelByName(const std::string& name) const {
    for (const auto& label : m_schema.labels) {
        if (label.name == name)
            return &label;
    }
    return nullptr;
}

void LabelSession::loadSchema() {
    if (!m_dataset)
        return;
    m_schemaLoading = true;
    onReader([reader = m_reader, generation = m_generation, id = m_dataset->id] {
        reader->loadSchema(generation, id);
    });
}

void LabelSession::onSchemaLoaded(quint64 generation, const LabelSchema& schema, const QString& error) {
    if (generation != m_generation)
        return;
    m_schemaLoading = false;
    if (!error.isEmpty())
        emit errorOccurred(tr("Cannot load the label set: %1").arg(error));
    // 0: no label set.
    const core::LabelSetId before = m_schemaLoaded && m_schema.labelSet ? m_schema.labelSet->id : 0;
    const bool hadSchema = m_schemaLoaded;
    m_schema = schema;
    m_schemaLoaded = true;
    const core::LabelSetId after = m_schema.labelSet ? m_schema.labelSet->id : 0;
    emit schemaChanged();
    if (hadSchema && before != after)
        rebuildQueue(); // "unlabelled" is counted in the dataset's label set
    resetEdit();
    prefetch();
    scheduleStats();
    emit currentChanged();
    checkSettled();
}

void LabelSession::rebuildQueue() {
    if (!m_dataset)
        return;
    if (m_queueCancel)
        m_queueCancel->cancel();
    m_queueCancel = std::make_shared<core::CancelToken>();
    m_queueLoading = true;
    QueueRequest request = m_request;
    request.datasetId = m_dataset->id;
    request.annotator = toStdString(m_annotator);
    onReader([reader = m_reader, generation = ++m_queueGeneration, request, cancel = m_queueCancel] {
        reader->buildQueue(generation, request, cancel);
    });
    emit queueChanged();
}

void LabelSession::onQueueBuilt(quint64 generation, RecordIdList ids, const QString& error) {
    if (generation != m_queueGeneration)
        return;
    m_queueLoading = false;
    if (!error.isEmpty()) {
        emit errorOccurred(tr("Cannot build the labeling queue: %1").arg(error));
        ids.reset();
    }
    m_queue = ids;
    m_detached.reset();
    m_position = m_queue && !m_queue->empty() ? 0 : -1;
    resetEdit();
    prefetch();
    emit queueChanged();
    emit currentChanged();
    checkSettled();
}

qint64 LabelSession::queueSize() const {
    return m_queue ? static_cast<qint64>(m_queue->size()) : 0;
}

std::optional<core::RecordId> LabelSession::currentRecordId() const {
    if (m_detached)
        return m_detached;
    if (m_queue && m_position >= 0 && m_position < static_cast<qint64>(m_queue->size()))
        return (*m_queue)[static_cast<std::size_t>(m_position)];
    return std::nullopt;
}

const LabelRecord* LabelSession::currentRecord() const {
    const auto id = currentRecordId();
    if (!id)
        return nullptr;
    const auto it = m_cache.constFind(*id);
    return it == m_cache.constEnd() ? nullptr : &it.value();
}

std::optional<core::Decision> LabelSession::shownDecision() const {
    const auto id = currentRecordId();
    if (!id)
        return std::nullopt;
    const int layer = m_request.review ? 1 : 0;
    const auto local = m_local[layer].constFind(*id);
    if (local != m_local[layer].constEnd())
        return local->decision;
    const LabelRecord* record = currentRecord();
    if (!record)
        return std::nullopt;
    return m_request.review ? record->adjudication : record->mine;
}

bool LabelSession::isIdle() const {
    return !m_queueLoading && !m_schemaLoading && m_fetchesInFlight == 0 && m_inFlightWrites.isEmpty() &&
           !m_statsRunning && !m_statsTimer->isActive();
}

void LabelSession::checkSettled() {
    const bool idle = isIdle();
    if (idle && !m_wasIdle)
        emit settled();
    m_wasIdle = idle;
}

// ----- stats -----

void LabelSession::scheduleStats() {
    if (m_dataset && m_schemaLoaded && m_schema.labelSet)
        m_statsTimer->start();
}

void LabelSession::loadStats() {
    if (!m_dataset || !m_schema.labelSet || m_projectPath.isEmpty())
        return;
    if (m_statsRunning) {
        m_statsPending = true;
        return;
    }
    m_statsRunning = true;
    m_statsClock.start();
    m_statsWatcher.setFuture(QtConcurrent::run(computeStats, toStdString(m_projectPath), m_dataset->id,
                                               m_schema.labelSet->id, toStdString(m_annotator)));
}

void LabelSession::onStatsLoaded() {
    // The future reports "not running" before this slot runs: idleness follows this flag instead.
    m_statsRunning = false;
    // Counting a million records takes seconds: wait longer between counts on big datasets, so the
    // background work never competes with labeling for long (2 cores are common).
    m_statsTimer->setInterval(
        static_cast<int>(std::clamp<qint64>(2 * m_statsClock.elapsed(), kStatsDelayMs, 15000)));
    const LabelStats stats = m_statsWatcher.result();
    if (m_dataset && stats.datasetId == m_dataset->id) {
        if (!stats.error.isEmpty())
            emit errorOccurred(tr("Cannot count labels: %1").arg(stats.error));
        m_stats = stats;
        emit statsChanged();
    }
    if (m_statsPending) {
        m_statsPending = false;
        loadStats();
    }
    checkSettled();
}

} // namespace bankbench::ui
