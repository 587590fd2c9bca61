// Labelled data out (CSV/JSONL with labels, spans and BIO tags) and back in: round trips and reports.
#include "io/labelexport.h"
#include "io/labelimport.h"
#include "labeltestsupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

using namespace bankbench::core;
using bankbench::test::LabelProject;
using bankbench::test::readFile;
using bankbench::test::writeFile;

namespace {

std::vector<nlohmann::json> jsonLines(const std::string& path) {
    std::vector<nlohmann::json> out;
    std::istringstream in(readFile(path));
    for (std::string line; std::getline(in, line);)
        out.push_back(nlohmann::json::parse(line));
    return out;
}

const std::vector<std::string> kTexts{"从北京转账到上海", "send $50 to New York 👍", "查询余额",
                                      "no entities here"};

} // namespace

TEST(LabelExport, JsonlSpansWithOffsetsAndBio) {
    LabelProject p(kTexts);
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::Span, {"city", "amount"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {},
                                      {{1, 3, "city"}, {6, 8, "city"}}));
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {},
                                      {{5, 8, "amount"}, {12, 20, "city"}}));
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "alice", DecisionStatus::Skipped, {}));
    BB_ASSERT_OK(store.recordDecision(p.ids[3], set, "alice", DecisionStatus::Accepted, {}));

    LabelExportOptions options;
    options.datasetName = "calls";
    options.outPath = p.dir.file("spans.jsonl");
    EXPECT_EQ(exportLabels(*p.project, options).value(), 3); // the skipped record is left out
    const auto rows = jsonLines(options.outPath);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0]["text"], kTexts[0]);
    EXPECT_EQ(rows[0]["spans"].dump(),
              R"([{"end":3,"label":"city","start":1},{"end":8,"label":"city","start":6}])");
    EXPECT_EQ(rows[0]["tokens"], nlohmann::json({"从", "北", "京", "转", "账", "到", "上", "海"}));
    EXPECT_EQ(rows[0]["tags"], nlohmann::json({"O", "B-city", "I-city", "O", "O", "O", "B-city", "I-city"}));
    // s e n d ␠ $ 5 0 ␠ t o ␠ N e w ␠ Y o r k ␠ 👍: "$50" is [5, 8), "New York" [12, 20).
    EXPECT_EQ(rows[1]["tokens"], nlohmann::json({"send", "$50", "to", "New", "York", "👍"}));
    EXPECT_EQ(rows[1]["tags"], nlohmann::json({"O", "B-amount", "O", "B-city", "I-city", "O"}));
    EXPECT_EQ(rows[1]["labels"], nlohmann::json({"city", "amount"}));
    EXPECT_EQ(rows[2]["spans"], nlohmann::json::array());
    EXPECT_EQ(rows[2]["annotator"], "alice");
    EXPECT_EQ(rows[2]["status"], "accepted");
    options.includeUnlabelled = true;
    EXPECT_EQ(exportLabels(*p.project, options).value(), 4);
}

TEST(LabelExport, SpanRoundTripThroughJsonlAndCsvByText) {
    for (const auto format : {ExportFormat::Jsonl, ExportFormat::Csv}) {
        LabelProject p(kTexts);
        LabelStore store(*p.project);
        const auto set = p.addLabelSet(store, LabelSetKind::Span, {"city", "amount"});
        const std::vector<std::vector<Span>> spans{{{1, 3, "city"}, {6, 8, "city"}},
                                                   {{5, 8, "amount"}, {12, 20, "city"}}};
        BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {}, spans[0]));
        BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {}, spans[1]));
        LabelExportOptions out;
        out.datasetName = "calls";
        out.format = format;
        out.outPath = p.dir.file(format == ExportFormat::Csv ? "x.csv" : "x.jsonl");
        BB_ASSERT_OK(exportLabels(*p.project, out));

        // A second dataset with the same texts in another order and its own span set.
        const auto copy = p.addDataset("copy", {kTexts[3], kTexts[1], kTexts[0], kTexts[2]});
        const auto copySet = store.createLabelSet("copy slots", LabelSetKind::Span).value().id;
        BB_ASSERT_OK(store.assignLabelSet(copy, copySet));
        LabelImportOptions in;
        in.path = out.outPath;
        in.datasetName = "copy";
        in.match = LabelMatch::Text;
        in.annotator = "imported";
        const auto result = importLabels(*p.project, in).value();
        EXPECT_EQ(result.rows, 2);
        EXPECT_EQ(result.decisions, 2);
        EXPECT_TRUE(result.unmatched.empty());
        EXPECT_TRUE(result.errors.empty()) << (result.errors.empty() ? "" : result.errors[0].message);
        EXPECT_EQ(store.currentDecision(p.ids[2], copySet, "imported").value()->spans, spans[0]);
        EXPECT_EQ(store.currentDecision(p.ids[1], copySet, "imported").value()->spans, spans[1]);
        EXPECT_EQ(store.labels(copySet).value().size(), 2u); // created on the way in
    }
}

TEST(LabelExport, BioTagsAloneRebuildSpans) {
    LabelProject p(kTexts);
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::Span, {"city", "amount"});
    writeFile(p.dir.file("bio.jsonl"),
              R"({"text":"send $50 to New York 👍","tokens":["send","$","50","to","New","York","👍"],)"
              R"("tags":["O","O","B-amount","O","B-city","I-city","O"]})"
              "\n");
    LabelImportOptions in;
    in.path = p.dir.file("bio.jsonl");
    in.datasetName = "calls";
    const auto result = importLabels(*p.project, in).value();
    EXPECT_EQ(result.decisions, 1);
    // "50" alone ([6, 8)): the tokens were split off "$" by whoever wrote the file.
    EXPECT_EQ(store.currentDecision(p.ids[1], set, "import").value()->spans,
              (std::vector<Span>{{6, 8, "amount"}, {12, 20, "city"}}));
}

TEST(LabelExport, IntentRoundTripByRecordIdWithCsv) {
    LabelProject p({"我的卡丢了", "check balance", "转账", "hello, \"world\"\nsecond line"});
    LabelStore store(*p.project);
    const auto set =
        p.addLabelSet(store, LabelSetKind::MultiLabel, {"card_lost", "balance", "transfer", "greeting"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"card_lost"}));
    BB_ASSERT_OK(
        store.recordDecision(p.ids[1], set, "alice", DecisionStatus::Accepted, {"balance", "transfer"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[3], set, "alice", DecisionStatus::Accepted, {"greeting"}));
    BB_ASSERT_OK(store.recordDecision(p.ids[2], set, "alice", DecisionStatus::Unclear, {}, {}, "?"));
    LabelExportOptions out;
    out.datasetName = "calls";
    out.format = ExportFormat::Csv;
    out.outPath = p.dir.file("labels.csv");
    out.includeUnlabelled = true;
    EXPECT_EQ(exportLabels(*p.project, out).value(), 4);
    const std::string csv = readFile(out.outPath);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "id,text,labels,annotator,status");
    EXPECT_NE(csv.find("balance|transfer"), std::string::npos);

    // Import back onto the same dataset as another annotator: identical decisions, the unclear one too.
    LabelImportOptions in;
    in.path = out.outPath;
    in.datasetName = "calls";
    in.annotator = "roundtrip";
    const auto result = importLabels(*p.project, in).value();
    EXPECT_EQ(result.rows, 4);
    EXPECT_EQ(result.decisions, 4);
    for (const auto id : p.ids) {
        const auto a = store.currentDecision(id, set, "alice").value();
        const auto b = store.currentDecision(id, set, "roundtrip").value();
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->labels, b->labels);
        EXPECT_EQ(a->status, b->status);
    }
}

TEST(LabelExport, SingleLabelJsonlUsesLabelAndPicksAdjudication) {
    LabelProject p({"r1", "r2"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    BB_ASSERT_OK(store.recordDecision(p.ids[0], set, "alice", DecisionStatus::Accepted, {"a"}));
    BB_ASSERT_OK(store.adjudicate(p.ids[0], set, {"b"}));
    BB_ASSERT_OK(
        store.recordDecision(p.ids[0], set, "bob", DecisionStatus::Accepted, {"a"})); // after adjudication
    BB_ASSERT_OK(store.recordDecision(p.ids[1], set, "bob", DecisionStatus::Accepted, {"a"}));
    LabelExportOptions out;
    out.datasetName = "calls";
    out.outPath = p.dir.file("l.jsonl");
    BB_ASSERT_OK(exportLabels(*p.project, out));
    auto rows = jsonLines(out.outPath);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["label"], "b");
    EXPECT_EQ(rows[0]["annotator"], LabelStore::kAdjudicator);
    out.annotator = "alice";
    BB_ASSERT_OK(exportLabels(*p.project, out));
    rows = jsonLines(out.outPath);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["label"], "a");
}

TEST(LabelImport, ReportsUnmatchedAndBadRows) {
    LabelProject p({"r1", "r2"});
    LabelStore store(*p.project);
    const auto set = p.addLabelSet(store, LabelSetKind::SingleLabel, {"a", "b"});
    writeFile(p.dir.file("in.jsonl"), "{\"text\":\"r1\",\"label\":\"a\"}\n"
                                      "{\"text\":\"not there\",\"label\":\"a\"}\n"
                                      "{\"text\":\"r2\",\"label\":\"zzz\"}\n"
                                      "{\"text\":\"r2\",\"label\":\"b\",\"status\":\"maybe\"}\n");
    LabelImportOptions in;
    in.path = p.dir.file("in.jsonl");
    in.datasetName = "calls";
    in.createMissingLabels = false;
    const auto result = importLabels(*p.project, in).value();
    EXPECT_EQ(result.rows, 4);
    EXPECT_EQ(result.decisions, 1);
    ASSERT_EQ(result.unmatched.size(), 1u);
    EXPECT_EQ(result.unmatched[0].line, 2);
    ASSERT_EQ(result.errors.size(), 2u);
    EXPECT_EQ(result.errors[0].line, 3);
    EXPECT_NE(result.errors[0].message.find("zzz"), std::string::npos);
    EXPECT_EQ(result.errors[1].line, 4);
    EXPECT_EQ(store.currentDecision(p.ids[0], set, "import").value()->labels,
              (std::vector<std::string>{"a"}));

    // By record id: an id from another dataset, or with another text, is unmatched.
    writeFile(p.dir.file("ids.csv"), "id,text,label\n" + std::to_string(p.ids[1]) + ",r2,b\n" +
                                         std::to_string(p.ids[1]) + ",other text,b\n99999,r1,a\nxyz,r1,a\n");
    in.path = p.dir.file("ids.csv");
    const auto byId = importLabels(*p.project, in).value();
    EXPECT_EQ(byId.decisions, 1);
    EXPECT_EQ(byId.unmatched.size(), 2u);
    EXPECT_EQ(byId.errors.size(), 1u);

    writeFile(p.dir.file("nolabels.csv"), "text,comment\nr1,x\n");
    in.path = p.dir.file("nolabels.csv");
    EXPECT_EQ(importLabels(*p.project, in).error().code, ErrorCode::Parse);
    in.datasetName = "missing";
    EXPECT_EQ(importLabels(*p.project, in).error().code, ErrorCode::NotFound);
}

// Regression: like the dataset exporter, label export renames a temp file into place and so must
// refuse a symlink target instead of replacing it.
TEST(LabelExport, RefusesToReplaceASymlink) {
    LabelProject p(kTexts);
    const std::string target = p.dir.file("real.jsonl");
    writeFile(target, "keep me\n");
    const std::string link = p.dir.file("link.jsonl");
    std::filesystem::create_symlink(target, link);
    LabelExportOptions options;
    options.datasetName = "calls";
    options.outPath = link;
    const auto result = exportLabels(*p.project, options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(std::filesystem::is_symlink(link));
    EXPECT_EQ(readFile(target), "keep me\n");
}
