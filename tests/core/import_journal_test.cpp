// The bulk writer's connection settings (SqliteDatasetWriter::BulkWriteMode): a rollback journal only when
// the importing connection is alone on the file, WAL and the usual settings back afterwards.
#include "io/importer.h"
#include "store/database.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace bankbench::core {
namespace {

std::string pragma(Database& db, const std::string& name) {
    auto statement = db.prepare("PRAGMA " + name);
    return statement.step() ? statement.columnText(0) : std::string();
}

std::string csv(int rows) {
    std::string text = "text,label\n";
    for (int i = 0; i < rows; ++i)
        text += "message " + std::to_string(i) + ",intent_" + std::to_string(i % 3) + "\n";
    return text;
}

Result<ImportResult> importInto(Project& project, const std::string& path, const std::string& dataset,
                                const ImportProgressSink& progress = nullptr, bool rollbackIfAlone = true) {
    ImportOptions options;
    options.path = path;
    options.datasetName = dataset;
    options.rollbackJournalIfAlone = rollbackIfAlone;
    CancelToken cancel;
    return importFile(project, options, progress, cancel);
}

TEST(ImportJournal, AloneOnTheFileTheImportUsesARollbackJournalAndRestoresWal) {
    test::TempDir dir;
    const auto csvPath = dir.file("a.csv");
    test::writeFile(csvPath, csv(3000));
    auto project = Project::create(dir.file("p.bbproj")).value();
    std::string modeDuringImport;
    ASSERT_TRUE(importInto(*project, csvPath, "a", [&](const ImportProgress&) {
                    if (modeDuringImport.empty())
                        modeDuringImport = pragma(project->database(), "journal_mode");
                }).ok());
    EXPECT_EQ(modeDuringImport, "delete");
    EXPECT_EQ(pragma(project->database(), "journal_mode"), "wal");
    EXPECT_EQ(pragma(project->database(), "foreign_keys"), "1");
    EXPECT_EQ(pragma(project->database(), "synchronous"), "1"); // NORMAL
    EXPECT_EQ(pragma(project->database(), "cache_size"), "-2000");
    EXPECT_FALSE(std::filesystem::exists(dir.file("p.bbproj-journal")));
    EXPECT_EQ(project->dataset("a")->rowCount, 3000);
}

TEST(ImportJournal, ByDefaultTheImportStaysInWalEvenWhenAlone) {
    test::TempDir dir;
    const auto csvPath = dir.file("a.csv");
    test::writeFile(csvPath, csv(3000));
    auto project = Project::create(dir.file("p.bbproj")).value();
    std::string modeDuringImport;
    ASSERT_TRUE(importInto(*project, csvPath, "a", [&](const ImportProgress&) {
                    if (modeDuringImport.empty())
                        modeDuringImport = pragma(project->database(), "journal_mode");
                }, /*rollbackIfAlone=*/false).ok());
    EXPECT_EQ(modeDuringImport, "wal");
    EXPECT_EQ(pragma(project->database(), "foreign_keys"), "1");
    EXPECT_EQ(pragma(project->database(), "cache_size"), "-2000");
}

TEST(ImportJournal, WithAReaderOpenTheImportStaysInWalAndTheReaderKeepsReading) {
    test::TempDir dir;
    const auto csvPath = dir.file("a.csv");
    test::writeFile(csvPath, csv(3000));
    const auto path = dir.file("p.bbproj");
    auto project = Project::create(path).value();
    ASSERT_TRUE(importInto(*project, csvPath, "first", {}).ok());
    auto reader = Project::open(path, /*readOnly=*/true).value();
    ASSERT_EQ(reader->datasets()->size(), 1u);

    std::string modeDuringImport;
    std::int64_t datasetsSeenByReader = -1;
    ASSERT_TRUE(importInto(*project, csvPath, "second", [&](const ImportProgress&) {
                    if (!modeDuringImport.empty())
                        return;
                    modeDuringImport = pragma(project->database(), "journal_mode");
                    auto seen = reader->datasets();
                    datasetsSeenByReader = seen ? static_cast<std::int64_t>(seen->size()) : -2;
                }).ok());
    EXPECT_EQ(modeDuringImport, "wal");
    EXPECT_EQ(datasetsSeenByReader, 1); // the uncommitted import is invisible, not blocking
    EXPECT_EQ(reader->datasets()->size(), 2u);
    EXPECT_EQ(pragma(project->database(), "journal_mode"), "wal");
    EXPECT_EQ(pragma(project->database(), "foreign_keys"), "1");
}

TEST(ImportJournal, ACancelledImportInRollbackModeLeavesNothingAndWalBack) {
    test::TempDir dir;
    const auto csvPath = dir.file("a.csv");
    test::writeFile(csvPath, csv(20000));
    auto project = Project::create(dir.file("p.bbproj")).value();
    ImportOptions options;
    options.path = csvPath;
    options.datasetName = "cancelled";
    options.rollbackJournalIfAlone = true;
    options.progressIntervalMs = 0;   // a callback after every batch, so the cancel lands mid-import
    options.readChunkBytes = 4096;
    CancelToken cancel;
    auto result = importFile(*project, options, [&](const ImportProgress& p) {
        if (p.rowsImported > 0)
            cancel.cancel();
    }, cancel);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
    EXPECT_TRUE(project->datasets()->empty());
    EXPECT_EQ(pragma(project->database(), "journal_mode"), "wal");
    auto records = project->database().prepare("SELECT COUNT(*) FROM records");
    ASSERT_TRUE(records.step());
    EXPECT_EQ(records.columnInt(0), 0);
}

} // namespace
} // namespace bankbench::core
