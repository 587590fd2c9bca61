#pragma once

#include "chat/botstore.h"
#include "chat/chatengine.h"
#include "chat/chatlog.h"
#include "chat/knowledgebase.h"
#include "ml/mlmodule.h"
#include "ml/spanmodel.h"
#include "store/project.h"
#include "util/result.h"

#include <memory>
#include <string>

// Shared by chat, chat-test and serve (chatcommands.cpp, servecommand.cpp).

namespace bankbench::cli {

/// A bot ready to talk: its project connection, version, model (through the MlModule), knowledge base and
/// engine. Single-threaded like its parts; the members are declared in destruction-safe order.
struct LoadedBot {
    std::unique_ptr<core::Project> project;
    core::chat::BotVersion version;
    std::unique_ptr<ml::LoadedModel> model;
    std::unique_ptr<ml::SpanModel> slotModel; ///< the bot's slot run, if any; the engine calls it
    std::unique_ptr<core::chat::KnowledgeBase> knowledge; ///< null when the bot has no FAQ entries
    std::unique_ptr<core::chat::ChatEngine> engine;
    std::unique_ptr<core::chat::ChatLog> log;
};

/// Opens `projectPath` read-write (turns are logged), reads bot `botName` (version 0 = latest) and loads
/// its intent model run.
core::Result<std::unique_ptr<LoadedBot>> loadBot(const std::string& projectPath, const std::string& botName,
                                                 int version, ml::DevicePreference device);

} // namespace bankbench::cli
