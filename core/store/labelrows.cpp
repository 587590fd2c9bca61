#include "store/labelrows.h"

#include "labeling/spans.h"
#include "text/utf8.h"

#include <algorithm>
#include <map>

namespace bankbench::core::labelrows {

namespace {

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message), {}};
}

DecisionState stateFromColumn(std::int64_t value) {
    return value == 1   ? DecisionState::Current
           : value == 0 ? DecisionState::Superseded
                        : DecisionState::Undone;
}

// A row's spans_json holds that row's spans without labels ([{"start":..,"end":..}]): the label is the
// row's label_id, so renaming or merging a label never rewrites JSON.
std::string rowSpansJson(const std::vector<Span>& spans) {
    auto out = nlohmann::json::array();
    for (const auto& span : spans)
        out.push_back({{"start", span.start}, {"end", span.end}});
    return out.dump();
}

} // namespace

// Names are key names for exports and models: no surrounding whitespace, no line breaks.
Status checkLabelName(const std::string& name) {
    if (name.empty())
        return invalid("a label needs a name");
    if (name.find_first_of("\r\n\t") != std::string::npos || name.front() == ' ' || name.back() == ' ')
        return invalid("label name \"" + name + "\" has surrounding spaces or line breaks");
    if (!utf8::isValid(name))
        return invalid("label name is not valid UTF-8");
    return {};
}

Status checkHotkey(Database& db, LabelSetId set, const std::string& hotkey, LabelId self) {
    if (hotkey.empty())
        return {};
    if (utf8::length(hotkey) != 1)
        return invalid("a hotkey is one key (one character), not \"" + hotkey + "\"");
    auto stmt = db.prepare("SELECT name FROM labels WHERE label_set_id = ?1 AND hotkey = ?2 AND id <> ?3");
    stmt.bind(1, set).bind(2, hotkey).bind(3, self);
    if (stmt.step())
        return Error{ErrorCode::AlreadyExists,
                     "hotkey \"" + hotkey + "\" is already used by label \"" + stmt.columnText(0) + "\"",
                     {}};
    return {};
}

std::optional<std::string> nullIfEmpty(const std::string& value) {
    return value.empty() ? std::nullopt : std::optional(value);
}

Error databaseError(const DatabaseError& e, const std::string& path) {
    return Error{ErrorCode::Database, e.what(), SourceLocation{path, 0, 0}};
}

const char* const kDecisionSelect =
    "SELECT coalesce(a.decision, a.id), a.record_id, a.label_set_id, a.annotator, a.created_at, a.status, "
    "a.comment, a.spans_json, a.is_current, l.name FROM annotations a LEFT JOIN labels l ON l.id = "
    "a.label_id ";

std::vector<Decision> readDecisions(Database& db, const std::string& tail,
                                    const std::function<void(Statement&)>& bind) {
    auto stmt = db.prepare(std::string(kDecisionSelect) + tail);
    if (bind)
        bind(stmt);
    std::vector<Decision> out;
    while (stmt.step()) {
        const DecisionId id = stmt.columnInt(0);
        if (out.empty() || out.back().id != id) {
            Decision d;
            d.id = id;
            d.recordId = stmt.columnInt(1);
            d.labelSetId = stmt.columnInt(2);
            d.annotator = stmt.columnText(3);
            d.createdAt = stmt.columnText(4);
            d.status = decisionStatusFromName(stmt.columnText(5)).value_or(DecisionStatus::Accepted);
            d.comment = stmt.columnOptionalText(6).value_or("");
            d.state = stateFromColumn(stmt.columnInt(8));
            out.push_back(std::move(d));
        }
        auto& d = out.back();
        if (stmt.isNull(9))
            continue;
        const std::string label = stmt.columnText(9);
        if (std::find(d.labels.begin(), d.labels.end(), label) == d.labels.end())
            d.labels.push_back(label);
        if (!stmt.isNull(7)) {
            const auto spans = nlohmann::json::parse(stmt.columnTextView(7), nullptr, false);
            if (spans.is_array())
                for (const auto& s : spans)
                    if (s.is_object() && s.value("end", std::int64_t{0}) > s.value("start", std::int64_t{0}))
                        d.spans.push_back(
                            {s.value("start", std::int64_t{0}), s.value("end", std::int64_t{0}), label});
        }
    }
    for (auto& d : out)
        d.spans = normalizedSpans(std::move(d.spans));
    return out;
}

Result<DecisionId> insertDecision(Database& db, RecordId record, LabelSetId labelSet,
                                  const std::string& annotator, DecisionStatus status,
                                  const std::vector<std::string>& labels, const std::vector<Span>& spans,
                                  const std::string& comment, const std::string& createdAt) {
    if (annotator.empty())
        return invalid("a decision needs an annotator name");
    LabelSetKind kind;
    {
        auto stmt = db.prepare("SELECT kind FROM label_sets WHERE id = ?1");
        stmt.bind(1, labelSet);
        if (!stmt.step())
            return Error{ErrorCode::NotFound, "no label set with id " + std::to_string(labelSet), {}};
        kind = labelSetKindFromName(stmt.columnText(0)).value_or(LabelSetKind::SingleLabel);
    }
    std::string text;
    {
        auto stmt = db.prepare("SELECT text FROM records WHERE id = ?1");
        stmt.bind(1, record);
        if (!stmt.step())
            return Error{ErrorCode::NotFound, "no record with id " + std::to_string(record), {}};
        text = stmt.columnText(0);
    }

    // Labels in first-mention order, spans grouped under their label.
    std::vector<std::string> names;
    std::map<std::string, std::vector<Span>> spansByLabel;
    for (const auto& name : labels)
        if (std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(name);
    if (status != DecisionStatus::Accepted) {
        if (!names.empty() || !spans.empty())
            return invalid(std::string("a ") + decisionStatusName(status) +
                           " decision carries no labels or spans");
    } else if (!spans.empty()) {
        if (kind != LabelSetKind::Span)
            return invalid("spans need a span label set; this one is " + std::string(labelSetKindName(kind)));
        if (auto valid = validateSpans(text, spans); !valid)
            return valid.error();
        for (const auto& span : normalizedSpans(spans)) {
            if (std::find(names.begin(), names.end(), span.label) == names.end())
                names.push_back(span.label);
            spansByLabel[span.label].push_back(span);
        }
    }
    if (status == DecisionStatus::Accepted && kind == LabelSetKind::SingleLabel && names.size() != 1)
        return invalid("a single-label set takes exactly one label per decision, got " +
                       std::to_string(names.size()));
    for (const auto& name : names)
        if (name.empty())
            return invalid("a label name cannot be empty");

    std::vector<std::int64_t> ids;
    {
        auto stmt = db.prepare("SELECT id FROM labels WHERE label_set_id = ?1 AND name = ?2");
        for (const auto& name : names) {
            stmt.bind(1, labelSet).bind(2, name);
            if (!stmt.step()) {
                stmt.reset();
                return Error{ErrorCode::NotFound,
                             "label set " + std::to_string(labelSet) + " has no label \"" + name + "\"",
                             {}};
            }
            ids.push_back(stmt.columnInt(0));
            stmt.reset();
        }
    }

    db.prepare("UPDATE annotations SET is_current = 0 WHERE record_id = ?1 AND label_set_id = ?2 "
               "AND annotator = ?3 AND is_current = 1")
        .bind(1, record)
        .bind(2, labelSet)
        .bind(3, annotator)
        .run();
    auto insert =
        db.prepare("INSERT INTO annotations(record_id, label_set_id, label_id, decision, annotator, "
                   "created_at, status, comment, spans_json, is_current) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)");
    std::optional<DecisionId> decision;
    const std::optional<std::string> commentValue = comment.empty() ? std::nullopt : std::optional(comment);
    const std::size_t rows = std::max<std::size_t>(1, names.size());
    for (std::size_t i = 0; i < rows; ++i) {
        insert.bind(1, record).bind(2, labelSet);
        if (i < ids.size())
            insert.bind(3, ids[i]);
        if (decision)
            insert.bind(4, *decision);
        insert.bind(5, annotator)
            .bind(6, createdAt)
            .bind(7, decisionStatusName(status))
            .bind(8, commentValue);
        if (kind == LabelSetKind::Span && i < names.size())
            insert.bind(9, rowSpansJson(spansByLabel[names[i]]));
        insert.run();
        if (!decision)
            decision = db.lastInsertRowId();
    }
    return *decision;
}

} // namespace bankbench::core::labelrows
