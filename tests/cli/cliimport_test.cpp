// import and export through bankbench-cli: fixtures in tests/cli/data, JSON contract, errors, Ctrl+C.

#include "clirunner.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

namespace bankbench::test {
namespace {

using CliImport = CliTest;
using CliExport = CliTest;

std::vector<nlohmann::json> readJsonLines(const std::string& path) {
    std::vector<nlohmann::json> rows;
    std::istringstream in(readFile(path));
    for (std::string line; std::getline(in, line);) {
        if (!line.empty())
            rows.push_back(nlohmann::json::parse(line));
    }
    return rows;
}

std::string lowercase(std::string text) {
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

TEST_F(CliImport, Utf8CsvJsonOutputHasStableKeysAndTypes) {
    initProject();
    const auto result = run({"import", project(), cliFixture("intents_utf8.csv").string(), "--dataset",
                             "intents", "--text-col", "text", "--label-col", "intent", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = result.json();
    ASSERT_FALSE(json.is_discarded()) << "stdout must be exactly one JSON document:\n" << result.out;

    ASSERT_TRUE(json["rows_imported"].is_number_integer());
    ASSERT_TRUE(json["rows_skipped"].is_number_integer());
    ASSERT_TRUE(json["encoding"].is_string());
    ASSERT_TRUE(json["warnings"].is_array());
    EXPECT_EQ(json["rows_imported"], 6);
    EXPECT_EQ(json["rows_skipped"], 0);
    EXPECT_EQ(lowercase(json["encoding"]).find("utf"), 0u) << json["encoding"];
    EXPECT_EQ(json["dataset"], "intents");
    EXPECT_EQ(json["format"], "csv");
    EXPECT_EQ(json["text_column"], "text");
    EXPECT_EQ(json["label_column"], "intent");
    EXPECT_EQ(json["labelled"], 6);
    EXPECT_EQ(json["columns"], nlohmann::json({"id", "text", "intent", "channel"}));

    const auto listing = info();
    ASSERT_EQ(listing["datasets"].size(), 1u);
    const auto& dataset = listing["datasets"][0];
    EXPECT_EQ(dataset["name"], "intents");
    EXPECT_TRUE(dataset["rows"].is_number_integer());
    EXPECT_EQ(dataset["rows"], 6);
    EXPECT_TRUE(dataset["labelled"].is_number_integer());
    EXPECT_EQ(dataset["labelled"], 6);
    EXPECT_EQ(dataset["labels"].size(), 5u) << dataset["labels"].dump();
    EXPECT_EQ(dataset["search_index"], nlohmann::json({{"indexed", 6}, {"total", 6}}));
}

TEST_F(CliImport, NoIndexLeavesTheSearchIndexToLater) {
    initProject();
    const auto file = cliFixture("intents_utf8.csv").string();
    const auto first = run({"import", project(), file, "--dataset", "first", "--no-index", "--json"});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_EQ(first.json()["search_index"], nlohmann::json({{"indexed", 0}, {"total", 6}}));
    EXPECT_EQ(info()["datasets"][0]["search_index"]["indexed"], 0);

    // The next import indexes what is missing in every dataset, not only its own.
    ASSERT_EQ(run({"import", project(), file, "--dataset", "second"}).exitCode, 0);
    const auto listing = info();
    for (const auto& dataset : listing["datasets"])
        EXPECT_EQ(dataset["search_index"]["indexed"], 6) << dataset["name"];
}

TEST_F(CliImport, HumanOutputSummarisesOnStdoutAndKeepsStderrQuiet) {
    initProject();
    const auto result = run({"import", project(), cliFixture("intents_utf8.csv").string(), "--dataset",
                             "intents", "--text-col", "text", "--label-col", "intent"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("Imported 6 rows"), std::string::npos) << result.out;
    EXPECT_TRUE(result.err.empty()) << "no progress or noise on a non-terminal stderr: " << result.err;
}

TEST_F(CliImport, GbkFileIsDetectedAndDecoded) {
    initProject();
    const auto result = run({"import", project(), cliFixture("intents_gbk.csv").string(), "--dataset", "gbk",
                             "--text-col", "内容", "--label-col", "意图", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = result.json();
    ASSERT_FALSE(json.is_discarded()) << result.out;
    EXPECT_EQ(json["rows_imported"], 8);
    const std::string encoding = lowercase(json["encoding"]);
    EXPECT_TRUE(encoding == "gbk" || encoding == "gb18030" || encoding == "gb2312") << encoding;
    EXPECT_EQ(json["columns"], nlohmann::json({"编号", "内容", "意图"}));

    const auto out = path("gbk.jsonl");
    ASSERT_EQ(run({"export", project(), "--dataset", "gbk", "--format", "jsonl", out}).exitCode, 0);
    const auto rows = readJsonLines(out);
    ASSERT_EQ(rows.size(), 8u);
    EXPECT_EQ(rows[0]["内容"], "我的银行卡丢了，请帮我挂失");
    EXPECT_EQ(rows[5]["意图"], "投诉");
}

TEST_F(CliImport, ForcedEncodingOverridesDetection) {
    initProject();
    const auto gbk = run({"import", project(), cliFixture("intents_gbk.csv").string(), "--dataset", "forced",
                          "--encoding", "gbk", "--text-col", "内容", "--json"});
    ASSERT_EQ(gbk.exitCode, 0) << gbk.err;
    EXPECT_EQ(lowercase(gbk.json()["encoding"]), "gbk");

    // GBK bytes read as UTF-8 are invalid: either refused with a location, or imported with warnings.
    const auto wrong = run({"import", project(), cliFixture("intents_gbk.csv").string(), "--dataset", "wrong",
                            "--encoding", "utf-8", "--json"});
    if (wrong.exitCode == 0) {
        EXPECT_FALSE(wrong.json()["warnings"].empty()) << wrong.out;
    } else {
        EXPECT_EQ(wrong.exitCode, 1) << wrong.err;
        EXPECT_TRUE(std::regex_search(wrong.err, std::regex("intents_gbk\\.csv:[0-9]+:[0-9]+: ")))
            << wrong.err;
    }
}

TEST_F(CliImport, BadRowStopsTheImportWithFileLineColumn) {
    initProject();
    const auto file = cliFixture("bad_rows.jsonl").string();
    const auto result = run({"import", project(), file, "--dataset", "bad", "--text-col", "text"});
    EXPECT_EQ(result.exitCode, 1);
    // FILE:LINE:COL: message, with the line of the broken object and a real column.
    ASSERT_EQ(result.err.rfind(file + ":2:", 0), 0u) << result.err;
    EXPECT_TRUE(std::regex_search(result.err.substr(file.size()), std::regex("^:2:[1-9][0-9]*: \\S")))
        << result.err;
    EXPECT_TRUE(info()["datasets"].empty()) << "a failed import must leave nothing behind";

    const auto json = run({"import", project(), file, "--dataset", "bad", "--text-col", "text", "--json"});
    EXPECT_EQ(json.exitCode, 1);
    const auto error = json.json();
    ASSERT_FALSE(error.is_discarded()) << json.out;
    EXPECT_EQ(error["error"]["line"], 2);
    EXPECT_GT(error["error"]["column"].get<int>(), 0);
    EXPECT_EQ(error["error"]["file"], file);
}

TEST_F(CliImport, SkipBadRowsImportsTheRestAndListsWhatItSkipped) {
    initProject();
    const auto file = cliFixture("bad_rows.jsonl").string();
    const auto json = run({"import", project(), file, "--dataset", "skipped", "--text-col", "text",
                           "--label-col", "intent", "--skip-bad-rows", "--json"});
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto result = json.json();
    EXPECT_EQ(result["rows_imported"], 3);
    EXPECT_EQ(result["rows_skipped"], 1);
    ASSERT_FALSE(result["warnings"].empty());
    bool sawLine2 = false;
    for (const auto& warning : result["warnings"]) {
        ASSERT_TRUE(warning["line"].is_number_integer());
        ASSERT_TRUE(warning["column"].is_number_integer());
        ASSERT_TRUE(warning["message"].is_string());
        sawLine2 = sawLine2 || warning["line"] == 2;
    }
    EXPECT_TRUE(sawLine2) << result["warnings"].dump();

    const auto human = run(
        {"import", project(), file, "--dataset", "skipped-again", "--text-col", "text", "--skip-bad-rows"});
    ASSERT_EQ(human.exitCode, 0) << human.err;
    EXPECT_NE(human.err.find(file + ":2:"), std::string::npos) << human.err;
    EXPECT_NE(human.out.find("skipped 1"), std::string::npos) << human.out;
}

TEST_F(CliImport, DuplicateDatasetNameIsRefusedAndKeepsTheOriginal) {
    initProject();
    const auto file = cliFixture("intents_utf8.csv").string();
    ASSERT_EQ(run({"import", project(), file, "--dataset", "intents", "--text-col", "text"}).exitCode, 0);
    const auto again =
        run({"import", project(), cliFixture("semicolon.csv").string(), "--dataset", "intents"});
    EXPECT_EQ(again.exitCode, 4);
    EXPECT_NE(again.err.find("intents"), std::string::npos) << again.err;
    const auto listing = info();
    ASSERT_EQ(listing["datasets"].size(), 1u);
    EXPECT_EQ(listing["datasets"][0]["rows"], 6);
}

TEST_F(CliImport, MissingProjectOrInputFileIsNotFound) {
    const auto noProject =
        run({"import", path("none.bbproj"), cliFixture("intents_utf8.csv").string(), "--dataset", "x"});
    EXPECT_EQ(noProject.exitCode, 3) << noProject.err;
    EXPECT_FALSE(std::filesystem::exists(path("none.bbproj")));

    initProject();
    const auto noFile = run({"import", project(), path("nope.csv"), "--dataset", "x"});
    EXPECT_EQ(noFile.exitCode, 3) << noFile.err;
    EXPECT_EQ(noFile.err.rfind(path("nope.csv") + ": ", 0), 0u) << noFile.err;
}

TEST_F(CliImport, BinaryFileIsRefusedAsData) {
    initProject();
    std::string zip("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
    for (int i = 0; i < 4096; ++i)
        zip.push_back(static_cast<char>((i * 131 + 7) % 256));
    writeFile(path("archive.zip"), zip);
    const auto result = run({"import", project(), path("archive.zip"), "--dataset", "zip"});
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_EQ(result.err.rfind(path("archive.zip") + ":", 0), 0u) << result.err;
    EXPECT_TRUE(info()["datasets"].empty());
}

TEST_F(CliImport, DelimiterAndNoHeaderOptionsAreHonoured) {
    initProject();
    const auto semicolon = run({"import", project(), cliFixture("semicolon.csv").string(), "--dataset",
                                "semi", "--delimiter", ";", "--format", "csv", "--json"});
    ASSERT_EQ(semicolon.exitCode, 0) << semicolon.err;
    EXPECT_EQ(semicolon.json()["columns"], nlohmann::json({"text", "intent", "branch"}));
    EXPECT_EQ(semicolon.json()["rows_imported"], 2);

    const auto noHeader = run({"import", project(), cliFixture("semicolon.csv").string(), "--dataset", "raw",
                               "--delimiter", ";", "--no-header", "--json"});
    ASSERT_EQ(noHeader.exitCode, 0) << noHeader.err;
    EXPECT_EQ(noHeader.json()["rows_imported"], 3) << "the header line is a data row with --no-header";
}

TEST_F(CliImport, LabelSeparatorMakesMultiLabelRecords) {
    initProject();
    const auto result =
        run({"import", project(), cliFixture("intents_multilabel.csv").string(), "--dataset", "multi",
             "--text-col", "text", "--label-col", "labels", "--label-sep", "|", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(result.json()["labelled"], 3);
    std::set<std::string> names;
    const auto listing = info(); // a named value: a range-for over info()[...] would dangle
    for (const auto& label : listing["datasets"][0]["labels"])
        names.insert(label["name"].get<std::string>());
    EXPECT_EQ(names, (std::set<std::string>{"card_lost", "balance_inquiry", "transfer_failed", "complaint",
                                            "loan_application"}));
}

TEST_F(CliImport, DetectsColumnsUnlessToldAndEmptyLabelColMeansNone) {
    initProject();
    const auto file = cliFixture("intents_utf8.csv").string();
    const auto detected = run({"import", project(), file, "--dataset", "detected", "--json"});
    ASSERT_EQ(detected.exitCode, 0) << detected.err;
    EXPECT_EQ(detected.json()["text_column"], "text");
    EXPECT_EQ(detected.json()["label_column"], "intent");

    const auto none = run({"import", project(), file, "--dataset", "none", "--label-col", "", "--json"});
    ASSERT_EQ(none.exitCode, 0) << none.err;
    EXPECT_TRUE(none.json()["label_column"].is_null()) << none.out;
    EXPECT_EQ(none.json()["labelled"], 0);
}

TEST_F(CliImport, ProgressGoesToATerminalStderrButNeverToJsonStdout) {
    initProject();
    std::string rows = "text,intent\n";
    for (int i = 0; i < 300'000; ++i)
        rows += "please check the balance of account " + std::to_string(i) + ",balance_inquiry\n";
    writeFile(path("rows.csv"), rows);

    CliResult result;
    try {
        result = runCliWithTerminalStderr(
            {"import", project(), path("rows.csv"), "--dataset", "rows", "--json"}, m_dir.path());
    } catch (const std::runtime_error& e) {
        GTEST_SKIP() << e.what() << " (no /dev/pts in this container?)";
    }
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto json = result.json();
    ASSERT_FALSE(json.is_discarded()) << "progress leaked into stdout:\n" << result.out;
    EXPECT_EQ(json["rows_imported"], 300'000);
    EXPECT_NE(result.err.find("\rimporting: "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(" rows/s  ETA "), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("\r\033[K"), std::string::npos) << "the progress line is cleared at the end";
}

TEST_F(CliImport, CtrlCCancelsCleanlyWithExitCode130) {
    initProject();
    // Large enough that the import is still running when the first progress line arrives.
    std::string big = "id,text,intent\n";
    big.reserve(64u << 20);
    for (int i = 0; i < 1'000'000; ++i)
        big += std::to_string(i) + ",customer message number " + std::to_string(i) + " about my card," +
               (i % 2 ? "card_lost" : "balance_inquiry") + "\n";
    writeFile(path("big.csv"), big);

    CliProcess process(
        {"import", project(), path("big.csv"), "--dataset", "big", "--text-col", "text", "--progress"},
        m_dir.path());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (process.errSoFar().find("importing:") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    process.sendSignal(SIGINT);
    const auto result = process.wait();
    EXPECT_EQ(result.exitCode, 130) << result.err;
    EXPECT_NE(result.err.find("cancelled"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    EXPECT_TRUE(info()["datasets"].empty()) << "a cancelled import must leave nothing behind";
}

TEST_F(CliExport, CsvAndJsonlRoundTripThroughImport) {
    initProject();
    const auto source = cliFixture("intents_utf8.csv").string();
    ASSERT_EQ(run({"import", project(), source, "--dataset", "intents", "--text-col", "text", "--label-col",
                   "intent"})
                  .exitCode,
              0);

    const auto jsonl = path("out.jsonl");
    const auto exported =
        run({"export", project(), "--dataset", "intents", "--format", "jsonl", jsonl, "--json"});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_EQ(exported.json()["rows_exported"], 6);
    const auto rows = readJsonLines(jsonl);
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[2]["text"], "转账失败了, 钱什么时候退回?");
    EXPECT_EQ(rows[5]["text"], "My card was stolen, please \"freeze\" it now");
    EXPECT_EQ(rows[5]["intent"], "card_lost");
    EXPECT_EQ(rows[0]["channel"], "app");

    const auto csv = path("out.csv");
    const auto csvRun = run({"export", project(), "--dataset", "intents", "--format", "csv", csv});
    ASSERT_EQ(csvRun.exitCode, 0) << csvRun.err;
    EXPECT_NE(csvRun.out.find("6 rows"), std::string::npos) << csvRun.out;

    // Re-import the exported CSV: same rows, same labels, same texts.
    const auto again = run({"import", project(), csv, "--dataset", "again", "--text-col", "text",
                            "--label-col", "intent", "--json"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.json()["rows_imported"], 6);
    EXPECT_EQ(again.json()["labelled"], 6);
    const auto jsonl2 = path("again.jsonl");
    ASSERT_EQ(run({"export", project(), "--dataset", "again", "--format", "jsonl", jsonl2}).exitCode, 0);
    EXPECT_EQ(readJsonLines(jsonl2), rows);
}

TEST_F(CliExport, UnknownDatasetIsNotFoundAndWritesNothing) {
    initProject();
    const auto out = path("never.csv");
    const auto result = run({"export", project(), "--dataset", "no-such-dataset", "--format", "csv", out});
    EXPECT_EQ(result.exitCode, 3) << result.err;
    EXPECT_NE(result.err.find("no-such-dataset"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(out));

    const auto missing = run({"export", path("none.bbproj"), "--dataset", "x", "--format", "csv", out});
    EXPECT_EQ(missing.exitCode, 3) << missing.err;
}

TEST_F(CliExport, RefusesToReplaceASymlinkOrDevice) {
    initProject();
    ASSERT_EQ(
        run({"import", project(), cliFixture("intents_utf8.csv").string(), "--dataset", "intents"}).exitCode,
        0);
    writeFile(path("target.csv"), "keep me\n");
    std::filesystem::create_symlink(path("target.csv"), path("link.csv"));
    const auto result =
        run({"export", project(), "--dataset", "intents", "--format", "csv", path("link.csv")});
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_EQ(result.err.rfind(path("link.csv") + ": ", 0), 0u) << result.err;
    EXPECT_TRUE(std::filesystem::is_symlink(path("link.csv")));
    EXPECT_EQ(readFile(path("target.csv")), "keep me\n");
}

} // namespace
} // namespace bankbench::test
