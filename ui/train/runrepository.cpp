#include "train/runrepository.h"

#include "common/qtconvert.h"

#include <store/project.h>
#include <store/projectsettings.h>

#include <QCoreApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

#include <filesystem>
#include <fstream>

namespace bankbench::ui {

namespace {

struct ListResult {
    bool ok = false;
    QString error;
    QList<RunRow> runs;
    QString active;
};

std::vector<ml::EpochMetrics> foldMetrics(const std::vector<core::RunMetric>& rows) {
    std::map<int, nlohmann::json> byEpoch;
    for (const auto& row : rows) {
        auto& json = byEpoch[row.epoch];
        json["epoch"] = row.epoch;
        json["step"] = row.step;
        json[row.name] = row.value;
    }
    std::vector<ml::EpochMetrics> out;
    for (const auto& [epoch, json] : byEpoch)
        out.push_back(ml::epochMetricsFromJson(json));
    return out;
}

ListResult listRuns(const std::string& path) {
    ListResult out;
    auto project = core::Project::open(path, /*readOnly=*/true);
    if (!project) {
        out.error = toQString(project.error().what());
        return out;
    }
    core::RunStore store(**project);
    auto runs = store.runs();
    if (!runs) {
        out.error = toQString(runs.error().what());
        return out;
    }
    for (auto& info : *runs) {
        RunRow row;
        auto metrics = store.metrics(info.id);
        if (metrics) {
            const auto epochs = foldMetrics(*metrics);
            row.epochs = static_cast<int>(epochs.size());
            for (const auto& m : epochs)
                row.bestMacroF1 = std::max(row.bestMacroF1.value_or(0.0), m.validationMacroF1);
        }
        if (info.report.is_object()) {
            if (info.report.contains("best_validation_macro_f1") && info.report.value("best_epoch", 0) > 0)
                row.bestMacroF1 = info.report["best_validation_macro_f1"].get<double>();
            row.trainSeconds = info.report.value("train_seconds", -1.0);
        }
        row.info = std::move(info);
        out.runs.push_back(std::move(row));
    }
    auto active = core::ProjectSettings(**project).activeModel();
    if (active && active->has_value())
        out.active = toQString(**active);
    out.ok = true;
    return out;
}

/// Where in-flight work is counted, so the destructor and tests can wait for the pool.
QThreadPool* pool() {
    return QThreadPool::globalInstance();
}

} // namespace

RunRepository::RunRepository(QObject* parent) : QObject(parent) {
    qRegisterMetaType<RunRow>();
    qRegisterMetaType<QList<RunRow>>();
    qRegisterMetaType<RunMetricsMap>();
}

// Pool tasks capture only values, never `this`: destroying the repository drops their answers (the
// watchers die with it) without waiting.
RunRepository::~RunRepository() = default;

bool RunRepository::isIdle() const {
    return m_inFlight == 0;
}

void RunRepository::waitForIdle() {
    while (m_inFlight > 0) {
        pool()->waitForDone(50);
        QCoreApplication::sendPostedEvents(this);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 20);
    }
}

void RunRepository::list(const QString& projectPath) {
    const int generation = ++m_listGeneration;
    ++m_inFlight;
    auto* watcher = new QFutureWatcher<ListResult>(this);
    connect(watcher, &QFutureWatcher<ListResult>::finished, this, [this, watcher, generation] {
        --m_inFlight;
        watcher->deleteLater();
        if (generation != m_listGeneration)
            return;
        const ListResult result = watcher->result();
        if (!result.ok)
            emit listFailed(result.error);
        else
            emit listed(result.runs, result.active);
    });
    watcher->setFuture(QtConcurrent::run(pool(), [path = toStdString(projectPath)] {
        try {
            return listRuns(path);
        } catch (const std::exception& e) {
            ListResult failed;
            failed.error = QString::fromUtf8(e.what());
            return failed;
        }
    }));
}

void RunRepository::loadMetrics(const QString& projectPath, const QStringList& runNames) {
    ++m_inFlight;
    auto* watcher = new QFutureWatcher<RunMetricsMap>(this);
    connect(watcher, &QFutureWatcher<RunMetricsMap>::finished, this, [this, watcher] {
        --m_inFlight;
        watcher->deleteLater();
        emit metricsLoaded(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(pool(), [path = toStdString(projectPath), runNames] {
        RunMetricsMap out;
        try {
            auto project = core::Project::open(path, /*readOnly=*/true);
            if (!project)
                return out;
            core::RunStore store(**project);
            for (const QString& name : runNames) {
                auto run = store.run(toStdString(name));
                if (!run)
                    continue;
                if (auto metrics = store.metrics(run->id))
                    out.insert(name, foldMetrics(*metrics));
            }
        } catch (const std::exception&) {
            // A run that cannot be read simply has no curve; the history shows its state.
        }
        return out;
    }));
}

void RunRepository::runChange(const QString& projectPath, std::function<ChangeResult()> work) {
    ++m_inFlight;
    auto* watcher = new QFutureWatcher<ChangeResult>(this);
    connect(watcher, &QFutureWatcher<ChangeResult>::finished, this, [this, watcher, projectPath] {
        --m_inFlight;
        watcher->deleteLater();
        const ChangeResult result = watcher->result();
        emit changed(result.ok, result.message);
        if (result.ok)
            list(projectPath);
    });
    watcher->setFuture(QtConcurrent::run(pool(), [work = std::move(work)] {
        try {
            return work();
        } catch (const std::exception& e) {
            return ChangeResult{false, QString::fromUtf8(e.what())};
        }
    }));
}

void RunRepository::rename(const QString& projectPath, const QString& runName, const QString& newName) {
    runChange(projectPath, [path = toStdString(projectPath), runName, newName]() -> ChangeResult {
        auto project = core::Project::open(path);
        if (!project)
            return {false, toQString(project.error().what())};
        core::RunStore store(**project);
        auto run = store.run(toStdString(runName));
        if (!run)
            return {false, toQString(run.error().what())};
        if (auto status = store.renameRun(run->id, toStdString(newName)); !status)
            return {false, toQString(status.error().message)};
        return {true, tr("Run “%1” renamed to “%2”.").arg(runName, newName)};
    });
}

void RunRepository::remove(const QString& projectPath, const QString& runName) {
    runChange(projectPath, [path = toStdString(projectPath), runName]() -> ChangeResult {
        auto project = core::Project::open(path);
        if (!project)
            return {false, toQString(project.error().what())};
        core::RunStore store(**project);
        auto run = store.run(toStdString(runName));
        if (!run)
            return {false, toQString(run.error().what())};
        if (run->status == core::RunStatus::Running)
            return {false, tr("Run “%1” is still running; cancel it before deleting it.").arg(runName)};
        core::ProjectSettings settings(**project);
        if (auto active = settings.activeModel(); active && *active == run->name)
            (void)settings.setActiveModel(std::nullopt);
        if (auto status = store.deleteRun(run->id); !status)
            return {false, toQString(status.error().what())};
        std::error_code ec;
        std::filesystem::remove_all(store.modelDirPath(*run), ec);
        if (ec)
            return {true, tr("Run “%1” deleted, but its model folder could not be removed: %2")
                              .arg(runName, QString::fromStdString(ec.message()))};
        return {true, tr("Run “%1” deleted.").arg(runName)};
    });
}

void RunRepository::exportRun(const QString& projectPath, const QString& runName, const QString& targetDir) {
    runChange(projectPath, [path = toStdString(projectPath), runName, targetDir]() -> ChangeResult {
        auto project = core::Project::open(path, /*readOnly=*/true);
        if (!project)
            return {false, toQString(project.error().what())};
        core::RunStore store(**project);
        auto run = store.run(toStdString(runName));
        if (!run)
            return {false, toQString(run.error().what())};
        const std::filesystem::path source = store.modelDirPath(*run);
        const std::filesystem::path target = std::filesystem::path(toStdString(targetDir)) / run->name;
        std::error_code ec;
        if (std::filesystem::exists(target, ec))
            return {false, tr("%1 already exists; choose another folder.")
                               .arg(QDir::toNativeSeparators(toQString(target.string())))};
        std::filesystem::create_directories(target, ec);
        if (!ec && std::filesystem::exists(source))
            std::filesystem::copy(source, target, std::filesystem::copy_options::recursive, ec);
        if (ec)
            return {false, tr("Cannot export run “%1” to %2: %3")
                               .arg(runName, QDir::toNativeSeparators(toQString(target.string())),
                                    QString::fromStdString(ec.message()))};
        nlohmann::json report = {{"run", run->name},
                                 {"model", run->model},
                                 {"dataset", run->datasetName},
                                 {"status", core::runStatusName(run->status)},
                                 {"labels", run->labels},
                                 {"multi_label", run->multiLabel},
                                 {"device", run->device},
                                 {"created_at", run->createdAt},
                                 {"config", run->config},
                                 {"versions", run->versions},
                                 {"report", run->report}};
        if (auto metrics = store.metrics(run->id)) {
            auto epochs = nlohmann::json::array();
            for (const auto& m : foldMetrics(*metrics))
                epochs.push_back(ml::toJson(m));
            report["epochs"] = epochs;
        }
        std::ofstream out(target / "report.json");
        out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        out.close();
        if (!out)
            return {false, tr("Cannot write %1.").arg(toQString((target / "report.json").string()))};
        return {true, tr("Run “%1” exported to %2.")
                          .arg(runName, QDir::toNativeSeparators(toQString(target.string())))};
    });
}

void RunRepository::setActiveModel(const QString& projectPath, const std::optional<QString>& runName) {
    runChange(projectPath, [path = toStdString(projectPath), runName]() -> ChangeResult {
        auto project = core::Project::open(path);
        if (!project)
            return {false, toQString(project.error().what())};
        std::optional<std::string> name;
        if (runName)
            name = toStdString(*runName);
        if (auto status = core::ProjectSettings(**project).setActiveModel(name); !status)
            return {false, toQString(status.error().message)};
        return {true, runName ? tr("“%1” is now the project's active model.").arg(*runName)
                              : tr("The project has no active model now.")};
    });
}

} // namespace bankbench::ui
