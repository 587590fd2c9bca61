#include "io/labelexport.h"

#include "io/csvwriter.h"
#include "io/replacingfile.h"
#include "labeling/spans.h"
#include "store/labelstore.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <unistd.h>

namespace bankbench::core {

namespace {

constexpr std::size_t kRecordsPerBatch = 1000;

std::string dumpJson(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? separator : "") + parts[i];
    return out;
}

// The decision a record is exported with: the chosen annotator's, else an adjudication, else the latest.
const Decision* chooseDecision(const std::vector<const Decision*>& decisions, const std::string& annotator) {
    const Decision* chosen = nullptr;
    for (const auto* d : decisions) {
        if (!annotator.empty()) {
            if (d->annotator == annotator)
                return d;
            continue;
        }
        const bool adjudication = LabelStore::isAdjudication(*d);
        const bool chosenAdjudication = chosen && LabelStore::isAdjudication(*chosen);
        if (!chosen || (adjudication && !chosenAdjudication) ||
            (adjudication == chosenAdjudication && d->id > chosen->id))
            chosen = d;
    }
    return chosen;
}

class LabelRowWriter {
public:
    LabelRowWriter(const LabelExportOptions& options, LabelSetKind kind) : m_options(options), m_kind(kind) {}

    void header(std::string& out) const {
        if (m_options.format != ExportFormat::Csv)
            return;
        out += m_kind == LabelSetKind::SingleLabel ? "id,text,label" : "id,text,labels";
        if (m_kind == LabelSetKind::Span)
            out += ",spans,tokens,tags";
        out += ",annotator,status\n";
    }

    Status row(const Record& record, const Decision* decision, std::string& out) {
        const bool accepted = decision && decision->status == DecisionStatus::Accepted;
        const std::vector<std::string> noLabels;
        const std::vector<Span> noSpans;
        const auto& labels = accepted ? decision->labels : noLabels;
        const auto& spans = accepted ? decision->spans : noSpans;
        BioTagging bio;
        if (m_kind == LabelSetKind::Span) {
            auto tagged = spansToBio(record.text, spans);
            if (!tagged)
                return Error{tagged.error().code,
                             "record " + std::to_string(record.id) + ": " + tagged.error().message,
                             {}};
            bio = std::move(*tagged);
        }
        std::vector<std::string> tokens;
        for (const auto& token : bio.tokens)
            tokens.push_back(token.text);
        const std::string annotator = decision ? decision->annotator : "";
        const std::string status = decision ? decisionStatusName(decision->status) : "";

        if (m_options.format == ExportFormat::Jsonl) {
            nlohmann::ordered_json row;
            row["id"] = record.id;
            row["text"] = record.text;
            if (m_kind == LabelSetKind::SingleLabel)
                row["label"] =
                    labels.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(labels.front());
            else
                row["labels"] = labels;
            if (m_kind == LabelSetKind::Span) {
                row["spans"] = spansToJson(spans);
                row["tokens"] = tokens;
                row["tags"] = bio.tags;
            }
            row["annotator"] = annotator;
            row["status"] = status;
            out += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            out += '\n';
            return {};
        }
        appendCsvField(out, std::to_string(record.id));
        out += ',';
        appendCsvField(out, record.text);
        out += ',';
        appendCsvField(out, joined(labels, m_options.labelSeparator));
        if (m_kind == LabelSetKind::Span) {
            out += ',';
            appendCsvField(out, dumpJson(spansToJson(spans)));
            out += ',';
            appendCsvField(out, joined(tokens, " "));
            out += ',';
            appendCsvField(out, joined(bio.tags, " "));
        }
        out += ',';
        appendCsvField(out, annotator);
        out += ',';
        appendCsvField(out, status);
        out += '\n';
        return {};
    }

private:
    const LabelExportOptions& m_options;
    LabelSetKind m_kind;
};

} // namespace

Result<std::int64_t> exportLabels(Project& project, const LabelExportOptions& options,
                                  const CancelToken* cancel) {
    auto out = ReplacingFile::open(options.outPath);
    if (!out)
        return out.error();
    auto info = project.dataset(options.datasetName);
    if (!info)
        return info.error();
    LabelStore store(project);
    auto set = store.labelSetOf(info->id);
    if (!set)
        return set.error();
    LabelRowWriter writer(options, set->kind);

    std::string& buffer = (*out)->buffer();

    writer.header(buffer);
    std::int64_t rows = 0;
    std::optional<Error> failure;
    std::vector<Record> batch;
    // Decisions are read for a batch of records at a time: one query per record would dominate.
    auto writeBatch = [&]() -> bool {
        std::vector<RecordId> ids;
        for (const auto& r : batch)
            ids.push_back(r.id);
        auto decisions = store.currentDecisions(ids, set->id);
        if (!decisions) {
            failure = decisions.error();
            return false;
        }
        std::map<RecordId, std::vector<const Decision*>> byRecord;
        for (const auto& d : *decisions)
            byRecord[d.recordId].push_back(&d);
        for (const auto& record : batch) {
            const auto it = byRecord.find(record.id);
            const Decision* chosen =
                it == byRecord.end() ? nullptr : chooseDecision(it->second, options.annotator);
            if (!options.includeUnlabelled && (!chosen || chosen->status != DecisionStatus::Accepted))
                continue;
            if (auto ok = writer.row(record, chosen, buffer); !ok) {
                failure = ok.error();
                return false;
            }
            ++rows;
        }
        batch.clear();
        return (*out)->flushWhenFull();
    };
    bool cancelled = false;
    Status visited = project.forEachRecord(info->id, [&](const Record& record) {
        if (cancel && cancel->isCancelled()) {
            cancelled = true;
            return false;
        }
        batch.push_back(record);
        return batch.size() < kRecordsPerBatch || writeBatch();
    });
    if (visited && !batch.empty())
        writeBatch();
    if (cancelled)
        return Error{ErrorCode::Cancelled, "export cancelled", {options.outPath, 0, 0}};
    if (failure)
        return *failure;
    if (!visited)
        return visited.error();
    if (auto committed = (*out)->commit(); !committed)
        return committed.error();
    return rows;
}

} // namespace bankbench::core
