#pragma once

#include <store/records.h>

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace bankbench::ui {

/// Which project the window shows and its datasets. Opening (which may migrate the schema), creating and
/// listing run on pool threads, each with its own short-lived core::Project connection, so the GUI thread
/// never touches SQLite. Lives on the GUI thread; results arrive as signals; a newer request makes an
/// older one's result stale (dropped).
class ProjectSession : public QObject {
    Q_OBJECT

public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    bool isBusy() const { return m_busy; }

    const QList<core::DatasetInfo>& datasets() const { return m_datasets; }
    std::optional<core::DatasetInfo> dataset(core::DatasetId id) const;
    QStringList datasetNames() const;
    /// How much of a dataset the full-text index covers, as of the last listing.
    std::optional<core::SearchIndexStatus> searchIndexStatus(core::DatasetId id) const;
    /// Some dataset has records the search index does not cover yet.
    bool needsIndexing() const;

    void openProject(const QString& path);
    /// Fails (projectFailed) if the file exists.
    void createProject(const QString& path);
    /// A new project holding the synthetic bilingual demo dataset. Fails if the file exists.
    void createDemoProject(const QString& path);
    void closeProject();
    void refreshDatasets();

    struct Outcome {
        QString path;
        bool ok = false;
        QString error;
        QList<core::DatasetInfo> datasets;
        QHash<core::DatasetId, core::SearchIndexStatus> index;
    };

signals:
    void projectOpened(const QString& path);
    void projectFailed(const QString& path, const QString& message);
    void projectClosed();
    void datasetsChanged();
    void busyChanged(bool busy);

private:
    enum class Request { Open, Create, Demo, Refresh };
    struct Pending {
        Request request;
        QString path;
    };
    void start(Request request, const QString& path);
    void launch(Request request, const QString& path);
    void finish();

    QString m_path;
    QList<core::DatasetInfo> m_datasets;
    QHash<core::DatasetId, core::SearchIndexStatus> m_index;
    QFutureWatcher<Outcome> m_watcher;
    Request m_request = Request::Open;
    std::optional<Pending> m_pending; ///< what to run once the current request is done (latest wins)
    bool m_busy = false;
};

} // namespace bankbench::ui
