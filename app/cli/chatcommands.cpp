// chat (interactive terminal chat, or one JSON object per turn with --json) and chat-test (conversation
// test files, pass/fail per turn). Both talk to the bot through core/chat's ChatEngine.

#include "botloader.h"
#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"
#include "terminal.h"

#include "chat/conversationtest.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <unistd.h>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;
namespace chat = core::chat;

namespace {

struct ChatArgs {
    std::string project, bot, session = "cli", language = "auto", device = "auto", file;
    int version = 0;
    bool json = false, noLog = false;
};

void printTurn(const chat::TurnResult& r) {
    std::cout << "bot> " << r.answer << '\n';
    if (!r.sources.empty())
        std::cout << "     [source: " << r.sources[0].source << " — \"" << r.sources[0].question << "\"]\n";
    for (std::size_t i = 0; i < r.quickReplies.size(); ++i)
        std::cout << "     (" << i + 1 << ") " << r.quickReplies[i].label << '\n';
    std::cout << "     [" << chat::decisionName(r.decision) << ", intent "
              << (r.intent.empty() ? "-" : r.intent) << " " << fixed(r.confidence, 3) << "]\n";
}

const char* const kChatHelp =
    "Type a message. Commands: /reset (new conversation), /good or /bad (feedback on the last answer), "
    "/quit.\n";

int runChat(const ChatArgs& args) {
    auto loaded = loadBot(args.project, args.bot, args.version, devicePreference(args.device));
    if (!loaded)
        return reportError(loaded.error(), args.project, args.json);
    auto& bot = **loaded;
    const bool interactive = ::isatty(STDIN_FILENO) == 1 && !args.json;
    if (interactive)
        std::cout << "Chatting with bot \"" << args.bot << "\" v" << bot.version.version << " (run "
                  << bot.version.runs.front() << "). " << kChatHelp << std::flush;
    chat::ChatSession session(args.session);
    std::optional<chat::ChatTurnId> lastTurn;
    int resets = 0;
    for (std::string line;;) {
        if (interactive)
            std::cout << "you> " << std::flush;
        if (!std::getline(std::cin, line))
            break;
        if (line.empty())
            continue;
        if (line == "/quit" || line == "/exit")
            break;
        if (line == "/reset") {
            session = chat::ChatSession(args.session + "-" + std::to_string(++resets));
            lastTurn.reset();
            if (!args.json)
                std::cout << "(new conversation)\n";
            continue;
        }
        if (line == "/good" || line == "/bad") {
            if (!lastTurn) {
                std::cerr << "bankbench-cli: no logged answer to rate yet\n";
                continue;
            }
            if (auto rated = bot.log->setFeedback(*lastTurn, line == "/good" ? 1 : -1); !rated)
                return reportError(rated.error(), args.project, args.json);
            if (!args.json)
                std::cout << "(thanks for the feedback)\n";
            continue;
        }
        // A digit answers the quick replies of the last clarification.
        if (line.size() == 1 && line[0] >= '1' && line[0] <= '9' &&
            static_cast<std::size_t>(line[0] - '1') < session.offered.size())
            line = session.offered[static_cast<std::size_t>(line[0] - '1')];
        auto result = bot.engine->turn(session, line, args.language);
        if (!result)
            return reportError(result.error(), args.project, args.json);
        auto out = chat::toJson(*result);
        if (!args.noLog) {
            auto id = bot.log->logTurn(bot.version.botId, bot.version.version, *result);
            if (!id)
                return reportError(id.error(), args.project, args.json);
            lastTurn = *id;
            out["turn_id"] = *id;
        }
        if (args.json)
            std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
        else
            printTurn(*result);
    }
    return kExitOk;
}

int runChatTest(const ChatArgs& args) {
    auto tests = chat::loadConversationTests(args.file);
    if (!tests)
        return reportError(tests.error(), args.file, args.json);
    auto loaded = loadBot(args.project, args.bot, args.version, devicePreference(args.device));
    if (!loaded)
        return reportError(loaded.error(), args.project, args.json);
    auto& bot = **loaded;
    core::CancelToken cancel;
    const auto printOutcome = [&](const chat::TurnOutcome& o) {
        if (args.json)
            return;
        std::cout << (o.passed() ? "PASS " : "FAIL ") << o.conversation << " #" << o.turnIndex + 1 << "  "
                  << args.file << ':' << o.expected.line << "  \"" << o.actual.text << "\" -> "
                  << chat::decisionName(o.actual.decision) << ' ' << o.actual.responseKey << '\n';
        for (const auto& failure : o.failures)
            std::cout << "     " << failure << '\n';
    };
    auto report = [&] {
        SigintCancel sigint(cancel);
        return chat::runConversationTests(*bot.engine, *tests, printOutcome, &cancel);
    }();
    if (!report)
        return reportError(report.error(), args.project, args.json);
    if (args.json) {
        auto out = report->toJson();
        out["bot"] = args.bot;
        out["version"] = bot.version.version;
        out["file"] = args.file;
        printJson(out);
    } else {
        std::cout << report->passed << " of " << report->turns.size() << " turns passed";
        if (report->intentChecked)
            std::cout << "; intent accuracy " << fixed(report->intentAccuracy(), 4) << " ("
                      << report->intentCorrect << "/" << report->intentChecked << ")";
        std::cout << '\n';
    }
    return report->failed == 0 ? kExitOk : kExitDataError;
}

} // namespace

void addChatCommands(CLI::App& app, Action& action) {
    const auto devices = CLI::IsMember({"auto", "cpu", "cuda"});
    const auto languages = CLI::IsMember({"auto", "zh", "en"});
    {
        auto args = std::make_shared<ChatArgs>();
        auto* cmd =
            app.add_subcommand("chat", "Chat with a bot in the terminal (--json: one JSON object per turn)");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("--bot", args->bot, "Bot name")->required();
        cmd->add_option("--version", args->version, "Bot version (default: the latest)");
        cmd->add_option("--session", args->session, "Session id logged with the turns")
            ->capture_default_str();
        cmd->add_option("--language", args->language, "auto, zh or en")
            ->capture_default_str()
            ->check(languages);
        cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str()->check(devices);
        cmd->add_flag("--no-log", args->noLog, "Do not store the turns in the project's chat log");
        cmd->add_flag("--json", args->json,
                      "One JSON object per turn on stdout (reads one message per line)");
        cmd->callback([&action, args] { action = [args] { return runChat(*args); }; });
    }
    {
        auto args = std::make_shared<ChatArgs>();
        auto* cmd =
            app.add_subcommand("chat-test", "Replay a file of test conversations; exit code 1 on failures");
        cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
        cmd->add_option("file", args->file, "Conversation test file (JSON, see README)")->required();
        cmd->add_option("--bot", args->bot, "Bot name")->required();
        cmd->add_option("--version", args->version, "Bot version (default: the latest)");
        cmd->add_option("--device", args->device, "auto, cpu or cuda")->capture_default_str()->check(devices);
        cmd->add_flag("--json", args->json, "Machine-readable report on stdout");
        cmd->callback([&action, args] { action = [args] { return runChatTest(*args); }; });
    }
}

} // namespace bankbench::cli
