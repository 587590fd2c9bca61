// LabelStore: label sets and labels (create, edit, order). Decisions, merges and statistics live in the
// other labelstore_*.cpp files.
#include "store/labelstore.h"

#include "store/labelrows.h"
#include "util/clock.h"

#include <algorithm>

namespace bankbench::core {

using labelrows::checkHotkey;
using labelrows::checkLabelName;
using labelrows::databaseError;
using labelrows::nullIfEmpty;

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message), {}};
}

LabelSet readLabelSet(const Statement& stmt) {
    LabelSet set;
    set.id = stmt.columnInt(0);
    set.name = stmt.columnText(1);
    set.kind = labelSetKindFromName(stmt.columnText(2)).value_or(LabelSetKind::SingleLabel);
    set.createdAt = stmt.columnText(3);
    return set;
}

constexpr const char* kLabelColumns = "SELECT id, label_set_id, name, display_zh, display_en, description, "
                                      "color, hotkey, position FROM labels ";

Label readLabel(const Statement& stmt) {
    Label label;
    label.id = stmt.columnInt(0);
    label.labelSetId = stmt.columnInt(1);
    label.name = stmt.columnText(2);
    label.displayZh = stmt.columnOptionalText(3).value_or("");
    label.displayEn = stmt.columnOptionalText(4).value_or("");
    label.description = stmt.columnOptionalText(5).value_or("");
    label.color = stmt.columnOptionalText(6).value_or("");
    label.hotkey = stmt.columnOptionalText(7).value_or("");
    label.position = static_cast<int>(stmt.columnInt(8));
    return label;
}

} // namespace

const char* decisionStatusName(DecisionStatus status) {
    switch (status) {
    case DecisionStatus::Accepted:
        return "accepted";
    case DecisionStatus::Skipped:
        return "skipped";
    case DecisionStatus::Unclear:
        return "unclear";
    }
    return "accepted";
}

std::optional<DecisionStatus> decisionStatusFromName(const std::string& name) {
    if (name == "accepted")
        return DecisionStatus::Accepted;
    if (name == "skipped")
        return DecisionStatus::Skipped;
    if (name == "unclear")
        return DecisionStatus::Unclear;
    return std::nullopt;
}

const std::string& Label::displayName(const std::string& language) const {
    const bool chinese = language.rfind("zh", 0) == 0;
    const std::string& preferred = chinese ? displayZh : displayEn;
    return preferred.empty() ? name : preferred;
}

LabelStore::LabelStore(Project& project) : m_project(project), m_now(&nowIso8601) {}

void LabelStore::setClock(std::function<std::string()> now) {
    m_now = now ? std::move(now) : &nowIso8601;
}

Result<std::vector<LabelSet>> LabelStore::labelSets() {
    try {
        std::vector<LabelSet> sets;
        auto stmt =
            m_project.database().prepare("SELECT id, name, kind, created_at FROM label_sets ORDER BY id");
        while (stmt.step())
            sets.push_back(readLabelSet(stmt));
        return sets;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<LabelSet> LabelStore::labelSet(LabelSetId id) {
    try {
        auto stmt =
            m_project.database().prepare("SELECT id, name, kind, created_at FROM label_sets WHERE id = ?1");
        stmt.bind(1, id);
        if (stmt.step())
            return readLabelSet(stmt);
        return Error{
            ErrorCode::NotFound, "no label set with id " + std::to_string(id), {m_project.path(), 0, 0}};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<LabelSet> LabelStore::labelSet(const std::string& name) {
    try {
        auto stmt =
            m_project.database().prepare("SELECT id, name, kind, created_at FROM label_sets WHERE name = ?1");
        stmt.bind(1, name);
        if (stmt.step())
            return readLabelSet(stmt);
        return Error{ErrorCode::NotFound, "no label set named \"" + name + "\"", {m_project.path(), 0, 0}};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<LabelSet> LabelStore::createLabelSet(const std::string& name, LabelSetKind kind) {
    if (name.empty())
        return invalid("a label set needs a name");
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto exists = db.prepare("SELECT 1 FROM label_sets WHERE name = ?1");
        exists.bind(1, name);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "a label set named \"" + name + "\" already exists",
                         {m_project.path(), 0, 0}};
        db.prepare("INSERT INTO label_sets(name, kind, created_at) VALUES(?1, ?2, ?3)")
            .bind(1, name)
            .bind(2, labelSetKindName(kind))
            .bind(3, m_now())
            .run();
        const LabelSetId id = db.lastInsertRowId();
        transaction.commit();
        return labelSet(id);
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::renameLabelSet(LabelSetId id, const std::string& newName) {
    if (newName.empty())
        return invalid("a label set needs a name");
    try {
        auto& db = m_project.database();
        auto exists = db.prepare("SELECT 1 FROM label_sets WHERE name = ?1 AND id <> ?2");
        exists.bind(1, newName).bind(2, id);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "a label set named \"" + newName + "\" already exists",
                         {m_project.path(), 0, 0}};
        db.prepare("UPDATE label_sets SET name = ?1 WHERE id = ?2").bind(1, newName).bind(2, id).run();
        if (db.changes() == 0)
            return Error{
                ErrorCode::NotFound, "no label set with id " + std::to_string(id), {m_project.path(), 0, 0}};
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::deleteLabelSet(LabelSetId id) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto used = db.prepare("SELECT COUNT(*) FROM annotations WHERE label_set_id = ?1");
        used.bind(1, id);
        used.step();
        if (const auto rows = used.columnInt(0); rows > 0)
            return invalid("label set " + std::to_string(id) + " still holds " + std::to_string(rows) +
                           " annotation rows; delete its labels first");
        db.prepare("DELETE FROM label_sets WHERE id = ?1").bind(1, id).run();
        if (db.changes() == 0)
            return Error{
                ErrorCode::NotFound, "no label set with id " + std::to_string(id), {m_project.path(), 0, 0}};
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::assignLabelSet(DatasetId dataset, std::optional<LabelSetId> set) {
    try {
        auto& db = m_project.database();
        if (set) {
            if (auto found = labelSet(*set); !found)
                return found.error();
        }
        auto stmt = db.prepare("UPDATE datasets SET label_set_id = ?1 WHERE id = ?2");
        if (set)
            stmt.bind(1, *set);
        stmt.bind(2, dataset).run();
        if (db.changes() == 0)
            return Error{ErrorCode::NotFound,
                         "no dataset with id " + std::to_string(dataset),
                         {m_project.path(), 0, 0}};
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<LabelSet> LabelStore::labelSetOf(DatasetId dataset) {
    try {
        auto stmt = m_project.database().prepare("SELECT name, label_set_id FROM datasets WHERE id = ?1");
        stmt.bind(1, dataset);
        if (!stmt.step())
            return Error{ErrorCode::NotFound,
                         "no dataset with id " + std::to_string(dataset),
                         {m_project.path(), 0, 0}};
        if (stmt.isNull(1))
            return Error{ErrorCode::NotFound,
                         "dataset \"" + stmt.columnText(0) + "\" has no label set yet",
                         {m_project.path(), 0, 0}};
        return labelSet(stmt.columnInt(1));
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Label>> LabelStore::labels(LabelSetId set) {
    try {
        std::vector<Label> out;
        auto stmt = m_project.database().prepare(std::string(kLabelColumns) +
                                                 "WHERE label_set_id = ?1 ORDER BY position, id");
        stmt.bind(1, set);
        while (stmt.step())
            out.push_back(readLabel(stmt));
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<Label> LabelStore::label(LabelId id) {
    try {
        auto stmt = m_project.database().prepare(std::string(kLabelColumns) + "WHERE id = ?1");
        stmt.bind(1, id);
        if (stmt.step())
            return readLabel(stmt);
        return Error{ErrorCode::NotFound, "no label with id " + std::to_string(id), {m_project.path(), 0, 0}};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<Label> LabelStore::label(LabelSetId set, const std::string& name) {
    try {
        auto stmt = m_project.database().prepare(std::string(kLabelColumns) +
                                                 "WHERE label_set_id = ?1 AND name = ?2");
        stmt.bind(1, set).bind(2, name);
        if (stmt.step())
            return readLabel(stmt);
        return Error{ErrorCode::NotFound,
                     "no label named \"" + name + "\" in label set " + std::to_string(set),
                     {m_project.path(), 0, 0}};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<Label> LabelStore::createLabel(LabelSetId set, const Label& label) {
    if (auto ok = checkLabelName(label.name); !ok)
        return ok.error();
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        if (auto found = labelSet(set); !found)
            return found.error();
        auto exists = db.prepare("SELECT 1 FROM labels WHERE label_set_id = ?1 AND name = ?2");
        exists.bind(1, set).bind(2, label.name);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "label \"" + label.name + "\" already exists in this set",
                         {m_project.path(), 0, 0}};
        if (auto ok = checkHotkey(db, set, label.hotkey, 0); !ok)
            return ok.error();
        auto next = db.prepare("SELECT coalesce(MAX(position) + 1, 0) FROM labels WHERE label_set_id = ?1");
        next.bind(1, set);
        next.step();
        db.prepare("INSERT INTO labels(label_set_id, name, display_zh, display_en, description, color, "
                   "hotkey, position) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind(1, set)
            .bind(2, label.name)
            .bind(3, nullIfEmpty(label.displayZh))
            .bind(4, nullIfEmpty(label.displayEn))
            .bind(5, nullIfEmpty(label.description))
            .bind(6, nullIfEmpty(label.color))
            .bind(7, nullIfEmpty(label.hotkey))
            .bind(8, next.columnInt(0))
            .run();
        const LabelId id = db.lastInsertRowId();
        transaction.commit();
        return this->label(id);
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::updateLabel(const Label& label) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto current = this->label(label.id);
        if (!current)
            return current.error();
        if (auto ok = checkHotkey(db, current->labelSetId, label.hotkey, label.id); !ok)
            return ok.error();
        db.prepare(
              "UPDATE labels SET display_zh = ?1, display_en = ?2, description = ?3, color = ?4, hotkey = ?5 "
              "WHERE id = ?6")
            .bind(1, nullIfEmpty(label.displayZh))
            .bind(2, nullIfEmpty(label.displayEn))
            .bind(3, nullIfEmpty(label.description))
            .bind(4, nullIfEmpty(label.color))
            .bind(5, nullIfEmpty(label.hotkey))
            .bind(6, label.id)
            .run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::renameLabel(LabelId id, const std::string& newName) {
    if (auto ok = checkLabelName(newName); !ok)
        return ok;
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto current = label(id);
        if (!current)
            return current.error();
        auto exists = db.prepare("SELECT 1 FROM labels WHERE label_set_id = ?1 AND name = ?2 AND id <> ?3");
        exists.bind(1, current->labelSetId).bind(2, newName).bind(3, id);
        if (exists.step())
            return Error{ErrorCode::AlreadyExists,
                         "label \"" + newName + "\" already exists in this set; merge the labels instead",
                         {m_project.path(), 0, 0}};
        db.prepare("UPDATE labels SET name = ?1 WHERE id = ?2").bind(1, newName).bind(2, id).run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::reorderLabels(LabelSetId set, const std::vector<LabelId>& order) {
    try {
        auto& db = m_project.database();
        Transaction transaction(db);
        auto existing = labels(set);
        if (!existing)
            return existing.error();
        std::vector<LabelId> have;
        for (const auto& l : *existing)
            have.push_back(l.id);
        std::vector<LabelId> wanted = order;
        std::sort(have.begin(), have.end());
        std::sort(wanted.begin(), wanted.end());
        if (have != wanted)
            return invalid("a new label order must list each label of the set exactly once");
        auto update = db.prepare("UPDATE labels SET position = ?1 WHERE id = ?2");
        for (std::size_t i = 0; i < order.size(); ++i)
            update.bind(1, static_cast<std::int64_t>(i)).bind(2, order[i]).run();
        transaction.commit();
        return {};
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Status LabelStore::moveLabel(LabelId id, int position) {
    auto moved = label(id);
    if (!moved)
        return moved.error();
    auto existing = labels(moved->labelSetId);
    if (!existing)
        return existing.error();
    std::vector<LabelId> order;
    for (const auto& l : *existing)
        if (l.id != id)
            order.push_back(l.id);
    const auto at = static_cast<std::size_t>(std::clamp(position, 0, static_cast<int>(order.size())));
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), id);
    return reorderLabels(moved->labelSetId, order);
}

} // namespace bankbench::core
