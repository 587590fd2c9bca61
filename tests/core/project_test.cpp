#include "store/project.h"
#include "store/schema.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

std::unique_ptr<Project> createProject(const TempDir& dir, const std::string& name = "p.bbproj") {
    auto project = Project::create(dir.file(name));
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().what());
    return std::move(project).value();
}

DatasetInfo datasetInfo(const std::string& name, bool withLabels = true) {
    DatasetInfo info;
    info.name = name;
    info.sourcePath = "/tmp/" + name + ".csv";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"id", "text", "intent"};
    info.textColumn = "text";
    if (withLabels)
        info.labelColumn = "intent";
    return info;
}

NewRecord record(int line, const std::string& text, const std::string& label) {
    NewRecord r;
    r.sourceLine = line;
    r.text = text;
    r.fields = nlohmann::json::array({std::to_string(line), text, label});
    if (!label.empty())
        r.labels = {label};
    return r;
}

DatasetId addDataset(Project& project, const std::string& name, const std::vector<NewRecord>& rows) {
    auto writer = project.beginDataset(datasetInfo(name), LabelSetKind::SingleLabel, "import");
    EXPECT_TRUE(writer.ok()) << (writer.ok() ? "" : writer.error().what());
    for (const auto& row : rows)
        EXPECT_TRUE((*writer)->add(row).ok());
    EXPECT_TRUE((*writer)->commit().ok());
    EXPECT_TRUE(project.buildSearchIndex().ok());
    return (*writer)->datasetId();
}

std::vector<NewRecord> bilingualRows() {
    return {record(2, "我的信用卡丢了，请帮我挂失", "card_lost"),
            record(3, "I lost my credit card yesterday", "card_lost"),
            record(4, "查询一下账户余额", "balance"),
            record(5, "What is my current balance?", "balance"),
            record(6, "转账失败了怎么办", ""),
            record(7, "Transfer failed twice today", "")};
}

std::vector<std::string> texts(Project& project, const std::vector<RecordId>& ids) {
    std::vector<std::string> out;
    for (const auto& r : project.records(ids).value())
        out.push_back(r.text);
    return out;
}

} // namespace

TEST(Project, CreateRefusesExistingFileAndOpenFindsLatestSchema) {
    TempDir dir;
    createProject(dir);
    EXPECT_EQ(Project::create(dir.file("p.bbproj")).error().code, ErrorCode::AlreadyExists);
    auto reopened = Project::open(dir.file("p.bbproj"));
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ((*reopened)->schemaVersion(), latestSchemaVersion());
}

TEST(Project, OpenMissingOrForeignFileGivesClearError) {
    TempDir dir;
    EXPECT_EQ(Project::open(dir.file("missing.bbproj")).error().code, ErrorCode::NotFound);
    bankbench::test::writeFile(dir.file("notes.bbproj"), "this is not a database, just some text\n");
    const auto notDb = Project::open(dir.file("notes.bbproj"));
    ASSERT_FALSE(notDb.ok());
    EXPECT_NE(notDb.error().what().find("not a Bankbench project"), std::string::npos) << notDb.error().what();
    {
        Database foreign(dir.file("foreign.db"));
        foreign.exec("CREATE TABLE t(x)");
    }
    const auto foreignOpen = Project::open(dir.file("foreign.db"));
    ASSERT_FALSE(foreignOpen.ok());
    EXPECT_NE(foreignOpen.error().message.find("not a Bankbench project"), std::string::npos);
}

TEST(Project, UsesWalAndForeignKeys) {
    TempDir dir;
    auto project = createProject(dir);
    auto mode = project->database().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.columnText(0), "wal");
    auto fk = project->database().prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(fk.step());
    EXPECT_EQ(fk.columnInt(0), 1);
}

TEST(Project, NewerSchemaIsRefused) {
    TempDir dir;
    createProject(dir);
    {
        Database db(dir.file("p.bbproj"));
        db.exec("UPDATE meta SET value = '999' WHERE key = 'schema_version'");
    }
    EXPECT_EQ(Project::open(dir.file("p.bbproj")).error().code, ErrorCode::SchemaTooNew);
}

TEST(Project, DatasetRoundTripKeepsAllColumnsAndLabels) {
    TempDir dir;
    auto project = createProject(dir);
    const auto id = addDataset(*project, "support", bilingualRows());
    const auto info = project->dataset("support");
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->id, id);
    EXPECT_EQ(info->rowCount, 6);
    EXPECT_EQ(info->labelledCount, 4);
    EXPECT_EQ(info->columns, (std::vector<std::string>{"id", "text", "intent"}));
    ASSERT_TRUE(info->labelSetId.has_value());

    const auto ids = project->queryRecordIds({.datasetId = id}).value();
    ASSERT_EQ(ids.size(), 6u);
    const auto records = project->records(ids).value();
    EXPECT_EQ(records[0].text, "我的信用卡丢了，请帮我挂失");
    EXPECT_EQ(records[0].sourceLine, 2);
    EXPECT_EQ(records[0].fields, nlohmann::json::array({"2", "我的信用卡丢了，请帮我挂失", "card_lost"}));
    EXPECT_EQ(records[0].labels, std::vector<std::string>{"card_lost"});
    EXPECT_TRUE(records[4].labels.empty());

    const auto counts = project->labelCounts(id).value();
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].name, "card_lost");
    EXPECT_EQ(counts[0].count, 2);
}

TEST(Project, DuplicateDatasetNameIsRefusedAndExistingDataUntouched) {
    TempDir dir;
    auto project = createProject(dir);
    addDataset(*project, "support", bilingualRows());
    const auto again = project->beginDataset(datasetInfo("support"), LabelSetKind::SingleLabel, "import");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(project->dataset("support")->rowCount, 6);
}

TEST(Project, UncommittedWriterLeavesNoTrace) {
    TempDir dir;
    auto project = createProject(dir);
    addDataset(*project, "kept", bilingualRows());
    {
        auto writer = project->beginDataset(datasetInfo("abandoned"), LabelSetKind::SingleLabel, "import");
        ASSERT_TRUE(writer.ok());
        for (const auto& row : bilingualRows())
            ASSERT_TRUE((*writer)->add(row).ok());
        // Another connection must not see the half-written dataset.
        auto reader = Project::open(dir.file("p.bbproj"), true);
        ASSERT_TRUE(reader.ok());
        EXPECT_EQ((*reader)->datasets()->size(), 1u);
    }
    EXPECT_EQ(project->datasets()->size(), 1u);
    EXPECT_EQ(project->dataset("abandoned").error().code, ErrorCode::NotFound);
    auto fk = project->database().prepare("PRAGMA foreign_keys");
    ASSERT_TRUE(fk.step());
    EXPECT_EQ(fk.columnInt(0), 1) << "the writer must restore foreign-key enforcement";
    auto count = project->database().prepare("SELECT COUNT(*) FROM records");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.columnInt(0), 6);
    auto labelSets = project->database().prepare("SELECT COUNT(*) FROM label_sets");
    ASSERT_TRUE(labelSets.step());
    EXPECT_EQ(labelSets.columnInt(0), 1);
    // The FTS index holds only the kept dataset's rows.
    const auto hits = project->queryRecordIds({.datasetId = project->dataset("kept")->id, .search = "挂失"}).value();
    EXPECT_EQ(hits.size(), 1u);
}

TEST(Project, FullTextSearchFindsChineseWordsAndEnglishPrefixes) {
    TempDir dir;
    auto project = createProject(dir);
    const auto id = addDataset(*project, "support", bilingualRows());
    auto search = [&](const std::string& q) { return texts(*project, project->queryRecordIds({.datasetId = id, .search = q}).value()); };

    EXPECT_EQ(search("挂失"), std::vector<std::string>{"我的信用卡丢了，请帮我挂失"});
    EXPECT_EQ(search("余额"), std::vector<std::string>{"查询一下账户余额"});
    EXPECT_EQ(search("转账 失败"), std::vector<std::string>{"转账失败了怎么办"});
    EXPECT_TRUE(search("卡挂").empty());  // characters present but not adjacent in that order
    EXPECT_EQ(search("balance"), std::vector<std::string>{"What is my current balance?"});
    EXPECT_EQ(search("TRANSF"), std::vector<std::string>{"Transfer failed twice today"});
    EXPECT_EQ(search("credit card").size(), 1u);
    EXPECT_EQ(search("").size(), 6u);
}

TEST(Project, FiltersByLabelAndLabelledState) {
    TempDir dir;
    auto project = createProject(dir);
    const auto id = addDataset(*project, "support", bilingualRows());
    EXPECT_EQ(project->queryRecordIds({.datasetId = id, .label = "balance"})->size(), 2u);
    EXPECT_EQ(project->queryRecordIds({.datasetId = id, .labelled = LabelledFilter::Labelled})->size(), 4u);
    EXPECT_EQ(texts(*project, project->queryRecordIds({.datasetId = id, .labelled = LabelledFilter::Unlabelled}).value()),
              (std::vector<std::string>{"转账失败了怎么办", "Transfer failed twice today"}));
    EXPECT_EQ(project->queryRecordIds({.datasetId = id, .search = "card", .label = "card_lost"})->size(), 1u);
}

TEST(Project, SortsByTextByColumnAndByLabel) {
    TempDir dir;
    auto project = createProject(dir);
    const auto id = addDataset(*project, "support", bilingualRows());
    const auto byText = texts(*project, project->queryRecordIds({.datasetId = id, .sortColumn = "text"}).value());
    EXPECT_EQ(byText.front(), "I lost my credit card yesterday");
    const auto byIdDesc = texts(*project, project->queryRecordIds(
        {.datasetId = id, .sortColumn = "id", .sortOrder = SortOrder::Descending}).value());
    EXPECT_EQ(byIdDesc.front(), "Transfer failed twice today");
    const auto byLabel = texts(*project, project->queryRecordIds({.datasetId = id, .sortColumn = "@labels"}).value());
    EXPECT_EQ(byLabel[2], "查询一下账户余额");  // unlabelled (NULL) sort first, then balance
    EXPECT_EQ(project->queryRecordIds({.datasetId = id, .sortColumn = "nope"}).error().code, ErrorCode::InvalidArgument);
}

TEST(Project, CancelledQueryReportsCancelled) {
    TempDir dir;
    auto project = createProject(dir);
    std::vector<NewRecord> rows;
    for (int i = 0; i < 20000; ++i)
        rows.push_back(record(i + 2, "message number " + std::to_string(i * 7919 % 20000), ""));
    const auto id = addDataset(*project, "big", rows);
    CancelToken cancel;
    cancel.cancel();
    const auto result = project->queryRecordIds({.datasetId = id, .sortColumn = "text"}, &cancel);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
}

TEST(Project, DeleteDatasetRemovesRecordsIndexAndLabels) {
    TempDir dir;
    auto project = createProject(dir);
    const auto first = addDataset(*project, "first", bilingualRows());
    const auto second = addDataset(*project, "second", bilingualRows());
    ASSERT_TRUE(project->deleteDataset(first).ok());
    EXPECT_EQ(project->datasets()->size(), 1u);
    EXPECT_EQ(project->queryRecordIds({.datasetId = second, .search = "挂失"})->size(), 1u);
    auto fts = project->database().prepare("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH '\"挂 失\"'");
    ASSERT_TRUE(fts.step());
    EXPECT_EQ(fts.columnInt(0), 1);
    auto integrity = project->database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(integrity.step());
    EXPECT_EQ(integrity.columnText(0), "ok");
}

TEST(Project, RenameDataset) {
    TempDir dir;
    auto project = createProject(dir);
    const auto first = addDataset(*project, "first", bilingualRows());
    addDataset(*project, "second", bilingualRows());
    EXPECT_EQ(project->renameDataset(first, "second").error().code, ErrorCode::AlreadyExists);
    ASSERT_TRUE(project->renameDataset(first, "renamed").ok());
    EXPECT_TRUE(project->dataset("renamed").ok());
}

TEST(Project, ForEachRecordVisitsAllInImportOrder) {
    TempDir dir;
    auto project = createProject(dir);
    const auto id = addDataset(*project, "support", bilingualRows());
    std::vector<std::int64_t> lines;
    ASSERT_TRUE(project->forEachRecord(id, [&](const Record& r) { lines.push_back(r.sourceLine); return true; }, 4).ok());
    EXPECT_EQ(lines, (std::vector<std::int64_t>{2, 3, 4, 5, 6, 7}));
}

TEST(Project, SearchIndexIsBuiltInResumableBatches) {
    TempDir dir;
    auto project = createProject(dir);
    std::vector<NewRecord> rows;
    for (int i = 0; i < 250; ++i)
        rows.push_back(record(i + 2, i % 2 ? "挂失第" + std::to_string(i) + "张卡" : "card number " + std::to_string(i), ""));
    auto writer = project->beginDataset(datasetInfo("batched"), LabelSetKind::SingleLabel, "import").value();
    for (const auto& row : rows)
        ASSERT_TRUE(writer->add(row).ok());
    ASSERT_TRUE(writer->commit().ok());
    const auto id = writer->datasetId();
    EXPECT_EQ(project->searchIndexStatus(id)->indexed, 0);
    EXPECT_TRUE(project->queryRecordIds({.datasetId = id, .search = "挂失"})->empty());

    // Stop after the second batch: what was indexed stays indexed, and a later run finishes the rest.
    CancelToken cancel;
    int batches = 0;
    const auto stopped = project->buildSearchIndex([&](std::int64_t, std::int64_t) { if (++batches == 2) cancel.cancel(); },
                                                   &cancel, 100);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(project->searchIndexStatus(id)->indexed, 200);
    EXPECT_EQ(project->queryRecordIds({.datasetId = id, .search = "挂失"})->size(), 100u);

    auto reopened = Project::open(dir.file("p.bbproj")).value();
    std::int64_t lastTotal = 0;
    const auto resumed = reopened->buildSearchIndex([&](std::int64_t, std::int64_t total) { lastTotal = total; }, nullptr, 100);
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(*resumed, 50);
    EXPECT_EQ(lastTotal, 50);
    EXPECT_TRUE(reopened->searchIndexStatus(id)->complete());
    EXPECT_EQ(reopened->queryRecordIds({.datasetId = id, .search = "挂失"})->size(), 125u);
    EXPECT_EQ(reopened->queryRecordIds({.datasetId = id, .search = "card"})->size(), 125u);
    EXPECT_EQ(*reopened->buildSearchIndex(), 0);
}

TEST(Project, PreSerializedFieldsAreStoredVerbatim) {
    TempDir dir;
    auto project = createProject(dir);
    auto writer = project->beginDataset(datasetInfo("fast"), LabelSetKind::SingleLabel, "import").value();
    NewRecord row;
    row.sourceLine = 2;
    row.text = "余额查询";
    row.fieldsJson = R"(["7",null,"balance"])";
    row.labels = {"balance"};
    ASSERT_TRUE(writer->add(row).ok());
    ASSERT_TRUE(writer->commit().ok());
    const auto records = project->records(project->queryRecordIds({.datasetId = writer->datasetId()}).value()).value();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].fields, nlohmann::json::array({"7", "余额查询", "balance"}));
}

TEST(Project, FieldsWithQuotesControlCharactersAndNumbersRoundTrip) {
    TempDir dir;
    auto project = createProject(dir);
    auto writer = project->beginDataset(datasetInfo("escapes"), LabelSetKind::SingleLabel, "import").value();
    NewRecord row;
    row.sourceLine = 2;
    row.text = "line one\nline \"two\"";
    row.fields = nlohmann::json::array({"a\\b\t\x01 \"q\"", row.text, 42.5});
    ASSERT_TRUE(writer->add(row).ok());
    ASSERT_TRUE(writer->commit().ok());
    const auto records = project->records(project->queryRecordIds({.datasetId = writer->datasetId()}).value()).value();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].fields, row.fields);
    auto stored = project->database().prepare("SELECT fields_json FROM records");
    ASSERT_TRUE(stored.step());
    EXPECT_EQ(stored.columnText(0), R"(["a\\b\t\u0001 \"q\"",null,42.5])");
}
