#include "text/textaugment.h"

#include "text/utf8.h"
#include "util/seededrandom.h"
#include "util/strings.h"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace bankbench::core {

namespace {

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x3000 ||
           c == 0xA0;
}

bool isCjkWord(const std::string& word) {
    std::size_t pos = 0;
    const char32_t c = utf8::next(word, pos);
    return pos == word.size() && utf8::isCjk(c);
}

} // namespace

std::vector<std::string> augmentationWords(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = utf8::next(text, pos);
        if (isSpace(c) || utf8::isCjk(c)) {
            if (!current.empty())
                words.push_back(std::move(current));
            current.clear();
            if (!isSpace(c))
                words.emplace_back(text.substr(start, pos - start));
            continue;
        }
        current.append(text.substr(start, pos - start));
    }
    if (!current.empty())
        words.push_back(std::move(current));
    return words;
}

std::string joinAugmentationWords(const std::vector<std::string>& words) {
    std::string out;
    bool previousCjk = true;
    for (const auto& word : words) {
        const bool cjk = isCjkWord(word);
        if (!out.empty() && !cjk && !previousCjk)
            out += ' ';
        out += word;
        previousCjk = cjk;
    }
    return out;
}

Result<std::vector<std::vector<std::string>>> readSynonymFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{ErrorCode::NotFound, "cannot open the synonym list", {path, 0, 0}};
    std::vector<std::vector<std::string>> groups;
    std::string line;
    int lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (lineNumber == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        if (!utf8::isValid(line))
            return Error{ErrorCode::InvalidArgument, "the synonym list must be UTF-8", {path, lineNumber, 0}};
        const std::string trimmed(trimWhitespace(line));
        if (trimmed.empty() || trimmed[0] == '#')
            continue;
        std::vector<std::string> group;
        std::string member;
        const auto flush = [&] {
            std::string word(trimWhitespace(member));
            member.clear();
            if (!word.empty() && std::find(group.begin(), group.end(), word) == group.end())
                group.push_back(std::move(word));
        };
        std::size_t pos = 0;
        while (pos < trimmed.size()) {
            const std::size_t start = pos;
            const char32_t c = utf8::next(trimmed, pos);
            if (c == U',' || c == U'，' || c == U';' || c == U'；' || c == U'\t' || c == U'、')
                flush();
            else
                member.append(trimmed, start, pos - start);
        }
        flush();
        if (group.size() < 2)
            return Error{
                ErrorCode::InvalidArgument,
                "a synonym group needs at least two different words or phrases separated by commas, got \"" +
                    trimmed + "\"",
                {path, lineNumber, 1}};
        groups.push_back(std::move(group));
    }
    return groups;
}

TextAugmenter::TextAugmenter(const AugmentOptions& options) : m_options(options) {
    for (std::size_t g = 0; g < options.synonyms.size(); ++g) {
        std::vector<std::vector<std::string>> members;
        for (const auto& member : options.synonyms[g]) {
            auto words = augmentationWords(member);
            if (words.empty())
                continue;
            Phrase phrase{{}, g, members.size()};
            for (const auto& word : words)
                phrase.words.push_back(lowerAscii(word));
            m_phrases.push_back(std::move(phrase));
            members.push_back(std::move(words));
        }
        m_groups.push_back(std::move(members));
    }
    std::stable_sort(m_phrases.begin(), m_phrases.end(),
                     [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
    for (std::size_t p = 0; p < m_phrases.size(); ++p)
        m_phrasesByFirstWord[m_phrases[p].words.front()].push_back(p);
}

std::string TextAugmenter::augment(std::string_view text, std::uint64_t seed) const {
    auto words = augmentationWords(text);
    if (words.empty())
        return std::string(text);
    SeededRandom random(seed);

    if (m_options.synonymProbability > 0 && !m_phrases.empty()) {
        std::vector<std::string> lowered;
        lowered.reserve(words.size());
        for (const auto& word : words)
            lowered.push_back(lowerAscii(word));
        std::vector<std::string> replaced;
        for (std::size_t i = 0; i < words.size();) {
            const Phrase* match = nullptr;
            if (const auto candidates = m_phrasesByFirstWord.find(lowered[i]);
                candidates != m_phrasesByFirstWord.end())
                for (const std::size_t p : candidates->second) {
                    const auto& phrase = m_phrases[p];
                    if (i + phrase.words.size() <= words.size() &&
                        std::equal(phrase.words.begin(), phrase.words.end(),
                                   lowered.begin() + static_cast<long>(i))) {
                        match = &phrase;
                        break;
                    }
                }
            if (!match) {
                replaced.push_back(words[i++]);
                continue;
            }
            const auto& members = m_groups[match->group];
            if (members.size() > 1 && random.chance(m_options.synonymProbability)) {
                // Another member of the group than the one matched.
                auto pick = static_cast<std::size_t>(random.below(members.size() - 1));
                if (pick >= match->member)
                    ++pick;
                replaced.insert(replaced.end(), members[pick].begin(), members[pick].end());
            } else {
                replaced.insert(replaced.end(), words.begin() + static_cast<long>(i),
                                words.begin() + static_cast<long>(i + match->words.size()));
            }
            i += match->words.size();
        }
        words = std::move(replaced);
    }

    if (m_options.deleteProbability > 0 && words.size() > 1) {
        std::vector<std::string> kept;
        for (auto& word : words)
            if (!random.chance(m_options.deleteProbability))
                kept.push_back(std::move(word));
        if (kept.empty()) // every word drawn for deletion: keep one of them
            kept.push_back(words[random.below(words.size())]);
        words = std::move(kept);
    }

    if (m_options.swapProbability > 0 && words.size() > 1) {
        const double expected = m_options.swapProbability * static_cast<double>(words.size());
        auto swaps = static_cast<std::size_t>(expected);
        if (random.chance(expected - static_cast<double>(swaps)))
            ++swaps;
        for (std::size_t s = 0; s < swaps; ++s) {
            const auto a = static_cast<std::size_t>(random.below(words.size()));
            auto b = static_cast<std::size_t>(random.below(words.size()));
            if (a == b)
                b = (b + 1) % words.size();
            std::swap(words[a], words[b]);
        }
    }
    return joinAugmentationWords(words);
}

} // namespace bankbench::core
