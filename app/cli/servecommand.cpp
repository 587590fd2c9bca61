// serve: a small local HTTP JSON API over a bot (cpp-httplib). POST /chat answers what `chat --json` prints.
// httplib runs handlers on a thread pool; the engine, its model and the project connection are
// single-threaded, so turns are serialised by one mutex (a turn of the fast model takes well under a
// millisecond, so the lock costs little; sessions stay independent because their state is per session).

#include "botloader.h"
#include "clioutput.h"
#include "commands.h"
#include "mlcommands.h"
#include "terminal.h"

#include <CLI/CLI.hpp>
#include <httplib.h>

#include <chrono>
#include <iostream>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace bankbench::cli {

using core::Error;
using core::ErrorCode;
namespace chat = core::chat;

namespace {

struct ServeArgs {
    std::string project, bot, host = "127.0.0.1", device = "auto";
    int port = 8080;
    int version = 0;
    std::size_t maxBody = 16 * 1024;
    std::size_t maxSessions = 10000;
    bool noLog = false;
};

/// Conversations by session id, the least recently used dropped beyond `capacity` (an open endpoint
/// must not grow without bound). Guarded by the server's mutex.
class SessionTable {
public:
    explicit SessionTable(std::size_t capacity) : m_capacity(capacity) {}

    chat::ChatSession& get(const std::string& id) {
        if (auto it = m_index.find(id); it != m_index.end()) {
            m_order.splice(m_order.begin(), m_order, it->second);
            return *it->second;
        }
        m_order.emplace_front(id);
        m_index[id] = m_order.begin();
        if (m_order.size() > m_capacity) {
            m_index.erase(m_order.back().id);
            m_order.pop_back();
        }
        return m_order.front();
    }

private:
    std::size_t m_capacity;
    std::list<chat::ChatSession> m_order;
    std::unordered_map<std::string, std::list<chat::ChatSession>::iterator> m_index;
};

void sendError(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_content(nlohmann::json({{"error", {{"status", status}, {"message", message}}}}).dump(),
                    "application/json; charset=utf-8");
}

/// The request body as {"session", "text", "language"?}; an error message for a 400 otherwise.
std::optional<std::string> parseChatRequest(const std::string& body, std::string& session, std::string& text,
                                            std::string& language) {
    const auto value = nlohmann::json::parse(body, nullptr, false);
    if (value.is_discarded())
        return "the body is not valid JSON (expected {\"session\": \"...\", \"text\": \"...\"})";
    if (!value.is_object())
        return "expected a JSON object {\"session\": \"...\", \"text\": \"...\"}";
    if (!value.contains("text") || !value["text"].is_string())
        return "\"text\" is required and must be a string";
    if (value.contains("session") && !value["session"].is_string())
        return "\"session\" must be a string";
    text = value["text"].get<std::string>();
    session = value.value("session", std::string("default"));
    if (text.empty())
        return "\"text\" is empty";
    if (session.empty() || session.size() > 200)
        return "\"session\" must have 1 to 200 bytes";
    language = "auto";
    if (value.contains("language")) {
        language = value["language"].is_string() ? value["language"].get<std::string>() : "";
        if (language != "auto" && language != "zh" && language != "en")
            return "\"language\" must be auto, zh or en";
    }
    return std::nullopt;
}

int runServe(const ServeArgs& args) {
    auto loaded = loadBot(args.project, args.bot, args.version, devicePreference(args.device));
    if (!loaded)
        return reportError(loaded.error(), args.project, false);
    auto& bot = **loaded;
    std::mutex mutex;
    SessionTable sessions(args.maxSessions);

    httplib::Server server;
    server.set_payload_max_length(args.maxBody);
    server.Post("/chat", [&](const httplib::Request& req, httplib::Response& res) {
        std::string session, text, language;
        if (auto problem = parseChatRequest(req.body, session, text, language))
            return sendError(res, 400, *problem);
        std::lock_guard lock(mutex);
        auto result = bot.engine->turn(sessions.get(session), text, language);
        if (!result)
            return sendError(res, 500, result.error().what());
        auto out = chat::toJson(*result);
        if (!args.noLog) {
            auto id = bot.log->logTurn(bot.version.botId, bot.version.version, *result);
            if (!id)
                return sendError(res, 500, id.error().what());
            out["turn_id"] = *id;
        }
        res.set_content(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                        "application/json; charset=utf-8");
    });
    server.Post("/feedback", [&](const httplib::Request& req, httplib::Response& res) {
        const auto value = nlohmann::json::parse(req.body, nullptr, false);
        if (!value.is_object() || !value.contains("turn_id") || !value["turn_id"].is_number_integer() ||
            !value.contains("feedback") || !value["feedback"].is_number_integer())
            return sendError(res, 400, "expected {\"turn_id\": N, \"feedback\": -1 | 0 | 1}");
        std::lock_guard lock(mutex);
        if (auto rated =
                bot.log->setFeedback(value["turn_id"].get<std::int64_t>(), value["feedback"].get<int>());
            !rated)
            return sendError(res, rated.error().code == ErrorCode::NotFound ? 404 : 400,
                             rated.error().message);
        res.set_content(R"({"ok":true})", "application/json");
    });
    server.Get("/health", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(nlohmann::json({{"bot", args.bot}, {"version", bot.version.version}}).dump(),
                        "application/json");
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.status == 413)
            sendError(res, 413, "request body too large");
        else if (res.body.empty())
            sendError(res, res.status,
                      res.status == 404 ? "no such endpoint (POST /chat, POST /feedback, GET /health)"
                                        : "request failed");
    });

    int port = args.port;
    if (port == 0) {
        port = server.bind_to_any_port(args.host);
        if (port < 0)
            return reportError({ErrorCode::Io, "cannot bind to " + args.host, {}}, args.project, false);
    } else if (!server.bind_to_port(args.host, port)) {
        return reportError(
            {ErrorCode::Io,
             "cannot listen on " + args.host + ":" + std::to_string(port) + " (in use, or not allowed)",
             {}},
            args.project, false);
    }
    std::cerr << "Serving bot \"" << args.bot << "\" v" << bot.version.version << " on http://" << args.host
              << ':' << port << " (POST /chat; Ctrl+C stops)" << std::endl;

    core::CancelToken cancel;
    SigintCancel sigint(cancel);
    std::thread watcher([&] {
        while (!cancel.isCancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        server.stop();
    });
    const bool ok = server.listen_after_bind();
    const bool requested = cancel.isCancelled();
    cancel.cancel(); // also ends the watcher when listening failed
    watcher.join();
    if (!ok && !requested)
        return reportError({ErrorCode::Io, "the server stopped unexpectedly", {}}, args.project, false);
    std::cerr << "Stopped." << std::endl;
    return kExitOk;
}

} // namespace

void addServeCommand(CLI::App& app, Action& action) {
    auto args = std::make_shared<ServeArgs>();
    auto* cmd = app.add_subcommand("serve", "Serve a bot over a local HTTP JSON API (POST /chat)");
    cmd->add_option("project", args->project, "Project file (*.bbproj)")->required();
    cmd->add_option("--bot", args->bot, "Bot name")->required();
    cmd->add_option("--version", args->version, "Bot version (default: the latest)");
    cmd->add_option("--port", args->port, "TCP port (0: any free port, printed on stderr)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--host", args->host, "Address to bind (loopback by default)")->capture_default_str();
    cmd->add_option("--max-body", args->maxBody, "Largest request body in bytes")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 24));
    cmd->add_option("--device", args->device, "auto, cpu or cuda")
        ->capture_default_str()
        ->check(CLI::IsMember({"auto", "cpu", "cuda"}));
    cmd->add_flag("--no-log", args->noLog, "Do not store the turns in the project's chat log");
    cmd->callback([&action, args] { action = [args] { return runServe(*args); }; });
}

} // namespace bankbench::cli
