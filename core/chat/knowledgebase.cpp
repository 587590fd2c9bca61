// KnowledgeBase: entry upkeep and search (import is in knowledgebase_import.cpp).
#include "chat/knowledgebase.h"

#include "chat/kbsavepoint.h"
#include "util/clock.h"

#include <algorithm>
#include <cmath>

namespace bankbench::core::chat {
namespace {

std::string_view trimmed(std::string_view s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

Error dbError(const Project& project, const DatabaseError& e) {
    return Error{ErrorCode::Database, e.what(), {const_cast<Project&>(project).path(), 0, 0}};
}

KbEntry readEntry(Statement& stmt) {
    KbEntry e;
    e.id = stmt.columnInt(0);
    e.botId = stmt.columnInt(1);
    e.question = stmt.columnText(2);
    e.answer = stmt.columnText(3);
    e.source = stmt.columnText(4);
    e.createdAt = stmt.columnText(5);
    e.updatedAt = stmt.columnText(6);
    return e;
}

constexpr const char* kEntryColumns = "id, bot_id, question, answer, source, created_at, updated_at";

Status validate(std::string_view question, std::string_view answer) {
    if (question.empty())
        return Error{ErrorCode::InvalidArgument, "the question is empty", {}};
    if (answer.empty())
        return Error{ErrorCode::InvalidArgument, "the answer is empty", {}};
    return {};
}

} // namespace

KnowledgeBase::KnowledgeBase(Project& project, BotId botId) : m_project(project), m_botId(botId) {}

void KnowledgeBase::refreshStatistics(const QueryOptions& options) {
    // Cheap first: nothing was written on this connection or any other since the last look.
    auto changes = m_project.database().prepare("SELECT total_changes()");
    changes.step();
    auto version = m_project.database().prepare("PRAGMA data_version");
    version.step();
    std::string written = changes.columnText(0) + ':' + version.columnText(0) + ':' +
                          std::to_string(options.stem) + ':' + std::to_string(options.prefixLength);
    if (written == m_statisticsWritten)
        return;
    m_statisticsWritten = written;
    auto key = m_project.database().prepare(
        "SELECT COUNT(*) || ':' || IFNULL(MAX(id), 0) || ':' || IFNULL(MAX(updated_at), '') FROM kb_entries "
        "WHERE bot_id = ?1");
    key.bind(1, m_botId);
    key.step();
    std::string current =
        key.columnText(0) + ':' + std::to_string(options.stem) + ':' + std::to_string(options.prefixLength);
    if (current == m_statisticsKey)
        return;
    auto stmt = m_project.database().prepare("SELECT id, question, answer FROM kb_entries WHERE bot_id = ?1");
    stmt.bind(1, m_botId);
    std::vector<std::vector<std::string>> documents;
    m_questions.clear();
    while (stmt.step()) {
        documents.push_back(contentTerms(stmt.columnTextView(1), options));
        m_questions[stmt.columnInt(0)] = {documents.back(), questionType(stmt.columnTextView(1)),
                                          contentTerms(stmt.columnTextView(2), options)};
    }
    m_statistics.build(documents);
    m_statisticsKey = std::move(current);
}

Status KnowledgeBase::checkBot() {
    auto stmt = m_project.database().prepare("SELECT 1 FROM bots WHERE id = ?1");
    stmt.bind(1, m_botId);
    if (!stmt.step())
        return Error{
            ErrorCode::NotFound, "no bot with id " + std::to_string(m_botId), {m_project.path(), 0, 0}};
    return {};
}

KbEntryId KnowledgeBase::insertRow(std::string_view question, std::string_view answer,
                                   std::string_view source, const std::string& now) {
    Database& db = m_project.database();
    auto insert =
        db.prepare("INSERT INTO kb_entries(bot_id, question, answer, source, created_at, updated_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
    // An empty string_view may carry a null pointer, which SQLite would store as NULL.
    insert.bind(1, m_botId).bind(2, question).bind(3, answer).bind(4, std::string(source)).bind(5, now);
    insert.run();
    const KbEntryId id = db.lastInsertRowId();
    auto index = db.prepare("INSERT INTO kb_fts(rowid, question, answer) VALUES (?1, bb_search_text(?2), "
                            "bb_search_text(?3))");
    index.bind(1, id).bind(2, question).bind(3, answer);
    index.run();
    return id;
}

Result<KbEntryId> KnowledgeBase::add(std::string_view question, std::string_view answer,
                                     std::string_view source) {
    question = trimmed(question);
    answer = trimmed(answer);
    if (auto valid = validate(question, answer); !valid)
        return valid.error();
    try {
        if (auto bot = checkBot(); !bot)
            return bot.error();
        auto dup = m_project.database().prepare(
            "SELECT id FROM kb_entries WHERE bot_id = ?1 AND question = ?2 AND answer = ?3");
        dup.bind(1, m_botId).bind(2, question).bind(3, answer);
        if (dup.step())
            return Error{ErrorCode::AlreadyExists,
                         "the knowledge base already has this question and answer (entry " +
                             std::to_string(dup.columnInt(0)) + ")",
                         {}};
        KbSavepoint savepoint(m_project.database());
        const KbEntryId id = insertRow(question, answer, source, nowIso8601());
        savepoint.release();
        return id;
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Status KnowledgeBase::update(KbEntryId id, std::string_view question, std::string_view answer,
                             std::string_view source) {
    question = trimmed(question);
    answer = trimmed(answer);
    if (auto valid = validate(question, answer); !valid)
        return valid.error();
    try {
        auto old = entry(id);
        if (!old)
            return old.error();
        Database& db = m_project.database();
        KbSavepoint savepoint(db);
        // Contentless FTS5: a row is removed by giving back exactly the values it was indexed with.
        auto remove = db.prepare("INSERT INTO kb_fts(kb_fts, rowid, question, answer) VALUES ('delete', ?1, "
                                 "bb_search_text(?2), bb_search_text(?3))");
        remove.bind(1, id).bind(2, old->question).bind(3, old->answer);
        remove.run();
        auto set =
            db.prepare("UPDATE kb_entries SET question = ?2, answer = ?3, source = ?4, updated_at = ?5 "
                       "WHERE id = ?1");
        set.bind(1, id).bind(2, question).bind(3, answer).bind(4, std::string(source)).bind(5, nowIso8601());
        set.run();
        auto index = db.prepare("INSERT INTO kb_fts(rowid, question, answer) VALUES (?1, bb_search_text(?2), "
                                "bb_search_text(?3))");
        index.bind(1, id).bind(2, question).bind(3, answer);
        index.run();
        savepoint.release();
        m_embeddings.erase(id);
        return {};
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Status KnowledgeBase::remove(KbEntryId id) {
    try {
        auto old = entry(id);
        if (!old)
            return old.error();
        Database& db = m_project.database();
        KbSavepoint savepoint(db);
        auto unindex = db.prepare("INSERT INTO kb_fts(kb_fts, rowid, question, answer) VALUES ('delete', ?1, "
                                  "bb_search_text(?2), bb_search_text(?3))");
        unindex.bind(1, id).bind(2, old->question).bind(3, old->answer);
        unindex.run();
        auto del = db.prepare("DELETE FROM kb_entries WHERE id = ?1");
        del.bind(1, id);
        del.run();
        savepoint.release();
        m_embeddings.erase(id);
        return {};
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Status KnowledgeBase::clear() {
    try {
        Database& db = m_project.database();
        KbSavepoint savepoint(db);
        auto unindex = db.prepare("INSERT INTO kb_fts(kb_fts, rowid, question, answer) SELECT 'delete', id, "
                                  "bb_search_text(question), bb_search_text(answer) FROM kb_entries "
                                  "WHERE bot_id = ?1");
        unindex.bind(1, m_botId);
        unindex.run();
        auto del = db.prepare("DELETE FROM kb_entries WHERE bot_id = ?1");
        del.bind(1, m_botId);
        del.run();
        savepoint.release();
        m_embeddings.clear();
        return {};
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Result<KbEntry> KnowledgeBase::entry(KbEntryId id) {
    try {
        auto stmt = m_project.database().prepare(std::string("SELECT ") + kEntryColumns +
                                                 " FROM kb_entries WHERE id = ?1 AND bot_id = ?2");
        stmt.bind(1, id).bind(2, m_botId);
        if (!stmt.step())
            return Error{
                ErrorCode::NotFound, "no knowledge-base entry " + std::to_string(id) + " in this bot", {}};
        return readEntry(stmt);
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Result<std::vector<KbEntry>> KnowledgeBase::entries() {
    try {
        auto stmt = m_project.database().prepare(std::string("SELECT ") + kEntryColumns +
                                                 " FROM kb_entries WHERE bot_id = ?1 ORDER BY id");
        stmt.bind(1, m_botId);
        std::vector<KbEntry> out;
        while (stmt.step())
            out.push_back(readEntry(stmt));
        return out;
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Result<std::int64_t> KnowledgeBase::count() {
    try {
        auto stmt = m_project.database().prepare("SELECT COUNT(*) FROM kb_entries WHERE bot_id = ?1");
        stmt.bind(1, m_botId);
        stmt.step();
        return stmt.columnInt(0);
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
}

Result<std::vector<KbHit>> KnowledgeBase::search(std::string_view query, const KbSearchOptions& options) {
    const RetrievalQuery q = buildRetrievalQuery(query, options.query);
    if (q.match.empty())
        return std::vector<KbHit>{};
    std::vector<KbHit> hits;
    try {
        auto stmt = m_project.database().prepare(
            "SELECT e.id, e.question, e.answer, e.source, bm25(kb_fts, ?1, ?2) AS rank FROM kb_fts "
            "JOIN kb_entries e ON e.id = kb_fts.rowid WHERE kb_fts MATCH ?3 AND e.bot_id = ?4 "
            "ORDER BY rank LIMIT ?5");
        stmt.bind(1, options.questionWeight).bind(2, options.answerWeight).bind(3, q.match).bind(4, m_botId);
        stmt.bind(5, std::max(options.candidates, options.k));
        while (stmt.step()) {
            KbHit hit;
            hit.id = stmt.columnInt(0);
            hit.question = stmt.columnText(1);
            hit.answer = stmt.columnText(2);
            hit.source = stmt.columnText(3);
            hit.bm25 = -stmt.columnDouble(4);
            hits.push_back(std::move(hit));
        }
        refreshStatistics(options.query);
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
    auto ranked = rerank(query, std::move(hits), options);
    if (!ranked)
        return ranked;
    std::stable_sort(ranked->begin(), ranked->end(),
                     [](const KbHit& a, const KbHit& b) { return a.score > b.score; });
    if (static_cast<int>(ranked->size()) > options.k)
        ranked->resize(static_cast<std::size_t>(std::max(options.k, 0)));
    return ranked;
}

Result<std::vector<KbHit>> KnowledgeBase::scoreEntries(std::string_view query,
                                                       const std::vector<KbEntryId>& ids,
                                                       const KbSearchOptions& options) {
    const RetrievalQuery q = buildRetrievalQuery(query, options.query);
    std::vector<KbHit> hits;
    try {
        auto score = m_project.database().prepare(
            "SELECT bm25(kb_fts, ?1, ?2) FROM kb_fts WHERE kb_fts MATCH ?3 AND rowid = ?4");
        for (KbEntryId id : ids) {
            auto e = entry(id);
            if (!e)
                continue;
            KbHit hit;
            hit.id = id;
            hit.question = e->question;
            hit.answer = e->answer;
            hit.source = e->source;
            if (!q.match.empty()) {
                score.bind(1, options.questionWeight)
                    .bind(2, options.answerWeight)
                    .bind(3, q.match)
                    .bind(4, id);
                if (score.step())
                    hit.bm25 = -score.columnDouble(0);
                score.reset();
            }
            hits.push_back(std::move(hit));
        }
        refreshStatistics(options.query);
    } catch (const DatabaseError& e) {
        return dbError(m_project, e);
    }
    return rerank(query, std::move(hits), options);
}

Result<std::vector<KbHit>> KnowledgeBase::rerank(std::string_view query, std::vector<KbHit> hits,
                                                 const KbSearchOptions& options) {
    double top = 0;
    for (const auto& hit : hits)
        top = std::max(top, hit.bm25);
    const RetrievalQuery q = buildRetrievalQuery(query, options.query);
    const double lambda = std::clamp(options.matchWeight, 0.0, 1.0);
    const double tau = std::clamp(options.typeWeight, 0.0, 1.0 - lambda);
    const double alpha = std::clamp(options.answerMatchWeight, 0.0, 1.0 - lambda - tau);
    const QuestionType kind = questionType(query);
    for (auto& hit : hits) {
        // Entries come from this bot and the statistics were refreshed just before, so the cache has them;
        // computing again is only a fallback.
        const auto cached = m_questions.find(hit.id);
        const QuestionFeatures features =
            cached != m_questions.end()
                ? cached->second
                : QuestionFeatures{contentTerms(hit.question, options.query), questionType(hit.question),
                                   contentTerms(hit.answer, options.query)};
        const LexicalMatch match = lexicalMatch(q, features.terms, m_statistics);
        hit.match = match.f1;
        hit.coverage = match.queryCoverage;
        const double sameKind = kind != QuestionType::Other && features.kind == kind ? 1.0 : 0.0;
        if (alpha > 0)
            hit.answerCoverage = lexicalMatch(q, features.answerTerms, m_statistics).queryCoverage;
        hit.lexical = (1 - lambda - tau - alpha) * (top > 0 ? hit.bm25 / top : 0.0) + lambda * match.f1 +
                      tau * sameKind + alpha * hit.answerCoverage;
        hit.score = hit.lexical;
    }
    if (!options.embedder || hits.empty())
        return hits;
    std::vector<std::string> texts{std::string(query)};
    std::vector<KbEntryId> missing;
    for (const auto& hit : hits) {
        if (!m_embeddings.count(hit.id) &&
            std::find(missing.begin(), missing.end(), hit.id) == missing.end()) {
            texts.push_back(hit.question);
            missing.push_back(hit.id);
        }
    }
    auto embedded = options.embedder(texts);
    if (!embedded)
        return embedded.error();
    const std::vector<float>& rows = *embedded;
    if (rows.empty() || rows.size() % texts.size() != 0)
        return Error{ErrorCode::InvalidArgument,
                     "the embedder returned " + std::to_string(rows.size()) + " values for " +
                         std::to_string(texts.size()) + " texts",
                     {}};
    const std::size_t dim = rows.size() / texts.size();
    for (std::size_t i = 0; i < missing.size(); ++i)
        m_embeddings[missing[i]].assign(rows.begin() + static_cast<std::ptrdiff_t>((i + 1) * dim),
                                        rows.begin() + static_cast<std::ptrdiff_t>((i + 2) * dim));
    const double w = std::clamp(options.embeddingWeight, 0.0, 1.0);
    for (auto& hit : hits) {
        const auto& v = m_embeddings[hit.id];
        if (v.size() != dim)
            return Error{
                ErrorCode::InvalidArgument,
                "cached embeddings have another dimension; call clearEmbeddingCache() after switching models",
                {}};
        double dot = 0;
        for (std::size_t j = 0; j < dim; ++j)
            dot += static_cast<double>(rows[j]) * v[j];
        hit.embeddingSimilarity = dot;
        hit.score = (1 - w) * hit.lexical + w * std::max(0.0, dot);
    }
    return hits;
}

} // namespace bankbench::core::chat
