#pragma once

// Fixtures shared by the label tests: a project with a plain dataset (columns id, text, intent) and a
// label set assigned to it. Header-only so each *_test.cpp stays self-contained in core_tests.

#include "store/labelstore.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace bankbench::test {

inline std::string errorText(const core::Error& e) {
    return e.what();
}

#define BB_ASSERT_OK(expr)                                                                                   \
    do {                                                                                                     \
        const auto& bbResult_ = (expr);                                                                      \
        ASSERT_TRUE(bbResult_.ok()) << bbResult_.error().what();                                             \
    } while (0)

/// A project with one dataset of `texts` (column "intent" holds `intents[i]` when given, not labelled).
struct LabelProject {
    TempDir dir;
    std::unique_ptr<core::Project> project;
    core::DatasetId dataset = 0;
    std::vector<core::RecordId> ids;

    explicit LabelProject(const std::vector<std::string>& texts, const std::vector<std::string>& intents = {},
                          const std::string& name = "calls") {
        project = core::Project::create(dir.file("p.bbproj")).value();
        addDataset(name, texts, intents);
    }

    core::DatasetId addDataset(const std::string& name, const std::vector<std::string>& texts,
                               const std::vector<std::string>& intents = {}) {
        core::DatasetInfo info;
        info.name = name;
        info.sourcePath = "/tmp/" + name + ".csv";
        info.sourceFormat = "csv";
        info.encoding = "UTF-8";
        info.columns = {"id", "text", "intent"};
        info.textColumn = "text";
        auto writer = project->beginDataset(info, core::LabelSetKind::SingleLabel, "import").value();
        for (std::size_t i = 0; i < texts.size(); ++i) {
            core::NewRecord r;
            r.sourceLine = static_cast<std::int64_t>(i + 2);
            r.text = texts[i];
            r.fields = nlohmann::json::array(
                {std::to_string(i + 1), texts[i], i < intents.size() ? intents[i] : ""});
            EXPECT_TRUE(writer->add(r).ok());
        }
        EXPECT_TRUE(writer->commit().ok());
        EXPECT_TRUE(project->buildSearchIndex().ok());
        dataset = writer->datasetId();
        ids = project->queryRecordIds(core::RecordQuery{dataset}).value();
        return dataset;
    }

    /// Creates a label set with `labels` (hotkeys 1, 2, ...) and assigns it to the dataset.
    core::LabelSetId addLabelSet(core::LabelStore& store, core::LabelSetKind kind,
                                 const std::vector<std::string>& labels,
                                 const std::string& name = "intents") {
        const auto set = store.createLabelSet(name, kind).value();
        for (std::size_t i = 0; i < labels.size(); ++i) {
            core::Label label;
            label.name = labels[i];
            label.hotkey = std::to_string(i + 1);
            EXPECT_TRUE(store.createLabel(set.id, label).ok());
        }
        EXPECT_TRUE(store.assignLabelSet(dataset, set.id).ok());
        return set.id;
    }
};

} // namespace bankbench::test
