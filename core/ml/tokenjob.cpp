#include "ml/tokenjob.h"

#include "ml/jobcommon.h"
#include "ml/runtime.h"
#include "ml/spandata.h"
#include "ml/spanmodel.h"
#include "ml/tokentrainer.h"

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;
using core::RunStatus;
using core::RunStore;

namespace {

Error fail(ErrorCode code, const std::string& message, const std::string& project) {
    return Error{code, message, {project, 0, 0}};
}

// The keys of a classification run's report, plus the task, the label set and the span micro-F1.
nlohmann::json tokenReport(const TrainJobSummary& s, const std::string& labelSet) {
    auto report = detail::finalReport(s);
    const auto& v = s.result.validationReport;
    report["task"] = "tokens";
    report["label_set"] = labelSet;
    report["best_validation_micro_f1"] = v.is_object() ? v.value("micro_f1", 0.0) : 0.0;
    return report;
}

} // namespace

bool isTokenRun(const std::string& projectPath, const std::string& runName) {
    auto project = core::Project::open(projectPath, /*readOnly=*/true);
    if (!project)
        return false;
    RunStore store(**project);
    auto run = store.run(runName);
    return run && isTokenTaskConfig(run->config);
}

core::Result<TrainJobSummary> runTokenTrainJob(const TrainJobRequest& request, ProgressSink& sink,
                                               const core::CancelToken& cancel) {
    const auto& path = request.projectPath;
    auto project = core::Project::open(path);
    if (!project)
        return project.error();
    RunStore store(**project);
    TrainJobSummary summary;
    TokenTrainRequest train;
    core::RunInfo run;
    auto versions = request.versions;
    const auto runtime = runtimeInfo();
    versions["libtorch"] = runtime.torchVersion;
    versions["blas"] = runtime.blasName;
    const std::string device = detail::expectedDevice(request.config.device);

    TrainProgress preparing;
    preparing.message = "reading span annotations";
    sink.progress(preparing);
    if (request.resume) {
        auto found = detail::resumableRun(store, request, train.config);
        if (!found)
            return found.error();
        run = *found;
    } else {
        train.config = request.config;
        if (request.pretrain)
            return fail(
                ErrorCode::InvalidArgument,
                "pretraining inside a token run is not supported: run `bankbench-cli pretrain` first and "
                "train with --init-from its output",
                path);
        if (auto status = validate(train.config); !status)
            return status.error();
    }
    const std::string datasetName = request.resume ? run.datasetName : request.datasetName;
    auto data = loadSpanData(**project, datasetName, train.config.labelSet, &cancel);
    if (!data)
        return data.error();
    // The run names the set it trained on, so evaluation on other datasets reads the same set.
    train.config.labelSet = data->labelSetName;
    if (request.resume) {
        if (data->types != run.labels)
            return fail(ErrorCode::InvalidArgument,
                        "the span types of label set \"" + data->labelSetName + "\" changed since run \"" +
                            run.name + "\" started; it cannot be resumed",
                        path);
        auto stored = store.split(run.id);
        if (!stored)
            return stored.error();
        auto split = detail::restoreSplit(data->recordIds, *stored,
                                          "annotated in label set \"" + data->labelSetName + "\"", path);
        if (!split)
            return split.error();
        train.train = std::move(split->train);
        train.validation = std::move(split->validation);
        if (auto status = store.markResumed(run.id, device, versions); !status)
            return status.error();
    } else {
        randomSplit(static_cast<std::int64_t>(data->size()), train.config.validationFraction,
                    train.config.seed, train.train, train.validation);
        auto name = detail::runNameOrUnique(store, request.runName, "tokens");
        if (!name)
            return name.error();
        auto dataset = (*project)->dataset(datasetName);
        if (!dataset)
            return dataset.error();
        core::NewRun fresh{*name,
                           modelKindName(train.config.model),
                           dataset->id,
                           datasetName,
                           toJson(train.config),
                           data->types,
                           false,
                           versions,
                           device};
        auto created =
            detail::createRunWithSplit(store, fresh, data->recordIds, {train.train, train.validation});
        if (!created)
            return created.error();
        run = *created;
    }
    summary.runName = run.name;
    summary.runId = run.id;
    summary.modelDir = store.modelDirPath(run);
    summary.datasetName = datasetName;
    summary.labels = data->types;
    summary.trainExamples = static_cast<std::int64_t>(train.train.size());
    summary.validationExamples = static_cast<std::int64_t>(train.validation.size());
    train.data = &*data;
    train.modelDir = summary.modelDir;
    train.resume = request.resume;
    if (train.config.transformer.initFrom.empty()) {
        auto texts = datasetTexts(**project, {datasetName}, &cancel);
        if (!texts)
            return texts.error();
        train.tokenizerTexts = std::move(*texts);
    }

    // validation_accuracy is the word-tag accuracy here, the F1s are span F1s.
    detail::RunRecordingSink recording(sink, store, run.id);
    auto result = trainTokenTagger(train, recording, cancel);
    if (!result) {
        (void)store.finish(run.id, RunStatus::Failed, nullptr, result.error().what());
        return result.error();
    }
    summary.result = std::move(*result);
    summary.report = tokenReport(summary, data->labelSetName);
    if (auto stored = detail::storeOutcome(store, summary); !stored)
        return stored.error();
    return summary;
}

core::Result<nlohmann::json> runTokenEvalJob(const EvalJobRequest& request, const core::CancelToken* cancel) {
    auto project = core::Project::open(request.projectPath);
    if (!project)
        return project.error();
    RunStore store(**project);
    auto run = store.run(request.runName);
    if (!run)
        return run.error();
    auto model = loadSpanRunModel(request.projectPath, run->name, request.device);
    if (!model)
        return model.error();
    const auto labelSet = run->config.value("label_set", std::string());
    auto data = loadSpanData(**project, request.datasetName, labelSet, cancel);
    if (!data)
        return data.error();
    std::vector<std::vector<core::Span>> gold;
    for (std::size_t i = 0; i < data->size(); ++i) {
        auto trimmed = trimmedSpans(data->texts[i], data->spans[i]);
        if (!trimmed)
            return fail(ErrorCode::InvalidArgument,
                        "record " + std::to_string(data->recordIds[i]) + ": " + trimmed.error().message,
                        request.projectPath);
        gold.push_back(std::move(*trimmed));
    }
    auto found = (*model)->predictSpans(data->texts, cancel);
    if (!found)
        return found.error();
    std::vector<std::vector<core::Span>> predicted;
    for (const auto& spans : *found) {
        predicted.emplace_back();
        for (const auto& s : spans)
            predicted.back().push_back({s.start, s.end, s.type});
    }
    auto report = toJson(spanScores(gold, predicted, (*model)->types()));
    report["run"] = run->name;
    report["dataset"] = request.datasetName;
    report["label_set"] = data->labelSetName;
    report["device"] = (*model)->device();
    if (request.store)
        if (auto status = store.addEvaluation(run->id, request.datasetName, report); !status)
            return status.error();
    return report;
}

} // namespace bankbench::ml
