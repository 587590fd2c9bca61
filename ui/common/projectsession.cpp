#include "common/projectsession.h"

#include "common/qtconvert.h"

#include <demo/demogenerator.h>
#include <store/project.h>

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace bankbench::ui {

namespace {

using Outcome = ProjectSession::Outcome;

Outcome failure(const QString& path, const core::Error& error) {
    Outcome out;
    out.path = path;
    out.error = toQString(error.what());
    return out;
}

Outcome listDatasets(const QString& path, core::Project& project) {
    auto datasets = project.datasets();
    if (!datasets)
        return failure(path, datasets.error());
    Outcome out;
    out.path = path;
    out.ok = true;
    for (auto& info : datasets.value()) {
        auto status = project.searchIndexStatus(info.id);
        if (!status)
            return failure(path, status.error());
        out.index.insert(info.id, status.value());
        out.datasets.push_back(std::move(info));
    }
    return out;
}

template <typename Fn> Outcome guarded(const QString& path, Fn&& fn) {
    // No exception may cross back into the event loop (STYLE.md: errors).
    try {
        return fn();
    } catch (const std::exception& e) {
        Outcome out;
        out.path = path;
        out.error = QString::fromUtf8(e.what());
        return out;
    }
}

} // namespace

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ProjectSession::finish);
}

ProjectSession::~ProjectSession() {
    m_watcher.waitForFinished();
}

std::optional<core::DatasetInfo> ProjectSession::dataset(core::DatasetId id) const {
    for (const auto& info : m_datasets) {
        if (info.id == id)
            return info;
    }
    return std::nullopt;
}

std::optional<core::SearchIndexStatus> ProjectSession::searchIndexStatus(core::DatasetId id) const {
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? std::nullopt : std::optional<core::SearchIndexStatus>(*it);
}

bool ProjectSession::needsIndexing() const {
    for (const auto& status : m_index) {
        if (!status.complete())
            return true;
    }
    return false;
}

QStringList ProjectSession::datasetNames() const {
    QStringList names;
    for (const auto& info : m_datasets)
        names.push_back(toQString(info.name));
    return names;
}

void ProjectSession::openProject(const QString& path) {
    start(Request::Open, path);
}
void ProjectSession::createProject(const QString& path) {
    start(Request::Create, path);
}
void ProjectSession::createDemoProject(const QString& path) {
    start(Request::Demo, path);
}

void ProjectSession::refreshDatasets() {
    if (isOpen())
        start(Request::Refresh, m_path);
}

void ProjectSession::closeProject() {
    m_pending.reset();
    if (!isOpen())
        return;
    m_path.clear();
    m_datasets.clear();
    m_index.clear();
    emit datasetsChanged();
    emit projectClosed();
}

void ProjectSession::start(Request request, const QString& rawPath) {
    const QString path = QFileInfo(rawPath).absoluteFilePath();
    if (m_busy) {
        // A refresh never replaces a queued open/create: that one lists the datasets anyway.
        if (request != Request::Refresh || !m_pending)
            m_pending = Pending{request, path};
        return;
    }
    m_busy = true;
    emit busyChanged(true);
    launch(request, path);
}

void ProjectSession::launch(Request request, const QString& path) {
    m_request = request;
    m_watcher.setFuture(QtConcurrent::run([request, path]() -> Outcome {
        return guarded(path, [&]() -> Outcome {
            const std::string file = toStdString(path);
            switch (request) {
            case Request::Create: {
                auto project = core::Project::create(file);
                if (!project)
                    return failure(path, project.error());
                return listDatasets(path, **project);
            }
            case Request::Demo: {
                auto summary = core::createDemoProject(file);
                if (!summary)
                    return failure(path, summary.error());
                break;
            }
            case Request::Open:
            case Request::Refresh:
                break;
            }
            // Open migrates an older schema (a write), which is why this never runs on the GUI thread.
            auto project = core::Project::open(file, request == Request::Refresh);
            if (!project)
                return failure(path, project.error());
            return listDatasets(path, **project);
        });
    }));
}

void ProjectSession::finish() {
    const Outcome outcome = m_watcher.result();
    const Request request = m_request;
    if (request == Request::Refresh) {
        // A refresh of a project that was closed or replaced meanwhile is stale.
        if (outcome.path == m_path && outcome.ok) {
            m_datasets = outcome.datasets;
            m_index = outcome.index;
            emit datasetsChanged();
        }
    } else if (outcome.ok) {
        m_path = outcome.path;
        m_datasets = outcome.datasets;
        m_index = outcome.index;
        emit projectOpened(m_path);
        emit datasetsChanged();
    } else {
        emit projectFailed(outcome.path, outcome.error);
    }
    if (m_pending) {
        const Pending next = *m_pending;
        m_pending.reset();
        if (next.request != Request::Refresh || next.path == m_path) {
            launch(next.request, next.path);
            return;
        }
    }
    m_busy = false;
    emit busyChanged(false);
}

} // namespace bankbench::ui
