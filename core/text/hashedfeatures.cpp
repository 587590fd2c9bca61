#include "text/hashedfeatures.h"

#include "text/utf8.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace bankbench::core {

namespace {

// Feature kinds hash apart: the kind letter and a unit separator start every feature string.
constexpr char kSeparator = '\x1f';
std::uint64_t kindState(char kind) {
    const char prefix[2] = {kind, kSeparator};
    return fnv1a64(std::string_view(prefix, 2));
}

struct Token {
    std::string text;
    bool cjk = false;
    int cjkRun = -1; ///< CJK characters written next to each other share a run
};

bool isWordChar(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    if (u_isalnum(cp))
        return true;
    const auto type = u_charType(cp);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
           c == U'_';
}

std::vector<Token> splitTokens(std::string_view text) {
    std::vector<Token> tokens;
    std::string word;
    int run = -1;
    bool inRun = false;
    auto flushWord = [&] {
        if (!word.empty())
            tokens.push_back({std::move(word), false, -1});
        word.clear();
    };
    for (size_t pos = 0; pos < text.size();) {
        const char32_t c = utf8::next(text, pos);
        if (utf8::isCjk(c)) {
            flushWord();
            if (!inRun)
                ++run;
            inRun = true;
            Token token{{}, true, run};
            utf8::append(token.text, c);
            tokens.push_back(std::move(token));
            continue;
        }
        inRun = false;
        if (isWordChar(c)) {
            utf8::append(word, c);
        } else if (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U' ') {
            flushWord();
        } else {
            flushWord();
            Token token;
            utf8::append(token.text, c);
            tokens.push_back(std::move(token));
        }
    }
    flushWord();
    return tokens;
}

// Byte offsets of the code point boundaries of `s` (size = code points + 1).
std::vector<size_t> boundaries(std::string_view s) {
    std::vector<size_t> out{0};
    for (size_t pos = 0; pos < s.size();) {
        utf8::next(s, pos);
        out.push_back(pos);
    }
    return out;
}

// Appends hashed n-grams (n in [minN, maxN], counted in code points) of `s`.
void appendNgrams(std::string_view s, int minN, int maxN, std::uint64_t state, std::uint64_t mask,
                  std::vector<std::int64_t>& out) {
    const auto cuts = boundaries(s);
    const auto chars = static_cast<int>(cuts.size()) - 1;
    for (int n = minN; n <= maxN && n <= chars; ++n)
        for (int i = 0; i + n <= chars; ++i) {
            const auto begin = cuts[static_cast<size_t>(i)];
            const auto end = cuts[static_cast<size_t>(i + n)];
            out.push_back(static_cast<std::int64_t>(fnv1a64(s.substr(begin, end - begin), state) & mask));
        }
}

} // namespace

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state) {
    for (const char byte : bytes) {
        state ^= static_cast<unsigned char>(byte);
        state *= kFnv1a64Prime;
    }
    return state;
}

nlohmann::json toJson(const HashedFeatureOptions& options) {
    return {{"bucket_bits", options.bucketBits},   {"word_unigrams", options.wordUnigrams},
            {"word_bigrams", options.wordBigrams}, {"char_min_n", options.charMinN},
            {"char_max_n", options.charMaxN},      {"cjk_min_n", options.cjkMinN},
            {"cjk_max_n", options.cjkMaxN},        {"normalize", toJson(options.normalize)}};
}

Result<HashedFeatureOptions> hashedFeatureOptionsFromJson(const nlohmann::json& json) {
    auto invalid = [](const std::string& message) {
        return Error{ErrorCode::InvalidArgument, "hashed feature options: " + message, {}};
    };
    if (!json.is_object())
        return invalid("expected a JSON object");
    HashedFeatureOptions options;
    const std::pair<const char*, bool*> flags[] = {{"word_unigrams", &options.wordUnigrams},
                                                   {"word_bigrams", &options.wordBigrams}};
    for (const auto& [key, target] : flags) {
        if (!json.contains(key))
            continue;
        if (!json[key].is_boolean())
            return invalid(std::string("\"") + key + "\" must be true or false");
        *target = json[key].get<bool>();
    }
    const std::pair<const char*, int*> numbers[] = {{"bucket_bits", &options.bucketBits},
                                                    {"char_min_n", &options.charMinN},
                                                    {"char_max_n", &options.charMaxN},
                                                    {"cjk_min_n", &options.cjkMinN},
                                                    {"cjk_max_n", &options.cjkMaxN}};
    for (const auto& [key, target] : numbers) {
        if (!json.contains(key))
            continue;
        if (!json[key].is_number_integer())
            return invalid(std::string("\"") + key + "\" must be an integer");
        *target = json[key].get<int>();
    }
    if (json.contains("normalize")) {
        auto normalize = normalizeOptionsFromJson(json["normalize"]);
        if (!normalize)
            return invalid(normalize.error().message);
        options.normalize = *normalize;
    }
    if (auto status = HashedFeaturizer::validate(options); !status)
        return status.error();
    return options;
}

Status HashedFeaturizer::validate(const HashedFeatureOptions& options) {
    auto invalid = [](const std::string& message) {
        return Error{ErrorCode::InvalidArgument, "hashed feature options: " + message, {}};
    };
    if (options.bucketBits < 1 || options.bucketBits > 30)
        return invalid("bucket_bits must be in 1..30, got " + std::to_string(options.bucketBits));
    if (options.charMinN < 0 || (options.charMinN > 0 && options.charMaxN < options.charMinN))
        return invalid("char n-gram range " + std::to_string(options.charMinN) + ".." +
                       std::to_string(options.charMaxN) + " is empty or negative");
    if (options.cjkMinN < 0 || (options.cjkMinN > 0 && options.cjkMaxN < options.cjkMinN))
        return invalid("CJK n-gram range " + std::to_string(options.cjkMinN) + ".." +
                       std::to_string(options.cjkMaxN) + " is empty or negative");
    return {};
}

HashedFeaturizer::HashedFeaturizer(HashedFeatureOptions options) : m_options(std::move(options)) {
    m_options.bucketBits = std::clamp(m_options.bucketBits, 1, 30);
    m_options.charMinN = std::max(m_options.charMinN, 0);
    m_options.charMaxN = std::max(m_options.charMaxN, m_options.charMinN);
    m_options.cjkMinN = std::max(m_options.cjkMinN, 0);
    m_options.cjkMaxN = std::max(m_options.cjkMaxN, m_options.cjkMinN);
    m_mask = (std::uint64_t{1} << m_options.bucketBits) - 1;
}

std::vector<std::string> HashedFeaturizer::tokens(std::string_view normalizedText) {
    std::vector<std::string> out;
    for (auto& token : splitTokens(normalizedText))
        out.push_back(std::move(token.text));
    return out;
}

std::vector<std::int64_t> HashedFeaturizer::featurize(std::string_view text) const {
    std::vector<std::int64_t> out;
    featurize(text, out);
    return out;
}

size_t HashedFeaturizer::featurize(std::string_view text, std::vector<std::int64_t>& out) const {
    static const std::uint64_t wordState = kindState('w');
    static const std::uint64_t bigramState = kindState('b');
    static const std::uint64_t charState = kindState('c');
    static const std::uint64_t cjkState = kindState('h');

    const std::string normalized = normalizeText(text, m_options.normalize);
    const auto tokens = splitTokens(normalized);
    const size_t start = out.size();
    if (m_options.wordUnigrams)
        for (const auto& token : tokens)
            out.push_back(static_cast<std::int64_t>(fnv1a64(token.text, wordState) & m_mask));
    if (m_options.wordBigrams)
        for (size_t i = 1; i < tokens.size(); ++i) {
            std::uint64_t h = fnv1a64(tokens[i - 1].text, bigramState);
            h = fnv1a64(std::string_view(&kSeparator, 1), h);
            out.push_back(static_cast<std::int64_t>(fnv1a64(tokens[i].text, h) & m_mask));
        }
    const size_t wordCount = out.size() - start;

    if (m_options.charMinN > 0)
        for (const auto& token : tokens) {
            if (token.cjk)
                continue;
            appendNgrams("<" + token.text + ">", m_options.charMinN, m_options.charMaxN, charState, m_mask,
                         out);
        }
    if (m_options.cjkMinN > 0) {
        std::string run;
        int runId = -1;
        auto flush = [&] {
            if (!run.empty())
                appendNgrams(run, m_options.cjkMinN, m_options.cjkMaxN, cjkState, m_mask, out);
            run.clear();
        };
        for (const auto& token : tokens) {
            if (!token.cjk || token.cjkRun != runId)
                flush();
            if (token.cjk) {
                runId = token.cjkRun;
                run += token.text;
            }
        }
        flush();
    }
    return wordCount;
}

} // namespace bankbench::core
