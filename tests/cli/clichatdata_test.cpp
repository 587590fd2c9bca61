// The chatbot on real Banking77 (CTest label `data`, through the CliSharedData suite; skipped without
// ../shared/data): intent accuracy through the chatbot path (chat-test) equals the model's own `eval`.

#include "clirunner.h"

#include <cmath>
#include <iostream>

namespace bankbench::test {
namespace {

using CliSharedData = CliTest;

/// Test rows of a two-column CSV with quoted fields (Banking77's test.csv: text,category).
std::vector<std::pair<std::string, std::string>> readTextCategory(const std::filesystem::path& file) {
    std::vector<std::pair<std::string, std::string>> rows;
    const auto bytes = readFile(file);
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, header = true;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(field), field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')
                ++i;
            fields.push_back(field), field.clear();
            if (!header && fields.size() == 2)
                rows.emplace_back(fields[0], fields[1]);
            header = false;
            fields.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

TEST_F(CliSharedData, Banking77ChatbotIntentAccuracyEqualsEval) {
    const auto data = sharedDataDir();
    if (data.empty() || !std::filesystem::is_regular_file(data / "banking77" / "test.csv"))
        GTEST_SKIP() << "../shared/data/banking77 not found beside the clone";
    initProject();
    for (const char* name : {"train", "test"})
        ASSERT_EQ(run({"import", project(), (data / "banking77" / (std::string(name) + ".csv")).string(),
                       "--dataset", name, "--text-col", "text", "--label-col", "category", "--no-index"})
                      .exitCode,
                  0);
    const auto trained = run({"train", project(), "--dataset", "train", "--model", "fast", "--run", "b77",
                              "--threads", "1", "--json"});
    ASSERT_EQ(trained.exitCode, 0) << trained.err;
    const auto evaluated = run({"eval", project(), "--run", "b77", "--dataset", "test", "--json"});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.err;
    const auto accuracy = evaluated.json()["accuracy"].get<double>();
    const auto samples = evaluated.json()["samples"].get<std::int64_t>();

    const auto created = run({"bot", "create", project(), "--name", "b77-bot", "--run", "b77", "--json"});
    ASSERT_EQ(created.exitCode, 0) << created.err;
    auto conversations = nlohmann::json::array();
    for (const auto& [text, category] : readTextCategory(data / "banking77" / "test.csv"))
        conversations.push_back({{"turns", {{{"user", text}, {"intent", category}}}}});
    ASSERT_EQ(static_cast<std::int64_t>(conversations.size()), samples);
    writeFile(path("b77-test.json"), nlohmann::json({{"conversations", conversations}}).dump());
    const auto tested = run({"chat-test", project(), "--bot", "b77-bot", path("b77-test.json"), "--json"});
    ASSERT_NE(tested.exitCode, 2) << tested.err;
    const auto report = tested.json();
    ASSERT_FALSE(report.is_discarded()) << tested.err;
    EXPECT_EQ(report["intent_checked"].get<std::int64_t>(), samples);
    // Same model, same texts: the chatbot's intent is the model's argmax, so the counts are equal.
    EXPECT_EQ(report["intent_correct"].get<std::int64_t>(),
              static_cast<std::int64_t>(std::llround(accuracy * samples)));
    EXPECT_DOUBLE_EQ(report["intent_accuracy"].get<double>(), accuracy);
    std::cout << "Banking77 test: eval accuracy " << accuracy << ", chatbot intent accuracy "
              << report["intent_accuracy"].get<double>() << " over " << samples << " queries\n";
}

} // namespace
} // namespace bankbench::test
