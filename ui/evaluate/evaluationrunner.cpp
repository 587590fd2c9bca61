#include "evaluate/evaluationrunner.h"

#include "common/qtconvert.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <QThread>

#include <exception>

namespace bankbench::ui {

EvaluationRunner::EvaluationRunner(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_context(new QObject) {
    m_thread->setObjectName(QStringLiteral("evaluation"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

EvaluationRunner::~EvaluationRunner() {
    if (m_cancel)
        m_cancel->cancel();
    m_thread->quit();
    m_thread->wait();
}

void EvaluationRunner::cancel() {
    if (m_cancel)
        m_cancel->cancel();
}

void EvaluationRunner::start(const ml::EvalDetailRequest& request) {
    cancel();
    m_cancel = std::make_shared<core::CancelToken>();
    const quint64 generation = ++m_generation;
    m_running = true;
    // Raw: the destructor waits for the thread, and events posted to a deleted object are dropped.
    EvaluationRunner* self = this;
    QMetaObject::invokeMethod(m_context, [self, generation, request, cancel = m_cancel] {
        QElapsedTimer clock;
        clock.start();
        qint64 lastEmit = -1000;
        const auto progress = [&](std::int64_t done, std::int64_t total) {
            const qint64 now = clock.elapsed();
            if (done < total && now - lastEmit < 100)
                return;
            lastEmit = now;
            QMetaObject::invokeMethod(self, [self, generation, done, total] {
                if (self && generation == self->m_generation)
                    emit self->progressChanged(done, total);
            });
        };
        std::shared_ptr<const EvaluationResult> result;
        QString error;
        bool cancelled = false;
        try {
            auto detail = ml::runEvalDetailJob(request, progress, *cancel);
            if (detail) {
                result = makeEvaluationResult(std::make_shared<const ml::EvalDetail>(std::move(*detail)));
            } else {
                cancelled = detail.error().code == core::ErrorCode::Cancelled;
                error = toQString(detail.error().what());
            }
        } catch (const std::exception& e) { // nothing crosses the thread boundary
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(self, [self, generation, result, error, cancelled] {
            if (!self || generation != self->m_generation)
                return;
            self->m_running = false;
            if (result)
                emit self->finished(result);
            else
                emit self->failed(cancelled ? QString() : error, cancelled);
        });
    });
}

void EvaluationRunner::lookupDecision(const QString& projectPath, core::RecordId record,
                                      core::LabelSetId labelSet, const QString& annotator,
                                      DecisionCallback callback) {
    // Raw: the destructor waits for the thread, and events posted to a deleted object are dropped.
    EvaluationRunner* self = this;
    QMetaObject::invokeMethod(m_context, [self, path = toStdString(projectPath), record, labelSet,
                                          who = toStdString(annotator), callback = std::move(callback)] {
        std::optional<core::Decision> decision;
        QString error;
        auto project = core::Project::open(path, /*readOnly=*/true);
        if (!project) {
            error = toQString(project.error().what());
        } else {
            core::LabelStore store(**project);
            auto found = store.currentDecision(record, labelSet, who);
            if (found)
                decision = *found;
            else
                error = toQString(found.error().what());
        }
        QMetaObject::invokeMethod(self, [self, callback, decision, error] {
            if (self)
                callback(decision, error);
        });
    });
}

void EvaluationRunner::listRuns(const QString& projectPath, RunsCallback callback) {
    // Raw: the destructor waits for the thread, and events posted to a deleted object are dropped.
    EvaluationRunner* self = this;
    QMetaObject::invokeMethod(
        m_context, [self, path = toStdString(projectPath), callback = std::move(callback)] {
            std::vector<core::RunInfo> runs;
            QString error;
            auto project = core::Project::open(path, /*readOnly=*/true);
            if (!project) {
                error = toQString(project.error().what());
            } else {
                auto found = core::RunStore(**project).runs();
                if (found)
                    runs = std::move(*found);
                else
                    error = toQString(found.error().what());
            }
            QMetaObject::invokeMethod(self, [self, callback, runs = std::move(runs), error] {
                if (self)
                    callback(runs, error);
            });
        });
}

} // namespace bankbench::ui
