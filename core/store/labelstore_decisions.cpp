// LabelStore: recording decisions, undo/redo, and reading them back.
#include "store/labelrows.h"
#include "store/datasetrange.h"
#include "store/labelstore.h"

#include <algorithm>
#include <iterator>

namespace bankbench::core {

using labelrows::databaseError;
using labelrows::readDecisions;

namespace {

// Rows of one decision are contiguous, labels in position order.
constexpr const char* kDecisionOrder = "ORDER BY 1, l.position, a.id";

struct DecisionHead {
    RecordId record = 0;
    LabelSetId labelSet = 0;
    std::string annotator;
    std::int64_t isCurrent = 0;
};

std::optional<DecisionHead> head(Database& db, DecisionId id) {
    auto stmt = db.prepare("SELECT record_id, label_set_id, annotator, is_current FROM annotations "
                           "WHERE id = ?1 AND decision IS NULL");
    stmt.bind(1, id);
    if (!stmt.step())
        return std::nullopt;
    return DecisionHead{stmt.columnInt(0), stmt.columnInt(1), stmt.columnText(2), stmt.columnInt(3)};
}

// The record/set condition lets SQLite use annotations_by_record instead of scanning for `decision`.
void setState(Database& db, const DecisionHead& h, DecisionId id, int state) {
    db.prepare("UPDATE annotations SET is_current = ?1 WHERE record_id = ?2 AND label_set_id = ?3 "
               "AND (id = ?4 OR decision = ?4)")
        .bind(1, state)
        .bind(2, h.record)
        .bind(3, h.labelSet)
        .bind(4, id)
        .run();
}

Error notFound(DecisionId id) {
    return Error{ErrorCode::NotFound, "no decision with id " + std::to_string(id), {}};
}

} // namespace

Result<DecisionId> LabelStore::recordDecision(RecordId record, LabelSetId labelSet,
                                              const std::string& annotator, DecisionStatus status,
                                              const std::vector<std::string>& labels,
                                              const std::vector<Span>& spans, const std::string& comment) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto id = labelrows::insertDecision(db, record, labelSet, annotator, status, labels, spans, comment,
                                            m_now());
        if (!id)
            return id.error();
        transaction.commit();
        return id;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::undoDecision(DecisionId id) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        const auto h = head(db, id);
        if (!h)
            return notFound(id);
        if (h->isCurrent != 1)
            return Error{ErrorCode::InvalidArgument,
                         "decision " + std::to_string(id) + " is not current (already undone or replaced)",
                         {}};
        setState(db, *h, id, -1);
        auto previous = db.prepare("SELECT MAX(coalesce(decision, id)) FROM annotations WHERE record_id = ?1 "
                                   "AND label_set_id = ?2 AND annotator = ?3 AND is_current = 0");
        previous.bind(1, h->record).bind(2, h->labelSet).bind(3, h->annotator);
        if (previous.step() && !previous.isNull(0))
            setState(db, *h, previous.columnInt(0), 1);
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::redoDecision(DecisionId id) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        const auto h = head(db, id);
        if (!h)
            return notFound(id);
        if (h->isCurrent == 1)
            return {};
        db.prepare("UPDATE annotations SET is_current = 0 WHERE record_id = ?1 AND label_set_id = ?2 "
                   "AND annotator = ?3 AND is_current = 1")
            .bind(1, h->record)
            .bind(2, h->labelSet)
            .bind(3, h->annotator)
            .run();
        setState(db, *h, id, 1);
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<Decision> LabelStore::decision(DecisionId id) {
    try {
        auto& db = m_project.database();
        const auto h = head(db, id);
        if (!h)
            return notFound(id);
        auto found =
            readDecisions(db,
                          std::string("WHERE a.record_id = ?1 AND a.label_set_id = ?2 AND "
                                      "(a.id = ?3 OR a.decision = ?3) ") +
                              kDecisionOrder,
                          [&](Statement& s) { s.bind(1, h->record).bind(2, h->labelSet).bind(3, id); });
        if (found.empty())
            return notFound(id);
        return found.front();
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::optional<Decision>> LabelStore::currentDecision(RecordId record, LabelSetId labelSet,
                                                            const std::string& annotator) {
    try {
        auto found =
            readDecisions(m_project.database(),
                          std::string("WHERE a.record_id = ?1 AND a.label_set_id = ?2 AND a.annotator = ?3 "
                                      "AND a.is_current = 1 ") +
                              kDecisionOrder,
                          [&](Statement& s) { s.bind(1, record).bind(2, labelSet).bind(3, annotator); });
        if (found.empty())
            return std::optional<Decision>();
        return std::optional<Decision>(std::move(found.back()));
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::optional<Decision>> LabelStore::latestDecision(RecordId record, LabelSetId labelSet) {
    try {
        auto found = readDecisions(m_project.database(),
                                   "WHERE a.record_id = ?1 AND a.label_set_id = ?2 AND a.is_current = 1 "
                                   "ORDER BY 1 DESC, l.position, a.id",
                                   [&](Statement& s) { s.bind(1, record).bind(2, labelSet); });
        if (found.empty())
            return std::optional<Decision>();
        return std::optional<Decision>(std::move(found.front()));
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Decision>> LabelStore::currentDecisions(RecordId record, LabelSetId labelSet) {
    try {
        return readDecisions(m_project.database(),
                             "WHERE a.record_id = ?1 AND a.label_set_id = ?2 AND a.is_current = 1 "
                             "ORDER BY a.annotator, 1, l.position, a.id",
                             [&](Statement& s) { s.bind(1, record).bind(2, labelSet); });
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Decision>> LabelStore::currentDecisions(const std::vector<RecordId>& records,
                                                           LabelSetId labelSet) {
    constexpr std::size_t kIdsPerStatement = 500;
    try {
        std::vector<RecordId> sorted = records;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        std::vector<Decision> out;
        for (std::size_t start = 0; start < sorted.size(); start += kIdsPerStatement) {
            const std::size_t count = std::min(kIdsPerStatement, sorted.size() - start);
            std::string in;
            for (std::size_t i = 0; i < count; ++i)
                in += i ? ",?" : "?";
            auto part = readDecisions(m_project.database(),
                                      "WHERE a.label_set_id = ?1 AND a.is_current = 1 AND a.record_id IN (" +
                                          in + ") ORDER BY a.record_id, a.annotator, 1, l.position, a.id",
                                      [&](Statement& s) {
                                          s.bind(1, labelSet);
                                          for (std::size_t i = 0; i < count; ++i)
                                              s.bind(static_cast<int>(i + 2), sorted[start + i]);
                                      });
            std::move(part.begin(), part.end(), std::back_inserter(out));
        }
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Decision>> LabelStore::history(RecordId record, LabelSetId labelSet) {
    try {
        return readDecisions(m_project.database(),
                             std::string("WHERE a.record_id = ?1 AND a.label_set_id = ?2 ") + kDecisionOrder,
                             [&](Statement& s) { s.bind(1, record).bind(2, labelSet); });
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Decision>> LabelStore::recentDecisions(LabelSetId labelSet, const std::string& annotator,
                                                          int limit) {
    try {
        auto& db = m_project.database();
        // Walks annotation ids backwards (the annotator's recent rows are near the end), then reads each.
        auto ids =
            db.prepare("SELECT id, record_id FROM annotations WHERE label_set_id = ?1 AND annotator = ?2 "
                       "AND decision IS NULL AND is_current <> -1 ORDER BY id DESC LIMIT ?3");
        ids.bind(1, labelSet).bind(2, annotator).bind(3, limit);
        std::vector<Decision> out;
        while (ids.step()) {
            const DecisionId id = ids.columnInt(0);
            const RecordId record = ids.columnInt(1);
            auto found =
                readDecisions(db,
                              std::string("WHERE a.record_id = ?1 AND a.label_set_id = ?2 AND "
                                          "(a.id = ?3 OR a.decision = ?3) ") +
                                  kDecisionOrder,
                              [&](Statement& s) { s.bind(1, record).bind(2, labelSet).bind(3, id); });
            if (!found.empty())
                out.push_back(std::move(found.front()));
        }
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Decision>> LabelStore::currentDecisionsInDataset(DatasetId dataset, int minAnnotators) {
    try {
        auto set = labelSetOf(dataset);
        if (!set)
            return set.error();
        auto& db = m_project.database();
        const std::string scope = "a.label_set_id = ?1 AND a.is_current = 1 AND " + annotationsOfDataset("a", "?2");
        std::string where = "WHERE " + scope;
        if (minAnnotators > 1)
            where += " AND a.record_id IN (SELECT a.record_id FROM annotations a WHERE " + scope +
                     " GROUP BY a.record_id HAVING COUNT(DISTINCT a.annotator) >= ?3)";
        return readDecisions(db, where + " ORDER BY a.record_id, a.annotator, 1, l.position, a.id",
                             [&](Statement& s) {
                                 s.bind(1, set->id).bind(2, dataset);
                                 if (minAnnotators > 1)
                                     s.bind(3, minAnnotators);
                             });
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<DecisionId> LabelStore::adjudicate(RecordId record, LabelSetId labelSet,
                                          const std::vector<std::string>& labels,
                                          const std::vector<Span>& spans, const std::string& comment,
                                          const std::string& reviewer) {
    return recordDecision(record, labelSet, reviewer.empty() ? std::string(kAdjudicator) : reviewer,
                          DecisionStatus::Accepted, labels, spans,
                          comment.empty() ? "adjudicated:" : "adjudicated: " + comment);
}

bool LabelStore::isAdjudication(const Decision& decision) {
    return decision.annotator == kAdjudicator || decision.comment.rfind("adjudicated:", 0) == 0;
}

} // namespace bankbench::core
