#pragma once

#include "store/project.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

using RunId = std::int64_t;

enum class RunStatus { Running, Finished, Cancelled, Failed };
const char* runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(const std::string& name);

/// A training run as stored in the project (tables runs, run_split, run_metrics, run_evaluations).
struct RunInfo {
    RunId id = 0;
    std::string name;
    std::string model;                  ///< "fast", "transformer"
    std::optional<DatasetId> datasetId; ///< null once the dataset is deleted
    std::string datasetName;            ///< kept even when the dataset is deleted
    RunStatus status = RunStatus::Running;
    nlohmann::json config;           ///< the full TrainConfig as JSON
    std::vector<std::string> labels; ///< class id -> label name
    bool multiLabel = false;
    nlohmann::json report;   ///< final report (null until the run ends)
    std::string modelDir;    ///< relative to the project file's folder, e.g. "p.bbproj.runs/fast-1"
    nlohmann::json versions; ///< software versions used (bankbench, libtorch, BLAS, ...)
    std::string device;      ///< "cpu", "cuda:0"
    std::string error;       ///< why a failed run failed
    std::string createdAt;   ///< ISO 8601 UTC
    std::string updatedAt;
    std::optional<std::string> finishedAt;
};

struct NewRun {
    std::string name;
    std::string model;
    DatasetId datasetId = 0;
    std::string datasetName;
    nlohmann::json config;
    std::vector<std::string> labels;
    bool multiLabel = false;
    nlohmann::json versions = nlohmann::json::object();
    std::string device;
};

/// One row of run_metrics: a named number at the end of an epoch.
struct RunMetric {
    int epoch = 0;
    std::int64_t step = 0;
    std::string name;
    double value = 0;
};

struct RunSplit {
    std::vector<RecordId> train;
    std::vector<RecordId> validation;
};

struct RunEvaluation {
    std::string datasetName;
    nlohmann::json report;
    std::string createdAt;
};

/// Runs stored in a project. Uses the Project's connection, so it shares its thread rule: one thread at a
/// time. Every write is its own transaction; nothing throws (database failures come back as Database).
class RunStore {
public:
    explicit RunStore(Project& project) : m_project(project) {}

    /// Folder names are run names, so names are checked: 1-100 bytes, no '/', '\\', control characters or
    /// leading '.'; InvalidArgument otherwise, AlreadyExists for a name in use.
    static Status validateRunName(const std::string& name);
    /// The model folder of `runName`, relative to the project file's folder: "<file name>.runs/<run>".
    static std::string relativeModelDir(const std::string& projectPath, const std::string& runName);
    /// `info.modelDir` resolved against the project's folder.
    std::string modelDirPath(const RunInfo& info) const;

    /// "<prefix>-N" with the smallest N >= 1 not in use.
    Result<std::string> uniqueRunName(const std::string& prefix);

    Result<RunId> createRun(const NewRun& run);
    Result<RunInfo> run(const std::string& name);
    Result<RunInfo> run(RunId id);
    /// Newest first.
    Result<std::vector<RunInfo>> runs();

    /// Replaces the run's split (record ids of the training and validation parts).
    Status saveSplit(RunId id, const RunSplit& split);
    Result<RunSplit> split(RunId id);

    /// Upserts the epoch's numbers (a resumed run rewrites the epochs it repeats).
    Status recordEpoch(RunId id, int epoch, std::int64_t step, const std::map<std::string, double>& values);
    /// Ordered by epoch, then name.
    Result<std::vector<RunMetric>> metrics(RunId id);

    Status setStatus(RunId id, RunStatus status, const std::string& error = {});
    /// Marks the run ended (finished, cancelled or failed) with its report.
    Status finish(RunId id, RunStatus status, const nlohmann::json& report, const std::string& error = {});
    /// Updates what a resumed session changes: device, versions, status back to running.
    Status markResumed(RunId id, const std::string& device, const nlohmann::json& versions);

    Status addEvaluation(RunId id, const std::string& datasetName, const nlohmann::json& report);
    Result<std::vector<RunEvaluation>> evaluations(RunId id);

    /// Deletes the rows (not the model folder).
    Status deleteRun(RunId id);

    /// Renames a run and moves its model folder to the new name's folder, atomically as far as the file
    /// system allows: the folder is renamed inside the database transaction, and moved back if the commit
    /// fails. The project's active model follows the rename. Errors: the validateRunName ones,
    /// AlreadyExists (name or target folder taken), NotFound, InvalidArgument (the run is still running:
    /// its trainer writes into the folder), Io (the folder cannot be moved), Database.
    Status renameRun(RunId id, const std::string& newName);

private:
    Project& m_project;
};

} // namespace bankbench::core
