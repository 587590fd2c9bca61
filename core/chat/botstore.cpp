#include "chat/botstore.h"

#include "store/database.h"
#include "util/clock.h"

namespace bankbench::core::chat {

namespace {

Error databaseError(const DatabaseError& e, const std::string& path) {
    return Error{ErrorCode::Database, e.what(), {path, 0, 0}};
}

Result<BotVersion> readVersion(Statement& stmt, const std::string& botName) {
    BotVersion v;
    v.botId = stmt.columnInt(0);
    v.botName = botName;
    v.version = static_cast<int>(stmt.columnInt(1));
    const auto runs = nlohmann::json::parse(stmt.columnText(2), nullptr, false);
    const auto responses = nlohmann::json::parse(stmt.columnText(3), nullptr, false);
    const auto policy = nlohmann::json::parse(stmt.columnText(4), nullptr, false);
    if (!runs.is_array() || responses.is_discarded() || policy.is_discarded())
        return Error{ErrorCode::Database,
                     "bot \"" + botName + "\" version " + std::to_string(v.version) + " is damaged",
                     {}};
    for (const auto& run : runs)
        if (run.is_string())
            v.runs.push_back(run.get<std::string>());
    auto parsedResponses = ResponseSet::fromJson(responses, "bot \"" + botName + "\" responses");
    if (!parsedResponses)
        return parsedResponses.error();
    auto parsedPolicy = Policy::fromJson(policy);
    if (!parsedPolicy)
        return parsedPolicy.error();
    v.responses = std::move(*parsedResponses);
    v.policy = std::move(*parsedPolicy);
    v.note = stmt.columnText(5);
    v.createdAt = stmt.columnText(6);
    v.slotRun = stmt.columnOptionalText(7);
    return v;
}

} // namespace

Result<BotId> BotStore::createBot(const std::string& name) {
    if (name.empty() || name.size() > 100)
        return Error{ErrorCode::InvalidArgument, "a bot name needs 1 to 100 bytes", {}};
    for (const unsigned char c : name)
        if (c < 0x20 || c == 0x7f)
            return Error{ErrorCode::InvalidArgument, "a bot name cannot contain control characters", {}};
    auto& db = m_project.database();
    try {
        Transaction transaction(db);
        if (db.prepare("SELECT 1 FROM bots WHERE name = ?1").bind(1, name).step())
            return Error{
                ErrorCode::AlreadyExists, "a bot named \"" + name + "\" already exists", {db.path(), 0, 0}};
        db.prepare("INSERT INTO bots(name, created_at) VALUES(?1, ?2)")
            .bind(1, name)
            .bind(2, nowIso8601())
            .run();
        const BotId id = db.lastInsertRowId();
        transaction.commit();
        return id;
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Result<BotInfo> BotStore::bot(const std::string& name) {
    auto all = bots();
    if (!all)
        return all.error();
    for (auto& b : *all)
        if (b.name == name)
            return b;
    return Error{ErrorCode::NotFound,
                 "no bot named \"" + name + "\" (create one with: bankbench-cli bot create)",
                 {m_project.path(), 0, 0}};
}

Result<BotInfo> BotStore::bot(BotId id) {
    auto all = bots();
    if (!all)
        return all.error();
    for (auto& b : *all)
        if (b.id == id)
            return b;
    return Error{ErrorCode::NotFound, "no bot with id " + std::to_string(id), {m_project.path(), 0, 0}};
}

Result<std::vector<BotInfo>> BotStore::bots() {
    auto& db = m_project.database();
    try {
        auto stmt = db.prepare("SELECT b.id, b.name, b.created_at, COALESCE(MAX(v.version), 0) FROM bots b "
                               "LEFT JOIN bot_versions v ON v.bot_id = b.id GROUP BY b.id ORDER BY b.name");
        std::vector<BotInfo> out;
        while (stmt.step())
            out.push_back({stmt.columnInt(0), stmt.columnText(1), stmt.columnText(2),
                           static_cast<int>(stmt.columnInt(3))});
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Status BotStore::deleteBot(BotId id) {
    if (auto found = bot(id); !found)
        return found.error();
    // The FTS5 index is contentless: its rows go through KnowledgeBase, which knows the indexed values.
    if (auto cleared = KnowledgeBase(m_project, id).clear(); !cleared)
        return cleared.error();
    auto& db = m_project.database();
    try {
        Transaction transaction(db);
        db.prepare("DELETE FROM chat_turns WHERE bot_id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM bot_versions WHERE bot_id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM bots WHERE id = ?1").bind(1, id).run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Result<int> BotStore::addVersion(BotId id, const NewBotVersion& version) {
    if (version.runs.empty() || version.runs.front().empty())
        return Error{ErrorCode::InvalidArgument, "a bot version needs an intent model run", {}};
    auto& db = m_project.database();
    try {
        Transaction transaction(db);
        if (!db.prepare("SELECT 1 FROM bots WHERE id = ?1").bind(1, id).step())
            return Error{ErrorCode::NotFound, "no bot with id " + std::to_string(id), {db.path(), 0, 0}};
        auto latest = db.prepare("SELECT COALESCE(MAX(version), 0) FROM bot_versions WHERE bot_id = ?1");
        latest.bind(1, id).step();
        const int next = static_cast<int>(latest.columnInt(0)) + 1;
        latest.reset();
        auto insert = db.prepare("INSERT INTO bot_versions(bot_id, version, runs_json, responses_json, policy_json, "
                                 "note, created_at, slot_run) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (version.slotRun && !version.slotRun->empty())
            insert.bind(8, *version.slotRun);
        insert
            .bind(1, id)
            .bind(2, next)
            .bind(3, nlohmann::json(version.runs).dump())
            .bind(4, version.responses.toJson().dump())
            .bind(5, version.policy.toJson().dump())
            .bind(6, version.note)
            .bind(7, nowIso8601())
            .run();
        transaction.commit();
        return next;
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Result<BotVersion> BotStore::version(BotId id, int version) {
    auto info = bot(id);
    if (!info)
        return info.error();
    if (info->latestVersion == 0)
        return Error{
            ErrorCode::NotFound, "bot \"" + info->name + "\" has no version yet", {m_project.path(), 0, 0}};
    const int wanted = version == 0 ? info->latestVersion : version;
    auto& db = m_project.database();
    try {
        auto stmt =
            db.prepare("SELECT bot_id, version, runs_json, responses_json, policy_json, note, created_at, slot_run "
                       "FROM bot_versions WHERE bot_id = ?1 AND version = ?2");
        stmt.bind(1, id).bind(2, wanted);
        if (!stmt.step())
            return Error{ErrorCode::NotFound,
                         "bot \"" + info->name + "\" has no version " + std::to_string(wanted),
                         {db.path(), 0, 0}};
        return readVersion(stmt, info->name);
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Result<std::vector<BotVersion>> BotStore::versions(BotId id) {
    auto info = bot(id);
    if (!info)
        return info.error();
    auto& db = m_project.database();
    try {
        auto stmt =
            db.prepare("SELECT bot_id, version, runs_json, responses_json, policy_json, note, created_at, slot_run "
                       "FROM bot_versions WHERE bot_id = ?1 ORDER BY version");
        stmt.bind(1, id);
        std::vector<BotVersion> out;
        while (stmt.step()) {
            auto v = readVersion(stmt, info->name);
            if (!v)
                return v.error();
            out.push_back(std::move(*v));
        }
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

} // namespace bankbench::core::chat
