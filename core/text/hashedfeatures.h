#pragma once

#include "text/normalize.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

inline constexpr std::uint64_t kFnv1a64Offset = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnv1a64Prime = 0x100000001b3ULL;

/// 64-bit FNV-1a of the bytes; pass a previous hash as `state` to continue hashing (hash of a
/// concatenation without building it).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state = kFnv1a64Offset);

/// Feature set of the fastText-style model. Stored with a trained model (toJson): changing any field
/// changes the bucket ids, so a model must be used with the options it was trained with.
struct HashedFeatureOptions {
    int bucketBits = 20;      ///< 2^bucketBits buckets (1..30)
    bool wordUnigrams = true; ///< every token
    bool wordBigrams = true;  ///< every pair of adjacent tokens
    /// Character n-grams of each non-CJK word wrapped as "<word>" (fastText's boundary marks);
    /// charMinN = 0 disables them.
    int charMinN = 2;
    int charMaxN = 4;
    /// Character n-grams inside each run of CJK characters; cjkMinN = 0 disables them. A CJK character is
    /// a token on its own, so its unigrams and bigrams are already word features: the default adds the
    /// trigrams, giving Chinese character uni-, bi- and trigrams in all.
    int cjkMinN = 3;
    int cjkMaxN = 3;
    NormalizeOptions normalize;
};

nlohmann::json toJson(const HashedFeatureOptions& options);
/// Missing keys keep their defaults; wrong types or out-of-range values are InvalidArgument errors.
Result<HashedFeatureOptions> hashedFeatureOptionsFromJson(const nlohmann::json& json);

/// Turns a text into bucket ids in [0, 2^bucketBits): the text is normalised (normalizeText), split into
/// tokens (runs of letters/digits/marks, each CJK character alone, each punctuation or symbol character
/// alone; spaces dropped), then each feature string is prefixed with its kind (word, bigram, char n-gram,
/// CJK n-gram, so the same string of two kinds hashes apart), hashed with FNV-1a 64 and masked to the
/// bucket range. Order: word unigrams, word bigrams, then character n-grams; duplicates are kept (a
/// repeated word weighs more, as in fastText). Immutable after construction: one instance can be shared
/// by any number of threads.
class HashedFeaturizer {
public:
    /// Options are validated by hashedFeatureOptionsFromJson / validate(); out-of-range values here are
    /// clamped to the nearest valid one.
    explicit HashedFeaturizer(HashedFeatureOptions options = {});

    /// InvalidArgument naming the first bad field, if any.
    static Status validate(const HashedFeatureOptions& options);

    const HashedFeatureOptions& options() const { return m_options; }
    std::int64_t numBuckets() const { return std::int64_t{1} << m_options.bucketBits; }

    std::vector<std::int64_t> featurize(std::string_view text) const;
    /// Appends the ids of `text` to `out` (reuse one buffer across a batch); returns how many of the
    /// appended ids are word-level (unigram + bigram) ids, which come first.
    size_t featurize(std::string_view text, std::vector<std::int64_t>& out) const;

    /// The tokens of an already normalised text (what unigrams are made of).
    static std::vector<std::string> tokens(std::string_view normalizedText);

private:
    HashedFeatureOptions m_options;
    std::uint64_t m_mask = 0;
};

} // namespace bankbench::core
