#include "ml/spandata.h"

#include "ml/trainingdata.h"
#include "store/labelstore.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

core::Result<SpanData> loadSpanData(core::Project& project, const std::string& datasetName,
                                    const std::string& labelSetName, const core::CancelToken* cancel) {
    auto dataset = project.dataset(datasetName);
    if (!dataset)
        return dataset.error();
    core::LabelStore labels(project);
    core::Result<core::LabelSet> set =
        labelSetName.empty() ? labels.labelSetOf(dataset->id) : labels.labelSet(labelSetName);
    if (!set) {
        if (labelSetName.empty())
            return Error{ErrorCode::InvalidArgument,
                         "dataset \"" + datasetName +
                             "\" has no label set; name the span label set (--label-set)",
                         {project.path(), 0, 0}};
        return set.error();
    }
    if (set->kind != core::LabelSetKind::Span)
        return Error{ErrorCode::InvalidArgument,
                     "label set \"" + set->name + "\" holds " + core::labelSetKindName(set->kind) +
                         " labels; token classification needs a span (slot) label set" +
                         (labelSetName.empty() ? " (name one with --label-set)" : ""),
                     {project.path(), 0, 0}};
    auto setLabels = labels.labels(set->id);
    if (!setLabels)
        return setLabels.error();
    SpanData out;
    out.datasetName = datasetName;
    out.labelSetName = set->name;
    for (const auto& label : *setLabels)
        out.types.push_back(label.name);
    if (out.types.empty())
        return Error{ErrorCode::InvalidArgument,
                     "span label set \"" + set->name + "\" has no labels",
                     {project.path(), 0, 0}};

    std::vector<core::RecordId> ids;
    std::map<core::RecordId, std::string> texts;
    auto status = project.forEachRecord(dataset->id, [&](const core::Record& record) {
        if (cancel && cancel->isCancelled())
            return false;
        ids.push_back(record.id);
        texts.emplace(record.id, record.text);
        return true;
    });
    if (!status)
        return status.error();
    if (cancel && cancel->isCancelled())
        return Error{ErrorCode::Cancelled, "cancelled while reading the dataset", {project.path(), 0, 0}};
    auto decisions = labels.currentDecisions(ids, set->id);
    if (!decisions)
        return decisions.error();
    // One decision per record: an adjudication, else the most recent accepted one.
    std::map<core::RecordId, const core::Decision*> chosen;
    for (const auto& d : *decisions) {
        if (d.status != core::DecisionStatus::Accepted || !d.isCurrent())
            continue;
        auto& slot = chosen[d.recordId];
        const bool adjudication = core::LabelStore::isAdjudication(d);
        if (!slot || (adjudication && !core::LabelStore::isAdjudication(*slot)) ||
            (adjudication == core::LabelStore::isAdjudication(*slot) && d.createdAt > slot->createdAt))
            slot = &d;
    }
    for (const auto& [record, decision] : chosen) {
        out.recordIds.push_back(record);
        out.texts.push_back(texts[record]);
        out.spans.push_back(decision->spans);
    }
    if (out.recordIds.empty())
        return Error{ErrorCode::InvalidArgument,
                     "no record of dataset \"" + datasetName +
                         "\" has an accepted decision in span label set \"" + set->name +
                         "\" (label spans in the label workspace first)",
                     {project.path(), 0, 0}};
    return out;
}

void randomSplit(std::int64_t count, double validationFraction, std::uint64_t seed,
                 std::vector<std::int64_t>& train, std::vector<std::int64_t>& validation) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
    for (std::int64_t i = 0; i < count; ++i)
        order[static_cast<std::size_t>(i)] = i;
    seededShuffle(order, seed);
    auto held = static_cast<std::int64_t>(std::llround(static_cast<double>(count) * validationFraction));
    held = std::clamp<std::int64_t>(held, count > 1 ? 1 : 0, std::max<std::int64_t>(count - 1, 0));
    validation.assign(order.begin(), order.begin() + held);
    train.assign(order.begin() + held, order.end());
    std::sort(train.begin(), train.end());
    std::sort(validation.begin(), validation.end());
}

} // namespace bankbench::ml
