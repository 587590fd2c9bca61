#include "ml/ensemble.h"

#include "ml/evaluation.h"
#include "ml/runmodel.h"
#include "ml/runtime.h"
#include "ml/selectionpredictions.h"
#include "ml/trainingdata.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

nlohmann::json toJson(const EnsembleConfig& config) {
    auto members = nlohmann::json::array();
    for (const auto& m : config.members)
        members.push_back(
            {{"run", m.run}, {"run_id", m.runId}, {"temperature", m.temperature}, {"weight", m.weight}});
    return {{"model", kEnsembleModel}, {"members", members}, {"tuned_weights", config.tunedWeights}};
}

core::Result<EnsembleConfig> ensembleConfigFromJson(const nlohmann::json& json) {
    auto invalid = [](const std::string& message) {
        return Error{ErrorCode::Parse, "ensemble config: " + message, {}};
    };
    if (!json.is_object() || !json.contains("members") || !json["members"].is_array())
        return invalid("expected an object with a \"members\" array");
    EnsembleConfig config;
    config.tunedWeights = json.value("tuned_weights", false);
    for (const auto& m : json["members"]) {
        if (!m.is_object() || !m.contains("run") || !m["run"].is_string())
            return invalid("every member needs a \"run\" name");
        EnsembleMember member;
        member.run = m["run"].get<std::string>();
        if (m.contains("run_id") && m["run_id"].is_number_integer())
            member.runId = m["run_id"].get<core::RunId>();
        if (!m.contains("temperature") || !m["temperature"].is_number() ||
            m["temperature"].get<double>() <= 0)
            return invalid("member \"" + member.run + "\": \"temperature\" must be a positive number");
        if (!m.contains("weight") || !m["weight"].is_number() || m["weight"].get<double>() < 0)
            return invalid("member \"" + member.run + "\": \"weight\" must be a non-negative number");
        member.temperature = m["temperature"].get<double>();
        member.weight = m["weight"].get<double>();
        config.members.push_back(std::move(member));
    }
    if (config.members.size() < 2)
        return invalid("an ensemble needs at least 2 members");
    return config;
}

namespace {

// The members as stored, each checked against the first.
core::Result<std::vector<core::RunInfo>> checkedMembers(core::RunStore& store, const EnsembleRequest& request,
                                                        core::RunSplit& sharedSplit) {
    std::set<std::string> seen;
    for (const auto& name : request.runs)
        if (!seen.insert(name).second)
            return Error{ErrorCode::InvalidArgument,
                         "run \"" + name + "\" is listed twice",
                         {request.projectPath, 0, 0}};
    if (request.runs.size() < 2)
        return Error{ErrorCode::InvalidArgument,
                     "an ensemble needs at least 2 runs (--runs A,B)",
                     {request.projectPath, 0, 0}};
    std::vector<core::RunInfo> members;
    for (const auto& name : request.runs) {
        auto run = store.run(name);
        if (!run)
            return run.error();
        auto fail = [&](const std::string& message) {
            return Error{
                ErrorCode::InvalidArgument, "run \"" + name + "\" " + message, {request.projectPath, 0, 0}};
        };
        if (run->model == kEnsembleModel)
            return fail("is an ensemble itself; list its member runs instead");
        if (run->status != core::RunStatus::Finished)
            return fail(std::string("has not finished (status ") + core::runStatusName(run->status) + ")");
        if (run->multiLabel)
            return fail("is multi-label; ensembles average single-label (softmax) probabilities only");
        auto split = store.split(run->id);
        if (!split)
            return split.error();
        std::sort(split->train.begin(), split->train.end());
        std::sort(split->validation.begin(), split->validation.end());
        if (members.empty()) {
            if (split->validation.empty())
                return fail("has no stored validation split to calibrate on");
            sharedSplit = *split;
        } else {
            const auto& first = members.front();
            const std::string against = " than run \"" + first.name + "\"";
            if (run->datasetName != first.datasetName)
                return fail("was trained on dataset \"" + run->datasetName + "\", run \"" + first.name +
                            "\" on \"" + first.datasetName + "\"; members must share the training data");
            if (run->labels != first.labels)
                return fail("has other labels" + against + " (" + std::to_string(run->labels.size()) +
                            " vs " + std::to_string(first.labels.size()) + ", or in another order)");
            if (split->validation != sharedSplit.validation || split->train != sharedSplit.train) {
                const auto describe = [](const core::RunInfo& r) {
                    return "seed " + r.config.value("seed", nlohmann::json()).dump() +
                           ", validation fraction " +
                           r.config.value("validation_fraction", nlohmann::json()).dump();
                };
                return fail(
                    "has another train/validation split than run \"" + first.name + "\" (" + describe(*run) +
                    " vs " + describe(first) +
                    "): each member's validation examples must be unseen by every member. Train the "
                    "members with the same seed and validation fraction on the same labelled records");
            }
        }
        members.push_back(std::move(*run));
    }
    return members;
}

} // namespace

core::Result<EnsembleSummary> createEnsemble(const EnsembleRequest& request,
                                             const core::CancelToken* cancel) {
    auto project = core::Project::open(request.projectPath);
    if (!project)
        return project.error();
    core::RunStore store(**project);
    core::RunSplit split;
    auto members = checkedMembers(store, request, split);
    if (!members)
        return members.error();
    const auto& first = members->front();
    const auto classes = static_cast<std::int64_t>(first.labels.size());
    auto data = loadLabelledDataFor(**project, first.datasetName, first.labels, false, cancel);
    if (!data)
        return data.error();

    EnsembleSummary summary;
    summary.datasetName = first.datasetName;
    summary.labels = first.labels;
    // The validation records still labelled with a label the members know.
    std::unordered_map<core::RecordId, std::int64_t> indexOf;
    for (std::size_t i = 0; i < data->recordIds.size(); ++i)
        indexOf.emplace(data->recordIds[i], static_cast<std::int64_t>(i));
    std::vector<std::int64_t> indices;
    std::vector<core::RecordId> recordIds;
    std::vector<int> labels;
    std::vector<std::string> texts;
    for (const auto id : split.validation) {
        const auto found = indexOf.find(id);
        if (found == indexOf.end() || data->labels[found->second].front() >= classes)
            continue;
        indices.push_back(found->second);
        recordIds.push_back(id);
        labels.push_back(data->labels[found->second].front());
        texts.push_back(data->texts[found->second]);
    }
    if (indices.empty())
        return Error{ErrorCode::InvalidArgument,
                     "none of the members' validation records is still labelled in dataset \"" +
                         first.datasetName + "\"",
                     {request.projectPath, 0, 0}};
    if (indices.size() < split.validation.size())
        summary.warnings.push_back(
            std::to_string(split.validation.size() - indices.size()) +
            " validation records are no longer labelled (or carry a label the members never "
            "saw) and were left out");

    std::vector<std::vector<float>> calibrated;
    for (const auto& run : *members) {
        if (cancel && cancel->isCancelled())
            return Error{ErrorCode::Cancelled, "ensemble cancelled", {}};
        EnsembleMemberReport report;
        report.member.run = run.name;
        report.member.runId = run.id;
        std::vector<float> probabilities;
        // Prefer the held-out predictions of the model chosen on validation (see selectionpredictions.h).
        if (auto stored = readSelectionPredictions(store.modelDirPath(run));
            stored && stored->classes == classes) {
            std::unordered_map<core::RecordId, std::size_t> rowOf;
            for (std::size_t r = 0; r < stored->recordIds.size(); ++r)
                rowOf.emplace(stored->recordIds[r], r);
            bool complete = true;
            for (const auto id : recordIds) {
                const auto row = rowOf.find(id);
                if (row == rowOf.end()) {
                    complete = false;
                    break;
                }
                const float* source =
                    stored->probabilities.data() + row->second * static_cast<std::size_t>(classes);
                probabilities.insert(probabilities.end(), source, source + classes);
            }
            if (complete)
                report.source = "selection";
            else
                probabilities.clear();
        }
        if (report.source.empty()) {
            auto model = loadRunModel(request.projectPath, run.name, request.device);
            if (!model)
                return model.error();
            auto predicted = (*model)->predictProbabilities(texts, cancel);
            if (!predicted)
                return predicted.error();
            probabilities = std::move(*predicted);
            report.source = "model";
            if (run.config.value("refit", false))
                summary.warnings.push_back("run \"" + run.name +
                                           "\" was refit on its validation split and has no stored held-out "
                                           "predictions: its temperature is fitted on examples it has seen");
        }
        const auto logits = logOf(probabilities);
        report.member.temperature = fitTemperature(logits, labels, classes);
        auto scaled = temperatureSoftmax(logits, classes, report.member.temperature);
        report.nllBefore = meanNll(probabilities, labels, classes);
        report.nllAfter = meanNll(scaled, labels, classes);
        std::int64_t correct = 0;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const float* row = scaled.data() + i * static_cast<std::size_t>(classes);
            correct += std::max_element(row, row + classes) - row == labels[i];
        }
        report.accuracy = static_cast<double>(correct) / static_cast<double>(labels.size());
        calibrated.push_back(std::move(scaled));
        summary.members.push_back(std::move(report));
    }

    const auto weights =
        request.tuneWeights
            ? tuneWeights(calibrated, labels, classes)
            : std::vector<double>(calibrated.size(), 1.0 / static_cast<double>(calibrated.size()));
    EnsembleConfig config;
    config.tunedWeights = request.tuneWeights;
    for (std::size_t m = 0; m < summary.members.size(); ++m) {
        summary.members[m].member.weight = weights[m];
        config.members.push_back(summary.members[m].member);
    }
    const auto averaged = averageProbabilities(calibrated, weights);
    summary.validationNll = meanNll(averaged, labels, classes);
    summary.validationExamples = static_cast<std::int64_t>(indices.size());
    auto validation = evaluationReport(*data, indices, averaged, classes, {});
    if (!validation)
        return validation.error();
    auto memberReports = nlohmann::json::array();
    for (const auto& m : summary.members)
        memberReports.push_back({{"run", m.member.run},
                                 {"temperature", m.member.temperature},
                                 {"weight", m.member.weight},
                                 {"validation_nll_before", m.nllBefore},
                                 {"validation_nll_after", m.nllAfter},
                                 {"validation_accuracy", m.accuracy},
                                 {"calibrated_on", m.source}});
    summary.report = {{"outcome", "finished"},
                      {"validation", *validation},
                      {"validation_nll", summary.validationNll},
                      {"validation_examples", summary.validationExamples},
                      {"members", memberReports},
                      {"warnings", summary.warnings}};

    std::string name = request.name;
    if (name.empty()) {
        auto unique = store.uniqueRunName(kEnsembleModel);
        if (!unique)
            return unique.error();
        name = *unique;
    }
    auto versions = request.versions;
    versions["libtorch"] = runtimeInfo().torchVersion;
    core::NewRun fresh{name,
                       kEnsembleModel,
                       first.datasetId.value_or(0),
                       first.datasetName,
                       toJson(config),
                       first.labels,
                       false,
                       versions,
                       first.device};
    if (!first.datasetId)
        return Error{ErrorCode::InvalidArgument,
                     "the members' dataset \"" + first.datasetName + "\" was deleted",
                     {request.projectPath, 0, 0}};
    auto id = store.createRun(fresh);
    if (!id)
        return id.error();
    if (auto status = store.saveSplit(*id, split); !status)
        return status.error();
    if (auto status = store.finish(*id, core::RunStatus::Finished, summary.report); !status)
        return status.error();
    summary.runName = name;
    summary.runId = *id;
    return summary;
}

} // namespace bankbench::ml
