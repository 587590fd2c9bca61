#include "chat/policytuning.h"

#include "store/runstore.h"

#include <unordered_map>

namespace bankbench::core::chat {

Result<Policy> tunePolicyOnRun(Project& project, const std::string& runName, ml::LoadedModel& model,
                               const Policy& base, const TuningOptions& options, const CancelToken* cancel) {
    RunStore runs(project);
    auto run = runs.run(runName);
    if (!run)
        return run.error();
    auto split = runs.split(run->id);
    if (!split)
        return split.error();
    if (split->validation.empty())
        return Error{ErrorCode::InvalidArgument,
                     "run \"" + runName + "\" has no validation split to tune the bot's policy on",
                     {}};
    auto records = project.records(split->validation);
    if (!records)
        return records.error();
    const auto& labels = model.labels();
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < labels.size(); ++i)
        index.emplace(labels[i], static_cast<int>(i));
    std::vector<std::string> texts;
    std::vector<int> gold;
    for (const auto& record : *records) {
        if (record.labels.empty())
            continue;
        const auto it = index.find(record.labels.front());
        if (it == index.end())
            continue;
        texts.push_back(record.text);
        gold.push_back(it->second);
    }
    if (texts.empty())
        return Error{ErrorCode::InvalidArgument,
                     "run \"" + runName + "\": no labelled validation record carries a label of the model",
                     {}};
    std::vector<float> probabilities;
    probabilities.reserve(texts.size() * labels.size());
    constexpr std::size_t kBatch = 256;
    for (std::size_t begin = 0; begin < texts.size(); begin += kBatch) {
        const std::vector<std::string> batch(
            texts.begin() + static_cast<std::ptrdiff_t>(begin),
            texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), begin + kBatch)));
        auto scored = model.predictProbabilities(batch, cancel);
        if (!scored)
            return scored.error();
        probabilities.insert(probabilities.end(), scored->begin(), scored->end());
    }
    auto policy = tunePolicy(probabilities, gold, labels, base, options);
    if (policy) {
        policy->tuning["run"] = runName;
        // With refit (TrainConfig, on by default) the final model also trained on these examples, so the
        // confidences are optimistic and the threshold too lenient; callers warn about it.
        policy->tuning["refit"] = run->config.is_object() && run->config.value("refit", true);
    }
    return policy;
}

} // namespace bankbench::core::chat
