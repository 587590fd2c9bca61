#include "ml/trainjob.h"

#include "metrics/topk.h"
#include "ml/evaluation.h"
#include "ml/runmodel.h"
#include "ml/runtime.h"
#include "ml/textclassifier.h"
#include "ml/trainer.h"
#include "ml/trainingdata.h"

#include <filesystem>
#include <span>
#include <unordered_map>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
using core::RunStatus;
using core::RunStore;

namespace {

/// Forwards to the caller's sink and stores each epoch's numbers with the run as they arrive.
class RunRecordingSink final : public ProgressSink {
public:
    RunRecordingSink(ProgressSink& outer, RunStore& store, core::RunId run)
        : m_outer(outer), m_store(store), m_run(run) {}
    void progress(const TrainProgress& p) override { m_outer.progress(p); }
    void log(const std::string& line) override { m_outer.log(line); }
    std::chrono::milliseconds progressInterval() const override { return m_outer.progressInterval(); }
    void epochFinished(const EpochMetrics& m) override {
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

private:
    ProgressSink& m_outer;
    RunStore& m_store;
    core::RunId m_run;
};

nlohmann::json softwareVersions(nlohmann::json versions) {
    const auto runtime = runtimeInfo();
    versions["libtorch"] = runtime.torchVersion;
    versions["blas"] = runtime.blasName;
    if (!runtime.blasDetails.empty())
        versions["blas_details"] = runtime.blasDetails;
    return versions;
}

std::string expectedDevice(DevicePreference preference) {
    return preference != DevicePreference::Cpu && runtimeInfo().cudaAvailable ? "cuda:0" : "cpu";
}

// The stored split as indices into `data`; every record of the split must still be there.
core::Result<DataSplit> restoreSplit(const LabelledData& data, const core::RunSplit& stored,
                                     const std::string& project) {
    std::unordered_map<core::RecordId, std::int64_t> index;
    for (std::size_t i = 0; i < data.recordIds.size(); ++i)
        index.emplace(data.recordIds[i], static_cast<std::int64_t>(i));
    DataSplit split;
    for (auto [ids, out] :
         {std::pair{&stored.train, &split.train}, std::pair{&stored.validation, &split.validation}}) {
        for (const auto id : *ids) {
            const auto found = index.find(id);
            if (found == index.end())
                return Error{ErrorCode::InvalidArgument,
                             "record " + std::to_string(id) +
                                 " of the run's split is no longer labelled in dataset \"" +
                                 data.datasetName + "\"; the run cannot be resumed",
                             {project, 0, 0}};
            out->push_back(found->second);
        }
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
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

} // namespace

core::Result<TrainJobSummary> runTrainJob(const TrainJobRequest& request, ProgressSink& sink,
                                          const core::CancelToken& cancel) {
    auto project = core::Project::open(request.projectPath);
    if (!project)
        return project.error();
    RunStore store(**project);
    TrainJobSummary summary;
    TrainRequest train;
    core::RunInfo run;
    const auto versions = softwareVersions(request.versions);

    TrainProgress preparing;
    preparing.message = "reading labelled records";
    sink.progress(preparing);
    if (request.resume) {
        auto found = store.run(request.runName);
        if (!found)
            return found.error();
        run = *found;
        if (run.status == RunStatus::Finished)
            return Error{ErrorCode::InvalidArgument,
                         "run \"" + run.name + "\" has already finished",
                         {request.projectPath, 0, 0}};
        auto config = trainConfigFromJson(run.config);
        if (!config)
            return config.error();
        train.config = *config;
        train.config.threads = request.config.threads;
        train.config.device = request.config.device;
    } else {
        train.config = request.config;
        if (auto status = validate(train.config); !status)
            return status.error();
    }
    const std::string datasetName = request.resume ? run.datasetName : request.datasetName;
    auto data = loadLabelledData(**project, datasetName, &cancel);
    if (!data)
        return data.error();
    if (request.resume) {
        if (data->labelNames != run.labels)
            return Error{ErrorCode::InvalidArgument,
                         "the labels of dataset \"" + datasetName + "\" changed since run \"" + run.name +
                             "\" started; it cannot be resumed",
                         {request.projectPath, 0, 0}};
        auto stored = store.split(run.id);
        if (!stored)
            return stored.error();
        auto split = restoreSplit(*data, *stored, request.projectPath);
        if (!split)
            return split.error();
        train.split = std::move(*split);
        if (auto status = store.markResumed(run.id, expectedDevice(train.config.device), versions); !status)
            return status.error();
    } else {
        train.split = stratifiedSplit(*data, train.config.validationFraction, train.config.seed);
        std::string name = request.runName;
        if (name.empty()) {
            auto unique = store.uniqueRunName(modelKindName(train.config.model));
            if (!unique)
                return unique.error();
            name = *unique;
        }
        if (request.pretrain) {
            if (train.config.model != ModelKind::Transformer)
                return Error{ErrorCode::InvalidArgument,
                             "pretraining applies to the transformer model only",
                             {request.projectPath, 0, 0}};
            auto texts = datasetTexts(**project, {datasetName}, &cancel);
            if (!texts)
                return texts.error();
            core::RunInfo probe;
            probe.modelDir = RunStore::relativeModelDir(request.projectPath, name);
            const auto pretrainDir = store.modelDirPath(probe) + ".pretrained";
            std::error_code ec;
            std::filesystem::remove_all(pretrainDir, ec);
            const auto pretrainConfig = pretrainConfigFor(train.config, *request.pretrain);
            auto pretrained = pretrainMlm(*texts, pretrainConfig, pretrainDir, sink, cancel);
            if (!pretrained)
                return pretrained.error();
            if (pretrained->cancelled)
                return Error{ErrorCode::Cancelled, "cancelled during pretraining (no run was created)",
                             {request.projectPath, 0, 0}};
            summary.pretraining = toJson(*pretrained);
            train.config.transformer.initFrom = pretrainDir;
        }
        core::NewRun fresh{name,
                           modelKindName(train.config.model),
                           0,
                           datasetName,
                           toJson(train.config),
                           data->labelNames,
                           data->multiLabel,
                           versions,
                           expectedDevice(train.config.device)};
        auto dataset = (*project)->dataset(datasetName);
        if (!dataset)
            return dataset.error();
        fresh.datasetId = dataset->id;
        auto id = store.createRun(fresh);
        if (!id)
            return id.error();
        core::RunSplit split;
        for (auto i : train.split.train)
            split.train.push_back(data->recordIds[i]);
        for (auto i : train.split.validation)
            split.validation.push_back(data->recordIds[i]);
        if (auto status = store.saveSplit(*id, split); !status)
            return status.error();
        run = store.run(*id).value();
        // The folder belongs to this run name now; anything left there is from a deleted run of that name.
        std::error_code ec;
        std::filesystem::remove_all(store.modelDirPath(run), ec);
    }
    summary.runName = run.name;
    summary.runId = run.id;
    summary.modelDir = store.modelDirPath(run);
    summary.datasetName = datasetName;
    summary.labels = data->labelNames;
    summary.multiLabel = data->multiLabel;
    summary.trainExamples = static_cast<std::int64_t>(train.split.train.size());
    summary.validationExamples = static_cast<std::int64_t>(train.split.validation.size());
    train.data = &*data;
    train.modelDir = summary.modelDir;
    if (train.config.model == ModelKind::Transformer && train.config.transformer.initFrom.empty()) {
        // The tokenizer learns from every text of the dataset, labelled or not.
        auto texts = datasetTexts(**project, {datasetName}, &cancel);
        if (!texts)
            return texts.error();
        train.tokenizerTexts = std::move(*texts);
    }
    train.resume = request.resume;

    RunRecordingSink recording(sink, store, run.id);
    auto result = ml::train(train, recording, cancel);
    if (!result) {
        (void)store.finish(run.id, RunStatus::Failed, nullptr, result.error().what());
        return result.error();
    }
    summary.result = std::move(*result);
    summary.report = finalReport(summary);
    if (!summary.pretraining.is_null())
        summary.report["pretraining"] = summary.pretraining;
    const auto status =
        summary.result.outcome == TrainOutcome::Finished ? RunStatus::Finished : RunStatus::Cancelled;
    if (auto stored = store.finish(run.id, status, summary.report); !stored)
        return stored.error();
    return summary;
}

core::Result<nlohmann::json> runEvalJob(const EvalJobRequest& request, const core::CancelToken* cancel) {
    auto project = core::Project::open(request.projectPath);
    if (!project)
        return project.error();
    RunStore store(**project);
    auto run = store.run(request.runName);
    if (!run)
        return run.error();
    // Through loadRunModel, so ensemble runs evaluate like any other run.
    auto classifier = loadRunModel(request.projectPath, run->name, request.device);
    if (!classifier)
        return classifier.error();
    auto data = loadLabelledDataFor(**project, request.datasetName, (*classifier)->labels(),
                                    (*classifier)->multiLabel(), cancel);
    if (!data)
        return data.error();
    auto probabilities = (*classifier)->predictProbabilities(data->texts, cancel);
    if (!probabilities)
        return probabilities.error();
    auto report =
        evaluationReport(*data, {}, *probabilities, static_cast<std::int64_t>((*classifier)->labels().size()),
                         (*classifier)->thresholds());
    if (!report)
        return report.error();
    (*report)["run"] = run->name;
    (*report)["dataset"] = request.datasetName;
    (*report)["device"] = (*classifier)->device();
    if (request.store)
        if (auto status = store.addEvaluation(run->id, request.datasetName, *report); !status)
            return status.error();
    return report;
}

core::Result<std::vector<Prediction>> runPredictJob(const PredictJobRequest& request) {
    auto project = core::Project::open(request.projectPath, /*readOnly=*/true);
    if (!project)
        return project.error();
    RunStore store(**project);
    auto run = store.run(request.runName);
    if (!run)
        return run.error();
    auto classifier = loadRunModel(request.projectPath, run->name, request.device);
    if (!classifier)
        return classifier.error();
    auto probabilities = (*classifier)->predictProbabilities(request.texts);
    if (!probabilities)
        return probabilities.error();
    const auto& labels = (*classifier)->labels();
    const auto classes = labels.size();
    const auto& thresholds = (*classifier)->thresholds();
    std::vector<Prediction> out;
    for (std::size_t i = 0; i < request.texts.size(); ++i) {
        const std::span<const float> row(probabilities->data() + i * classes, classes);
        Prediction prediction;
        prediction.text = request.texts[i];
        for (const auto c : core::metrics::topKIndices(row, std::max(request.topK, 1)))
            prediction.top.emplace_back(labels[c], row[c]);
        if ((*classifier)->multiLabel()) {
            for (std::size_t c = 0; c < classes; ++c)
                if (row[c] >= (c < thresholds.size() ? thresholds[c] : 0.5F))
                    prediction.labels.push_back(labels[c]);
        } else {
            prediction.labels.push_back(prediction.top.front().first);
        }
        out.push_back(std::move(prediction));
    }
    return out;
}

} // namespace bankbench::ml
