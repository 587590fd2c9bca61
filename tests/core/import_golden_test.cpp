// Golden-folder importer tests: every folder under tests/data/import holds an input file (input.*) and
// expected.json with the options to use and either the dataset the import must produce or the error it
// must stop with. Each case runs with 1 MiB reads and again with tiny reads, which must not matter.
#include "io/importer.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace bankbench::core {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    const fs::path root = test::testDataDir() / "import";
    if (fs::is_directory(root))
        for (const auto& entry : fs::directory_iterator(root))
            if (entry.is_directory())
                names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

fs::path inputFile(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().stem() == "input")
            return entry.path();
    return {};
}

ImportOptions optionsFor(const fs::path& input, const json& expected, std::size_t chunk) {
    ImportOptions options;
    options.path = input.string();
    options.datasetName = "golden";
    options.readChunkBytes = chunk;
    const json o = expected.value("options", json::object());
    if (o.contains("text_column"))
        options.textColumn = o["text_column"].get<std::string>();
    if (o.contains("label_column"))
        options.labelColumn = o["label_column"].get<std::string>();
    if (o.contains("label_separator"))
        options.labelSeparator = o["label_separator"].get<std::string>();
    if (o.contains("encoding"))
        options.encoding = o["encoding"].get<std::string>();
    if (o.contains("skip_bad_rows"))
        options.skipBadRows = o["skip_bad_rows"].get<bool>();
    if (o.contains("has_header"))
        options.hasHeader = o["has_header"].get<bool>();
    if (o.contains("delimiter"))
        options.delimiter = o["delimiter"].get<std::string>().at(0);
    if (o.contains("format"))
        options.format = *inputFormatFromName(o["format"].get<std::string>());
    return options;
}

std::string display(const json& value) {
    if (value.is_string())
        return value.get<std::string>();
    return value.is_null() ? std::string() : value.dump();
}

void checkFailure(Project& project, const Result<ImportResult>& result, const json& expected,
                  const fs::path& input) {
    ASSERT_FALSE(result.ok()) << "import should fail";
    const Error& error = result.error();
    const json& e = expected["error"];
    EXPECT_EQ(errorCodeName(error.code), e["code"].get<std::string>()) << error.what();
    EXPECT_EQ(error.message, e["message"].get<std::string>());
    EXPECT_EQ(error.where.line, e["line"].get<std::int64_t>());
    EXPECT_EQ(error.where.column, e["column"].get<std::int64_t>());
    EXPECT_EQ(error.where.file, input.string());
    auto datasets = project.datasets();
    ASSERT_TRUE(datasets.ok());
    EXPECT_TRUE(datasets->empty()) << "a failed import left a dataset behind";
}

void checkSuccess(Project& project, const Result<ImportResult>& result, const json& expected) {
    ASSERT_TRUE(result.ok()) << result.error().what();
    const ImportResult& r = *result;
    EXPECT_EQ(r.encoding, expected["encoding"].get<std::string>());
    EXPECT_EQ(inputFormatName(r.format), expected["format"].get<std::string>());
    EXPECT_EQ(r.columns, expected["columns"].get<std::vector<std::string>>());
    EXPECT_EQ(r.textColumn, expected["text_column"].get<std::string>());
    EXPECT_EQ(r.rowsSkipped, expected["rows_skipped"].get<std::int64_t>());
    const json& rows = expected["rows"];
    EXPECT_EQ(r.rowsImported, static_cast<std::int64_t>(rows.size()));

    json warnings = json::array();
    for (const auto& w : r.warnings)
        warnings.push_back({{"line", w.line}, {"column", w.column}, {"message", w.message}});
    EXPECT_EQ(warnings, expected["warnings"]);
    EXPECT_EQ(r.warningCount, static_cast<std::int64_t>(expected["warnings"].size()));

    auto info = project.dataset("golden");
    ASSERT_TRUE(info.ok()) << info.error().what();
    EXPECT_EQ(info->columns, expected["columns"].get<std::vector<std::string>>());
    EXPECT_EQ(info->textColumn, expected["text_column"].get<std::string>());
    EXPECT_EQ(info->encoding, expected["encoding"].get<std::string>());
    if (expected["label_column"].is_null())
        EXPECT_FALSE(info->labelColumn.has_value());
    else
        EXPECT_EQ(info->labelColumn.value_or("<none>"), expected["label_column"].get<std::string>());

    std::vector<Record> records;
    ASSERT_TRUE(project.forEachRecord(info->id, [&](const Record& record) {
        records.push_back(record);
        return true;
    }));
    ASSERT_EQ(records.size(), rows.size());
    std::int64_t labelled = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE("row " + std::to_string(i));
        EXPECT_EQ(records[i].sourceLine, rows[i]["line"].get<std::int64_t>());
        EXPECT_EQ(records[i].text, rows[i]["text"].get<std::string>());
        EXPECT_EQ(records[i].fields, rows[i]["fields"]);
        auto labels = records[i].labels;
        auto expectedLabels = rows[i]["labels"].get<std::vector<std::string>>();
        std::sort(labels.begin(), labels.end());
        std::sort(expectedLabels.begin(), expectedLabels.end());
        EXPECT_EQ(labels, expectedLabels);
        labelled += !expectedLabels.empty();
    }
    EXPECT_EQ(r.labelledRows, labelled);
}

void checkPreview(const ImportOptions& options, const json& expected) {
    auto preview = previewImport(options, 50);
    ASSERT_TRUE(preview.ok()) << preview.error().what();
    EXPECT_EQ(preview->encoding, expected["encoding"].get<std::string>());
    EXPECT_EQ(inputFormatName(preview->format), expected["format"].get<std::string>());
    EXPECT_EQ(preview->columns, expected["columns"].get<std::vector<std::string>>());
    EXPECT_EQ(preview->textColumn, expected["text_column"].get<std::string>());
    if (expected["label_column"].is_null())
        EXPECT_FALSE(preview->labelColumn.has_value());
    else
        EXPECT_EQ(preview->labelColumn.value_or("<none>"), expected["label_column"].get<std::string>());
    const json& rows = expected["rows"];
    ASSERT_EQ(preview->rows.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(preview->rows[i].size(), preview->columns.size());
        for (std::size_t j = 0; j < preview->columns.size(); ++j) {
            const json value = j < rows[i]["fields"].size() ? rows[i]["fields"][j] : json();
            EXPECT_EQ(preview->rows[i][j], display(value)) << "row " << i << " column " << j;
        }
    }
}

class ImportGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportGolden, MatchesExpected) {
    const fs::path dir = test::testDataDir() / "import" / GetParam();
    const fs::path input = inputFile(dir);
    ASSERT_FALSE(input.empty()) << "no input.* in " << dir;
    const json expected = json::parse(test::readFile(dir / "expected.json"));
    for (const std::size_t chunk : {std::size_t{1} << 20, std::size_t{7}, std::size_t{1}}) {
        SCOPED_TRACE("read chunk " + std::to_string(chunk));
        test::TempDir tmp;
        auto project = Project::create(tmp.file("golden.bbproj"));
        ASSERT_TRUE(project.ok()) << project.error().what();
        const ImportOptions options = optionsFor(input, expected, chunk);
        CancelToken cancel;
        const auto result = importFile(**project, options, nullptr, cancel);
        if (expected.contains("error")) {
            checkFailure(**project, result, expected, input);
        } else {
            checkSuccess(**project, result, expected);
            checkPreview(options, expected);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Folders, ImportGolden, ::testing::ValuesIn(caseNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

} // namespace
} // namespace bankbench::core
