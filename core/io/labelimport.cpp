#include "io/labelimport.h"

#include "io/importsource.h"
#include "io/labelvalues.h"
#include "labeling/spans.h"
#include "store/labelrows.h"
#include "store/labelstore.h"
#include "util/clock.h"

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>

namespace bankbench::core {

namespace {

std::optional<std::size_t> columnIndex(const std::vector<std::string>& columns,
                                       std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (auto it = std::find(columns.begin(), columns.end(), name); it != columns.end())
            return static_cast<std::size_t>(it - columns.begin());
    return std::nullopt;
}

const nlohmann::json* cell(const nlohmann::json& fields, const std::optional<std::size_t>& index) {
    if (!index || *index >= fields.size() || fields[*index].is_null())
        return nullptr;
    if (fields[*index].is_string() && fields[*index].get_ref<const std::string&>().empty())
        return nullptr;
    return &fields[*index];
}

// A JSON value that CSV delivers as text ("[...]") and JSONL as a value.
std::optional<nlohmann::json> structured(const nlohmann::json& value) {
    if (!value.is_string())
        return value;
    auto parsed = nlohmann::json::parse(value.get_ref<const std::string&>(), nullptr, false);
    if (parsed.is_discarded())
        return std::nullopt;
    return parsed;
}

// A list cell: a JSON array, or (CSV) text split at `separator`.
std::vector<std::string> listCell(const nlohmann::json& value, const std::string& separator) {
    std::vector<std::string> out;
    if (value.is_array()) {
        for (const auto& item : value)
            if (item.is_string())
                out.push_back(item.get<std::string>());
        return out;
    }
    labelsFromValue(value, separator, out);
    return out;
}

// Finds each token in the text, in order, skipping what lies between: tokens are substrings.
std::optional<std::vector<BioToken>> alignTokens(std::string_view text,
                                                 const std::vector<std::string>& tokens) {
    std::vector<BioToken> out;
    std::size_t byte = 0;
    std::int64_t point = 0;
    auto advance = [&](std::size_t to) {
        for (; byte < to; ++byte)
            if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80)
                ++point;
    };
    for (const auto& token : tokens) {
        const auto at = text.find(token, byte);
        if (token.empty() || at == std::string_view::npos)
            return std::nullopt;
        advance(at);
        const std::int64_t start = point;
        advance(at + token.size());
        out.push_back({token, start, point});
    }
    return out;
}

struct Columns {
    std::optional<std::size_t> id, text, labels, spans, tokens, tags, status;
};

} // namespace

Result<LabelImportResult> importLabels(Project& project, const LabelImportOptions& options,
                                       const CancelToken* cancel) {
    auto info = project.dataset(options.datasetName);
    if (!info)
        return info.error();
    LabelStore store(project);
    auto set = store.labelSetOf(info->id);
    if (!set)
        return Error{ErrorCode::InvalidArgument,
                     "dataset \"" + info->name + "\" has no label set; create or assign one first",
                     {options.path, 0, 0}};

    ImportOptions source;
    source.path = options.path;
    auto settings = resolveSource(source);
    if (!settings)
        return settings.error();
    auto rows = openRows(source, *settings);
    if (!rows)
        return rows.error();
    auto& reader = **rows;
    const bool csv = settings->format != InputFormat::Jsonl;

    LabelImportResult result;
    nlohmann::json fields;
    Columns c;
    bool resolved = false;
    std::size_t knownColumns = static_cast<std::size_t>(-1);
    LabelMatch match = options.match;
    std::unordered_map<std::size_t, std::vector<RecordId>> byTextHash;
    std::map<std::string, bool> knownLabels;
    auto existing = store.labels(set->id);
    if (!existing)
        return existing.error();
    for (const auto& label : *existing)
        knownLabels.emplace(label.name, true);
    try {
        auto& db = project.database();
        Transaction transaction(db);
        const std::string now = nowIso8601();
        auto recordText = db.prepare("SELECT text FROM records WHERE id = ?1 AND dataset_id = ?2");
        auto addLabel = db.prepare(
            "INSERT INTO labels(label_set_id, name, position) "
            "VALUES(?1, ?2, (SELECT coalesce(MAX(position) + 1, 0) FROM labels WHERE label_set_id = ?1))");
        for (;;) {
            if (cancel && cancel->isCancelled())
                return Error{ErrorCode::Cancelled, "label import cancelled", {options.path, 0, 0}};
            const auto status = reader.next(fields);
            if (status == RowReader::Status::End)
                break;
            if (status == RowReader::Status::Failed) {
                const auto& e = reader.error();
                return Error{e.code, e.message, {options.path, e.line, e.column}};
            }
            reader.warnings().clear();
            if (status == RowReader::Status::BadRow) {
                result.errors.push_back(reader.error());
                continue;
            }
            const std::int64_t line = reader.line();
            auto rowError = [&](std::string message) {
                result.errors.push_back({ErrorCode::InvalidArgument, line, 0, std::move(message)});
            };
            // JSONL grows its columns as keys first appear, so indices are looked up again when it does.
            if (reader.columns().size() != knownColumns) {
                const auto& columns = reader.columns();
                knownColumns = columns.size();
                c.id = columnIndex(columns, {"id", "record_id"});
                c.text = columnIndex(columns, {"text"});
                c.labels = columnIndex(columns, {"labels", "label"});
                c.spans = columnIndex(columns, {"spans"});
                c.tokens = columnIndex(columns, {"tokens"});
                c.tags = columnIndex(columns, {"tags"});
                c.status = columnIndex(columns, {"status"});
            }
            if (!resolved) {
                // The first row decides how records are matched.
                if (match == LabelMatch::Auto)
                    match = c.id ? LabelMatch::RecordId : LabelMatch::Text;
                if (match == LabelMatch::RecordId && !c.id)
                    return Error{ErrorCode::Parse,
                                 "matching by record id needs an \"id\" column",
                                 {options.path, 1, 1}};
                if (match == LabelMatch::Text && !c.text)
                    return Error{
                        ErrorCode::Parse, "matching by text needs a \"text\" column", {options.path, 1, 1}};
                if (!c.labels && !c.spans && !(c.tokens && c.tags))
                    return Error{ErrorCode::Parse,
                                 "no \"label\", \"labels\", \"spans\" or \"tokens\"+\"tags\" column",
                                 {options.path, 1, 1}};
                if (match == LabelMatch::Text) {
                    Status visited = project.forEachRecord(info->id, [&](const Record& r) {
                        byTextHash[std::hash<std::string>{}(r.text)].push_back(r.id);
                        return true;
                    });
                    if (!visited)
                        return visited.error();
                }
                resolved = true;
            }
            ++result.rows;

            // Find the record.
            const nlohmann::json* textCell = cell(fields, c.text);
            const std::string text = textCell && textCell->is_string() ? textCell->get<std::string>() : "";
            std::optional<RecordId> record;
            std::string recordTextValue;
            if (match == LabelMatch::RecordId) {
                const nlohmann::json* idCell = cell(fields, c.id);
                std::optional<RecordId> id;
                if (idCell && idCell->is_number_integer())
                    id = idCell->get<RecordId>();
                else if (idCell && idCell->is_string())
                    try {
                        std::size_t used = 0;
                        id = std::stoll(idCell->get<std::string>(), &used);
                        if (used != idCell->get_ref<const std::string&>().size())
                            id.reset();
                    } catch (const std::exception&) {
                    }
                if (!id) {
                    rowError("\"id\" is not a record id");
                    continue;
                }
                recordText.bind(1, *id).bind(2, info->id);
                if (recordText.step()) {
                    record = *id;
                    recordTextValue = recordText.columnText(0);
                }
                recordText.reset();
                if (!record) {
                    result.unmatched.push_back(
                        {ErrorCode::NotFound, line, 0,
                         "no record " + std::to_string(*id) + " in dataset \"" + info->name + "\""});
                    continue;
                }
                if (textCell && text != recordTextValue) {
                    result.unmatched.push_back(
                        {ErrorCode::NotFound, line, 0,
                         "record " + std::to_string(*id) + " has another text; wrong dataset?"});
                    continue;
                }
            } else {
                if (auto it = byTextHash.find(std::hash<std::string>{}(text)); it != byTextHash.end())
                    for (const RecordId id : it->second) {
                        recordText.bind(1, id).bind(2, info->id);
                        const bool same = recordText.step() && recordText.columnTextView(0) == text;
                        recordText.reset();
                        if (same) {
                            record = id;
                            recordTextValue = text;
                            break;
                        }
                    }
                if (!record) {
                    result.unmatched.push_back({ErrorCode::NotFound, line, 0,
                                                "no record with this text: \"" + text.substr(0, 60) + "\""});
                    continue;
                }
            }

            // What was decided.
            DecisionStatus decisionStatus = DecisionStatus::Accepted;
            if (const auto* s = cell(fields, c.status); s && s->is_string()) {
                const auto parsed = decisionStatusFromName(s->get<std::string>());
                if (!parsed) {
                    rowError("unknown status \"" + s->get<std::string>() +
                             "\" (accepted, skipped or unclear)");
                    continue;
                }
                decisionStatus = *parsed;
            }
            std::vector<std::string> labels;
            if (const auto* l = cell(fields, c.labels))
                labels = listCell(*l, csv ? "|" : "");
            std::vector<Span> spans;
            if (const auto* s = cell(fields, c.spans)) {
                const auto value = structured(*s);
                auto parsed =
                    value ? spansFromJson(*value)
                          : Result<std::vector<Span>>(Error{ErrorCode::Parse, "\"spans\" is not JSON", {}});
                if (!parsed) {
                    rowError(parsed.error().message);
                    continue;
                }
                spans = std::move(*parsed);
            } else if (const auto* t = cell(fields, c.tokens); t && cell(fields, c.tags)) {
                const auto tokens = listCell(*t, csv ? " " : "");
                const auto tags = listCell(*cell(fields, c.tags), csv ? " " : "");
                const auto aligned = alignTokens(recordTextValue, tokens);
                if (!aligned) {
                    rowError("the tokens are not found in the record's text in order");
                    continue;
                }
                auto parsed = spansFromBio(*aligned, tags);
                if (!parsed) {
                    rowError(parsed.error().message);
                    continue;
                }
                spans = std::move(*parsed);
            }
            // No status and nothing labelled: a record exported without a decision (includeUnlabelled).
            if (!cell(fields, c.status) && labels.empty() && spans.empty()) {
                ++result.empty;
                continue;
            }
            if (decisionStatus != DecisionStatus::Accepted) {
                labels.clear();
                spans.clear();
            }

            std::vector<std::string> needed = labels;
            for (const auto& span : spans)
                needed.push_back(span.label);
            bool missing = false;
            for (const auto& name : needed) {
                if (knownLabels.count(name))
                    continue;
                if (!options.createMissingLabels || !labelrows::checkLabelName(name)) {
                    rowError("label \"" + name + "\" is not in the label set \"" + set->name + "\"");
                    missing = true;
                    break;
                }
                addLabel.bind(1, set->id).bind(2, name).run();
                knownLabels.emplace(name, true);
            }
            if (missing)
                continue;
            auto decided = labelrows::insertDecision(db, *record, set->id, options.annotator, decisionStatus,
                                                     labels, spans, {}, now);
            if (!decided) {
                rowError(decided.error().message);
                continue;
            }
            ++result.decisions;
        }
        transaction.commit();
    } catch (const DatabaseError& e) {
        return labelrows::databaseError(e, project.path());
    }
    return result;
}

} // namespace bankbench::core
