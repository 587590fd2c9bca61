#include "ml/jobcommon.h"

#include "ml/runtime.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

namespace bankbench::ml::detail {

using core::Error;
using core::ErrorCode;
using core::RunStatus;

void RunRecordingSink::epochFinished(const EpochMetrics& m) {
    const auto status = m_store.recordEpoch(m_run, m.epoch, m.step,
                                            {{"train_loss", m.trainLoss},
                                             {"validation_loss", m.validationLoss},
                                             {"validation_accuracy", m.validationAccuracy},
                                             {"validation_macro_f1", m.validationMacroF1},
                                             {"validation_micro_f1", m.validationMicroF1},
                                             {"learning_rate", m.learningRate},
                                             {"seconds", m.seconds},
                                             {"examples_per_second", m.examplesPerSecond}});
    if (!status)
        m_outer.log("warning: cannot store epoch metrics: " + status.error().what());
    m_outer.epochFinished(m);
}

std::string expectedDevice(DevicePreference preference) {
    return preference != DevicePreference::Cpu && runtimeInfo().cudaAvailable ? "cuda:0" : "cpu";
}

core::Result<core::RunInfo> resumableRun(core::RunStore& store, const TrainJobRequest& request,
                                         TrainConfig& config) {
    auto run = store.run(request.runName);
    if (!run)
        return run.error();
    if (run->status == RunStatus::Finished)
        return Error{ErrorCode::InvalidArgument,
                     "run \"" + run->name + "\" has already finished",
                     {request.projectPath, 0, 0}};
    auto stored = trainConfigFromJson(run->config);
    if (!stored)
        return stored.error();
    config = *stored;
    config.threads = request.config.threads;
    config.device = request.config.device;
    return *run;
}

core::Result<DataSplit> restoreSplit(const std::vector<core::RecordId>& recordIds,
                                     const core::RunSplit& stored, const std::string& source,
                                     const std::string& projectPath) {
    std::unordered_map<core::RecordId, std::int64_t> index;
    for (std::size_t i = 0; i < recordIds.size(); ++i)
        index.emplace(recordIds[i], static_cast<std::int64_t>(i));
    DataSplit split;
    for (auto [ids, out] :
         {std::pair{&stored.train, &split.train}, std::pair{&stored.validation, &split.validation}}) {
        for (const auto id : *ids) {
            const auto found = index.find(id);
            if (found == index.end())
                return Error{ErrorCode::InvalidArgument,
                             "record " + std::to_string(id) + " of the run's split is no longer " + source +
                                 "; the run cannot be resumed",
                             {projectPath, 0, 0}};
            out->push_back(found->second);
        }
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
}

core::Result<std::string> runNameOrUnique(core::RunStore& store, const std::string& requested,
                                          const std::string& prefix) {
    if (!requested.empty())
        return requested;
    return store.uniqueRunName(prefix);
}

core::Result<core::RunInfo> createRunWithSplit(core::RunStore& store, const core::NewRun& fresh,
                                               const std::vector<core::RecordId>& recordIds,
                                               const DataSplit& split) {
    auto id = store.createRun(fresh);
    if (!id)
        return id.error();
    core::RunSplit records;
    for (auto i : split.train)
        records.train.push_back(recordIds[static_cast<std::size_t>(i)]);
    for (auto i : split.validation)
        records.validation.push_back(recordIds[static_cast<std::size_t>(i)]);
    if (auto status = store.saveSplit(*id, records); !status)
        return status.error();
    auto run = store.run(*id);
    if (!run)
        return run.error();
    std::error_code ec;
    std::filesystem::remove_all(store.modelDirPath(*run), ec);
    return run;
}

nlohmann::json finalReport(const TrainJobSummary& s) {
    auto history = nlohmann::json::array();
    for (const auto& m : s.result.history)
        history.push_back(toJson(m));
    return {{"outcome", s.result.outcome == TrainOutcome::Finished ? "finished" : "cancelled"},
            {"best_epoch", s.result.bestEpoch},
            {"best_validation_macro_f1", s.result.bestValidationMacroF1},
            {"stopped_early", s.result.stoppedEarly},
            {"steps", s.result.steps},
            {"train_seconds", s.result.trainSeconds},
            {"examples_per_second", s.result.examplesPerSecond},
            {"threads", s.result.threads},
            {"device", s.result.device},
            {"train_examples", s.trainExamples},
            {"validation_examples", s.validationExamples},
            {"history", history},
            {"validation", s.result.validationReport}};
}

core::Status storeOutcome(core::RunStore& store, const TrainJobSummary& summary) {
    const auto status =
        summary.result.outcome == TrainOutcome::Finished ? RunStatus::Finished : RunStatus::Cancelled;
    return store.finish(summary.runId, status, summary.report);
}

} // namespace bankbench::ml::detail
