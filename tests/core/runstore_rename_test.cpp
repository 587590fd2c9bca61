#include "store/project.h"
#include "store/projectsettings.h"
#include "store/runstore.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

struct RenameFixture {
    TempDir dir;
    std::unique_ptr<Project> project;
    DatasetId dataset = 0;

    RenameFixture() {
        auto created = Project::create(dir.file("p.bbproj"));
        EXPECT_TRUE(created.ok());
        project = std::move(created).value();
        DatasetInfo info;
        info.name = "train";
        info.sourcePath = "/tmp/train.csv";
        info.sourceFormat = "csv";
        info.encoding = "UTF-8";
        info.columns = {"text"};
        info.textColumn = "text";
        auto writer = project->beginDataset(info, LabelSetKind::SingleLabel, "import");
        EXPECT_TRUE(writer.ok());
        EXPECT_TRUE((*writer)->commit().ok());
        dataset = (*writer)->datasetId();
    }

    /// A finished run with a model folder holding one file.
    RunId finishedRun(const std::string& name) {
        RunStore store(*project);
        NewRun run;
        run.name = name;
        run.model = "fast";
        run.datasetId = dataset;
        run.datasetName = "train";
        run.labels = {"a", "b"};
        run.device = "cpu";
        auto id = store.createRun(run);
        EXPECT_TRUE(id.ok());
        EXPECT_TRUE(store.finish(*id, RunStatus::Finished, {{"best_epoch", 1}}).ok());
        const std::filesystem::path folder = store.modelDirPath(store.run(*id).value());
        std::filesystem::create_directories(folder);
        std::ofstream(folder / "config.json") << "{}";
        return *id;
    }
};

} // namespace

TEST(RunStoreRename, RenamesTheRowAndMovesTheModelFolder) {
    RenameFixture f;
    RunStore store(*f.project);
    const RunId id = f.finishedRun("fast-1");
    const std::filesystem::path oldFolder = store.modelDirPath(store.run(id).value());
    ASSERT_TRUE(store.renameRun(id, "意图 基线").ok());
    auto run = store.run(id);
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->name, "意图 基线");
    EXPECT_EQ(run->modelDir, "p.bbproj.runs/意图 基线");
    EXPECT_EQ(run->report["best_epoch"], 1); // the rest of the run is untouched
    EXPECT_FALSE(std::filesystem::exists(oldFolder));
    EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(store.modelDirPath(*run)) / "config.json"));
    EXPECT_EQ(store.run("fast-1").error().code, ErrorCode::NotFound);
}

TEST(RunStoreRename, ActiveModelFollowsTheRename) {
    RenameFixture f;
    RunStore store(*f.project);
    const RunId id = f.finishedRun("fast-1");
    ProjectSettings settings(*f.project);
    ASSERT_TRUE(settings.setActiveModel(std::string("fast-1")).ok());
    ASSERT_TRUE(store.renameRun(id, "best").ok());
    EXPECT_EQ(settings.activeModel().value(), std::optional<std::string>("best"));
}

TEST(RunStoreRename, RefusesTakenInvalidAndRunningNamesAndChangesNothing) {
    RenameFixture f;
    RunStore store(*f.project);
    const RunId first = f.finishedRun("fast-1");
    f.finishedRun("fast-2");
    EXPECT_EQ(store.renameRun(first, "fast-2").error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(store.renameRun(first, "a/b").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(store.renameRun(first, ".hidden").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(store.renameRun(999, "other").error().code, ErrorCode::NotFound);
    ASSERT_TRUE(store.setStatus(first, RunStatus::Running).ok());
    EXPECT_EQ(store.renameRun(first, "other").error().code, ErrorCode::InvalidArgument);
    auto run = store.run(first);
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->name, "fast-1");
    EXPECT_TRUE(std::filesystem::exists(store.modelDirPath(*run)));
}

TEST(RunStoreRename, AForeignFolderAtTheTargetRollsTheRenameBack) {
    RenameFixture f;
    RunStore store(*f.project);
    const RunId id = f.finishedRun("fast-1");
    RunInfo target = store.run(id).value();
    target.modelDir = RunStore::relativeModelDir(f.project->path(), "taken");
    std::filesystem::create_directories(store.modelDirPath(target));
    const auto status = store.renameRun(id, "taken");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(store.run(id).value().name, "fast-1"); // the transaction rolled back
    EXPECT_TRUE(std::filesystem::exists(store.modelDirPath(store.run(id).value())));
}

TEST(RunStoreRename, ARunWithoutAModelFolderStillRenames) {
    RenameFixture f;
    RunStore store(*f.project);
    const RunId id = f.finishedRun("fast-1");
    std::filesystem::remove_all(store.modelDirPath(store.run(id).value()));
    ASSERT_TRUE(store.renameRun(id, "fast-renamed").ok());
    EXPECT_EQ(store.run(id).value().name, "fast-renamed");
}
