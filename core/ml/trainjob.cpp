#include "ml/trainjob.h"

#include "metrics/topk.h"
#include "ml/evaluation.h"
#include "ml/jobcommon.h"
#include "ml/runmodel.h"
#include "ml/runtime.h"
#include "ml/textclassifier.h"
#include "ml/tokenjob.h"
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
using namespace detail;

namespace {

nlohmann::json softwareVersions(nlohmann::json versions) {
    const auto runtime = runtimeInfo();
    versions["libtorch"] = runtime.torchVersion;
    versions["blas"] = runtime.blasName;
    if (!runtime.blasDetails.empty())
        versions["blas_details"] = runtime.blasDetails;
    return versions;
}

} // namespace

core::Result<TrainJobSummary> runTrainJob(const TrainJobRequest& request, ProgressSink& sink,
                                          const core::CancelToken& cancel) {
    // Slot spans (BIO token classification) have their own data, loop and report (tokenjob.h).
    if (request.resume ? isTokenRun(request.projectPath, request.runName) : request.config.task == TaskKind::Tokens)
        return runTokenTrainJob(request, sink, cancel);
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
        auto found = resumableRun(store, request, train.config);
        if (!found)
            return found.error();
        run = *found;
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
        auto split = restoreSplit(data->recordIds, *stored,
                                  "labelled in dataset \"" + data->datasetName + "\"", request.projectPath);
        if (!split)
            return split.error();
        train.split = std::move(*split);
        if (auto status = store.markResumed(run.id, expectedDevice(train.config.device), versions); !status)
            return status.error();
    } else {
        train.split = stratifiedSplit(*data, train.config.validationFraction, train.config.seed);
        auto unique = runNameOrUnique(store, request.runName, modelKindName(train.config.model));
        if (!unique)
            return unique.error();
        const std::string name = *unique;
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
        auto created = createRunWithSplit(store, fresh, data->recordIds, train.split);
        if (!created)
            return created.error();
        run = *created;
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
    if (auto stored = storeOutcome(store, summary); !stored)
        return stored.error();
    return summary;
}

core::Result<nlohmann::json> runEvalJob(const EvalJobRequest& request, const core::CancelToken* cancel) {
    if (isTokenRun(request.projectPath, request.runName))
        return runTokenEvalJob(request, cancel);
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
