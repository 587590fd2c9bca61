#include "ml/spantags.h"

#include "labeling/spans.h"
#include "text/utf8.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

core::Result<TagSet> TagSet::fromTypes(std::vector<std::string> types) {
    if (types.empty())
        return Error{ErrorCode::InvalidArgument, "a span tag set needs at least one span type", {}};
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (types[i].empty())
            return Error{ErrorCode::InvalidArgument, "span type " + std::to_string(i) + " has no name", {}};
        if (std::find(types.begin(), types.begin() + static_cast<long>(i), types[i]) !=
            types.begin() + static_cast<long>(i))
            return Error{ErrorCode::InvalidArgument, "span type \"" + types[i] + "\" appears twice", {}};
    }
    TagSet set;
    set.m_types = std::move(types);
    return set;
}

std::vector<std::string> TagSet::tagNames() const {
    std::vector<std::string> names{"O"};
    for (const auto& type : m_types) {
        names.push_back("B-" + type);
        names.push_back("I-" + type);
    }
    return names;
}

std::int64_t TagSet::typeIndex(std::string_view type) const {
    const auto found = std::find(m_types.begin(), m_types.end(), type);
    return found == m_types.end() ? -1 : static_cast<std::int64_t>(found - m_types.begin());
}

TokenAlignment alignTokens(const core::WordPieceTokenizer& tokenizer, std::string_view text,
                           std::int64_t maxLength) {
    // Code point index of every byte offset (offsets inside a character map to that character).
    std::vector<std::int64_t> pointAt(text.size() + 1, 0);
    std::int64_t points = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto start = pos;
        core::utf8::next(text, pos);
        for (auto b = start; b < pos && b < text.size(); ++b)
            pointAt[b] = points;
        ++points;
    }
    pointAt[text.size()] = points;

    auto pieces = tokenizer.pieces(text);
    const auto room = static_cast<std::size_t>(std::max<std::int64_t>(maxLength - 2, 0));
    TokenAlignment out;
    if (pieces.size() > room) {
        out.truncated = true;
        // Never keep half a word: its range would be wrong and its tag meaningless.
        std::size_t keep = room;
        while (keep > 0 && keep < pieces.size() && pieces[keep].token.rfind("##", 0) == 0 &&
               pieces[keep - 1].end == pieces[keep].begin)
            --keep;
        pieces.resize(keep);
    }
    out.ids.push_back(tokenizer.clsId());
    out.word.push_back(-1);
    out.firstPiece.push_back(false);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const auto& piece = pieces[i];
        const bool continuation =
            i > 0 && piece.token.rfind("##", 0) == 0 && pieces[i - 1].end == piece.begin;
        if (!continuation) {
            out.wordBegin.push_back(pointAt[std::min(piece.begin, text.size())]);
            out.wordByteBegin.push_back(piece.begin);
            out.wordEnd.push_back(0);
            out.wordByteEnd.push_back(0);
        }
        out.wordEnd.back() = pointAt[std::min(piece.end, text.size())];
        out.wordByteEnd.back() = piece.end;
        out.ids.push_back(piece.id);
        out.word.push_back(static_cast<std::int64_t>(out.wordBegin.size()) - 1);
        out.firstPiece.push_back(!continuation);
    }
    out.ids.push_back(tokenizer.sepId());
    out.word.push_back(-1);
    out.firstPiece.push_back(false);
    return out;
}

core::Result<BioConversion> spansToTokenTags(std::string_view text, const TokenAlignment& alignment,
                                             const std::vector<core::Span>& spans, const TagSet& tags) {
    if (auto status = core::validateSpans(text, spans); !status)
        return Error{
            ErrorCode::InvalidArgument, "cannot convert spans to BIO tags: " + status.error().message, {}};
    for (const auto& span : spans)
        if (tags.typeIndex(span.label) < 0)
            return Error{ErrorCode::InvalidArgument,
                         "cannot convert spans to BIO tags: span [" + std::to_string(span.start) + ", " +
                             std::to_string(span.end) + ") has type \"" + span.label +
                             "\", which is not a label of the span label set",
                         {}};
    const auto words = alignment.wordBegin.size();
    std::vector<std::int64_t> wordTag(words, 0);
    BioConversion out;
    for (const auto& span : core::normalizedSpans(spans)) {
        const auto type = tags.typeIndex(span.label);
        bool first = true;
        std::int64_t covered = 0;
        for (std::size_t w = 0; w < words; ++w) {
            if (alignment.wordBegin[w] >= span.end || alignment.wordEnd[w] <= span.start)
                continue;
            if (wordTag[w] != 0)
                continue; // an earlier span was widened over this word
            if (alignment.wordBegin[w] < span.start || alignment.wordEnd[w] > span.end)
                ++out.widened; // counted once per word edge; a span rarely has both
            wordTag[w] = first ? 1 + 2 * type : 2 + 2 * type;
            first = false;
            ++covered;
        }
        const bool pastEnd = alignment.truncated && (words == 0 || span.end > alignment.wordEnd[words - 1]);
        if (pastEnd)
            ++out.truncated;
        else if (covered == 0)
            ++out.dropped;
    }
    out.tags.reserve(alignment.ids.size());
    for (std::size_t t = 0; t < alignment.ids.size(); ++t)
        out.tags.push_back(alignment.firstPiece[t] ? wordTag[static_cast<std::size_t>(alignment.word[t])]
                                                   : kIgnoreTag);
    return out;
}

std::vector<PredictedSpan> tagsToSpans(std::string_view text, const TokenAlignment& alignment,
                                       const std::vector<std::int64_t>& wordTags,
                                       const std::vector<float>& wordProbabilities, const TagSet& tags) {
    std::vector<PredictedSpan> out;
    std::int64_t openType = -1;
    std::size_t firstWord = 0, lastWord = 0;
    double probabilitySum = 0;
    const auto close = [&] {
        if (openType < 0)
            return;
        PredictedSpan span;
        span.type = tags.types()[static_cast<std::size_t>(openType)];
        span.start = alignment.wordBegin[firstWord];
        span.end = alignment.wordEnd[lastWord];
        span.byteBegin = alignment.wordByteBegin[firstWord];
        span.byteEnd = alignment.wordByteEnd[lastWord];
        span.text = std::string(text.substr(span.byteBegin, span.byteEnd - span.byteBegin));
        span.confidence = probabilitySum / static_cast<double>(lastWord - firstWord + 1);
        out.push_back(std::move(span));
        openType = -1;
    };
    const auto words = std::min(wordTags.size(), alignment.wordBegin.size());
    for (std::size_t w = 0; w < words; ++w) {
        const auto tag = wordTags[w];
        const double probability = w < wordProbabilities.size() ? wordProbabilities[w] : 0.0;
        if (tag <= 0 || tag >= tags.size()) {
            close();
            continue;
        }
        const auto type = (tag - 1) / 2;
        const bool begin = (tag - 1) % 2 == 0;
        if (begin || openType != type) {
            close();
            openType = type;
            firstWord = w;
            probabilitySum = 0;
        }
        lastWord = w;
        probabilitySum += probability;
    }
    close();
    return out;
}

core::Result<std::vector<core::Span>> trimmedSpans(std::string_view text,
                                                   const std::vector<core::Span>& spans) {
    // Through the core BIO round trip, which drops whitespace at span edges and nothing else.
    auto bio = core::spansToBio(text, spans);
    if (!bio)
        return bio.error();
    auto back = core::spansFromBio(bio->tokens, bio->tags);
    if (!back)
        return back.error();
    return core::normalizedSpans(std::move(*back));
}

SpanScores spanScores(const std::vector<std::vector<core::Span>>& gold,
                      const std::vector<std::vector<core::Span>>& predicted,
                      const std::vector<std::string>& types) {
    struct Counts {
        std::int64_t gold = 0, predicted = 0, correct = 0;
    };
    std::vector<std::string> order = types;
    std::map<std::string, Counts> counts;
    const auto count = [&](const std::string& type) -> Counts& {
        if (std::find(order.begin(), order.end(), type) == order.end())
            order.push_back(type);
        return counts[type];
    };
    SpanScores scores;
    const auto texts = std::max(gold.size(), predicted.size());
    scores.texts = static_cast<std::int64_t>(texts);
    for (std::size_t i = 0; i < texts; ++i) {
        using Key = std::tuple<std::string, std::int64_t, std::int64_t>;
        std::set<Key> goldKeys, predictedKeys;
        if (i < gold.size())
            for (const auto& s : gold[i])
                goldKeys.insert({s.label, s.start, s.end});
        if (i < predicted.size())
            for (const auto& s : predicted[i])
                predictedKeys.insert({s.label, s.start, s.end});
        for (const auto& key : goldKeys) {
            auto& c = count(std::get<0>(key));
            ++c.gold;
            if (predictedKeys.count(key))
                ++c.correct;
        }
        for (const auto& key : predictedKeys)
            ++count(std::get<0>(key)).predicted;
    }
    const auto ratio = [](std::int64_t a, std::int64_t b) {
        return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
    };
    const auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
    double macroSum = 0;
    int macroTypes = 0;
    for (const auto& type : order) {
        const auto c = counts.count(type) ? counts[type] : Counts{};
        SpanTypeScore s;
        s.type = type;
        s.support = c.gold;
        s.predicted = c.predicted;
        s.correct = c.correct;
        s.precision = ratio(c.correct, c.predicted);
        s.recall = ratio(c.correct, c.gold);
        s.f1 = f1(s.precision, s.recall);
        if (c.gold > 0 || c.predicted > 0) {
            macroSum += s.f1;
            ++macroTypes;
        }
        scores.gold += c.gold;
        scores.predicted += c.predicted;
        scores.correct += c.correct;
        scores.perType.push_back(std::move(s));
    }
    scores.microPrecision = ratio(scores.correct, scores.predicted);
    scores.microRecall = ratio(scores.correct, scores.gold);
    scores.microF1 = f1(scores.microPrecision, scores.microRecall);
    scores.macroF1 = macroTypes > 0 ? macroSum / macroTypes : 0.0;
    return scores;
}

nlohmann::json toJson(const SpanScores& scores) {
    auto perType = nlohmann::json::array();
    for (const auto& s : scores.perType)
        perType.push_back({{"type", s.type},
                           {"precision", s.precision},
                           {"recall", s.recall},
                           {"f1", s.f1},
                           {"support", s.support},
                           {"predicted", s.predicted},
                           {"correct", s.correct}});
    return {{"task", "tokens"},
            {"samples", scores.texts},
            {"micro_precision", scores.microPrecision},
            {"micro_recall", scores.microRecall},
            {"micro_f1", scores.microF1},
            {"macro_f1", scores.macroF1},
            {"gold_spans", scores.gold},
            {"predicted_spans", scores.predicted},
            {"correct_spans", scores.correct},
            {"per_type", perType}};
}

} // namespace bankbench::ml
