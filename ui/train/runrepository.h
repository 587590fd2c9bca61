#pragma once

#include <ml/trainprogress.h>
#include <store/runstore.h>

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace bankbench::ui {

/// One row of the run history: the stored run and what the table derives from its report.
struct RunRow {
    core::RunInfo info;
    std::optional<double> bestMacroF1; ///< from the report, or the best stored epoch of an unfinished run
    double trainSeconds = -1;          ///< -1: unknown (no report yet)
    int epochs = 0;                    ///< epochs stored in run_metrics
};

using RunMetricsMap = QHash<QString, std::vector<ml::EpochMetrics>>;

/// The project's runs, read and changed off the GUI thread: every call runs on a pool thread with its
/// own short-lived core::Project connection and answers with a signal on the GUI thread. A newer list()
/// makes an older list's answer stale (dropped). GUI-thread object.
class RunRepository : public QObject {
    Q_OBJECT

public:
    explicit RunRepository(QObject* parent = nullptr);
    ~RunRepository() override;

    void list(const QString& projectPath);
    /// Per-epoch metrics of the named runs (the overlay and the live panel of a finished run).
    void loadMetrics(const QString& projectPath, const QStringList& runNames);

    /// Each of these answers with changed(ok, message) and, when ok, lists again.
    void rename(const QString& projectPath, const QString& runName, const QString& newName);
    /// Deletes the rows and the model folder; clears the active model if it was this run.
    void remove(const QString& projectPath, const QString& runName);
    /// Copies the model folder and the run's report (report.json, with config and per-epoch metrics) into
    /// `targetDir/<run name>`. Refuses an existing target folder.
    void exportRun(const QString& projectPath, const QString& runName, const QString& targetDir);
    /// nullopt clears the project's active model.
    void setActiveModel(const QString& projectPath, const std::optional<QString>& runName);

    /// Waits for every call in flight (tests, shutdown).
    void waitForIdle();
    bool isIdle() const;

signals:
    void listed(const QList<bankbench::ui::RunRow>& runs, const QString& activeModel);
    void metricsLoaded(const bankbench::ui::RunMetricsMap& metrics);
    void changed(bool ok, const QString& message);
    /// A list() failed (the project could not be read).
    void listFailed(const QString& message);

private:
    struct ChangeResult {
        bool ok = false;
        QString message;
    };
    void runChange(const QString& projectPath, std::function<ChangeResult()> work);

    int m_listGeneration = 0;
    int m_inFlight = 0;
};

} // namespace bankbench::ui

Q_DECLARE_METATYPE(bankbench::ui::RunRow)
Q_DECLARE_METATYPE(bankbench::ui::RunMetricsMap)
