// A process killed in the middle of an import must leave the project exactly as it was before.
#include "io/importer.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

void writeCsv(const std::string& path, int rows) {
    std::ofstream out(path);
    out << "id,text,intent\n";
    for (int i = 0; i < rows; ++i)
        out << i << ",\"第" << i << "条：我的卡被吞了, card swallowed #" << i << "\",intent_" << i % 7 << "\n";
}

} // namespace

TEST(CrashConsistency, ImportKilledMidwayLeavesProjectAsBefore) {
    TempDir dir;
    const auto projectPath = dir.file("p.bbproj");
    const auto smallCsv = dir.file("small.csv");
    const auto bigCsv = dir.file("big.csv");
    writeCsv(smallCsv, 50);
    writeCsv(bigCsv, 400000);
    {
        auto project = Project::create(projectPath).value();
        ImportOptions options;
        options.path = smallCsv;
        options.datasetName = "existing";
        options.labelColumn = "intent";
        CancelToken cancel;
        ASSERT_TRUE(importFile(*project, options, {}, cancel).ok());
    }

    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(ready[0]);
        auto project = Project::open(projectPath).value();
        ImportOptions options;
        options.path = bigCsv;
        options.datasetName = "killed";
        options.labelColumn = "intent";
        options.rollbackJournalIfAlone = true; // as the CLI imports
        CancelToken cancel;
        bool told = false;
        (void)importFile(*project, options, [&](const ImportProgress& p) {
            if (!told && p.rowsImported > 1000) {
                told = true;
                (void)!write(ready[1], "x", 1);
            }
        }, cancel);
        _exit(0);  // finished before being killed: the parent reports that as a failure
    }
    close(ready[1]);
    char byte = 0;
    ASSERT_EQ(read(ready[0], &byte, 1), 1) << "the child never reported progress";
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it could be killed; make the file bigger";

    // The killed import ran alone on the file, so in rollback-journal mode: a read-only open first must
    // still see the project as it was (the hot journal is rolled back before it reads).
    {
        auto readOnly = Project::open(projectPath, /*readOnly=*/true);
        ASSERT_TRUE(readOnly.ok()) << readOnly.error().what();
        const auto datasets = (*readOnly)->datasets();
        ASSERT_TRUE(datasets.ok()) << datasets.error().what();
        ASSERT_EQ(datasets->size(), 1u);
        EXPECT_EQ((*datasets)[0].name, "existing");
    }
    auto project = Project::open(projectPath).value();
    auto integrity = project->database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(integrity.step());
    EXPECT_EQ(integrity.columnText(0), "ok");
    const auto datasets = project->datasets().value();
    ASSERT_EQ(datasets.size(), 1u);
    EXPECT_EQ(datasets[0].name, "existing");
    EXPECT_EQ(datasets[0].rowCount, 50);
    EXPECT_EQ(datasets[0].labelledCount, 50);
    auto records = project->database().prepare("SELECT COUNT(*) FROM records");
    ASSERT_TRUE(records.step());
    EXPECT_EQ(records.columnInt(0), 50);
    auto annotations = project->database().prepare("SELECT COUNT(*) FROM annotations");
    ASSERT_TRUE(annotations.step());
    EXPECT_EQ(annotations.columnInt(0), 50);
}
