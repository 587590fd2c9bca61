#include "chat/chatlog.h"
#include "store/datasetrange.h"

#include "chat/masking.h"
#include "store/database.h"
#include "store/labelstore.h"
#include "util/clock.h"

namespace bankbench::core::chat {

namespace {

const std::vector<std::string> kFeedbackColumns = {"text",       "bot",      "session",  "turn", "intent",
                                                   "confidence", "decision", "feedback", "label"};

Error databaseError(const DatabaseError& e, const std::string& path) {
    return Error{ErrorCode::Database, e.what(), {path, 0, 0}};
}

ChatTurnRecord readTurn(Statement& s) {
    ChatTurnRecord t;
    t.id = s.columnInt(0);
    t.botId = s.columnInt(1);
    t.botVersion = static_cast<int>(s.columnInt(2));
    t.session = s.columnText(3);
    t.turn = s.columnInt(4);
    t.text = s.columnText(5);
    t.intent = s.columnOptionalText(6);
    if (!s.isNull(7))
        t.confidence = s.columnDouble(7);
    t.decision = s.columnText(8);
    t.answer = s.columnText(9);
    t.sources = nlohmann::json::parse(s.columnText(10), nullptr, false);
    t.slots = nlohmann::json::parse(s.columnText(11), nullptr, false);
    t.feedback = static_cast<int>(s.columnInt(12));
    if (!s.isNull(13))
        t.recordId = s.columnInt(13);
    t.createdAt = s.columnText(14);
    return t;
}

constexpr const char* kTurnColumns =
    "id, bot_id, bot_version, session, turn, text, intent, confidence, decision, "
    "answer, sources_json, slots_json, feedback, record_id, created_at";

} // namespace

Result<ChatTurnId> ChatLog::logTurn(BotId botId, int botVersion, const TurnResult& turn) {
    auto& db = m_project.database();
    auto sources = nlohmann::json::array();
    for (const auto& s : turn.sources)
        sources.push_back({{"id", s.id}, {"question", s.question}, {"source", s.source}, {"score", s.score}});
    try {
        auto insert = db.prepare("INSERT INTO chat_turns(bot_id, bot_version, session, turn, text, intent, "
                                 "confidence, decision, answer, sources_json, slots_json, created_at) "
                                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        insert.bind(1, botId).bind(2, botVersion).bind(3, turn.session).bind(4, turn.turn);
        insert.bind(5, maskPersonalData(turn.text));
        if (turn.intent.empty())
            insert.bindNull(6);
        else
            insert.bind(6, turn.intent);
        insert.bind(7, turn.confidence)
            .bind(8, decisionName(turn.decision))
            .bind(9, maskPersonalData(turn.answer));
        insert.bind(10, sources.dump()).bind(11, nlohmann::json(turn.slots).dump()).bind(12, nowIso8601());
        insert.run();
        return db.lastInsertRowId();
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Status ChatLog::setFeedback(ChatTurnId id, int feedback) {
    if (feedback < -1 || feedback > 1)
        return Error{ErrorCode::InvalidArgument, "feedback is -1, 0 or +1", {}};
    auto& db = m_project.database();
    try {
        db.prepare("UPDATE chat_turns SET feedback = ?1 WHERE id = ?2").bind(1, feedback).bind(2, id).run();
        if (db.changes() == 0)
            return Error{
                ErrorCode::NotFound, "no chat turn with id " + std::to_string(id), {db.path(), 0, 0}};
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Result<std::vector<ChatTurnRecord>> ChatLog::turns(BotId botId, const std::string& session) {
    auto& db = m_project.database();
    try {
        auto stmt =
            db.prepare(std::string("SELECT ") + kTurnColumns +
                       " FROM chat_turns WHERE bot_id = ?1 AND (?2 = '' OR session = ?2) ORDER BY id");
        stmt.bind(1, botId).bind(2, session);
        std::vector<ChatTurnRecord> out;
        while (stmt.step())
            out.push_back(readTurn(stmt));
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

Result<LabelingReport> ChatLog::sendToLabeling(BotId botId, const LabelingRequest& request) {
    LabelingReport report;
    report.datasetName = request.datasetName;
    auto dataset = m_project.dataset(request.datasetName);
    if (!dataset && dataset.error().code != ErrorCode::NotFound)
        return dataset.error();
    if (!dataset) {
        DatasetInfo info;
        info.name = request.datasetName;
        info.sourcePath = "chat log";
        info.sourceFormat = "chat";
        info.encoding = "utf-8";
        info.columns = kFeedbackColumns;
        info.textColumn = "text";
        info.labelColumn = "label";
        auto writer = m_project.beginDataset(info, LabelSetKind::SingleLabel, request.annotator);
        if (!writer)
            return writer.error();
        if (auto committed = (*writer)->commit(); !committed)
            return committed.error();
        dataset = m_project.dataset(request.datasetName);
        if (!dataset)
            return dataset.error();
        if (dataset->labelSetId) {
            LabelStore labels(m_project);
            for (const auto& name : request.labels) {
                Label label;
                label.name = name;
                if (auto created = labels.createLabel(*dataset->labelSetId, label); !created)
                    return created.error();
            }
        }
        report.datasetCreated = true;
    }
    auto& db = m_project.database();
    try {
        Transaction transaction(db);
        std::vector<ChatTurnRecord> chosen;
        if (request.turnIds.empty()) {
            auto select =
                db.prepare(std::string("SELECT ") + kTurnColumns +
                           " FROM chat_turns WHERE bot_id = ?1 AND record_id IS NULL AND ("
                           "confidence IS NULL OR confidence < ?2 OR (?3 AND (decision = 'clarify' OR "
                           "decision = 'handover')) OR (?4 AND feedback = -1)) ORDER BY id");
            select.bind(1, botId).bind(2, request.lowConfidenceBelow);
            select.bind(3, request.includeNotUnderstood ? 1 : 0).bind(4, request.includeThumbsDown ? 1 : 0);
            while (select.step())
                chosen.push_back(readTurn(select));
        } else {
            auto select = db.prepare(std::string("SELECT ") + kTurnColumns +
                                     " FROM chat_turns WHERE bot_id = ?1 AND id = ?2 AND record_id IS NULL");
            for (const ChatTurnId id : request.turnIds) {
                select.bind(1, botId).bind(2, id);
                if (select.step())
                    chosen.push_back(readTurn(select));
                select.reset();
            }
        }
        auto botName = db.prepare("SELECT name FROM bots WHERE id = ?1");
        botName.bind(1, botId);
        const std::string bot = botName.step() ? botName.columnText(0) : std::to_string(botId);
        botName.reset();
        auto line = db.prepare("SELECT COALESCE(MAX(source_line), 0) FROM records WHERE " +
                               recordsOfDataset("", "?1"));
        line.bind(1, dataset->id).step();
        std::int64_t sourceLine = line.columnInt(0);
        line.reset();
        auto insert = db.prepare(
            "INSERT INTO records(dataset_id, source_line, text, fields_json) VALUES(?1, ?2, ?3, ?4)");
        auto mark = db.prepare("UPDATE chat_turns SET record_id = ?1 WHERE id = ?2");
        for (const auto& t : chosen) {
            // Fields align with the dataset's columns; the text slot is null (records.text holds it).
            const nlohmann::json fields = {nullptr,
                                           bot,
                                           t.session,
                                           t.turn,
                                           t.intent ? nlohmann::json(*t.intent) : nlohmann::json(),
                                           t.confidence ? nlohmann::json(*t.confidence) : nlohmann::json(),
                                           t.decision,
                                           t.feedback,
                                           nullptr};
            insert.bind(1, dataset->id).bind(2, ++sourceLine).bind(3, t.text).bind(4, fields.dump());
            insert.run();
            const RecordId recordId = db.lastInsertRowId();
            mark.bind(1, recordId).bind(2, t.id).run();
            report.recordIds.push_back(recordId);
        }
        db.prepare("UPDATE datasets SET row_count = row_count + ?1 WHERE id = ?2")
            .bind(1, static_cast<std::int64_t>(chosen.size()))
            .bind(2, dataset->id)
            .run();
        if (!report.recordIds.empty())
            extendDatasetRecordRange(db, dataset->id, report.recordIds.front(), report.recordIds.back());
        transaction.commit();
        report.sent = static_cast<std::int64_t>(chosen.size());
        return report;
    } catch (const DatabaseError& e) {
        return databaseError(e, db.path());
    }
}

} // namespace bankbench::core::chat
