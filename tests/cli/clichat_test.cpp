// bot, chat, chat-test and serve through bankbench-cli on a small run trained first on generated intents:
// the JSON contract, multi-turn follow-ups, the knowledge base, errors, and HTTP over loopback with
// concurrent sessions.

#include "clirunner.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <thread>

namespace bankbench::test {
namespace {

/// CSV "text,intent" with keywords among filler words (seeded, so every run sees the same file).
std::string chatIntentCsv(int perClass, unsigned seed) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> intents = {
        {"card_lost", {"lost my card", "card stolen", "挂失"}},
        {"balance", {"balance", "how much money", "余额"}},
        {"transfer", {"transfer", "send money", "转账"}},
        {"loan", {"loan", "mortgage", "贷款"}},
    };
    const std::vector<std::string> filler = {"please", "help", "me",   "today", "need",
                                             "the",    "请",   "帮我", "now"};
    std::uint64_t state = seed;
    const auto below = [&state](std::size_t n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state >> 33) % n);
    };
    std::string csv = "text,intent\n";
    for (int i = 0; i < perClass; ++i)
        for (const auto& [intent, keys] : intents)
            csv += filler[below(filler.size())] + " " + keys[below(keys.size())] + " " +
                   filler[below(filler.size())] + "," + intent + "\n";
    return csv;
}

const char* const kResponses = R"({"intents": {
  "card_lost": {"responses": {"en": ["The card ending {card_last4} is now blocked."],
                              "zh": ["尾号{card_last4}的卡已为您挂失。"]},
                "follow_up": {"card_last4": {"en": "What are the last four digits of the card?",
                                             "zh": "请提供卡号后四位。"}}},
  "balance": {"responses": {"en": ["You can see your balance in the app."], "zh": ["您可以在手机银行查看余额。"]}}
}})";

class CliChat : public CliTest {
protected:
    /// A project with a trained run "intents" and a bot "helper" (responses + a two-entry FAQ).
    void makeBot() {
        initProject();
        writeFile(path("train.csv"), chatIntentCsv(40, 11));
        ASSERT_EQ(run({"import", project(), path("train.csv"), "--dataset", "train", "--text-col", "text",
                       "--label-col", "intent"})
                      .exitCode,
                  0);
        writeFile(path("cfg.json"),
                  nlohmann::json({{"epochs", 15},
                                  {"batch_size", 8},
                                  {"learning_rate", 0.1},
                                  {"validation_fraction", 0.25},
                                  {"early_stopping_patience", 0},
                                  {"threads", 1},
                                  {"fast", {{"dim", 24}, {"features", {{"bucket_bits", 14}}}}}})
                      .dump());
        const auto trained = run({"train", project(), "--dataset", "train", "--model", "fast", "--config",
                                  path("cfg.json"), "--run", "intents", "--json"});
        ASSERT_EQ(trained.exitCode, 0) << trained.err;
        writeFile(path("responses.json"), kResponses);
        writeFile(path("faq.csv"),
                  "question,answer\n"
                  "What are the opening hours of your branches?,Branches open 9:00-17:00 on weekdays.\n"
                  "How do I reset my online banking password?,Tap Forgot password on the login page.\n");
        const auto created = run({"bot", "create", project(), "--name", "helper", "--run", "intents",
                                  "--responses", path("responses.json"), "--kb", path("faq.csv"), "--json"});
        ASSERT_EQ(created.exitCode, 0) << created.err << created.out;
        const auto c = created.json();
        EXPECT_EQ(c["version"], 1);
        EXPECT_EQ(c["knowledge_base"]["added"], 2);
        EXPECT_EQ(c["policy"]["tuning"]["run"], "intents");
        EXPECT_GT(c["policy"]["tuning"]["examples"].get<int>(), 0);
    }

    /// `chat --json` with `input` on stdin (through the shell: the runner gives children /dev/null).
    std::vector<nlohmann::json> chat(const std::string& input, const std::vector<std::string>& extra = {}) {
        writeFile(path("stdin.txt"), input);
        std::string command =
            std::string(BANKBENCH_CLI_PATH) + " chat '" + project() + "' --bot helper --json";
        for (const auto& e : extra)
            command += " '" + e + "'";
        command +=
            " < '" + path("stdin.txt") + "' > '" + path("stdout.txt") + "' 2> '" + path("stderr.txt") + "'";
        const int status = std::system(command.c_str());
        EXPECT_EQ(WEXITSTATUS(status), 0) << readFile(path("stderr.txt"));
        std::vector<nlohmann::json> turns;
        std::istringstream lines(readFile(path("stdout.txt")));
        for (std::string line; std::getline(lines, line);)
            turns.push_back(nlohmann::json::parse(line));
        return turns;
    }
};

TEST_F(CliChat, BotChatAndChatTestFollowTheJsonContract) {
    makeBot();
    const auto turns =
        chat("I lost my card please help\n1234\nwhat are the opening hours of your branches\n");
    ASSERT_EQ(turns.size(), 3u);
    for (const char* key : {"intent", "confidence", "answer", "sources", "slots", "decision", "turn_id"})
        EXPECT_TRUE(turns[0].contains(key)) << key;
    EXPECT_EQ(turns[0]["intent"], "card_lost");
    EXPECT_EQ(turns[0]["decision"], "follow_up");
    EXPECT_EQ(turns[0]["answer"], "What are the last four digits of the card?");
    EXPECT_EQ(turns[1]["answer"], "The card ending 1234 is now blocked.");
    EXPECT_EQ(turns[1]["slots"]["card_last4"], "1234");
    EXPECT_EQ(turns[2]["decision"], "knowledge");
    ASSERT_EQ(turns[2]["sources"].size(), 1u);
    EXPECT_EQ(turns[2]["sources"][0]["answer"], "Branches open 9:00-17:00 on weekdays.");

    writeFile(path("conv.json"), R"({"conversations": [
      {"name": "lost card", "language": "en", "turns": [
        {"user": "card stolen please help", "intent": "card_lost", "response": "card_lost.ask.card_last4"},
        {"user": "it is 9876", "slots": {"card_last4": "9876"}, "decision": "answer"}]},
      {"name": "zh balance", "turns": [{"user": "请帮我查余额", "intent": "balance", "response": "balance"}]}]})");
    const auto passed = run({"chat-test", project(), "--bot", "helper", path("conv.json"), "--json"});
    EXPECT_EQ(passed.exitCode, 0) << passed.out << passed.err;
    const auto p = passed.json();
    EXPECT_EQ(p["passed"], 3);
    EXPECT_EQ(p["failed"], 0);
    EXPECT_DOUBLE_EQ(p["intent_accuracy"].get<double>(), 1.0);

    writeFile(path("wrong.json"), R"([{"turns": [{"user": "transfer money now", "intent": "loan"}]}])");
    const auto failed = run({"chat-test", project(), "--bot", "helper", path("wrong.json")});
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_NE(failed.out.find("FAIL"), std::string::npos) << failed.out;
    EXPECT_NE(failed.out.find("intent: expected loan, got transfer"), std::string::npos) << failed.out;

    writeFile(path("broken.json"), "[{\"turns\": [\n  {\"user\": \"x\", \"bad\": 1}]}]");
    const auto broken = run({"chat-test", project(), "--bot", "helper", path("broken.json")});
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_NE(broken.err.find("broken.json:2:"), std::string::npos) << broken.err;
}

TEST_F(CliChat, BotCommandsManageVersionsAndSendTurnsToLabeling) {
    makeBot();
    EXPECT_EQ(run({"bot", "create", project(), "--name", "helper", "--run", "intents"}).exitCode, 4);
    EXPECT_EQ(run({"bot", "create", project(), "--name", "x", "--run", "missing-run"}).exitCode, 3);
    writeFile(path("bad.csv"), "intent,language,kind,slot,text\nbalance,fr,response,,Bonjour\n");
    const auto bad =
        run({"bot", "create", project(), "--name", "x", "--run", "intents", "--responses", path("bad.csv")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("bad.csv:2:9: unknown language \"fr\""), std::string::npos) << bad.err;

    const auto updated =
        run({"bot", "update", project(), "--name", "helper", "--threshold", "0.99", "--json"});
    ASSERT_EQ(updated.exitCode, 0) << updated.err;
    EXPECT_EQ(updated.json()["version"], 2);
    EXPECT_DOUBLE_EQ(updated.json()["policy"]["threshold"].get<double>(), 0.99);
    const auto listed = run({"bot", "list", project(), "--json"}).json();
    ASSERT_EQ(listed["bots"].size(), 1u);
    EXPECT_EQ(listed["bots"][0]["versions"], 2);
    EXPECT_EQ(listed["bots"][0]["knowledge_base_entries"], 2);
    EXPECT_EQ(run({"bot", "show", project(), "--name", "helper", "--json"}).json()["versions"].size(), 2u);

    // An unsure turn (below 0.99) and a thumbs-down answer go to labeling, once.
    const auto turns = chat("balance please\n/bad\nsomething odd entirely\n");
    ASSERT_EQ(turns.size(), 2u);
    const auto sent = run({"bot", "send-to-labeling", project(), "--bot", "helper", "--json"});
    ASSERT_EQ(sent.exitCode, 0) << sent.err;
    EXPECT_EQ(sent.json()["dataset"], "chat-feedback");
    EXPECT_EQ(sent.json()["sent"], 2);
    EXPECT_EQ(run({"bot", "send-to-labeling", project(), "--bot", "helper", "--json"}).json()["sent"], 0);
    const auto info = this->info();
    bool found = false;
    for (const auto& d : info["datasets"])
        if (d["name"] == "chat-feedback") {
            found = true;
            EXPECT_EQ(d["rows"], 2);
        }
    EXPECT_TRUE(found) << info.dump();

    ASSERT_EQ(run({"bot", "delete", project(), "--name", "helper"}).exitCode, 0);
    EXPECT_EQ(run({"bot", "list", project(), "--json"}).json()["bots"].size(), 0u);
}

TEST_F(CliChat, NoneIntentIsNeverAnsweredAndMustBeALabelOfTheRun) {
    makeBot();
    const auto wrong = run({"bot", "update", project(), "--name", "helper", "--none-intent", "other"});
    EXPECT_EQ(wrong.exitCode, 2); // usage: an invalid option value
    EXPECT_NE(wrong.err.find("--none-intent: \"other\" is not a label of run \"intents\""), std::string::npos)
        << wrong.err;

    // "loan" plays the none-of-these label; retuning leaves its validation rows out.
    const auto updated =
        run({"bot", "update", project(), "--name", "helper", "--none-intent", "loan", "--retune", "--json"});
    ASSERT_EQ(updated.exitCode, 0) << updated.err;
    const auto policy = updated.json()["policy"];
    EXPECT_EQ(policy["none_intent"], "loan");
    EXPECT_EQ(policy["tuning"]["none_intent"], "loan");
    EXPECT_GT(policy["tuning"]["none_examples"].get<int>(), 0);

    const auto turns = chat("I need a mortgage loan please\nbalance please\n");
    ASSERT_EQ(turns.size(), 2u);
    EXPECT_EQ(turns[0]["top_intents"][0]["intent"], "loan");
    EXPECT_EQ(turns[0]["none_intent"], true);
    EXPECT_NE(turns[0]["decision"], "answer");
    EXPECT_FALSE(turns[1].contains("none_intent"));

    const auto removed = run({"bot", "update", project(), "--name", "helper", "--none-intent", "", "--json"});
    ASSERT_EQ(removed.exitCode, 0) << removed.err;
    EXPECT_FALSE(removed.json()["policy"].contains("none_intent"));
}

TEST_F(CliChat, ServeAnswersOverLoopbackWithConcurrentSessions) {
    makeBot();
    CliProcess server({"serve", project(), "--bot", "helper", "--port", "0", "--max-body", "2048"},
                      m_dir.path());
    int port = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (port == 0 && std::chrono::steady_clock::now() < deadline) {
        std::smatch match;
        const auto err = server.errSoFar();
        if (std::regex_search(err, match, std::regex(R"(http://127\.0\.0\.1:(\d+))")))
            port = std::stoi(match[1]);
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_GT(port, 0) << server.errSoFar();
    httplib::Client client("127.0.0.1", port);

    const auto ok = client.Post("/chat", R"({"session": "a", "text": "balance please"})", "application/json");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
    const auto body = nlohmann::json::parse(ok->body);
    EXPECT_EQ(body["intent"], "balance");
    for (const char* key : {"intent", "confidence", "answer", "sources", "slots"})
        EXPECT_TRUE(body.contains(key)) << key;

    const auto malformed = client.Post("/chat", "{\"session\": \"a\", \"text\": ", "application/json");
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 400);
    EXPECT_NE(malformed->body.find("not valid JSON"), std::string::npos);
    const auto noText = client.Post("/chat", R"({"session": "a"})", "application/json");
    ASSERT_TRUE(noText);
    EXPECT_EQ(noText->status, 400);
    const auto large =
        client.Post("/chat", "{\"text\": \"" + std::string(4096, 'a') + "\"}", "application/json");
    ASSERT_TRUE(large);
    EXPECT_EQ(large->status, 413);

    // Eight conversations at once, each a follow-up needing its own digits: sessions must not mix.
    std::atomic<int> right{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c)
        clients.emplace_back([&, c] {
            httplib::Client mine("127.0.0.1", port);
            const std::string digits = std::to_string(1000 + c * 111);
            for (int round = 0; round < 3; ++round) {
                // A new conversation each round: within one, the card's digits would be remembered.
                const std::string session = "s" + std::to_string(c) + "-" + std::to_string(round);
                auto first = mine.Post(
                    "/chat", nlohmann::json({{"session", session}, {"text", "I lost my card please"}}).dump(),
                    "application/json");
                auto second =
                    mine.Post("/chat", nlohmann::json({{"session", session}, {"text", digits}}).dump(),
                              "application/json");
                if (first && second && first->status == 200 && second->status == 200 &&
                    nlohmann::json::parse(second->body)["answer"] ==
                        "The card ending " + digits + " is now blocked.")
                    ++right;
            }
        });
    for (auto& t : clients)
        t.join();
    EXPECT_EQ(right.load(), 24);

    server.sendSignal(SIGINT);
    const auto stopped = server.wait();
    EXPECT_EQ(stopped.exitCode, 0) << stopped.err;
}

} // namespace
} // namespace bankbench::test
