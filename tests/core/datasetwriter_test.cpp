#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

namespace bankbench::core {
namespace {

DatasetInfo multiLabelInfo(const std::string& name) {
    DatasetInfo info;
    info.name = name;
    info.sourcePath = "/tmp/" + name + ".csv";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"id", "text", "intents"};
    info.textColumn = "text";
    info.labelColumn = "intents";
    info.labelSeparator = "|";
    return info;
}

// 70 rows: two whole multi-row groups and a remainder written row by row; labels: none, one, two, and a
// repeated one; a quote and a newline in the text.
std::vector<NewRecord> rows() {
    std::vector<NewRecord> all;
    for (int i = 0; i < 70; ++i) {
        NewRecord r;
        r.sourceLine = i + 2;
        r.text = (i % 2 ? "卡片第" : "card \"no\"\n") + std::to_string(i);
        if (i % 4 == 1)
            r.labels = {"lost"};
        else if (i % 4 == 2)
            r.labels = {"lost", "fee"};
        else if (i % 4 == 3)
            r.labels = {"fee", "fee"};
        r.fields = nlohmann::json::array({std::to_string(i), r.text, nullptr});
        all.push_back(std::move(r));
    }
    return all;
}

DatasetId write(Project& project, const std::string& name, bool together) {
    auto writer = project.beginDataset(multiLabelInfo(name), LabelSetKind::MultiLabel, "import",
                                       Project::BulkJournal::Wal, Project::SearchIndexing::WithRecords)
                      .value();
    const auto all = rows();
    if (together) {
        std::vector<const NewRecord*> pointers;
        for (const auto& r : all)
            pointers.push_back(&r);
        EXPECT_TRUE(writer->addAll(pointers).ok());
    } else {
        for (const auto& r : all)
            EXPECT_TRUE(writer->add(r).ok());
    }
    EXPECT_EQ(writer->rowsWritten(), 70);
    EXPECT_TRUE(writer->commit().ok());
    return writer->datasetId();
}

std::vector<Record> records(Project& project, DatasetId id) {
    std::vector<Record> all;
    EXPECT_TRUE(project.forEachRecord(id, [&](const Record& r) { return all.push_back(r), true; }).ok());
    return all;
}

TEST(DatasetWriter, WritingRecordsTogetherStoresWhatWritingThemOneByOneDoes) {
    test::TempDir dir;
    auto project = Project::create(dir.file("p.bbproj")).value();
    const DatasetId single = write(*project, "single", false);
    const DatasetId together = write(*project, "together", true);

    const auto expected = records(*project, single);
    const auto actual = records(*project, together);
    ASSERT_EQ(actual.size(), 70u);
    ASSERT_EQ(expected.size(), 70u);
    for (std::size_t i = 0; i < actual.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(actual[i].id, actual[0].id + static_cast<RecordId>(i)); // one block of ids, in order
        EXPECT_EQ(actual[i].sourceLine, expected[i].sourceLine);
        EXPECT_EQ(actual[i].text, expected[i].text);
        EXPECT_EQ(actual[i].fields, expected[i].fields);
        EXPECT_EQ(actual[i].labels, expected[i].labels);
    }
    const auto info = project->dataset(together).value();
    EXPECT_EQ(info.rowCount, 70);
    EXPECT_EQ(info.labelledCount, project->dataset(single).value().labelledCount);
    EXPECT_EQ(info.labelledCount, 52);

    // Every record is in the search index under its own id.
    EXPECT_TRUE(project->searchIndexStatus(together).value().complete());
    const auto hits = project->queryRecordIds({.datasetId = together, .search = "卡片"}).value();
    ASSERT_EQ(hits.size(), 35u);
    for (std::size_t i = 0; i < hits.size(); ++i)
        EXPECT_EQ(hits[i], actual[2 * i + 1].id);
    EXPECT_EQ(project->queryRecordIds({.datasetId = together, .search = "69"}).value(),
              std::vector<RecordId>{actual[69].id});
}

} // namespace
} // namespace bankbench::core
