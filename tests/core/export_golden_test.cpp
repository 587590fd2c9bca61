// Golden-folder exporter tests: each folder under tests/data/export holds an input (input.*), optional
// import options (options.json), and the exact CSV and JSONL the imported dataset must export to.
// Round trips: the expected files import and export to themselves, and re-importing an export gives
// the same records as the original import.
#include "io/exporter.h"
#include "io/importer.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace bankbench::core {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> caseNames() {
    std::vector<std::string> names;
    const fs::path root = test::testDataDir() / "export";
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

struct Comparable {
    std::string text;
    json fields;
    std::vector<std::string> labels;
    bool operator==(const Comparable&) const = default;
};

void PrintTo(const Comparable& c, std::ostream* os) {
    *os << c.text << " " << c.fields.dump() << " " << json(c.labels).dump();
}

class ExportGolden : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        auto created = Project::create(m_tmp.file("p.bbproj"));
        ASSERT_TRUE(created.ok()) << created.error().what();
        m_project = std::move(created).value();
        m_dir = test::testDataDir() / "export" / GetParam();
        if (fs::exists(m_dir / "options.json"))
            m_options = json::parse(test::readFile(m_dir / "options.json"));
    }

    void import(const fs::path& path, const std::string& dataset) {
        ImportOptions options;
        options.path = path.string();
        options.datasetName = dataset;
        if (m_options.contains("label_column"))
            options.labelColumn = m_options["label_column"].get<std::string>();
        if (m_options.contains("label_separator"))
            options.labelSeparator = m_options["label_separator"].get<std::string>();
        CancelToken cancel;
        auto result = importFile(*m_project, options, nullptr, cancel);
        ASSERT_TRUE(result.ok()) << result.error().what();
    }

    std::string exportAs(const std::string& dataset, ExportFormat format, const std::string& name) {
        ExportOptions options;
        options.datasetName = dataset;
        options.format = format;
        options.outPath = m_tmp.file(name);
        auto rows = exportDataset(*m_project, options);
        EXPECT_TRUE(rows.ok()) << rows.error().what();
        return test::readFile(options.outPath);
    }

    /// `csvNulls`: CSV has no null, so a padded short row's null comes back as "" and is compared so.
    std::vector<Comparable> records(const std::string& dataset, bool csvNulls = false) {
        auto info = m_project->dataset(dataset);
        EXPECT_TRUE(info.ok());
        std::vector<Comparable> out;
        EXPECT_TRUE(m_project->forEachRecord(info->id, [&](const Record& r) {
            json fields = r.fields;
            while (fields.size() < info->columns.size())
                fields.push_back(nullptr); // rows read before a late JSONL key simply lack it
            if (csvNulls)
                for (auto& field : fields)
                    if (field.is_null())
                        field = "";
            auto labels = r.labels;
            std::sort(labels.begin(), labels.end());
            out.push_back({r.text, fields, labels});
            return true;
        }));
        return out;
    }

    test::TempDir m_tmp;
    std::unique_ptr<Project> m_project;
    fs::path m_dir;
    json m_options = json::object();
};

TEST_P(ExportGolden, ExportsExactlyAndRoundTrips) {
    const fs::path input = inputFile(m_dir);
    ASSERT_FALSE(input.empty());
    const std::string expectedCsv = test::readFile(m_dir / "expected.csv");
    const std::string expectedJsonl = test::readFile(m_dir / "expected.jsonl");
    import(input, "original");
    EXPECT_EQ(exportAs("original", ExportFormat::Csv, "out.csv"), expectedCsv);
    EXPECT_EQ(exportAs("original", ExportFormat::Jsonl, "out.jsonl"), expectedJsonl);

    // The expected files are fixed points of import + export.
    import(m_dir / "expected.csv", "from_csv");
    EXPECT_EQ(exportAs("from_csv", ExportFormat::Csv, "again.csv"), expectedCsv);
    import(m_dir / "expected.jsonl", "from_jsonl");
    EXPECT_EQ(exportAs("from_jsonl", ExportFormat::Jsonl, "again.jsonl"), expectedJsonl);

    // Import -> export -> import gives the same records, in the source's own format.
    if (input.extension() == ".jsonl")
        EXPECT_EQ(records("from_jsonl"), records("original"));
    else
        EXPECT_EQ(records("from_csv", true), records("original", true));
}

INSTANTIATE_TEST_SUITE_P(Folders, ExportGolden, ::testing::ValuesIn(caseNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

class Export : public ::testing::Test {
protected:
    void SetUp() override {
        auto created = Project::create(m_tmp.file("p.bbproj"));
        ASSERT_TRUE(created.ok());
        m_project = std::move(created).value();
        const std::string path = m_tmp.file("in.csv");
        std::string text = "text,intents\n";
        for (int i = 0; i < 5000; ++i)
            text += "留言" + std::to_string(i) + ",a|b\n";
        test::writeFile(path, text);
        ImportOptions options;
        options.path = path;
        options.datasetName = "d";
        options.labelSeparator = "|";
        CancelToken cancel;
        ASSERT_TRUE(importFile(*m_project, options, nullptr, cancel).ok());
    }
    test::TempDir m_tmp;
    std::unique_ptr<Project> m_project;
};

TEST_F(Export, AnotherSeparatorRejoinsTheLabels) {
    ExportOptions options{"d", ExportFormat::Csv, m_tmp.file("out.csv"), std::string(", ")};
    auto rows = exportDataset(*m_project, options);
    ASSERT_TRUE(rows.ok()) << rows.error().what();
    EXPECT_EQ(*rows, 5000);
    const std::string out = test::readFile(options.outPath);
    EXPECT_EQ(out.substr(0, out.find('\n', 20) + 1), "text,intents\n留言0,\"a, b\"\n");
}

TEST_F(Export, CancelledOrFailedExportLeavesNoFile) {
    CancelToken cancel;
    cancel.cancel();
    ExportOptions options{"d", ExportFormat::Jsonl, m_tmp.file("out.jsonl"), std::nullopt};
    auto cancelled = exportDataset(*m_project, options, &cancel);
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
    for (const auto& entry : fs::directory_iterator(m_tmp.path()))
        EXPECT_EQ(entry.path().filename().string().find("out"), std::string::npos) << entry.path();

    options.outPath = m_tmp.file("no/such/dir/out.csv");
    auto failed = exportDataset(*m_project, options);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, ErrorCode::Io);
    for (const auto& entry : fs::directory_iterator(m_tmp.path()))
        EXPECT_EQ(entry.path().filename().string().find("out"), std::string::npos) << entry.path();

    options.datasetName = "missing";
    options.outPath = m_tmp.file("x.csv");
    auto missing = exportDataset(*m_project, options);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_F(Export, ReplacesAnExistingFileWhole) {
    const std::string path = m_tmp.file("out.jsonl");
    test::writeFile(path, "old content that is longer than nothing\n");
    ExportOptions options{"d", ExportFormat::Jsonl, path, std::nullopt};
    ASSERT_TRUE(exportDataset(*m_project, options).ok());
    const std::string out = test::readFile(path);
    EXPECT_EQ(out.substr(0, out.find('\n') + 1), "{\"text\":\"留言0\",\"intents\":[\"a\",\"b\"]}\n");
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 5000);
}

// Regression: the temp-file-and-rename used to replace a symlink (even /dev/stdout) with a plain file.
TEST_F(Export, RefusesToReplaceASymlinkOrDevice) {
    const std::string target = m_tmp.file("real.csv");
    test::writeFile(target, "keep me\n");
    const std::string link = m_tmp.file("link.csv");
    fs::create_symlink(target, link);
    ExportOptions options{"d", ExportFormat::Csv, link, std::nullopt};
    auto result = exportDataset(*m_project, options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(test::readFile(target), "keep me\n");

    options.outPath = "/dev/null";
    EXPECT_FALSE(exportDataset(*m_project, options).ok());
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

} // namespace
} // namespace bankbench::core
