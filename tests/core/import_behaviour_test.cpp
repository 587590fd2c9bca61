#include "io/importer.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bankbench::core {
namespace {

class ImportBehaviour : public ::testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(m_tmp.file("p.bbproj"));
        ASSERT_TRUE(created.ok()) << created.error().what();
        m_project = std::move(created).value();
    }

    std::string write(const std::string& name, const std::string& bytes) {
        const std::string path = m_tmp.file(name);
        test::writeFile(path, bytes);
        return path;
    }

    ImportOptions options(const std::string& path, const std::string& dataset) {
        ImportOptions o;
        o.path = path;
        o.datasetName = dataset;
        return o;
    }

    Result<ImportResult> run(const ImportOptions& o, const ImportProgressSink& progress = nullptr) {
        CancelToken cancel;
        return importFile(*m_project, o, progress, cancel);
    }

    std::int64_t rowCount(const std::string& dataset) {
        auto info = m_project->dataset(dataset);
        if (!info)
            return -1;
        std::int64_t rows = 0;
        EXPECT_TRUE(m_project->forEachRecord(info->id, [&](const Record&) { return ++rows, true; }));
        return rows;
    }

    test::TempDir m_tmp;
    std::unique_ptr<Project> m_project;
};

std::string manyRows(int count) {
    std::string text = "text,label\n";
    for (int i = 0; i < count; ++i)
        text += "客户留言第" + std::to_string(i) + "条,intent_" + std::to_string(i % 7) + "\n";
    return text;
}

TEST_F(ImportBehaviour, CancelFromProgressLeavesNoDatasetAndExistingDataUntouched) {
    const std::string path = write("many.csv", manyRows(5000));
    ASSERT_TRUE(run(options(path, "existing")).ok());
    ASSERT_EQ(rowCount("existing"), 5000);

    ImportOptions o = options(path, "cancelled");
    o.progressIntervalMs = 0; // a callback after every batch
    CancelToken cancel;
    std::int64_t rowsWhenCancelled = 0;
    auto result = importFile(
        *m_project, o,
        [&](const ImportProgress& p) {
            if (p.rowsImported >= 1000 && !cancel.isCancelled()) {
                rowsWhenCancelled = p.rowsImported;
                cancel.cancel();
            }
        },
        cancel);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
    EXPECT_GE(rowsWhenCancelled, 1000); // rows had been written inside the transaction
    EXPECT_EQ(m_project->dataset("cancelled").error().code, ErrorCode::NotFound);
    EXPECT_EQ(rowCount("existing"), 5000);
    auto datasets = m_project->datasets();
    ASSERT_TRUE(datasets.ok());
    EXPECT_EQ(datasets->size(), 1u);
    // The cancelled import's search-index rows went with its transaction.
    auto indexed = m_project->database().prepare("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH '\"留 言\"'");
    ASSERT_TRUE(indexed.step());
    EXPECT_EQ(indexed.columnInt(0), 5000);
}

TEST_F(ImportBehaviour, ImportIndexesItsRecordsForSearchUnlessAskedNotTo) {
    const std::string path = write("many.csv", manyRows(300));
    ASSERT_TRUE(run(options(path, "indexed")).ok());
    const auto indexed = m_project->dataset("indexed").value();
    EXPECT_TRUE(m_project->searchIndexStatus(indexed.id).value().complete());
    EXPECT_EQ(m_project->queryRecordIds({.datasetId = indexed.id, .search = "留言"}).value().size(), 300u);
    EXPECT_EQ(m_project->queryRecordIds({.datasetId = indexed.id, .search = "17"}).value().size(), 11u); // 17, 170-179

    ImportOptions later = options(path, "later");
    later.indexForSearch = false;
    ASSERT_TRUE(run(later).ok());
    const auto unindexed = m_project->dataset("later").value();
    EXPECT_EQ(m_project->searchIndexStatus(unindexed.id).value().indexed, 0);
    EXPECT_TRUE(m_project->queryRecordIds({.datasetId = unindexed.id, .search = "留言"}).value().empty());
    EXPECT_EQ(m_project->buildSearchIndex().value(), 300); // only what the second import left
    EXPECT_EQ(m_project->queryRecordIds({.datasetId = unindexed.id, .search = "留言"}).value().size(), 300u);
    EXPECT_EQ(m_project->queryRecordIds({.datasetId = indexed.id, .search = "留言"}).value().size(), 300u);
}

TEST_F(ImportBehaviour, TakenDatasetNameIsRefusedAndLeftAlone) {
    const std::string path = write("a.csv", manyRows(10));
    ASSERT_TRUE(run(options(path, "intents")).ok());
    const std::string other = write("b.csv", manyRows(3));
    auto again = run(options(other, "intents"));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(rowCount("intents"), 10);
}

TEST_F(ImportBehaviour, BadRowStopsWithNothingWritten) {
    const std::string path = write("bad.csv", manyRows(3000) + "\"broken\"x,y\n");
    auto result = run(options(path, "d"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::Parse);
    EXPECT_EQ(result.error().where.line, 3002);
    EXPECT_EQ(result.error().where.column, 9);
    EXPECT_EQ(result.error().what().rfind(path + ":3002:9: unexpected 'x'", 0), 0u) << result.error().what();
    EXPECT_EQ(m_project->dataset("d").error().code, ErrorCode::NotFound);
}

TEST_F(ImportBehaviour, ProgressReportsRowsBytesAndEta) {
    const std::string path = write("many.csv", manyRows(3000));
    ImportOptions o = options(path, "p");
    o.progressIntervalMs = 0;
    std::vector<ImportProgress> seen;
    auto result = run(o, [&](const ImportProgress& p) { seen.push_back(p); });
    ASSERT_TRUE(result.ok()) << result.error().what();
    ASSERT_GE(seen.size(), 3u);
    EXPECT_EQ(seen.front().rowsImported, 0);
    for (std::size_t i = 1; i < seen.size(); ++i) {
        EXPECT_GE(seen[i].rowsImported, seen[i - 1].rowsImported);
        EXPECT_GE(seen[i].bytesRead, seen[i - 1].bytesRead);
        EXPECT_EQ(seen[i].bytesTotal, static_cast<std::int64_t>(manyRows(3000).size()));
    }
    EXPECT_EQ(seen.back().rowsImported, 3000);
    EXPECT_EQ(seen.back().bytesRead, seen.back().bytesTotal);
    EXPECT_DOUBLE_EQ(seen.back().etaSeconds, 0.0);
    EXPECT_GT(seen.back().rowsPerSecond, 0.0);

    // With the default interval a small file gets the first and the last report only.
    std::vector<ImportProgress> throttled;
    ASSERT_TRUE(run(options(path, "q"), [&](const ImportProgress& p) { throttled.push_back(p); }).ok());
    EXPECT_LE(throttled.size(), 4u);
    EXPECT_EQ(throttled.back().rowsImported, 3000);
}

TEST_F(ImportBehaviour, WarningsAreCappedButCounted) {
    std::string text = "text,label,extra\n";
    for (int i = 0; i < 1500; ++i)
        text += "short row " + std::to_string(i) + "\n";
    auto result = run(options(write("short.csv", text), "w"));
    ASSERT_TRUE(result.ok()) << result.error().what();
    EXPECT_EQ(result->rowsImported, 1500);
    EXPECT_EQ(result->warnings.size(), kMaxImportWarnings);
    EXPECT_EQ(result->warningCount, 1500);
}

TEST_F(ImportBehaviour, LabelColumnCanBeTurnedOffAndHeaderForced) {
    const std::string path = write("l.csv", "text,label\n挂失,card_lost\n");
    ImportOptions o = options(path, "nolabels");
    o.labelColumn = "";
    auto result = run(o);
    ASSERT_TRUE(result.ok()) << result.error().what();
    EXPECT_EQ(result->labelledRows, 0);
    EXPECT_FALSE(m_project->dataset("nolabels")->labelColumn.has_value());

    ImportOptions headerless = options(path, "headerless");
    headerless.hasHeader = false;
    headerless.textColumn = "column1";
    auto second = run(headerless);
    ASSERT_TRUE(second.ok()) << second.error().what();
    EXPECT_EQ(second->rowsImported, 2);
    EXPECT_EQ(second->columns, (std::vector<std::string>{"column1", "column2"}));
}

TEST_F(ImportBehaviour, DuplicateHeaderNamesAreRenamed) {
    auto result = run(options(write("dup.csv", "text,note,note\nhi,a,b\n"), "dup"));
    ASSERT_TRUE(result.ok()) << result.error().what();
    EXPECT_EQ(result->columns, (std::vector<std::string>{"text", "note", "note_2"}));
    ASSERT_EQ(result->warnings.size(), 1u);
    EXPECT_EQ(result->warnings[0].line, 1);
    EXPECT_EQ(result->warnings[0].column, 11);
}

TEST_F(ImportBehaviour, JsonlSingleLabelSetRefusesALateLabelArray) {
    std::string text;
    for (int i = 0; i < 300; ++i)
        text += "{\"text\":\"t" + std::to_string(i) + "\",\"label\":\"a\"}\n";
    text += "{\"text\":\"late\",\"label\":[\"a\",\"b\"]}\n";
    const std::string path = write("late.jsonl", text);
    auto stopped = run(options(path, "s"));
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().where.line, 301);
    EXPECT_NE(stopped.error().message.find("single-label"), std::string::npos);

    ImportOptions multi = options(path, "m");
    multi.labelSeparator = "|";
    auto imported = run(multi);
    ASSERT_TRUE(imported.ok()) << imported.error().what();
    EXPECT_EQ(imported->rowsImported, 301);
}

TEST_F(ImportBehaviour, JsonlRowWithoutTheTextKeyGetsAWarning) {
    auto result = run(options(write("m.jsonl", "{\"text\":\"a\"}\n{\"other\":1}\n"), "j"));
    ASSERT_TRUE(result.ok()) << result.error().what();
    ASSERT_EQ(result->warnings.size(), 1u);
    EXPECT_EQ(result->warnings[0].line, 2);
    EXPECT_EQ(result->warnings[0].message, "no \"text\" value; the record's text is empty");
}

TEST_F(ImportBehaviour, MissingFileAndDirectory) {
    auto missing = run(options(m_tmp.file("nope.csv"), "x"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    auto dir = run(options(m_tmp.path().string(), "x"));
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().code, ErrorCode::Io);
}

TEST_F(ImportBehaviour, PreviewShowsTheHeadAndDetectedSettings) {
    const std::string path = write("many.csv", manyRows(500));
    ImportOptions o = options(path, "");
    auto preview = previewImport(o, 10);
    ASSERT_TRUE(preview.ok()) << preview.error().what();
    EXPECT_EQ(preview->rows.size(), 10u);
    EXPECT_EQ(preview->rows[0], (std::vector<std::string>{"客户留言第0条", "intent_0"}));
    EXPECT_EQ(preview->encoding, "utf-8");
    EXPECT_EQ(preview->detectedEncoding, "utf-8");
    EXPECT_EQ(preview->dialect.delimiter, ',');
    EXPECT_TRUE(preview->dialect.hasHeader);
    EXPECT_EQ(preview->textColumn, "text");
    EXPECT_EQ(preview->labelColumn.value_or(""), "label");
    EXPECT_EQ(preview->fileSize, static_cast<std::int64_t>(manyRows(500).size()));

    o.encoding = "gbk"; // forced: the preview says what it used and what detection found
    auto forced = previewImport(o, 10);
    ASSERT_TRUE(forced.ok()) << forced.error().what();
    EXPECT_EQ(forced->encoding, "gbk");
    EXPECT_EQ(forced->detectedEncoding, "utf-8");
}

} // namespace
} // namespace bankbench::core
