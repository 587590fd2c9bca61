// Datasets find their records through an id range (store/datasetrange.h) instead of an index. These tests
// interleave datasets so that another dataset's records sit inside the range, which every query must skip.
#include "store/datasetrange.h"
#include "store/labelstore.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

DatasetInfo datasetInfo(const std::string& name) {
    DatasetInfo info;
    info.name = name;
    info.sourcePath = "/tmp/" + name + ".csv";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    return info;
}

DatasetId addDataset(Project& project, const std::string& name,
                     const std::vector<std::pair<std::string, std::string>>& rows) {
    auto writer = project.beginDataset(datasetInfo(name), LabelSetKind::SingleLabel, "import");
    EXPECT_TRUE(writer.ok()) << (writer.ok() ? "" : writer.error().what());
    int line = 1;
    for (const auto& [text, label] : rows) {
        NewRecord r;
        r.sourceLine = ++line;
        r.text = text;
        r.fields = nlohmann::json::array({text, label});
        r.labels = {label};
        EXPECT_TRUE((*writer)->add(r).ok());
    }
    EXPECT_TRUE((*writer)->commit().ok());
    EXPECT_TRUE(project.buildSearchIndex().ok());
    return (*writer)->datasetId();
}

// What a later writer does (chat turns sent to labeling): append a record to an existing dataset and widen
// its range in the same transaction.
RecordId appendRecord(Project& project, DatasetId dataset, const std::string& text) {
    auto& db = project.database();
    Transaction transaction(db);
    db.prepare("INSERT INTO records(dataset_id, source_line, text, fields_json) VALUES(?1, 99, ?2, '[null, null]')")
        .bind(1, dataset)
        .bind(2, text)
        .run();
    const RecordId id = db.lastInsertRowId();
    db.prepare("UPDATE datasets SET row_count = row_count + 1 WHERE id = ?1").bind(1, dataset).run();
    extendDatasetRecordRange(db, dataset, id, id);
    transaction.commit();
    return id;
}

std::vector<std::string> texts(Project& project, const std::vector<RecordId>& ids) {
    std::vector<std::string> out;
    for (const auto& r : project.records(ids).value())
        out.push_back(r.text);
    return out;
}

struct Interleaved : ::testing::Test {
    TempDir dir;
    std::unique_ptr<Project> project = std::move(Project::create(dir.file("p.bbproj"))).value();
    DatasetId first = addDataset(*project, "first", {{"lost my card", "card"}, {"send money", "transfer"}});
    DatasetId second = addDataset(*project, "second", {{"open an account", "account"}, {"close it", "account"}});
    RecordId appended = appendRecord(*project, first, "one more for the first");
};

} // namespace

TEST_F(Interleaved, QueriesSeeOnlyTheirDatasetsRecords) {
    const auto ids = project->queryRecordIds({.datasetId = first});
    ASSERT_TRUE(ids.ok()) << ids.error().what();
    EXPECT_EQ(texts(*project, *ids), (std::vector<std::string>{"lost my card", "send money", "one more for the first"}));
    const auto others = project->queryRecordIds({.datasetId = second});
    EXPECT_EQ(texts(*project, *others), (std::vector<std::string>{"open an account", "close it"}));

    std::vector<std::string> visited;
    ASSERT_TRUE(project->forEachRecord(first, [&](const Record& r) {
        visited.push_back(r.text);
        return true;
    }, 1).ok());
    EXPECT_EQ(visited, (std::vector<std::string>{"lost my card", "send money", "one more for the first"}));
}

TEST_F(Interleaved, LabelFiltersAndCountsStayWithinTheDataset) {
    const auto card = project->queryRecordIds({.datasetId = first, .label = "card"});
    EXPECT_EQ(texts(*project, card.value()), std::vector<std::string>{"lost my card"});
    const auto unlabelled = project->queryRecordIds({.datasetId = first, .labelled = LabelledFilter::Unlabelled});
    EXPECT_EQ(texts(*project, unlabelled.value()), std::vector<std::string>{"one more for the first"});

    const auto counts = project->labelCounts(second).value();
    ASSERT_EQ(counts.size(), 1u);
    EXPECT_EQ(counts[0].name, "account");
    EXPECT_EQ(counts[0].count, 2);
    EXPECT_EQ(project->dataset(first)->labelledCount, 2);

    LabelStore store(*project);
    const auto progress = store.progress(first).value();
    EXPECT_EQ(progress.labelled, 2);
    ASSERT_EQ(progress.labels.size(), 2u);
    EXPECT_EQ(progress.labels[0].count + progress.labels[1].count, 2);
}

TEST_F(Interleaved, SearchAndDeletionKeepTheOtherDatasetWhole) {
    EXPECT_EQ(project->queryRecordIds({.datasetId = first, .search = "account"})->size(), 0u);
    const auto indexed = project->buildSearchIndex();
    ASSERT_TRUE(indexed.ok());
    EXPECT_EQ(*indexed, 1); // only the appended record: the second dataset inside the range was indexed
    EXPECT_EQ(project->searchIndexStatus(first)->indexed, 3);
    EXPECT_EQ(project->queryRecordIds({.datasetId = first, .search = "more"})->size(), 1u);

    ASSERT_TRUE(project->deleteDataset(first).ok());
    const auto left = project->queryRecordIds({.datasetId = second});
    EXPECT_EQ(texts(*project, left.value()), (std::vector<std::string>{"open an account", "close it"}));
    EXPECT_EQ(project->queryRecordIds({.datasetId = second, .search = "account"})->size(), 1u);
    auto count = project->database().prepare("SELECT COUNT(*) FROM records");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.columnInt(0), 2);
}

TEST(DatasetRange, ImportRecordsTheRangeOfItsIds) {
    TempDir dir;
    auto project = std::move(Project::create(dir.file("p.bbproj"))).value();
    const DatasetId id = addDataset(*project, "only", {{"a", "x"}, {"b", "y"}, {"c", "x"}});
    auto range = project->database().prepare("SELECT first_record_id, last_record_id FROM datasets WHERE id = ?1");
    range.bind(1, id);
    ASSERT_TRUE(range.step());
    EXPECT_EQ(range.columnInt(0), 1);
    EXPECT_EQ(range.columnInt(1), 3);
}
