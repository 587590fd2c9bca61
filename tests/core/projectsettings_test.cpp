#include "store/project.h"
#include "store/projectsettings.h"
#include "store/runstore.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

RunId addRun(Project& project, const std::string& name) {
    DatasetInfo info;
    info.name = "data-" + name;
    info.sourcePath = "/tmp/data.csv";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text"};
    info.textColumn = "text";
    auto writer = project.beginDataset(info, LabelSetKind::SingleLabel, "import");
    EXPECT_TRUE(writer.ok());
    EXPECT_TRUE((*writer)->commit().ok());
    NewRun run;
    run.name = name;
    run.model = "fast";
    run.datasetId = (*writer)->datasetId();
    run.datasetName = info.name;
    run.labels = {"a", "b"};
    run.device = "cpu";
    auto id = RunStore(project).createRun(run);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
}

} // namespace

TEST(ProjectSettings, ActiveModelIsUnsetThenStoredThenCleared) {
    TempDir dir;
    const std::string path = dir.file("p.bbproj");
    {
        auto project = Project::create(path);
        ASSERT_TRUE(project.ok());
        addRun(**project, "fast-1");
        ProjectSettings settings(**project);
        auto active = settings.activeModel();
        ASSERT_TRUE(active.ok());
        EXPECT_FALSE(active->has_value());
        ASSERT_TRUE(settings.setActiveModel(std::string("fast-1")).ok());
    }
    // Stored in the project file: a new connection sees it.
    auto project = Project::open(path);
    ASSERT_TRUE(project.ok());
    ProjectSettings settings(**project);
    EXPECT_EQ(settings.activeModel().value(), std::optional<std::string>("fast-1"));
    ASSERT_TRUE(settings.setActiveModel(std::nullopt).ok());
    EXPECT_FALSE(settings.activeModel().value().has_value());
}

TEST(ProjectSettings, RefusesAnActiveModelThatIsNoRun) {
    TempDir dir;
    auto project = Project::create(dir.file("p.bbproj"));
    ASSERT_TRUE(project.ok());
    ProjectSettings settings(**project);
    const auto status = settings.setActiveModel(std::string("missing"));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::NotFound);
    EXPECT_NE(status.error().message.find("missing"), std::string::npos);
}

TEST(ProjectSettings, KeysAreNamespacedAndDoNotTouchTheSchemaVersion) {
    TempDir dir;
    auto project = Project::create(dir.file("p.bbproj"));
    ASSERT_TRUE(project.ok());
    ProjectSettings settings(**project);
    ASSERT_TRUE(settings.setValue("schema_version", std::string("0")).ok());
    EXPECT_EQ(settings.value("schema_version").value(), std::optional<std::string>("0"));
    auto stmt = (*project)->database().prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    ASSERT_TRUE(stmt.step());
    EXPECT_NE(stmt.columnText(0), "0");
    ASSERT_TRUE(settings.setValue("schema_version", std::string("1")).ok()); // overwrite
    EXPECT_EQ(settings.value("schema_version").value(), std::optional<std::string>("1"));
}
