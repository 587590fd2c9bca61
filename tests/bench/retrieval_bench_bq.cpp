// BQ corpus question matching (issue 6, "Retrieval", Chinese): is sentence2 the same question as sentence1?
// Scorers: the retrieval scorer (BM25 of one sentence as a query against the other as a knowledge-base entry,
// divided by the query sentence's BM25 against itself, averaged over both directions) and the
// character-overlap baseline. Each threshold is tuned on dev and applied unchanged to test.
#include "retrieval_bench.h"

#include "chat/textsimilarity.h"
#include "io/importsource.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <unordered_map>

namespace bankbench::bench {
namespace {

using core::chat::KbEntryId;
using core::chat::KnowledgeBase;

struct Pair {
    std::string a, b;
    int label = 0;
};

std::vector<Pair> readPairs(const std::string& path) {
    core::ImportOptions options;
    options.path = path;
    auto settings = core::resolveSource(options);
    if (!settings) {
        std::cerr << settings.error().what() << '\n';
        std::exit(1);
    }
    auto rows = core::openRows(options, *settings);
    if (!rows) {
        std::cerr << rows.error().what() << '\n';
        std::exit(1);
    }
    std::vector<Pair> pairs;
    nlohmann::json fields;
    for (;;) {
        const auto status = (*rows)->next(fields);
        if (status == core::RowReader::Status::End)
            break;
        if (status != core::RowReader::Status::Row) {
            std::cerr << path << ':' << (*rows)->error().line << ": " << (*rows)->error().message << '\n';
            std::exit(1);
        }
        pairs.push_back({fields[0].get<std::string>(), fields[1].get<std::string>(),
                         std::stoi(fields[2].get<std::string>())});
    }
    return pairs;
}

// The threshold with the best accuracy on (score, label) pairs: midpoints between sorted scores.
std::pair<double, double> tuneThreshold(std::vector<std::pair<double, int>> scored) {
    std::sort(scored.begin(), scored.end());
    int positivesAbove = 0;
    for (const auto& s : scored)
        positivesAbove += s.second;
    int negativesBelow = 0;
    double bestAccuracy = static_cast<double>(positivesAbove) / scored.size(),
           bestThreshold = scored.front().first - 1;
    for (std::size_t i = 0; i < scored.size(); ++i) {
        // Threshold just above scored[i]: everything up to i predicted "different".
        if (scored[i].second)
            --positivesAbove;
        else
            ++negativesBelow;
        if (i + 1 < scored.size() && scored[i + 1].first == scored[i].first)
            continue;
        const double accuracy = static_cast<double>(positivesAbove + negativesBelow) / scored.size();
        if (accuracy > bestAccuracy) {
            bestAccuracy = accuracy;
            bestThreshold =
                i + 1 < scored.size() ? (scored[i].first + scored[i + 1].first) / 2 : scored[i].first + 1;
        }
    }
    return {bestThreshold, bestAccuracy};
}

double accuracyAt(const std::vector<std::pair<double, int>>& scored, double threshold) {
    int correct = 0;
    for (const auto& [score, label] : scored)
        correct += (score >= threshold) == (label == 1);
    return static_cast<double>(correct) / scored.size();
}

struct SplitScores {
    std::vector<std::pair<double, int>> retrieval, overlap;
    double seconds = 0;
};

SplitScores scoreSplit(const std::vector<Pair>& pairs, const std::string& projectPath) {
    core::chat::BotId bot = 0;
    auto project = freshProject(projectPath, bot);
    KnowledgeBase kb(*project, bot);
    std::unordered_map<std::string, KbEntryId> ids;
    project->database().exec("BEGIN");
    for (const auto& p : pairs) {
        for (const auto* s : {&p.a, &p.b}) {
            if (ids.count(*s))
                continue;
            auto id = kb.add(*s, *s);
            if (!id) { // a sentence that trims to one already added (AlreadyExists) is scored as 0
                if (id.error().code != core::ErrorCode::AlreadyExists) {
                    std::cerr << id.error().what() << '\n';
                    std::exit(1);
                }
                continue;
            }
            ids.emplace(*s, *id);
        }
    }
    project->database().exec("COMMIT");
    core::chat::KbSearchOptions options;
    options.answerWeight = 0; // the answer column repeats the question here
    options.questionWeight = 1;
    SplitScores out;
    const auto started = std::chrono::steady_clock::now();
    auto ratio = [&](const std::string& query, const std::string& other) {
        auto itQ = ids.find(query), itO = ids.find(other);
        if (itQ == ids.end() || itO == ids.end())
            return 0.0;
        auto hits = kb.scoreEntries(query, {itO->second, itQ->second}, options);
        if (!hits || hits->size() != 2 || (*hits)[1].bm25 <= 0)
            return 0.0;
        return (*hits)[0].bm25 / (*hits)[1].bm25;
    };
    for (const auto& p : pairs) {
        out.retrieval.push_back({(ratio(p.a, p.b) + ratio(p.b, p.a)) / 2, p.label});
        out.overlap.push_back({core::chat::characterOverlap(p.a, p.b), p.label});
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

} // namespace

nlohmann::json runBqBench(const std::string& bqDir, const std::string& workdir) {
    const auto dev = scoreSplit(readPairs(bqDir + "/dev.csv"), workdir + "/bq-dev.bbproj");
    const auto test = scoreSplit(readPairs(bqDir + "/test.csv"), workdir + "/bq-test.bbproj");
    nlohmann::json out;
    auto report = [&](const char* name, const std::vector<std::pair<double, int>>& d,
                      const std::vector<std::pair<double, int>>& t) {
        const auto [threshold, devAccuracy] = tuneThreshold(d);
        out[name] = {{"threshold", threshold},
                     {"dev_accuracy", devAccuracy},
                     {"test_accuracy", accuracyAt(t, threshold)}};
    };
    report("retrieval_bm25_ratio", dev.retrieval, test.retrieval);
    report("character_overlap", dev.overlap, test.overlap);
    out["pairs"] = {{"dev", dev.retrieval.size()}, {"test", test.retrieval.size()}};
    out["ms_per_pair_test"] = 1000 * test.seconds / test.retrieval.size();
    return out;
}

} // namespace bankbench::bench
