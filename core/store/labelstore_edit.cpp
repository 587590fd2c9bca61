// LabelStore: edits that touch annotations (merge, delete and their undo) and bulk label creation.
#include "store/labelrows.h"
#include "store/datasetrange.h"
#include "store/labelstore.h"

#include "io/labelvalues.h"

#include <algorithm>
#include <map>
#include <set>

namespace bankbench::core {

using labelrows::databaseError;

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message), {}};
}

std::vector<DeletedLabel::Row> readRows(Database& db, LabelId label) {
    std::vector<DeletedLabel::Row> rows;
    auto stmt = db.prepare(
        "SELECT id, record_id, decision, annotator, created_at, status, comment, spans_json, is_current "
        "FROM annotations WHERE label_id = ?1 ORDER BY id");
    stmt.bind(1, label);
    while (stmt.step()) {
        DeletedLabel::Row row;
        row.id = stmt.columnInt(0);
        row.recordId = stmt.columnInt(1);
        if (!stmt.isNull(2))
            row.decision = stmt.columnInt(2);
        row.annotator = stmt.columnText(3);
        row.createdAt = stmt.columnText(4);
        row.status = stmt.columnText(5);
        row.comment = stmt.columnOptionalText(6);
        row.spansJson = stmt.columnOptionalText(7);
        row.isCurrent = static_cast<int>(stmt.columnInt(8));
        rows.push_back(std::move(row));
    }
    return rows;
}

void insertLabelRow(Database& db, const Label& label, std::optional<LabelId> id) {
    auto stmt =
        db.prepare("INSERT INTO labels(id, label_set_id, name, display_zh, display_en, description, color, "
                   "hotkey, position) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (id)
        stmt.bind(1, *id);
    stmt.bind(2, label.labelSetId)
        .bind(3, label.name)
        .bind(4, labelrows::nullIfEmpty(label.displayZh))
        .bind(5, labelrows::nullIfEmpty(label.displayEn))
        .bind(6, labelrows::nullIfEmpty(label.description))
        .bind(7, labelrows::nullIfEmpty(label.color))
        .bind(8, labelrows::nullIfEmpty(label.hotkey))
        .bind(9, static_cast<std::int64_t>(label.position))
        .run();
}

// Before a deleted or merged-away label comes back: its id and name must still be free.
Status checkRestorable(Database& db, const Label& label) {
    auto stmt = db.prepare("SELECT 1 FROM labels WHERE id = ?1");
    stmt.bind(1, label.id);
    if (stmt.step())
        return Error{
            ErrorCode::AlreadyExists, "label id " + std::to_string(label.id) + " is in use again", {}};
    auto byName = db.prepare("SELECT 1 FROM labels WHERE label_set_id = ?1 AND name = ?2");
    byName.bind(1, label.labelSetId).bind(2, label.name);
    if (byName.step())
        return Error{ErrorCode::AlreadyExists,
                     "a label named \"" + label.name + "\" was created since; rename it before restoring",
                     {}};
    auto set = db.prepare("SELECT 1 FROM label_sets WHERE id = ?1");
    set.bind(1, label.labelSetId);
    if (!set.step())
        return Error{ErrorCode::NotFound, "the label's set no longer exists", {}};
    return {};
}

} // namespace

Result<MergedLabel> LabelStore::mergeLabel(LabelId source, LabelId target) {
    if (source == target)
        return invalid("cannot merge a label into itself");
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto from = label(source);
        if (!from)
            return from.error();
        auto into = label(target);
        if (!into)
            return into.error();
        if (from->labelSetId != into->labelSetId)
            return invalid("labels \"" + from->name + "\" and \"" + into->name +
                           "\" are in different label sets");
        MergedLabel merged;
        merged.targetId = target;
        merged.source.label = *from;
        merged.source.rows = readRows(db, source);
        db.prepare("UPDATE annotations SET label_id = ?1 WHERE label_id = ?2")
            .bind(1, target)
            .bind(2, source)
            .run();
        db.prepare("DELETE FROM labels WHERE id = ?1").bind(1, source).run();
        transaction.commit();
        return merged;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::unmergeLabel(const MergedLabel& merged) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        if (auto ok = checkRestorable(db, merged.source.label); !ok)
            return ok;
        insertLabelRow(db, merged.source.label, merged.source.label.id);
        auto update = db.prepare("UPDATE annotations SET label_id = ?1 WHERE id = ?2 AND label_id = ?3");
        for (const auto& row : merged.source.rows)
            update.bind(1, merged.source.label.id).bind(2, row.id).bind(3, merged.targetId).run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<DeletedLabel> LabelStore::deleteLabel(LabelId id) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto found = label(id);
        if (!found)
            return found.error();
        DeletedLabel deleted;
        deleted.label = *found;
        deleted.rows = readRows(db, id);
        // A decision is named by its first row. When that row goes, the decision's surviving rows
        // re-anchor on the lowest of them, so the decision keeps the rest of its labels.
        auto survivors =
            db.prepare("SELECT id FROM annotations WHERE decision = ?1 AND label_id IS NOT ?2 ORDER BY id");
        auto setDecision = db.prepare("UPDATE annotations SET decision = ?1 WHERE id = ?2");
        for (const auto& row : deleted.rows) {
            if (row.decision)
                continue;
            std::vector<std::int64_t> ids;
            survivors.bind(1, row.id).bind(2, id);
            while (survivors.step())
                ids.push_back(survivors.columnInt(0));
            survivors.reset();
            for (std::size_t i = 0; i < ids.size(); ++i) {
                if (i == 0)
                    setDecision.bindNull(1);
                else
                    setDecision.bind(1, ids[0]);
                setDecision.bind(2, ids[i]).run();
                deleted.reanchored.emplace_back(ids[i], row.id);
            }
        }
        db.prepare("DELETE FROM annotations WHERE label_id = ?1").bind(1, id).run();
        db.prepare("DELETE FROM labels WHERE id = ?1").bind(1, id).run();
        transaction.commit();
        return deleted;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::restoreLabel(const DeletedLabel& deleted) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        if (auto ok = checkRestorable(db, deleted.label); !ok)
            return ok;
        insertLabelRow(db, deleted.label, deleted.label.id);
        auto insert =
            db.prepare("INSERT INTO annotations(id, record_id, label_set_id, label_id, decision, annotator, "
                       "created_at, status, comment, spans_json, is_current) "
                       "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        // SQLite hands the highest rowid out again once it is deleted, so a decision recorded after the
        // delete may hold a deleted row's id: such rows come back under new ids, and references follow.
        std::map<std::int64_t, std::int64_t> newId;
        auto mapped = [&](std::int64_t id) {
            const auto it = newId.find(id);
            return it == newId.end() ? id : it->second;
        };
        auto taken = db.prepare("SELECT 1 FROM annotations WHERE id = ?1");
        for (const auto& row : deleted.rows) {
            taken.bind(1, row.id);
            const bool reuse = !taken.step();
            taken.reset();
            if (reuse)
                insert.bind(1, row.id);
            insert.bind(2, row.recordId).bind(3, deleted.label.labelSetId).bind(4, deleted.label.id);
            if (row.decision)
                insert.bind(5, mapped(*row.decision));
            insert.bind(6, row.annotator)
                .bind(7, row.createdAt)
                .bind(8, row.status)
                .bind(9, row.comment)
                .bind(10, row.spansJson)
                .bind(11, static_cast<std::int64_t>(row.isCurrent))
                .run();
            if (!reuse)
                newId[row.id] = db.lastInsertRowId();
        }
        auto setDecision = db.prepare("UPDATE annotations SET decision = ?1 WHERE id = ?2");
        for (const auto& [rowId, decision] : deleted.reanchored)
            setDecision.bind(1, mapped(decision)).bind(2, rowId).run();

        // The annotators may have decided again since the delete: a restored decision then follows the
        // state of its surviving rows, or, with none left, yields to the annotator's newer current one.
        std::set<std::int64_t> anchors;
        for (const auto& row : deleted.rows)
            anchors.insert(mapped(row.decision.value_or(row.id)));
        auto survivorState = db.prepare("SELECT is_current FROM annotations WHERE (id = ?1 OR decision = ?1) "
                                        "AND label_id IS NOT ?2 LIMIT 1");
        auto syncState = db.prepare(
            "UPDATE annotations SET is_current = ?1 WHERE (id = ?2 OR decision = ?2) AND label_id = ?3");
        auto newerCurrent = db.prepare(
            "SELECT 1 FROM annotations a JOIN annotations me ON me.id = ?1 WHERE a.record_id = me.record_id "
            "AND a.label_set_id = me.label_set_id AND a.annotator = me.annotator AND a.is_current = 1 "
            "AND coalesce(a.decision, a.id) <> ?1 LIMIT 1");
        for (const auto anchor : anchors) {
            survivorState.bind(1, anchor).bind(2, deleted.label.id);
            if (survivorState.step()) {
                const auto state = survivorState.columnInt(0);
                survivorState.reset();
                syncState.bind(1, state).bind(2, anchor).bind(3, deleted.label.id).run();
                continue;
            }
            survivorState.reset();
            newerCurrent.bind(1, anchor);
            const bool superseded = newerCurrent.step();
            newerCurrent.reset();
            if (superseded)
                db.prepare("UPDATE annotations SET is_current = 0 WHERE (id = ?1 OR decision = ?1) AND "
                           "is_current = 1")
                    .bind(1, anchor)
                    .run();
        }
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<int> LabelStore::addLabels(LabelSetId set, const std::vector<Label>& list, bool updateExisting) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        if (auto found = labelSet(set); !found)
            return found.error();
        int created = 0;
        for (const auto& item : list) {
            if (auto ok = labelrows::checkLabelName(item.name); !ok)
                return ok.error();
            auto existing = label(set, item.name);
            Label row = item;
            row.labelSetId = set;
            if (existing) {
                if (!updateExisting)
                    continue;
                if (auto ok = labelrows::checkHotkey(db, set, item.hotkey, existing->id); !ok)
                    return Error{ok.error().code, "label \"" + item.name + "\": " + ok.error().message, {}};
                db.prepare(
                      "UPDATE labels SET display_zh = ?1, display_en = ?2, description = ?3, color = ?4, "
                      "hotkey = ?5 WHERE id = ?6")
                    .bind(1, labelrows::nullIfEmpty(row.displayZh))
                    .bind(2, labelrows::nullIfEmpty(row.displayEn))
                    .bind(3, labelrows::nullIfEmpty(row.description))
                    .bind(4, labelrows::nullIfEmpty(row.color))
                    .bind(5, labelrows::nullIfEmpty(row.hotkey))
                    .bind(6, existing->id)
                    .run();
                continue;
            }
            if (auto ok = labelrows::checkHotkey(db, set, item.hotkey, 0); !ok)
                return Error{ok.error().code, "label \"" + item.name + "\": " + ok.error().message, {}};
            auto next =
                db.prepare("SELECT coalesce(MAX(position) + 1, 0) FROM labels WHERE label_set_id = ?1");
            next.bind(1, set);
            next.step();
            row.position = static_cast<int>(next.columnInt(0));
            insertLabelRow(db, row, std::nullopt);
            ++created;
        }
        transaction.commit();
        return created;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<LabelSet> LabelStore::createLabelSetFromColumn(DatasetId dataset, const std::string& column,
                                                      const std::string& setName, LabelSetKind kind,
                                                      const std::optional<std::string>& separator,
                                                      const std::optional<std::string>& annotator) {
    if (setName.empty())
        return invalid("a label set needs a name");
    if (annotator && kind == LabelSetKind::Span)
        return invalid("a column holds no spans: create a span set without recording decisions");
    auto info = m_project.dataset(dataset);
    if (!info)
        return info.error();
    const auto& columns = info->columns;
    const auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end()) {
        std::string available;
        for (const auto& c : columns)
            available += (available.empty() ? "" : ", ") + c;
        return Error{ErrorCode::NotFound,
                     "dataset \"" + info->name + "\" has no column \"" + column +
                         "\" (columns: " + available + ")",
                     {}};
    }
    const auto index = static_cast<std::size_t>(std::distance(columns.begin(), it));
    const bool isTextColumn = column == info->textColumn;
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto exists = db.prepare("SELECT 1 FROM label_sets WHERE name = ?1");
        exists.bind(1, setName);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "a label set named \"" + setName + "\" already exists",
                         {m_project.path(), 0, 0}};
        const std::string now = m_now();
        db.prepare("INSERT INTO label_sets(name, kind, created_at) VALUES(?1, ?2, ?3)")
            .bind(1, setName)
            .bind(2, labelSetKindName(kind))
            .bind(3, now)
            .run();
        const LabelSetId setId = db.lastInsertRowId();

        std::map<std::string, bool> seen;
        std::vector<std::pair<RecordId, std::vector<std::string>>> perRecord;
        auto insertLabel = db.prepare("INSERT INTO labels(label_set_id, name, position) VALUES(?1, ?2, ?3)");
        auto stmt = db.prepare("SELECT id, text, fields_json FROM records WHERE " + recordsOfDataset("", "?1") + " ORDER BY id");
        stmt.bind(1, dataset);
        std::vector<std::string> values;
        int position = 0;
        while (stmt.step()) {
            const auto fields = nlohmann::json::parse(stmt.columnTextView(2), nullptr, false);
            nlohmann::json value =
                fields.is_array() && index < fields.size() ? fields[index] : nlohmann::json();
            if (isTextColumn && value.is_null())
                value = stmt.columnText(1); // the text column's slot is stored as null
            labelsFromValue(value, separator, values);
            for (const auto& name : values) {
                if (!seen.emplace(name, true).second)
                    continue;
                if (auto ok = labelrows::checkLabelName(name); !ok)
                    return Error{ErrorCode::InvalidArgument,
                                 "record " + std::to_string(stmt.columnInt(0)) + ": " + ok.error().message,
                                 {}};
                insertLabel.bind(1, setId).bind(2, name).bind(3, position++).run();
            }
            if (annotator && !values.empty())
                perRecord.emplace_back(stmt.columnInt(0), values);
        }
        for (const auto& [record, names] : perRecord) {
            auto decided = labelrows::insertDecision(db, record, setId, *annotator, DecisionStatus::Accepted,
                                                     names, {}, {}, now);
            if (!decided)
                return Error{decided.error().code,
                             "record " + std::to_string(record) + ": " + decided.error().message,
                             {}};
        }
        transaction.commit();
        return labelSet(setId);
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

} // namespace bankbench::core
