#pragma once

#include "chat/knowledgebase.h"
#include "chat/policy.h"
#include "chat/responses.h"
#include "store/project.h"
#include "util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace bankbench::core::chat {

struct BotInfo {
    BotId id = 0;
    std::string name;
    std::string createdAt;
    int latestVersion = 0; ///< 0 while the bot has no version
};

/// One version of a bot: what answers. Plain value type (the GUI may copy it to a worker thread).
struct BotVersion {
    BotId botId = 0;
    std::string botName;
    int version = 0;
    /// Intent model run names: one run (which may itself be an ensemble run); the engine uses the first.
    std::vector<std::string> runs;
    /// A token-classification run (train --task tokens) whose slot spans join the rule-based slots.
    std::optional<std::string> slotRun;
    ResponseSet responses;
    Policy policy;
    std::string note;
    std::string createdAt;
};

/// What a new version stores.
struct NewBotVersion {
    std::vector<std::string> runs;
    ResponseSet responses;
    Policy policy;
    std::string note;
    std::optional<std::string> slotRun; ///< last, so that positional initialisers stay valid
};

/// Bots and their versions (tables bots, bot_versions). Versions are immutable snapshots numbered 1, 2, ...;
/// the knowledge base belongs to the bot (KnowledgeBase), not to a version. Holds a reference to the
/// Project and shares its thread rule: one thread at a time. Each write is one transaction. Nothing
/// throws; NotFound / AlreadyExists / InvalidArgument / Database come back as errors.
class BotStore {
public:
    explicit BotStore(Project& project) : m_project(project) {}

    /// Bot names: 1-100 bytes, no control characters; AlreadyExists when taken.
    Result<BotId> createBot(const std::string& name);
    Result<BotInfo> bot(const std::string& name);
    Result<BotInfo> bot(BotId id);
    /// By name.
    Result<std::vector<BotInfo>> bots();
    /// Deletes the bot with its versions, knowledge base (and its index entries) and chat log.
    Status deleteBot(BotId id);

    /// Stores the next version (latest + 1) and returns its number. InvalidArgument without a run.
    Result<int> addVersion(BotId id, const NewBotVersion& version);
    /// `version` 0 means the latest.
    Result<BotVersion> version(BotId id, int version = 0);
    /// Oldest first.
    Result<std::vector<BotVersion>> versions(BotId id);

private:
    Project& m_project;
};

} // namespace bankbench::core::chat
