#include "store/project.h"
#include "store/runstore.h"
#include "store/schema.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

std::unique_ptr<Project> createProject(const TempDir& dir) {
    auto project = Project::create(dir.file("p.bbproj"));
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().what());
    return std::move(project).value();
}

DatasetId addDataset(Project& project, const std::string& name) {
    DatasetInfo info;
    info.name = name;
    info.sourcePath = "/tmp/" + name + ".csv";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = project.beginDataset(info, LabelSetKind::SingleLabel, "import");
    EXPECT_TRUE(writer.ok());
    for (int i = 0; i < 4; ++i) {
        NewRecord r;
        r.sourceLine = i + 2;
        r.text = "text " + std::to_string(i);
        r.fields = nlohmann::json::array({r.text, i % 2 ? "a" : "b"});
        r.labels = {i % 2 ? "a" : "b"};
        EXPECT_TRUE((*writer)->add(r).ok());
    }
    EXPECT_TRUE((*writer)->commit().ok());
    return (*writer)->datasetId();
}

NewRun newRun(const std::string& name, DatasetId dataset) {
    NewRun run;
    run.name = name;
    run.model = "fast";
    run.datasetId = dataset;
    run.datasetName = "train";
    run.config = {{"epochs", 3}, {"seed", 7}};
    run.labels = {"a", "b"};
    run.versions = {{"bankbench", "test"}};
    run.device = "cpu";
    return run;
}

} // namespace

TEST(RunStore, CreateReadListAndFinishARun) {
    TempDir dir;
    auto project = createProject(dir);
    const auto dataset = addDataset(*project, "train");
    RunStore store(*project);
    auto id = store.createRun(newRun("fast-1", dataset));
    ASSERT_TRUE(id.ok()) << id.error().what();
    auto run = store.run("fast-1");
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->status, RunStatus::Running);
    EXPECT_EQ(run->config["seed"], 7);
    EXPECT_EQ(run->labels, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(run->modelDir, "p.bbproj.runs/fast-1");
    EXPECT_EQ(store.modelDirPath(*run),
              (std::filesystem::absolute(dir.path()) / "p.bbproj.runs/fast-1").string());
    EXPECT_FALSE(run->finishedAt.has_value());
    EXPECT_TRUE(run->report.is_null());

    ASSERT_TRUE(store.finish(*id, RunStatus::Finished, {{"best_epoch", 2}}).ok());
    run = store.run(*id);
    EXPECT_EQ(run->status, RunStatus::Finished);
    EXPECT_EQ(run->report["best_epoch"], 2);
    EXPECT_TRUE(run->finishedAt.has_value());

    ASSERT_TRUE(store.createRun(newRun("fast-2", dataset)).ok());
    auto runs = store.runs();
    ASSERT_TRUE(runs.ok());
    ASSERT_EQ(runs->size(), 2u);
    EXPECT_EQ((*runs)[0].name, "fast-2"); // newest first
    EXPECT_EQ(store.uniqueRunName("fast").value(), "fast-3");
}

TEST(RunStore, RefusesDuplicateAndUnsafeNames) {
    TempDir dir;
    auto project = createProject(dir);
    const auto dataset = addDataset(*project, "train");
    RunStore store(*project);
    ASSERT_TRUE(store.createRun(newRun("r", dataset)).ok());
    EXPECT_EQ(store.createRun(newRun("r", dataset)).error().code, ErrorCode::AlreadyExists);
    for (const char* bad : {"", "../escape", "a/b", ".hidden", "tab\there"})
        EXPECT_EQ(store.createRun(newRun(bad, dataset)).error().code, ErrorCode::InvalidArgument) << bad;
    EXPECT_TRUE(store.createRun(newRun("意图-模型 1", dataset)).ok());
    EXPECT_EQ(store.run("missing").error().code, ErrorCode::NotFound);
}

TEST(RunStore, EpochMetricsAreUpsertedSoAResumedRunRewritesRepeatedEpochs) {
    TempDir dir;
    auto project = createProject(dir);
    RunStore store(*project);
    const auto id = store.createRun(newRun("r", addDataset(*project, "train"))).value();
    ASSERT_TRUE(store.recordEpoch(id, 1, 10, {{"train_loss", 2.0}, {"validation_macro_f1", 0.5}}).ok());
    ASSERT_TRUE(store.recordEpoch(id, 2, 20, {{"train_loss", 1.0}, {"validation_macro_f1", 0.6}}).ok());
    ASSERT_TRUE(store.recordEpoch(id, 2, 20, {{"train_loss", 0.9}, {"validation_macro_f1", 0.7}}).ok());
    const auto metrics = store.metrics(id).value();
    ASSERT_EQ(metrics.size(), 4u);
    EXPECT_EQ(metrics[2].epoch, 2);
    EXPECT_EQ(metrics[2].name, "train_loss");
    EXPECT_DOUBLE_EQ(metrics[2].value, 0.9);
    EXPECT_DOUBLE_EQ(metrics[3].value, 0.7);
}

TEST(RunStore, SplitAndEvaluationsRoundTripAndDeleteCascades) {
    TempDir dir;
    auto project = createProject(dir);
    RunStore store(*project);
    const auto id = store.createRun(newRun("r", addDataset(*project, "train"))).value();
    ASSERT_TRUE(store.saveSplit(id, {{3, 1, 4}, {2}}).ok());
    auto split = store.split(id).value();
    EXPECT_EQ(split.train, (std::vector<RecordId>{1, 3, 4}));
    EXPECT_EQ(split.validation, (std::vector<RecordId>{2}));
    ASSERT_TRUE(store.saveSplit(id, {{1, 2}, {3}}).ok()); // replaces, never accumulates
    EXPECT_EQ(store.split(id).value().train.size(), 2u);

    ASSERT_TRUE(store.addEvaluation(id, "test", {{"accuracy", 0.75}}).ok());
    const auto evaluations = store.evaluations(id).value();
    ASSERT_EQ(evaluations.size(), 1u);
    EXPECT_EQ(evaluations[0].report["accuracy"], 0.75);

    ASSERT_TRUE(store.recordEpoch(id, 1, 1, {{"x", 1}}).ok());
    ASSERT_TRUE(store.deleteRun(id).ok());
    auto count = project->database().prepare(
        "SELECT (SELECT COUNT(*) FROM run_split) + (SELECT COUNT(*) FROM run_metrics) + "
        "(SELECT COUNT(*) FROM run_evaluations)");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.columnInt(0), 0);
}

TEST(RunStore, DeletingTheDatasetKeepsTheRunAndItsDatasetName) {
    TempDir dir;
    auto project = createProject(dir);
    const auto dataset = addDataset(*project, "train");
    RunStore store(*project);
    ASSERT_TRUE(store.createRun(newRun("r", dataset)).ok());
    ASSERT_TRUE(project->deleteDataset(dataset).ok());
    const auto run = store.run("r").value();
    EXPECT_FALSE(run.datasetId.has_value());
    EXPECT_EQ(run.datasetName, "train");
}

// Migration step 3 (runs): a project written before it (version 2, with data) gains the run tables and
// keeps its datasets; runs can then be stored against them.
TEST(RunStore, Version2ProjectMigratesToRunTablesAndKeepsItsData) {
    TempDir dir;
    const auto path = dir.file("v2.bbproj");
    {
        Database old(path);
        migrateTo(old, 2);
        old.exec(
            "INSERT INTO datasets(name, source_path, source_format, encoding, imported_at, columns_json, "
            "text_column) VALUES('legacy', 'old.csv', 'csv', 'UTF-8', '2026-01-01T00:00:00Z', '[\"text\"]', "
            "'text')");
        old.exec("INSERT INTO records(dataset_id, source_line, text, fields_json) VALUES(1, 2, 'old row', "
                 "'[null]')");
        old.exec("UPDATE datasets SET row_count = 1");
        auto runs = old.prepare("SELECT 1 FROM sqlite_master WHERE name = 'runs'");
        ASSERT_FALSE(runs.step());
    }
    auto project = Project::open(path);
    ASSERT_TRUE(project.ok()) << project.error().what();
    EXPECT_GE((*project)->schemaVersion(), 3);
    const auto legacy = (*project)->dataset("legacy");
    ASSERT_TRUE(legacy.ok());
    EXPECT_EQ(legacy->rowCount, 1);
    RunStore store(**project);
    auto id = store.createRun(newRun("after-upgrade", legacy->id));
    ASSERT_TRUE(id.ok()) << id.error().what();
    EXPECT_TRUE(store.recordEpoch(*id, 1, 5, {{"train_loss", 1.5}}).ok());
}
