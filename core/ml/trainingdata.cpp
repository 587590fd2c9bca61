#include "ml/trainingdata.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

std::uint64_t SplitMix64::next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t bound) {
    if (bound <= 1)
        return 0;
    // Rejection sampling: drop the top partial range so every value is equally likely.
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t value;
    do {
        value = next();
    } while (value >= limit);
    return value % bound;
}

void seededShuffle(std::vector<std::int64_t>& values, std::uint64_t seed) {
    SplitMix64 rng(seed);
    for (std::size_t i = values.size(); i > 1; --i)
        std::swap(values[i - 1], values[rng.below(i)]);
}

namespace {

struct DatasetLabels {
    core::DatasetInfo info;
    bool multiLabel = false;
    std::vector<core::LabelCount> counts; ///< label set order
};

core::Result<DatasetLabels> datasetLabels(core::Project& project, const std::string& datasetName) {
    auto info = project.dataset(datasetName);
    if (!info)
        return info.error();
    if (!info->labelSetId)
        return Error{ErrorCode::InvalidArgument,
                     "dataset \"" + datasetName +
                         "\" has no labels (import it with a label column, or label it)",
                     {project.path(), 0, 0}};
    DatasetLabels out;
    out.info = *info;
    try {
        auto stmt = project.database().prepare("SELECT kind FROM label_sets WHERE id = ?1");
        stmt.bind(1, *info->labelSetId);
        const std::string kind = stmt.step() ? stmt.columnText(0) : "";
        if (kind == "span")
            return Error{ErrorCode::InvalidArgument,
                         "dataset \"" + datasetName +
                             "\" has span (slot) labels; text classification needs "
                             "intent labels",
                         {project.path(), 0, 0}};
        out.multiLabel = kind == "multi";
    } catch (const core::DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {project.path(), 0, 0}};
    }
    auto counts = project.labelCounts(info->id);
    if (!counts)
        return counts.error();
    out.counts = std::move(*counts);
    return out;
}

core::Status readExamples(core::Project& project, const core::DatasetInfo& info, LabelledData& data,
                          std::unordered_map<std::string, int>& ids, bool addUnknown,
                          const core::CancelToken* cancel) {
    auto status = project.forEachRecord(info.id, [&](const core::Record& record) {
        if (cancel && cancel->isCancelled())
            return false;
        if (record.labels.empty())
            return true;
        std::vector<int> classes;
        for (const auto& label : record.labels) {
            auto found = ids.find(label);
            if (found == ids.end()) {
                if (!addUnknown)
                    continue;
                found = ids.emplace(label, static_cast<int>(data.labelNames.size())).first;
                data.labelNames.push_back(label);
            }
            if (std::find(classes.begin(), classes.end(), found->second) == classes.end())
                classes.push_back(found->second);
        }
        if (classes.empty())
            return true;
        if (!data.multiLabel)
            classes.resize(1); // a single-label set holds one label per decision
        data.recordIds.push_back(record.id);
        data.texts.push_back(record.text);
        data.labels.push_back(std::move(classes));
        return true;
    });
    if (!status) {
        if (status.error().code == ErrorCode::Cancelled)
            return Error{ErrorCode::Cancelled, "cancelled while reading the dataset", {project.path(), 0, 0}};
        return status;
    }
    return {};
}

} // namespace

core::Result<LabelledData> loadLabelledData(core::Project& project, const std::string& datasetName,
                                            const core::CancelToken* cancel) {
    auto labels = datasetLabels(project, datasetName);
    if (!labels)
        return labels.error();
    LabelledData data;
    data.datasetName = datasetName;
    data.multiLabel = labels->multiLabel;
    std::unordered_map<std::string, int> ids;
    for (const auto& count : labels->counts) {
        if (count.count > 0) {
            ids.emplace(count.name, static_cast<int>(data.labelNames.size()));
            data.labelNames.push_back(count.name);
        }
    }
    if (data.labelNames.size() < 2)
        return Error{ErrorCode::InvalidArgument,
                     "dataset \"" + datasetName + "\" has " + std::to_string(data.labelNames.size()) +
                         " label(s) in use; a classifier needs at least 2",
                     {project.path(), 0, 0}};
    if (auto status = readExamples(project, labels->info, data, ids, false, cancel); !status)
        return status.error();
    if (data.size() < 2)
        return Error{ErrorCode::InvalidArgument,
                     "dataset \"" + datasetName + "\" has too few labelled records",
                     {project.path(), 0, 0}};
    return data;
}

core::Result<LabelledData> loadLabelledDataFor(core::Project& project, const std::string& datasetName,
                                               const std::vector<std::string>& modelLabels, bool multiLabel,
                                               const core::CancelToken* cancel) {
    auto labels = datasetLabels(project, datasetName);
    if (!labels)
        return labels.error();
    if (labels->multiLabel != multiLabel)
        return Error{ErrorCode::InvalidArgument,
                     std::string("dataset \"") + datasetName + "\" is " +
                         (labels->multiLabel ? "multi-label" : "single-label") + " but the model is " +
                         (multiLabel ? "multi-label" : "single-label"),
                     {project.path(), 0, 0}};
    LabelledData data;
    data.datasetName = datasetName;
    data.multiLabel = multiLabel;
    data.labelNames = modelLabels;
    std::unordered_map<std::string, int> ids;
    for (std::size_t i = 0; i < modelLabels.size(); ++i)
        ids.emplace(modelLabels[i], static_cast<int>(i));
    if (auto status = readExamples(project, labels->info, data, ids, true, cancel); !status)
        return status.error();
    if (data.size() == 0)
        return Error{ErrorCode::InvalidArgument,
                     "dataset \"" + datasetName + "\" has no labelled records",
                     {project.path(), 0, 0}};
    return data;
}

DataSplit stratifiedSplit(const LabelledData& data, double validationFraction, std::uint64_t seed) {
    const auto classCount = static_cast<int>(data.labelNames.size());
    std::vector<std::int64_t> frequency(classCount, 0);
    for (const auto& labels : data.labels)
        for (int label : labels)
            ++frequency[label];
    // Group each example under one class: its only label, or (multi-label) its rarest, so rare labels
    // reach validation too.
    std::vector<std::vector<std::int64_t>> groups(classCount);
    for (std::size_t i = 0; i < data.size(); ++i) {
        int key = data.labels[i].front();
        for (int label : data.labels[i])
            if (frequency[label] < frequency[key] || (frequency[label] == frequency[key] && label < key))
                key = label;
        groups[key].push_back(static_cast<std::int64_t>(i));
    }
    DataSplit split;
    for (int c = 0; c < classCount; ++c) {
        auto& group = groups[c];
        if (group.empty())
            continue;
        // Mix the class id into the seed so classes do not share one permutation pattern.
        seededShuffle(group, seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(c + 1)));
        std::size_t take = 0;
        if (group.size() >= 2) {
            take = static_cast<std::size_t>(
                std::llround(static_cast<double>(group.size()) * validationFraction));
            take = std::clamp<std::size_t>(take, 1, group.size() - 1);
        }
        split.validation.insert(split.validation.end(), group.begin(),
                                group.begin() + static_cast<long>(take));
        split.train.insert(split.train.end(), group.begin() + static_cast<long>(take), group.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
}

} // namespace bankbench::ml
