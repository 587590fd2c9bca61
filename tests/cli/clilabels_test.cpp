// labels, import-labels and export-labels through bankbench-cli: counts, agreement JSON, round trip.

#include "clirunner.h"

#include <sstream>

namespace bankbench::test {
namespace {

class CliLabels : public CliTest {
protected:
    /// A project with dataset "calls": four records labelled a, a, b, b by "import".
    void SetUp() override {
        initProject();
        writeFile(path("calls.csv"),
                  "text,intent\n我的卡丢了,a\n卡被偷了怎么办,a\n查询余额,b\nwhat is my balance,b\n");
        const auto imported = run({"import", project(), path("calls.csv"), "--dataset", "calls", "--text-col",
                                   "text", "--label-col", "intent"});
        ASSERT_EQ(imported.exitCode, 0) << imported.err;
    }

    /// Records `labels` (one per record, in import order) as `annotator` through import-labels.
    void label(const std::string& annotator, const std::vector<std::string>& labels) {
        const std::vector<std::string> texts{"我的卡丢了", "卡被偷了怎么办", "查询余额",
                                             "what is my balance"};
        std::string jsonl;
        for (std::size_t i = 0; i < labels.size(); ++i)
            jsonl += nlohmann::json{{"text", texts[i]}, {"label", labels[i]}}.dump() + "\n";
        writeFile(path(annotator + ".jsonl"), jsonl);
        const auto result = run({"import-labels", project(), path(annotator + ".jsonl"), "--dataset", "calls",
                                 "--annotator", annotator, "--json"});
        ASSERT_EQ(result.exitCode, 0) << result.err;
        EXPECT_EQ(result.json()["decisions"], labels.size()) << result.out;
    }

    nlohmann::json labelsJson() {
        const auto result = run({"labels", project(), "--dataset", "calls", "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        const auto json = result.json();
        EXPECT_FALSE(json.is_discarded()) << result.out;
        return json;
    }
};

TEST_F(CliLabels, CountsWithOneAnnotatorHaveNoAgreement) {
    const auto json = labelsJson();
    EXPECT_EQ(json["labels"], nlohmann::json::parse(R"([{"name":"a","count":2},{"name":"b","count":2}])"));
    EXPECT_EQ(json["labelled"], 4);
    EXPECT_EQ(json["total"], 4);
    EXPECT_EQ(json["label_set"]["kind"], "single");
    EXPECT_FALSE(json.contains("agreement"));
    const auto text = run({"labels", project(), "--dataset", "calls"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("4 of 4 records labelled (100%)"), std::string::npos) << text.out;
}

TEST_F(CliLabels, CohenKappaForTwoAnnotators) {
    // import: a a b b; bob: a b b b.  P_o = 3/4; import a .5 b .5, bob a .25 b .75
    // P_e = .5*.25 + .5*.75 = .5 -> kappa = (.75 - .5) / .5 = 0.5; per label (one-vs-rest) the same table.
    label("bob", {"a", "b", "b", "b"});
    const auto json = labelsJson();
    // Counts: records carrying the label in anyone's current decision: a on 1-2, b on 2-4.
    EXPECT_EQ(json["labels"], nlohmann::json::parse(R"([{"name":"a","count":2},{"name":"b","count":3}])"));
    ASSERT_TRUE(json.contains("agreement")) << json.dump();
    const auto& agreement = json["agreement"];
    EXPECT_EQ(agreement["annotators"], nlohmann::json({"bob", "import"}));
    EXPECT_EQ(agreement["records"], 4);
    EXPECT_NEAR(agreement["cohen_kappa"].get<double>(), 0.5, 1e-12);
    EXPECT_NEAR(agreement["per_label"]["a"].get<double>(), 0.5, 1e-12);
    EXPECT_NEAR(agreement["per_label"]["b"].get<double>(), 0.5, 1e-12);
    EXPECT_FALSE(agreement.contains("fleiss_kappa"));
}

TEST_F(CliLabels, FleissKappaForThreeAnnotators) {
    // (import, bob, carol): (a,a,a) (a,b,a) (b,b,b) (b,b,a) -> per item counts [3,0] [2,1] [0,3] [1,2]
    // P_i = 1, 1/3, 1, 1/3 -> P-bar = 2/3; p_a = p_b = .5 -> P_e = .5 -> kappa = (2/3 - 1/2) / (1/2) = 1/3
    label("bob", {"a", "b", "b", "b"});
    label("carol", {"a", "a", "b", "a"});
    const auto agreement = labelsJson()["agreement"];
    EXPECT_EQ(agreement["annotators"].size(), 3u);
    EXPECT_NEAR(agreement["fleiss_kappa"].get<double>(), 1.0 / 3.0, 1e-12);
    EXPECT_FALSE(agreement.contains("cohen_kappa"));
    const auto text = run({"labels", project(), "--dataset", "calls"});
    EXPECT_NE(text.out.find("Fleiss' kappa"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("0.333"), std::string::npos) << text.out;
}

TEST_F(CliLabels, ExportAndImportRoundTrip) {
    label("bob", {"b", "b", "a", "a"});
    const auto exported = run({"export-labels", project(), path("bob.out.jsonl"), "--dataset", "calls",
                               "--annotator", "bob", "--json"});
    ASSERT_EQ(exported.exitCode, 0) << exported.err;
    EXPECT_EQ(exported.json()["rows"], 4);
    std::istringstream lines(readFile(path("bob.out.jsonl")));
    std::string first;
    std::getline(lines, first);
    const auto row = nlohmann::json::parse(first);
    EXPECT_EQ(row["text"], "我的卡丢了");
    EXPECT_EQ(row["label"], "b");
    EXPECT_EQ(row["annotator"], "bob");

    // Back in under another name, matched by record id: it agrees with bob perfectly.
    const auto imported = run({"import-labels", project(), path("bob.out.jsonl"), "--dataset", "calls",
                               "--annotator", "bob2", "--json"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_EQ(imported.json()["decisions"], 4);
    EXPECT_EQ(imported.json()["unmatched"], nlohmann::json::array());
    const auto report = run({"labels", project(), "--dataset", "calls", "--json"}).json();
    // Three raters now (bob, bob2, import); bob and bob2 agree everywhere and disagree with import.
    EXPECT_EQ(report["agreement"]["annotators"], nlohmann::json({"bob", "bob2", "import"}));
}

TEST_F(CliLabels, ErrorsNameWhatIsMissing) {
    const auto noDataset = run({"labels", project(), "--dataset", "nope", "--json"});
    EXPECT_EQ(noDataset.exitCode, 3);
    EXPECT_TRUE(noDataset.json().contains("error")) << noDataset.out;
    EXPECT_NE(noDataset.err.find("nope"), std::string::npos);

    writeFile(path("plain.csv"), "text\nhello\n");
    ASSERT_EQ(run({"import", project(), path("plain.csv"), "--dataset", "plain", "--label-col", ""}).exitCode,
              0);
    const auto unlabelled = run({"labels", project(), "--dataset", "plain", "--json"});
    ASSERT_EQ(unlabelled.exitCode, 0) << unlabelled.err;
    EXPECT_EQ(unlabelled.json()["labelled"], 0);
    EXPECT_TRUE(unlabelled.json()["label_set"].is_null());
    writeFile(path("labels.jsonl"), "{\"text\":\"hello\",\"label\":\"x\"}\n");
    const auto noSet = run({"import-labels", project(), path("labels.jsonl"), "--dataset", "plain"});
    EXPECT_EQ(noSet.exitCode, 2);
    EXPECT_NE(noSet.err.find("no label set"), std::string::npos) << noSet.err;
    EXPECT_EQ(run({"labels", project()}).exitCode, 2); // --dataset is required
}

} // namespace
} // namespace bankbench::test
