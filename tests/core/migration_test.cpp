#include "store/project.h"
#include "store/schema.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using bankbench::test::TempDir;

namespace {

std::vector<std::string> tableNames(Database& db) {
    std::vector<std::string> names;
    auto stmt = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') "
                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'records_fts_%' ORDER BY name");
    while (stmt.step())
        names.push_back(stmt.columnText(0));
    return names;
}

std::string schemaSql(Database& db) {
    std::string sql;
    auto stmt = db.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name");
    while (stmt.step())
        sql += stmt.columnText(0) + ";\n";
    return sql;
}

} // namespace

TEST(Migration, EmptyFileMigratesToLatest) {
    TempDir dir;
    Database db(dir.file("empty.bbproj"));
    EXPECT_EQ(readSchemaVersion(db), 0);
    migrate(db);
    EXPECT_EQ(readSchemaVersion(db), latestSchemaVersion());
    auto id = db.prepare("PRAGMA application_id");
    ASSERT_TRUE(id.step());
    EXPECT_EQ(id.columnInt(0), kProjectApplicationId);
}

// A file left at each earlier version (with data in it) must reach exactly the schema a new file has,
// and keep its data.
TEST(Migration, EachEarlierVersionMigratesToTheSameSchemaAndKeepsData) {
    TempDir dir;
    std::string freshSchema;
    {
        Database fresh(dir.file("fresh.bbproj"));
        migrate(fresh);
        freshSchema = schemaSql(fresh);
    }
    for (int version = 1; version < latestSchemaVersion(); ++version) {
        SCOPED_TRACE("from version " + std::to_string(version));
        const auto path = dir.file("v" + std::to_string(version) + ".bbproj");
        {
            Database old(path);
            migrateTo(old, version);
            ASSERT_EQ(readSchemaVersion(old), version);
            old.exec("INSERT INTO datasets(name, source_path, source_format, encoding, imported_at, columns_json, "
                     "text_column) VALUES('legacy', 'old.csv', 'csv', 'UTF-8', '2026-01-01T00:00:00Z', '[\"text\"]', 'text')");
            old.exec("INSERT INTO records(dataset_id, source_line, text, fields_json) VALUES(1, 2, '旧数据 old row', '[null]')");
            old.exec("INSERT INTO records_fts(rowid, body) VALUES(1, bb_search_text('旧数据 old row'))");
            old.exec("UPDATE datasets SET row_count = 1, fts_indexed_upto = 1");
            if (version >= 5) // from step 5 on, writers of records keep the dataset's id range
                old.exec("UPDATE datasets SET first_record_id = 1, last_record_id = 1");
        }
        auto project = Project::open(path);
        ASSERT_TRUE(project.ok()) << project.error().what();
        EXPECT_EQ((*project)->schemaVersion(), latestSchemaVersion());
        EXPECT_EQ(schemaSql((*project)->database()), freshSchema);
        const auto legacy = (*project)->dataset("legacy");
        ASSERT_TRUE(legacy.ok());
        EXPECT_EQ(legacy->rowCount, 1);
        // Step 7 rebuilds the search index: the dataset reads as unindexed until the indexer has run.
        const auto before = (*project)->searchIndexStatus(legacy->id);
        ASSERT_TRUE(before.ok());
        EXPECT_EQ(before->indexed, 0);
        EXPECT_EQ(before->total, 1);
        const auto indexed = (*project)->buildSearchIndex();
        ASSERT_TRUE(indexed.ok()) << indexed.error().what();
        EXPECT_EQ(*indexed, 1);
        const auto hits = (*project)->queryRecordIds({.datasetId = legacy->id, .search = "数据"});
        ASSERT_TRUE(hits.ok());
        EXPECT_EQ(hits->size(), 1u);
    }
}

// Step 7's index settings: no per-row size table, and a pending-term hash large enough that a big import
// is flushed in a few segments.
TEST(Migration, SearchIndexHasNoSizeTableAndALargeHash) {
    TempDir dir;
    Database db(dir.file("p.bbproj"));
    migrate(db);
    auto docsize = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'records_fts_docsize'");
    EXPECT_FALSE(docsize.step());
    auto hash = db.prepare("SELECT v FROM records_fts_config WHERE k = 'hashsize'");
    ASSERT_TRUE(hash.step());
    EXPECT_EQ(hash.columnInt(0), 16 * 1024 * 1024);
}

TEST(Migration, ReadOnlyOpenOfOldProjectAsksForUpgrade) {
    TempDir dir;
    {
        Database old(dir.file("old.bbproj"));
        migrateTo(old, 1);
    }
    const auto result = Project::open(dir.file("old.bbproj"), true);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("upgrade"), std::string::npos);
}

TEST(Migration, LatestSchemaHasTheDocumentedTables) {
    TempDir dir;
    Database db(dir.file("p.bbproj"));
    migrate(db);
    const auto names = tableNames(db);
    for (const char* expected : {"annotations", "datasets", "label_sets", "labels", "meta",
                                 "records", "records_fts"})
        EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
}

// New projects are created with 16 KiB pages (Database, ReadWriteCreate): fewer page splits on bulk imports.
TEST(Migration, NewProjectsUseSixteenKiBPages) {
    TempDir dir;
    auto project = Project::create(dir.file("p.bbproj"));
    ASSERT_TRUE(project.ok());
    auto pageSize = (*project)->database().prepare("PRAGMA page_size");
    ASSERT_TRUE(pageSize.step());
    EXPECT_EQ(pageSize.columnInt(0), 16384);
}
