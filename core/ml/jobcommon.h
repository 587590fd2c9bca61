#pragma once

// Private to the train jobs (trainjob.cpp, tokenjob.cpp): the run bookkeeping classification and token runs
// share (recording sink, resuming a stored run and its split, creating a run, the final report). Torch-free.
// Everything runs on the job's thread.

#include "ml/trainingdata.h"
#include "ml/trainjob.h"
#include "store/runstore.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bankbench::ml::detail {

/// Forwards to the caller's sink and stores each epoch's numbers with the run as they arrive. Holds
/// references: `outer` and `store` must outlive it.
class RunRecordingSink final : public ProgressSink {
public:
    RunRecordingSink(ProgressSink& outer, core::RunStore& store, core::RunId run)
        : m_outer(outer), m_store(store), m_run(run) {}
    void progress(const TrainProgress& p) override { m_outer.progress(p); }
    void log(const std::string& line) override { m_outer.log(line); }
    std::chrono::milliseconds progressInterval() const override { return m_outer.progressInterval(); }
    void epochFinished(const EpochMetrics& m) override;

private:
    ProgressSink& m_outer;
    core::RunStore& m_store;
    core::RunId m_run;
};

/// The device a run records before training: "cuda:0" when CUDA is there and allowed, else "cpu".
std::string expectedDevice(DevicePreference preference);

/// Run `request.runName` to resume: refuses a finished run; `config` becomes the stored config with the
/// request's threads and device.
core::Result<core::RunInfo> resumableRun(core::RunStore& store, const TrainJobRequest& request,
                                         TrainConfig& config);

/// The stored split as indices into `recordIds`; every record of the split must still be there (`source`
/// completes "is no longer ..." in the error, e.g. `labelled in dataset "x"`).
core::Result<DataSplit> restoreSplit(const std::vector<core::RecordId>& recordIds,
                                     const core::RunSplit& stored, const std::string& source,
                                     const std::string& projectPath);

/// `requested`, or the store's next free "<prefix>-N" when it is empty.
core::Result<std::string> runNameOrUnique(core::RunStore& store, const std::string& requested,
                                          const std::string& prefix);

/// Creates the run with its split (indices into `recordIds`) and empties its model folder, which belongs to
/// this run name now (anything left there is from a deleted run of that name).
core::Result<core::RunInfo> createRunWithSplit(core::RunStore& store, const core::NewRun& fresh,
                                               const std::vector<core::RecordId>& recordIds,
                                               const DataSplit& split);

/// The final report keys every run has (outcome, best epoch, timings, history, "validation").
nlohmann::json finalReport(const TrainJobSummary& summary);

/// Stores summary.report and marks the run finished or cancelled by summary.result.outcome.
core::Status storeOutcome(core::RunStore& store, const TrainJobSummary& summary);

} // namespace bankbench::ml::detail
