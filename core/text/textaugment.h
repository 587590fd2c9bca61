#pragma once

// Text augmentation for training batches (easy data augmentation: random deletion, random swap, synonym
// replacement). Words are whitespace-separated tokens, except in Chinese, Japanese and Korean text, where
// every character is a word: on Chinese the same operations work on characters. Plain C++, no torch.

#include "util/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bankbench::core {

/// The synonym rate a synonym list gets when it is given without one (`train --synonyms`, the GUI's list).
inline constexpr double kDefaultSynonymProbability = 0.3;

struct AugmentOptions {
    double deleteProbability = 0;  ///< each word is dropped with this probability (one word always stays)
    double swapProbability = 0;    ///< swaps of two random words per text = this x words, rounded at random
    double synonymProbability = 0; ///< each word or phrase with synonyms is replaced with this probability
    /// Groups of interchangeable words or phrases ("debit card", "bank card"; 借记卡, 银行卡): a match is
    /// replaced by another member of its group. Matched case-insensitively for ASCII letters.
    std::vector<std::vector<std::string>> synonyms;

    bool enabled() const { return deleteProbability > 0 || swapProbability > 0 || synonymProbability > 0; }
};

/// Reads a synonym list: one group per line, members separated by commas (, or ，), semicolons or tabs;
/// blank lines and lines starting with # are skipped. A group needs two different members (the error names
/// the line).
Result<std::vector<std::vector<std::string>>> readSynonymFile(const std::string& path);

/// Applies AugmentOptions to texts. Deterministic: the same text and seed give the same variant, so a
/// resumed training run sees the variants the uninterrupted one would have.
class TextAugmenter {
public:
    explicit TextAugmenter(const AugmentOptions& options);

    std::string augment(std::string_view text, std::uint64_t seed) const;

private:
    struct Phrase {
        std::vector<std::string> words; ///< lower-cased words of the phrase
        std::size_t group = 0;
        std::size_t member = 0; ///< its place in m_groups[group]
    };

    AugmentOptions m_options;
    std::vector<std::vector<std::vector<std::string>>> m_groups; ///< each member as its words
    std::vector<Phrase> m_phrases;                               ///< longest first
    /// Indexes into m_phrases by their first word, longest first: augment() runs for every training
    /// example of every step, so it looks up the phrases a word can start instead of trying them all.
    std::unordered_map<std::string, std::vector<std::size_t>> m_phrasesByFirstWord;
};

/// The words of `text` as augmentation sees them (whitespace-separated tokens; CJK characters one by one).
std::vector<std::string> augmentationWords(std::string_view text);
/// Joins words back: a space between two words unless either is a CJK character.
std::string joinAugmentationWords(const std::vector<std::string>& words);

} // namespace bankbench::core
