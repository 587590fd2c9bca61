#include "ml/evaljob.h"

#include "metrics/topk.h"
#include "ml/evaluation.h"
#include "ml/runmodel.h"
#include "ml/trainingdata.h"
#include "store/runstore.h"

#include <algorithm>
#include <span>
#include <unordered_set>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

namespace {

core::Error cancelled(const std::string& project) {
    return Error{ErrorCode::Cancelled, "evaluation cancelled", {project, 0, 0}};
}

// The indices of `data` whose records are in the run's validation split (the split's order is irrelevant).
std::vector<std::int64_t> validationIndices(const LabelledData& data, const core::RunSplit& split,
                                            std::int64_t& missing) {
    const std::unordered_set<core::RecordId> wanted(split.validation.begin(), split.validation.end());
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < data.recordIds.size(); ++i) {
        if (wanted.count(data.recordIds[i]))
            out.push_back(static_cast<std::int64_t>(i));
    }
    missing = static_cast<std::int64_t>(wanted.size()) - static_cast<std::int64_t>(out.size());
    return out;
}

EvalExample exampleRow(const LabelledData& data, std::int64_t index, std::span<const float> row,
                       const EvalDetail& detail, int topK) {
    EvalExample out;
    out.recordId = data.recordIds[index];
    out.text = data.texts[index];
    out.trueClasses = data.labels[index];
    const auto best = std::max_element(row.begin(), row.end());
    out.confidence = *best;
    if (detail.multiLabel) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const float threshold = c < detail.thresholds.size() ? detail.thresholds[c] : 0.5F;
            if (row[c] >= threshold)
                out.predictedClasses.push_back(static_cast<int>(c));
        }
    } else {
        // The first maximum, as evaluationReport's argmax: the confusion matrix counts this class.
        out.predictedClasses.push_back(static_cast<int>(best - row.begin()));
    }
    for (const auto c : core::metrics::topKIndices(row, std::max(topK, 1)))
        out.top.emplace_back(static_cast<int>(c), row[c]);
    return out;
}

} // namespace

core::Result<EvalDetail> runEvalDetailJob(const EvalDetailRequest& request, const EvalProgress& progress,
                                          const core::CancelToken& cancel) {
    auto opened = core::Project::open(request.projectPath, /*readOnly=*/true);
    if (!opened)
        return opened.error();
    std::unique_ptr<core::Project> project = std::move(*opened);
    core::RunStore store(*project);
    auto run = store.run(request.runName);
    if (!run)
        return run.error();
    EvalDetail detail;
    detail.runName = run->name;
    detail.runDataset = run->datasetName;
    detail.validationSplit = request.datasetName.empty();
    detail.datasetName = detail.validationSplit ? run->datasetName : request.datasetName;
    detail.refit = run->config.value("refit", false);

    auto model = loadRunModel(request.projectPath, run->name, request.device);
    if (!model)
        return model.error();
    LoadedModel& loaded = **model;
    auto data =
        loadLabelledDataFor(*project, detail.datasetName, loaded.labels(), loaded.multiLabel(), &cancel);
    if (!data)
        return data.error();
    auto dataset = project->dataset(detail.datasetName);
    if (!dataset)
        return dataset.error();
    detail.datasetId = dataset->id;
    detail.labelSetId = dataset->labelSetId;
    detail.labels = data->labelNames;
    detail.modelClasses = static_cast<std::int64_t>(loaded.labels().size());
    detail.multiLabel = loaded.multiLabel();
    detail.thresholds = loaded.thresholds();
    detail.device = loaded.device();

    std::vector<std::int64_t> examples;
    if (detail.validationSplit) {
        auto split = store.split(run->id);
        if (!split)
            return split.error();
        examples = validationIndices(*data, *split, detail.missingRecords);
        if (examples.empty())
            return Error{ErrorCode::Empty,
                         "run \"" + run->name + "\" has no validation records left in dataset \"" +
                             detail.datasetName + "\"",
                         {request.projectPath, 0, 0}};
    } else {
        examples.resize(data->size());
        for (std::size_t i = 0; i < examples.size(); ++i)
            examples[i] = static_cast<std::int64_t>(i);
    }
    project.reset(); // the connection is not needed while the model computes

    const auto total = static_cast<std::int64_t>(examples.size());
    const std::int64_t batch = std::max<std::int64_t>(1, request.batchSize);
    const auto classes = static_cast<std::size_t>(detail.modelClasses);
    std::vector<float> probabilities;
    probabilities.reserve(examples.size() * classes);
    if (progress)
        progress(0, total);
    for (std::int64_t start = 0; start < total; start += batch) {
        if (cancel.isCancelled())
            return cancelled(request.projectPath);
        const std::int64_t end = std::min(total, start + batch);
        std::vector<std::string> texts;
        for (std::int64_t i = start; i < end; ++i)
            texts.push_back(data->texts[examples[i]]);
        auto rows = loaded.predictProbabilities(texts, &cancel);
        if (!rows)
            return rows.error();
        if (rows->size() != texts.size() * classes)
            return Error{ErrorCode::InvalidArgument,
                         "the model returned the wrong number of probabilities",
                         {request.projectPath, 0, 0}};
        probabilities.insert(probabilities.end(), rows->begin(), rows->end());
        if (progress)
            progress(end, total);
    }

    auto report = evaluationReport(*data, examples, probabilities, detail.modelClasses, detail.thresholds);
    if (!report)
        return report.error();
    detail.report = std::move(*report);
    detail.report["run"] = detail.runName;
    detail.report["dataset"] = detail.datasetName;
    detail.report["validation_split"] = detail.validationSplit;
    detail.examples.reserve(examples.size());
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const std::span<const float> row(probabilities.data() + i * classes, classes);
        detail.examples.push_back(exampleRow(*data, examples[i], row, detail, request.topK));
    }
    return detail;
}

std::vector<std::size_t> confusionCellExamples(const EvalDetail& detail, int trueClass, int predictedClass) {
    std::vector<std::size_t> out;
    if (detail.multiLabel)
        return out;
    for (std::size_t i = 0; i < detail.examples.size(); ++i) {
        const EvalExample& example = detail.examples[i];
        if (!example.trueClasses.empty() && !example.predictedClasses.empty() &&
            example.trueClasses.front() == trueClass && example.predictedClasses.front() == predictedClass)
            out.push_back(i);
    }
    return out;
}

} // namespace bankbench::ml
