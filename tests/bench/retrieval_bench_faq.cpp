// Bank FAQ retrieval (issue 6, "Retrieval"): every FAQ question against its own entry, and 100 written
// paraphrases (dev/test halves). Settings are chosen on dev only; test figures are reported beside them.
#include "retrieval_bench.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace bankbench::bench {
namespace {

using core::chat::KbSearchOptions;
using core::chat::KnowledgeBase;

struct Paraphrase {
    std::string text, target, split;
};

struct Score {
    int n = 0, hit1 = 0, hit5 = 0;
    double seconds = 0;
    nlohmann::json json() const {
        return {{"n", n},
                {"hit1", n ? static_cast<double>(hit1) / n : 0.0},
                {"hit5", n ? static_cast<double>(hit5) / n : 0.0},
                {"ms_per_query", n ? 1000.0 * seconds / n : 0.0}};
    }
    double key() const { return hit1 + hit5 / 1000.0; }
};

std::vector<Paraphrase> readParaphrases(const std::string& path) {
    std::vector<Paraphrase> out;
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot read " << path << '\n';
        std::exit(1);
    }
    int line = 0;
    for (std::string text; std::getline(in, text);) {
        ++line;
        if (text.empty())
            continue;
        const auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.contains("paraphrase") || !j.contains("target")) {
            std::cerr << path << ':' << line << ": expected {\"paraphrase\", \"target\", \"split\"}\n";
            std::exit(1);
        }
        out.push_back({j["paraphrase"], j["target"], j.value("split", "test")});
    }
    return out;
}

// The answers of each FAQ question: a hit is the right answer, whichever entry carries it (the FAQ repeats
// some answers under near-identical questions).
using AnswerMap = std::map<std::string, std::set<std::string>>;

std::map<std::string, Score> evaluate(KnowledgeBase& kb, const std::vector<Paraphrase>& set,
                                      const AnswerMap& answers, const KbSearchOptions& options,
                                      std::vector<std::string>* misses = nullptr) {
    std::map<std::string, Score> scores;
    for (const auto& p : set) {
        const auto started = std::chrono::steady_clock::now();
        auto hits = kb.search(p.text, options);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!hits) {
            std::cerr << hits.error().what() << '\n';
            std::exit(1);
        }
        const auto& right = answers.at(p.target);
        const bool at1 = !hits->empty() && right.count(hits->front().answer);
        const bool at5 =
            std::any_of(hits->begin(), hits->end(), [&](const auto& h) { return right.count(h.answer) > 0; });
        for (const std::string& split : {p.split, std::string("all")}) {
            auto& s = scores[split];
            ++s.n;
            s.hit1 += at1;
            s.hit5 += at5;
            s.seconds += seconds;
        }
        if (misses && !at1)
            misses->push_back("[" + p.split + "] " + p.text + "  ->  " +
                              (hits->empty() ? std::string("(nothing)") : hits->front().question));
    }
    return scores;
}

nlohmann::json toJson(const std::map<std::string, Score>& scores) {
    nlohmann::json j;
    for (const auto& [split, s] : scores)
        j[split] = s.json();
    return j;
}

} // namespace

nlohmann::json runFaqBench(const std::string& faqCsv, const std::string& paraphrasesPath,
                           const std::string& workdir, const core::chat::Embedder& embedder) {
    core::chat::BotId bot = 0;
    auto project = freshProject(workdir + "/faq.bbproj", bot);
    KnowledgeBase kb(*project, bot);
    core::chat::KbImportOptions import;
    import.path = faqCsv;
    auto report = kb.importFile(import);
    if (!report) {
        std::cerr << report.error().what() << '\n';
        std::exit(1);
    }
    nlohmann::json out;
    out["entries"] = report->added;
    out["duplicates_removed"] = report->duplicatesInFile;
    const auto paraphrases = readParaphrases(paraphrasesPath);
    const auto entries = kb.entries().value();
    AnswerMap answers;
    for (const auto& e : entries)
        answers[e.question].insert(e.answer);
    for (const auto& p : paraphrases) {
        if (!answers.count(p.target)) {
            std::cerr << paraphrasesPath << ": target not in the FAQ: " << p.target << '\n';
            std::exit(1);
        }
    }

    // Grid over normalisation and column weights, chosen by dev hit@1 (then hit@5).
    struct Norm {
        const char* name;
        core::chat::QueryOptions query;
    };
    const Norm norms[] = {{"plain", {false, false, true, 0}},
                          {"stem", {true, false, true, 0}},
                          {"stem+truncate6", {true, false, true, 6}},
                          {"stem+truncate6+synonyms", {true, true, true, 6}}};
    nlohmann::json grid = nlohmann::json::array();
    KbSearchOptions best;
    std::string bestName;
    double bestKey = -1;
    for (const auto& norm : norms) {
        for (double qw : {2.0, 4.0, 8.0}) {
            for (double aw : {1.0, 0.5}) {
                for (double mw : {0.25, 0.5, 0.75}) {
                    KbSearchOptions options;
                    options.typeWeight = 0;
                    options.query = norm.query;
                    options.questionWeight = qw;
                    options.answerWeight = aw;
                    options.matchWeight = mw;
                    const auto scores = evaluate(kb, paraphrases, answers, options);
                    grid.push_back({{"normalisation", norm.name},
                                    {"question_weight", qw},
                                    {"answer_weight", aw},
                                    {"match_weight", mw},
                                    {"scores", toJson(scores)}});
                    if (scores.at("dev").key() > bestKey) {
                        bestKey = scores.at("dev").key();
                        best = options;
                        bestName = std::string(norm.name) + " question_weight=" + std::to_string(qw) +
                                   " answer_weight=" + std::to_string(aw) +
                                   " match_weight=" + std::to_string(mw);
                    }
                }
            }
        }
    }
    out["bm25_grid"] = grid;
    // Second stage on the best of the first: the weight of agreeing question kinds.
    nlohmann::json typeGrid = nlohmann::json::array();
    const KbSearchOptions stageOne = best;
    for (double tw : {0.05, 0.1, 0.2}) {
        KbSearchOptions options = stageOne;
        options.typeWeight = std::min(tw, 1.0 - options.matchWeight);
        const auto scores = evaluate(kb, paraphrases, answers, options);
        typeGrid.push_back({{"type_weight", options.typeWeight}, {"scores", toJson(scores)}});
        if (scores.at("dev").key() > bestKey) {
            bestKey = scores.at("dev").key();
            best = options;
        }
    }
    out["type_grid"] = typeGrid;
    bestName += " type_weight=" + std::to_string(best.typeWeight);
    // Third stage: the weight of the answer's coverage of the query (0 keeps the second stage's best).
    nlohmann::json answerGrid = nlohmann::json::array();
    const KbSearchOptions stageTwo = best;
    for (double aw : {0.05, 0.1, 0.15, 0.2}) {
        KbSearchOptions options = stageTwo;
        options.answerMatchWeight = std::min(aw, 1.0 - options.matchWeight - options.typeWeight);
        const auto scores = evaluate(kb, paraphrases, answers, options);
        answerGrid.push_back(
            {{"answer_match_weight", options.answerMatchWeight}, {"scores", toJson(scores)}});
        if (scores.at("dev").key() > bestKey) {
            bestKey = scores.at("dev").key();
            best = options;
        }
    }
    out["answer_grid"] = answerGrid;
    bestName += " answer_match_weight=" + std::to_string(best.answerMatchWeight);
    KbSearchOptions baseline;
    baseline.query = {false, false, true};
    baseline.questionWeight = baseline.answerWeight = 1.0;
    baseline.matchWeight = 0;
    baseline.typeWeight = 0;
    out["bm25_baseline"] = toJson(evaluate(kb, paraphrases, answers, baseline)); // plain BM25, equal weights
    out["library_defaults"] = toJson(evaluate(kb, paraphrases, answers, KbSearchOptions{}));
    std::vector<std::string> misses;
    out["bm25_best"] = {{"setting", bestName},
                        {"scores", toJson(evaluate(kb, paraphrases, answers, best, &misses))}};
    out["bm25_best"]["misses"] = misses;

    // Every FAQ question against the deduplicated knowledge base, with the chosen lexical setting. Its own
    // entry is the goal; "right answer" also accepts another entry with the same answer text.
    int rightAnswer1 = 0, own1 = 0, own5 = 0, unique = 0, uniqueOwn1 = 0;
    double seconds = 0;
    for (const auto& e : entries) {
        const auto started = std::chrono::steady_clock::now();
        auto hits = kb.search(e.question, best).value();
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        rightAnswer1 += !hits.empty() && hits.front().answer == e.answer;
        own1 += !hits.empty() && hits.front().id == e.id;
        own5 += std::any_of(hits.begin(), hits.end(), [&](const auto& h) { return h.id == e.id; });
        if (answers.at(e.question).size() == 1) { // questions that the FAQ answers only once
            ++unique;
            uniqueOwn1 += !hits.empty() && hits.front().id == e.id;
        }
    }
    const double n = static_cast<double>(entries.size());
    out["self_retrieval"] = {{"n", entries.size()},
                             {"hit1_right_answer", rightAnswer1 / n},
                             {"hit1_own_entry", own1 / n},
                             {"hit5_own_entry", own5 / n},
                             {"unique_question_entries", unique},
                             {"hit1_own_entry_unique_questions", static_cast<double>(uniqueOwn1) / unique},
                             {"ms_per_query", 1000 * seconds / n}};

    if (embedder) {
        nlohmann::json weights = nlohmann::json::array();
        KbSearchOptions bestRerank = best;
        double bestRerankKey = -1;
        for (double w : {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            KbSearchOptions options = best;
            options.embedder = embedder;
            options.embeddingWeight = w;
            const auto scores = evaluate(kb, paraphrases, answers, options);
            weights.push_back({{"embedding_weight", w}, {"scores", toJson(scores)}});
            if (scores.at("dev").key() > bestRerankKey) {
                bestRerankKey = scores.at("dev").key();
                bestRerank = options;
            }
        }
        out["rerank_grid"] = weights;
        misses.clear();
        out["rerank_best"] = {{"embedding_weight", bestRerank.embeddingWeight},
                              {"scores", toJson(evaluate(kb, paraphrases, answers, bestRerank, &misses))}};
        out["rerank_best"]["misses"] = misses;
    }
    return out;
}

} // namespace bankbench::bench
