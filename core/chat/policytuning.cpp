#include "chat/policytuning.h"

#include "store/runstore.h"

#include <algorithm>
#include <unordered_map>

namespace bankbench::core::chat {

namespace {

// Embeds `texts` in batches into one row-major [n x dim] block.
Result<std::vector<float>> embedAll(ml::LoadedModel& model, const std::vector<std::string>& texts,
                                    const CancelToken* cancel) {
    std::vector<float> out;
    constexpr std::size_t kBatch = 256;
    for (std::size_t begin = 0; begin < texts.size(); begin += kBatch) {
        const std::vector<std::string> batch(
            texts.begin() + static_cast<std::ptrdiff_t>(begin),
            texts.begin() + static_cast<std::ptrdiff_t>(std::min(texts.size(), begin + kBatch)));
        auto embedded = model.embed(batch, cancel);
        if (!embedded)
            return embedded.error();
        out.insert(out.end(), embedded->begin(), embedded->end());
    }
    return out;
}

// The gate's references: the first `perIntent` training examples of each intent, in split order (record
// ids), so that the same run always gives the same bot.
// The none-of-these label gets none: a message predicted as it is turned away anyway.
Result<OutOfScopeGate> buildGate(Project& project, const std::vector<RecordId>& trainIds,
                                 ml::LoadedModel& model, const TuningOptions& options,
                                 const std::string& noneIntent, const CancelToken* cancel) {
    auto records = project.records(trainIds);
    if (!records)
        return records.error();
    const auto& labels = model.labels();
    std::unordered_map<std::string, int> taken;
    for (const auto& label : labels)
        if (label != noneIntent)
            taken.emplace(label, 0);
    std::vector<std::string> texts;
    std::vector<std::string> intents;
    for (const auto& record : *records) {
        if (record.labels.empty())
            continue;
        const auto it = taken.find(record.labels.front());
        if (it == taken.end() || it->second >= options.referencesPerIntent)
            continue;
        ++it->second;
        texts.push_back(record.text);
        intents.push_back(record.labels.front());
    }
    OutOfScopeGate gate;
    gate.neighbours = options.neighbours;
    auto embedded = embedAll(model, texts, cancel);
    if (!embedded)
        return embedded.error();
    if (texts.empty() || embedded->size() != texts.size() * static_cast<std::size_t>(model.embeddingDim()))
        return gate; // nothing to compare with: the gate stays off
    gate.dim = model.embeddingDim();
    const auto d = static_cast<std::size_t>(gate.dim);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto& rows = gate.references[intents[i]];
        rows.insert(rows.end(), embedded->begin() + static_cast<std::ptrdiff_t>(i * d),
                    embedded->begin() + static_cast<std::ptrdiff_t>((i + 1) * d));
    }
    return gate;
}

} // namespace

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
    Policy start = base;
    start.outOfScope = {};
    std::vector<double> scores;
    if (options.outOfScopeGate && model.embeddingDim() > 0) {
        auto gate = buildGate(project, split->train, model, options, base.noneIntent, cancel);
        if (!gate)
            return gate.error();
        auto embedded = embedAll(model, texts, cancel);
        if (!embedded)
            return embedded.error();
        if (gate->enabled() && embedded->size() == texts.size() * static_cast<std::size_t>(gate->dim)) {
            const auto d = static_cast<std::size_t>(gate->dim);
            for (std::size_t r = 0; r < texts.size(); ++r) {
                const auto row = probabilities.begin() + static_cast<std::ptrdiff_t>(r * labels.size());
                const auto predicted = static_cast<std::size_t>(
                    std::max_element(row, row + static_cast<std::ptrdiff_t>(labels.size())) - row);
                // An intent without references cannot be judged: never turned away by the gate.
                scores.push_back(gate->score(labels[predicted], embedded->data() + r * d, d).value_or(1.0));
            }
            start.outOfScope = std::move(*gate);
        }
    }
    auto policy = tunePolicy(probabilities, gold, labels, start, options, scores.empty() ? nullptr : &scores);
    if (policy) {
        policy->tuning["run"] = runName;
        // With refit (TrainConfig, on by default) the final model also trained on these examples, so the
        // confidences are optimistic and the threshold too lenient; callers warn about it.
        policy->tuning["refit"] = run->config.is_object() && run->config.value("refit", true);
    }
    return policy;
}

} // namespace bankbench::core::chat
