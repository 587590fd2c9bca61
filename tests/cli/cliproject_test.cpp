// init, info, demo, version and usage errors of bankbench-cli, run as a subprocess.

#include "clirunner.h"

#include "store/database.h"
#include "store/schema.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace bankbench::test {
namespace {

using CliProject = CliTest;

/// True when `text` holds a CJK unified ideograph (U+4E00..U+9FFF) in UTF-8.
bool containsHan(const std::string& text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        const auto b1 = static_cast<unsigned char>(text[i + 1]);
        const auto b2 = static_cast<unsigned char>(text[i + 2]);
        if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
            const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
            if (cp >= 0x4E00 && cp <= 0x9FFF)
                return true;
        }
    }
    return false;
}

TEST_F(CliProject, InitCreatesAnEmptyProject) {
    const auto result = run({"init", project(), "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_TRUE(std::filesystem::is_regular_file(project()));
    const auto json = result.json();
    ASSERT_FALSE(json.is_discarded()) << result.out;
    EXPECT_EQ(json["path"], project());
    EXPECT_TRUE(json["schema_version"].is_number_integer());
    EXPECT_GE(json["schema_version"].get<int>(), 1);

    const auto listing = info();
    ASSERT_TRUE(listing["datasets"].is_array());
    EXPECT_TRUE(listing["datasets"].empty());
}

TEST_F(CliProject, InitRefusesAnExistingFile) {
    initProject();
    const auto result = run({"init", project()});
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_EQ(result.err.rfind(project() + ":", 0), 0u) << result.err;
}

TEST_F(CliProject, InfoOnAMissingProjectIsNotFoundAndCreatesNothing) {
    const auto missing = path("missing.bbproj");
    const auto result = run({"info", missing});
    EXPECT_EQ(result.exitCode, 3);
    EXPECT_EQ(result.err.rfind(missing + ": ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find("init"), std::string::npos) << "should say how to create one: " << result.err;
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(CliProject, InfoJsonErrorIsStillJsonOnStdout) {
    const auto result = run({"info", path("missing.bbproj"), "--json"});
    EXPECT_EQ(result.exitCode, 3);
    const auto json = result.json();
    ASSERT_FALSE(json.is_discarded()) << result.out;
    EXPECT_EQ(json["error"]["code"], "not_found");
    EXPECT_EQ(json["error"]["file"], path("missing.bbproj"));
}

TEST_F(CliProject, InfoOnAFileThatIsNotAProjectFails) {
    writeFile(project(), "this is not an SQLite database, just some text\n");
    const auto result = run({"info", project()});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_EQ(result.err.rfind(project() + ":", 0), 0u) << result.err;
}

TEST_F(CliProject, InfoAndImportMigrateAProjectFromSchemaVersion1) {
    {
        core::Database db(project());
        core::migrateTo(db, 1);
    }
    const auto listing = run({"info", project(), "--json"});
    ASSERT_EQ(listing.exitCode, 0) << listing.err;
    EXPECT_EQ(listing.json()["schema_version"], core::latestSchemaVersion());
    EXPECT_TRUE(listing.json()["datasets"].empty());

    const auto imported =
        run({"import", project(), cliFixture("intents_utf8.csv").string(), "--dataset", "d"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_EQ(info()["datasets"][0]["rows"], 6);
}

TEST_F(CliProject, DemoCreatesABilingualSyntheticProject) {
    const auto result = run({"demo", project(), "--rows", "400", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto summary = result.json();
    ASSERT_FALSE(summary.is_discarded()) << result.out;
    EXPECT_EQ(summary["rows"], 400);
    EXPECT_GE(summary["intents"].get<int>(), 15);

    const auto listing = info();
    ASSERT_EQ(listing["datasets"].size(), 1u);
    const auto& dataset = listing["datasets"][0];
    const std::string name = dataset["name"];
    EXPECT_NE(name.find("synthetic"), std::string::npos) << name;
    EXPECT_EQ(dataset["rows"], 400);
    const auto labelled = dataset["labelled"].get<std::int64_t>();
    EXPECT_GT(labelled, 0);
    EXPECT_LT(labelled, 400) << "the demo should have unlabelled rows too";
    EXPECT_EQ(dataset["search_index"]["indexed"], 400) << "demo projects are searchable at once";

    // Both languages: export and look for Han characters and for plain English words.
    const auto out = path("demo.jsonl");
    const auto exported = run({"export", project(), "--dataset", name, "--format", "jsonl", out});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    const auto text = readFile(out);
    EXPECT_TRUE(containsHan(text)) << "no Chinese text in the demo";
    EXPECT_TRUE(std::regex_search(text, std::regex("\\b(card|balance|transfer|loan)\\b", std::regex::icase)))
        << "no English text in the demo";
}

TEST_F(CliProject, DemoDefaultsToAFewThousandRowsAndRefusesToOverwrite) {
    ASSERT_EQ(run({"demo", project()}).exitCode, 0);
    const auto listing = info();
    ASSERT_EQ(listing["datasets"].size(), 1u);
    EXPECT_GE(listing["datasets"][0]["rows"].get<int>(), 1000);
    const auto again = run({"demo", project()});
    EXPECT_EQ(again.exitCode, 4) << again.err;
}

TEST_F(CliProject, VersionPrintsVersionAndRuntime) {
    const auto flag = run({"--version"});
    ASSERT_EQ(flag.exitCode, 0) << flag.err;
    EXPECT_TRUE(std::regex_search(flag.out, std::regex("^bankbench-cli [0-9]+\\.[0-9]+\\.[0-9]+\n")))
        << flag.out;
    EXPECT_NE(flag.out.find("BLAS"), std::string::npos) << flag.out;

    const auto command = run({"version", "--json"});
    ASSERT_EQ(command.exitCode, 0) << command.err;
    const auto json = command.json();
    ASSERT_FALSE(json.is_discarded()) << command.out;
    EXPECT_TRUE(json["version"].is_string());
    EXPECT_FALSE(json["blas"].get<std::string>().empty());
    EXPECT_TRUE(json["blas_is_reference"].is_boolean());
    EXPECT_GE(json["intra_op_threads"].get<int>(), 1);
    EXPECT_TRUE(json["cuda_available"].is_boolean());
}

TEST_F(CliProject, UsageErrorsExitWithTwo) {
    initProject();
    writeFile(path("a.csv"), "text\nhello\n");
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"frobnicate"},
        {"import", project(), path("a.csv")}, // --dataset is required
        {"import", project(), path("a.csv"), "--dataset", "x", "--format", "xlsx"},
        {"import", project(), path("a.csv"), "--dataset", "x", "--delimiter", ";;"},
        {"export", project(), "--dataset", "x", "--format", "parquet", path("out")},
        {"info"},
    };
    for (const auto& args : cases) {
        const auto result = run(args);
        std::string joined;
        for (const auto& arg : args)
            joined += arg + ' ';
        EXPECT_EQ(result.exitCode, 2) << joined << "\n" << result.err;
        EXPECT_FALSE(result.err.empty()) << joined;
    }
    EXPECT_TRUE(info()["datasets"].empty()) << "a usage error must not import anything";
    EXPECT_NE(run({"frobnicate"}).err.find("unknown command \"frobnicate\""), std::string::npos);
    EXPECT_NE(run({"import", project()}).err.find("bankbench-cli import --help"), std::string::npos);
}

TEST_F(CliProject, HelpListsEveryCommand) {
    const auto result = run({"--help"});
    ASSERT_EQ(result.exitCode, 0);
    for (const char* command : {"init", "import", "export", "info", "demo", "version"})
        EXPECT_NE(result.out.find(command), std::string::npos) << command;
}

} // namespace
} // namespace bankbench::test
