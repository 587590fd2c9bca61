// LabelStore: progress counts, labelling speed and the review queue of disagreements.
#include "store/labelrows.h"
#include "store/datasetrange.h"
#include "store/labelstore.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace bankbench::core {

using labelrows::databaseError;

namespace {

// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS(.mmm)Z"; nullopt when it does not parse.
std::optional<double> parseIso8601(const std::string& text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    double second = 0;
    if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%lf", &year, &month, &day, &hour, &minute, &second) != 6)
        return std::nullopt;
    // Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long long days = static_cast<long long>(era) * 146097 + doe - 719468;
    return static_cast<double>(days) * 86400.0 + hour * 3600.0 + minute * 60.0 + second;
}

bool sameAnswer(const Decision& a, const Decision& b) {
    if (a.status != b.status || a.spans != b.spans)
        return false;
    auto x = a.labels;
    auto y = b.labels;
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

} // namespace

Result<LabelProgress> LabelStore::progress(DatasetId dataset, const std::optional<std::string>& annotator) {
    try {
        auto info = m_project.dataset(dataset);
        if (!info)
            return info.error();
        LabelProgress out;
        out.total = info->rowCount;
        if (!info->labelSetId)
            return out;
        auto& db = m_project.database();
        const std::string byAnnotator = annotator ? " AND a.annotator = ?3" : "";
        // Per record, the best status among current decisions: accepted, else unclear, else skipped. One pass
        // over the set's current rows; measured faster than probing each record, above all per annotator.
        auto states = db.prepare("SELECT s, COUNT(*) FROM (SELECT MIN(CASE a.status WHEN 'accepted' THEN 0 "
                                 "WHEN 'unclear' THEN 1 ELSE 2 END) AS s "
                                 "FROM annotations a WHERE "
                                 "a.label_set_id = ?1 AND a.is_current = 1 "
                                 "AND " + annotationsOfDataset("a", "?2") +
                                 byAnnotator + " GROUP BY a.record_id) GROUP BY s");
        states.bind(1, *info->labelSetId).bind(2, dataset);
        if (annotator)
            states.bind(3, *annotator);
        while (states.step()) {
            const auto count = states.columnInt(1);
            switch (states.columnInt(0)) {
            case 0:
                out.labelled = count;
                break;
            case 1:
                out.unclear = count;
                break;
            default:
                out.skipped = count;
                break;
            }
        }
        auto counts = db.prepare(
            // One grouped pass over the dataset's annotations: there is no index by label to probe.
            "SELECT l.id, l.name, COALESCE(c.n, 0) FROM labels l LEFT JOIN (SELECT a.label_id, "
            "COUNT(DISTINCT a.record_id) AS n FROM annotations a "
            "WHERE a.label_set_id = ?1 AND a.is_current = 1 AND a.status = 'accepted' AND " +
            annotationsOfDataset("a", "?2") + byAnnotator +
            " GROUP BY a.label_id) c ON c.label_id = l.id WHERE l.label_set_id = ?1 ORDER BY l.position, l.id");
        counts.bind(1, *info->labelSetId).bind(2, dataset);
        if (annotator)
            counts.bind(3, *annotator);
        while (counts.step())
            out.labels.push_back({counts.columnInt(0), counts.columnText(1), counts.columnInt(2)});
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<std::string>> LabelStore::annotators(DatasetId dataset) {
    try {
        std::vector<std::string> out;
        auto stmt = m_project.database().prepare(
            "SELECT DISTINCT a.annotator FROM annotations a JOIN datasets d ON d.id = ?1 WHERE " +
            annotationsOfDataset("a", "d.id") + " AND a.label_set_id = d.label_set_id "
            "AND a.is_current = 1 ORDER BY a.annotator");
        stmt.bind(1, dataset);
        while (stmt.step())
            out.push_back(stmt.columnText(0));
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<AnnotatorProgress>> LabelStore::annotatorProgress(DatasetId dataset) {
    try {
        auto info = m_project.dataset(dataset);
        if (!info)
            return info.error();
        std::vector<AnnotatorProgress> out;
        if (!info->labelSetId)
            return out;
        auto& db = m_project.database();
        // Two passes over the set's current rows for all annotators, rather than two per annotator.
        std::map<std::string, LabelProgress> byName;
        auto states = db.prepare(
            "SELECT annotator, s, COUNT(*) FROM (SELECT a.annotator, MIN(CASE a.status WHEN 'accepted' THEN "
            "0 "
            "WHEN 'unclear' THEN 1 ELSE 2 END) AS s FROM annotations a "
            "WHERE a.label_set_id = ?1 AND a.is_current = 1 AND " + annotationsOfDataset("a", "?2") + " GROUP BY a.annotator, "
            "a.record_id) "
            "GROUP BY annotator, s");
        states.bind(1, *info->labelSetId).bind(2, dataset);
        while (states.step()) {
            auto& p = byName[states.columnText(0)];
            const auto count = states.columnInt(2);
            switch (states.columnInt(1)) {
            case 0:
                p.labelled = count;
                break;
            case 1:
                p.unclear = count;
                break;
            default:
                p.skipped = count;
                break;
            }
        }
        std::map<std::pair<std::string, LabelId>, std::int64_t> counts;
        auto perLabel = db.prepare(
            "SELECT a.annotator, a.label_id, COUNT(DISTINCT a.record_id) FROM annotations a "
            "WHERE a.label_set_id = ?1 AND a.is_current = 1 AND a.status = 'accepted' "
            "AND a.label_id IS NOT NULL AND " + annotationsOfDataset("a", "?2") + " GROUP BY a.annotator, a.label_id");
        perLabel.bind(1, *info->labelSetId).bind(2, dataset);
        while (perLabel.step())
            counts[{perLabel.columnText(0), perLabel.columnInt(1)}] = perLabel.columnInt(2);
        auto labelList = labels(*info->labelSetId);
        if (!labelList)
            return labelList.error();
        for (auto& [name, p] : byName) {
            p.total = info->rowCount;
            for (const auto& l : *labelList) {
                const auto it = counts.find({name, l.id});
                p.labels.push_back({l.id, l.name, it == counts.end() ? 0 : it->second});
            }
            out.push_back({name, std::move(p)});
        }
        return out;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<LabelRate> LabelStore::labelRate(const std::string& annotator, LabelSetId labelSet,
                                        double idleGapSeconds) {
    try {
        std::vector<double> times;
        auto stmt = m_project.database().prepare("SELECT created_at FROM annotations WHERE label_set_id = ?1 "
                                                 "AND annotator = ?2 AND decision IS NULL "
                                                 "AND is_current <> -1 ORDER BY id");
        stmt.bind(1, labelSet).bind(2, annotator);
        while (stmt.step())
            if (auto t = parseIso8601(stmt.columnText(0)))
                times.push_back(*t);
        LabelRate rate;
        rate.decisions = static_cast<std::int64_t>(times.size());
        std::sort(times.begin(), times.end());
        std::vector<double> gaps;
        int stretches = times.empty() ? 0 : 1;
        for (std::size_t i = 1; i < times.size(); ++i) {
            const double gap = times[i] - times[i - 1];
            if (gap <= idleGapSeconds)
                gaps.push_back(gap);
            else
                ++stretches;
        }
        if (gaps.empty())
            return rate; // one decision per stretch: no pace to measure
        double active = 0;
        for (const double g : gaps)
            active += g;
        std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                         gaps.end());
        const double typical = std::max(1.0, gaps[gaps.size() / 2]);
        rate.activeSeconds = active + stretches * typical;
        rate.perHour = static_cast<double>(rate.decisions) * 3600.0 / rate.activeSeconds;
        return rate;
    } catch (const DatabaseError& e) {
        return databaseError(e, m_project.path());
    }
}

Result<std::vector<Disagreement>> LabelStore::disagreements(DatasetId dataset, bool includeAdjudicated) {
    auto decisions = currentDecisionsInDataset(dataset, 2);
    if (!decisions)
        return decisions.error();
    std::vector<Disagreement> out;
    auto& all = *decisions;
    for (std::size_t i = 0; i < all.size();) {
        std::size_t end = i;
        while (end < all.size() && all[end].recordId == all[i].recordId)
            ++end;
        Disagreement d;
        d.recordId = all[i].recordId;
        for (std::size_t k = i; k < end; ++k) {
            if (isAdjudication(all[k])) {
                if (!d.adjudication || d.adjudication->id < all[k].id)
                    d.adjudication = all[k];
            } else {
                d.decisions.push_back(all[k]);
            }
        }
        i = end;
        if (d.decisions.size() < 2 || (d.adjudication && !includeAdjudicated))
            continue;
        const bool differ = std::any_of(d.decisions.begin() + 1, d.decisions.end(), [&](const Decision& x) {
            return !sameAnswer(x, d.decisions.front());
        });
        if (differ)
            out.push_back(std::move(d));
    }
    return out;
}

} // namespace bankbench::core
