#pragma once

// Generated slot-filling data for token-classification tests: card last-four digits and amounts in
// English and Chinese sentences, with their spans in code points. Header-only (tests/ml globs *_test.cpp).

#include "ml/spandata.h"
#include "ml/trainingdata.h"
#include "store/labelstore.h"
#include "store/project.h"
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace bankbench::test {

/// `count` sentences; each holds a card's last four digits ("card"), an amount ("amount"), both or neither.
/// Amounts have 1-3 digits, sometimes cents, so the two types differ by context as well as by form.
inline ml::SpanData syntheticSlots(int count, std::uint64_t seed) {
    struct Template {
        std::vector<std::string> parts; ///< literal text, "{card}" or "{amount}"
    };
    static const std::vector<Template> templates = {
        {{"my card ending ", "{card}", " was charged ", "{amount}", " dollars"}},
        {{"please pay ", "{amount}", " usd with card ", "{card}"}},
        {{"transfer ", "{amount}", " euros from the card ending in ", "{card}"}},
        {{"why is there a ", "{amount}", " dollar fee on card ", "{card}", "?"}},
        {{"block card ", "{card}", " now please"}},
        {{"I was charged ", "{amount}", " twice"}},
        {{"尾号", "{card}", "的卡消费了", "{amount}", "元"}},
        {{"从尾号", "{card}", "的卡转账", "{amount}", "元给妈妈"}},
        {{"hello, what is my balance"}},
        {{"帮我查一下余额"}},
    };
    ml::SplitMix64 rng(seed);
    ml::SpanData data;
    data.datasetName = "slots";
    data.labelSetName = "slots";
    data.types = {"card", "amount"};
    for (int i = 0; i < count; ++i) {
        const auto& t = templates[rng.below(templates.size())];
        std::string text;
        std::vector<core::Span> spans;
        for (const auto& part : t.parts) {
            std::string value = part;
            std::string type;
            if (part == "{card}") {
                value = std::to_string(1000 + rng.below(9000));
                type = "card";
            } else if (part == "{amount}") {
                value = std::to_string(1 + rng.below(rng.below(2) ? 999 : 99));
                if (rng.below(4) == 0)
                    value += "." + std::to_string(10 + rng.below(90));
                type = "amount";
            }
            const auto start = core::utf8::length(text);
            text += value;
            if (!type.empty())
                spans.push_back({start, core::utf8::length(text), type});
        }
        data.recordIds.push_back(i + 1);
        data.texts.push_back(text);
        data.spans.push_back(spans);
    }
    return data;
}

/// A project with dataset `name` holding `data`'s texts and, in span label set "slots" (assigned to the
/// dataset), each text's spans as an accepted decision by "ann".
inline std::unique_ptr<core::Project> createSlotProject(const std::string& path, const std::string& name,
                                                        const ml::SpanData& data) {
    auto project = core::Project::create(path);
    EXPECT_TRUE(project.ok()) << project.error().what();
    if (!project)
        return nullptr;
    core::DatasetInfo info;
    info.name = name;
    info.sourcePath = "generated";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text"};
    info.textColumn = "text";
    auto writer = (*project)->beginDataset(info, core::LabelSetKind::SingleLabel, "test");
    EXPECT_TRUE(writer.ok()) << writer.error().what();
    for (std::size_t i = 0; i < data.size(); ++i) {
        core::NewRecord record;
        record.sourceLine = static_cast<std::int64_t>(i) + 2;
        record.text = data.texts[i];
        record.fields = nlohmann::json::array({data.texts[i]});
        EXPECT_TRUE((*writer)->add(record).ok());
    }
    EXPECT_TRUE((*writer)->commit().ok());
    core::LabelStore store(**project);
    const auto dataset = (*project)->dataset(name).value();
    const auto set = store.createLabelSet("slots", core::LabelSetKind::Span).value();
    for (const auto& type : data.types) {
        core::Label label;
        label.name = type;
        EXPECT_TRUE(store.createLabel(set.id, label).ok());
    }
    EXPECT_TRUE(store.assignLabelSet(dataset.id, set.id).ok());
    std::vector<core::RecordId> ids;
    EXPECT_TRUE((*project)
                    ->forEachRecord(dataset.id,
                                    [&](const core::Record& r) {
                                        ids.push_back(r.id);
                                        return true;
                                    })
                    .ok());
    for (std::size_t i = 0; i < ids.size() && i < data.size(); ++i) {
        auto decision =
            store.recordDecision(ids[i], set.id, "ann", core::DecisionStatus::Accepted, {}, data.spans[i]);
        EXPECT_TRUE(decision.ok()) << decision.error().what();
    }
    return std::move(*project);
}

} // namespace bankbench::test
