#include "ml/bertvocab.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

namespace {

/// The UTF-8 characters of a word.
std::vector<std::string> characters(const std::string& word) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < word.size();) {
        const auto byte = static_cast<unsigned char>(word[i]);
        const std::size_t length = byte < 0x80           ? 1
                                   : (byte >> 5) == 0x6  ? 2
                                   : (byte >> 4) == 0xE  ? 3
                                   : (byte >> 3) == 0x1E ? 4
                                                         : 1;
        out.push_back(word.substr(i, length));
        i += length;
    }
    return out;
}

std::string join(const std::string& left, const std::string& right) {
    return left + (right.rfind("##", 0) == 0 ? right.substr(2) : right);
}

} // namespace

core::Result<core::WordPieceTokenizer> trainWordPieceVocab(const std::vector<std::string>& texts,
                                                           const WordPieceTrainOptions& options,
                                                           const core::CancelToken* cancel) {
    const std::vector<std::string> specials = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    core::WordPieceOptions wordOptions;
    wordOptions.lowerCase = options.lowerCase;
    auto basic = core::WordPieceTokenizer::fromVocab(specials, wordOptions);
    if (!basic)
        return basic.error();

    std::unordered_map<std::string, std::int64_t> counts;
    for (const auto& text : texts) {
        if (cancel && cancel->isCancelled())
            return Error{ErrorCode::Cancelled, "cancelled while counting words", {}};
        for (auto& word : basic->basicTokenize(text))
            if (std::find(specials.begin(), specials.end(), word) == specials.end())
                ++counts[word];
    }
    if (counts.empty())
        return Error{ErrorCode::Empty, "no words in the texts to learn a vocabulary from", {}};
    // Most frequent words first; ties by spelling, so the result does not depend on hash order.
    std::vector<std::pair<std::string, std::int64_t>> words(counts.begin(), counts.end());
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (words.size() > options.maxWords)
        words.resize(options.maxWords);

    std::vector<std::string> vocab = specials;
    std::unordered_set<std::string> known(vocab.begin(), vocab.end());
    const auto add = [&](const std::string& token) {
        if (known.insert(token).second)
            vocab.push_back(token);
    };
    std::vector<std::vector<std::string>> pieces;
    std::vector<std::int64_t> weights;
    std::map<std::string, std::int64_t> alphabet; // sorted: a deterministic order of characters
    for (const auto& [word, count] : words) {
        auto chars = characters(word);
        for (std::size_t i = 1; i < chars.size(); ++i)
            chars[i] = "##" + chars[i];
        for (const auto& c : chars)
            alphabet[c] += count;
        pieces.push_back(std::move(chars));
        weights.push_back(count);
    }
    for (const auto& [c, count] : alphabet)
        add(c);

    while (static_cast<int>(vocab.size()) < options.vocabSize) {
        if (cancel && cancel->isCancelled())
            return Error{ErrorCode::Cancelled, "cancelled while learning the vocabulary", {}};
        std::map<std::pair<std::string, std::string>, std::int64_t> pairs;
        for (std::size_t w = 0; w < pieces.size(); ++w)
            for (std::size_t i = 0; i + 1 < pieces[w].size(); ++i)
                pairs[{pieces[w][i], pieces[w][i + 1]}] += weights[w];
        const std::pair<std::string, std::string>* best = nullptr;
        std::int64_t bestCount = 0;
        for (const auto& [pair, count] : pairs)
            if (count > bestCount) {
                best = &pair;
                bestCount = count;
            }
        if (!best || bestCount < options.minPairCount)
            break;
        const auto left = best->first, right = best->second;
        const auto merged = join(left, right);
        add(merged);
        for (auto& word : pieces) {
            if (word.size() < 2)
                continue;
            std::vector<std::string> next;
            next.reserve(word.size());
            for (std::size_t i = 0; i < word.size(); ++i) {
                if (i + 1 < word.size() && word[i] == left && word[i + 1] == right) {
                    next.push_back(merged);
                    ++i;
                } else {
                    next.push_back(word[i]);
                }
            }
            word = std::move(next);
        }
    }
    return core::WordPieceTokenizer::fromVocab(std::move(vocab), wordOptions);
}

} // namespace bankbench::ml
