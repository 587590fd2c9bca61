#include "data/recordloader.h"

#include "common/qtconvert.h"

#include <store/project.h>

#include <exception>

namespace bankbench::ui {

namespace {

RecordRow toRow(const core::Record& record) {
    RecordRow row;
    row.id = record.id;
    row.sourceLine = record.sourceLine;
    row.text = toQString(record.text);
    row.textLine = singleLine(row.text);
    row.labels = toQStringList(record.labels);
    if (record.fields.is_array()) {
        row.fields.reserve(static_cast<qsizetype>(record.fields.size()));
        for (const auto& value : record.fields)
            row.fields.push_back(jsonCellText(value));
    }
    return row;
}

} // namespace

RecordLoader::RecordLoader(std::shared_ptr<LoaderControl> control, QObject* parent)
    : QObject(parent), m_control(std::move(control)) {}

RecordLoader::~RecordLoader() = default;

void RecordLoader::openProject(const QString& path) {
    m_project.reset();
    m_openError.clear();
    if (path.isEmpty())
        return;
    auto project = core::Project::open(toStdString(path), /*readOnly=*/true);
    if (!project) {
        m_openError = toQString(project.error().what());
        emit projectFailed(m_openError);
        return;
    }
    m_project = std::move(project.value());
}

void RecordLoader::closeProject() {
    m_project.reset();
    m_openError.clear();
}

void RecordLoader::runQuery(quint64 queryGeneration, const core::RecordQuery& query,
                            std::shared_ptr<core::CancelToken> cancel) {
    if (cancel && cancel->isCancelled())
        return; // superseded while queued; the model no longer waits for it
    if (!m_project) {
        emit queryFailed(queryGeneration, m_openError.isEmpty() ? tr("No project is open.") : m_openError);
        return;
    }
    try {
        auto ids = m_project->queryRecordIds(query, cancel.get());
        if (!ids) {
            emit queryFailed(queryGeneration, toQString(ids.error().what()));
            return;
        }
        emit queryFinished(queryGeneration,
                           std::make_shared<const std::vector<core::RecordId>>(std::move(ids.value())));
    } catch (const std::exception& e) {
        emit queryFailed(queryGeneration, QString::fromUtf8(e.what()));
    }
}

void RecordLoader::serveChunkRequest() {
    std::optional<ChunkRequest> request = m_control->chunkRequests.popNewest();
    if (!request)
        return; // dropped or already served by an earlier call
    const quint64 generation = request->rowsGeneration;
    if (generation != m_control->rowsGeneration.load())
        return; // the model replaced its rows and forgot this request already
    if (!m_project || !request->ids) {
        emit chunkFailed(generation, request->chunk,
                         m_openError.isEmpty() ? tr("No project is open.") : m_openError);
        return;
    }
    try {
        const auto begin = request->ids->begin() + request->first;
        const std::vector<core::RecordId> wanted(begin, begin + request->count);
        auto records = m_project->records(wanted);
        if (!records) {
            emit chunkFailed(generation, request->chunk, toQString(records.error().what()));
            return;
        }
        // records() omits unknown ids (deleted meanwhile); keep rows aligned with the id list.
        RecordRows rows;
        rows.reserve(request->count);
        std::size_t next = 0;
        const auto& found = records.value();
        for (core::RecordId id : wanted) {
            if (next < found.size() && found[next].id == id) {
                rows.push_back(toRow(found[next++]));
            } else {
                RecordRow missing;
                missing.id = id;
                rows.push_back(std::move(missing));
            }
        }
        emit chunkFetched(generation, request->chunk, std::move(rows));
    } catch (const std::exception& e) {
        emit chunkFailed(generation, request->chunk, QString::fromUtf8(e.what()));
    }
}

} // namespace bankbench::ui
