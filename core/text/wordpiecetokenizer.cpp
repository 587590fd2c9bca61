#include "text/wordpiecetokenizer.h"

#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <fstream>
#include <sstream>

namespace bankbench::core {

namespace {

// The character classes of HF's tokenization_bert.py (_is_whitespace, _is_control, _is_punctuation,
// _is_chinese_char), with ICU's general categories standing in for Python's unicodedata.category.
bool isWhitespace(char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r')
        return true;
    return u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

bool isControl(char32_t c) {
    if (c == U'\t' || c == U'\n' || c == U'\r')
        return false;
    switch (u_charType(static_cast<UChar32>(c))) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
    case U_UNASSIGNED:
        return true;
    default:
        return false;
    }
}

bool isPunctuation(char32_t c) {
    // All non-letter/number ASCII counts as punctuation ("$", "^", "`" are not category P in Unicode).
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126))
        return true;
    switch (u_charType(static_cast<UChar32>(c))) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return true;
    default:
        return false;
    }
}

// Exactly HF's _is_chinese_char: CJK Unified Ideographs and extensions A-E, compatibility ideographs
// and their supplement. Kana and hangul are deliberately not included (BERT keeps them in words).
bool isChineseChar(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
           (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) ||
           (c >= 0x2B820 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

// Python's str.lower() of one character: the full mapping (U+0130 → "i̇" is two code points). The
// context-dependent final sigma is not applied (σ everywhere), a difference no BERT vocabulary notices.
std::u32string lowerCase(char32_t c) {
    UChar source[2];
    int32_t sourceLength = 0;
    U16_APPEND_UNSAFE(source, sourceLength, static_cast<UChar32>(c));
    UChar lowered[8];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = u_strToLower(lowered, 8, source, sourceLength, "", &status);
    if (U_FAILURE(status))
        return std::u32string(1, c);
    std::u32string out;
    for (int32_t i = 0; i < length;) {
        UChar32 cp;
        U16_NEXT(lowered, i, length, cp);
        out += static_cast<char32_t>(cp);
    }
    return out;
}

// NFD of one character with the non-spacing marks (category Mn) removed: HF's _run_strip_accents.
std::u32string stripAccents(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed;
    if (U_FAILURE(status) || nfd == nullptr || !nfd->getDecomposition(static_cast<UChar32>(c), decomposed))
        decomposed = icu::UnicodeString(static_cast<UChar32>(c));
    std::u32string out;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 cp = decomposed.char32At(i);
        i += U16_LENGTH(cp);
        if (u_charType(cp) != U_NON_SPACING_MARK)
            out += static_cast<char32_t>(cp);
    }
    return out;
}

std::string toUtf8(std::u32string_view chars) {
    std::string out;
    for (const char32_t c : chars)
        utf8::append(out, c);
    return out;
}

} // namespace

Result<WordPieceTokenizer> WordPieceTokenizer::fromVocabFile(const std::filesystem::path& vocabTxt,
                                                             WordPieceOptions options) {
    std::ifstream in(vocabTxt, std::ios::binary);
    if (!in)
        return Error{ErrorCode::Io, "cannot open the vocabulary", {vocabTxt.string(), 0, 0}};
    std::vector<std::string> tokens;
    std::string line;
    std::int64_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (lineNumber == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3); // a BOM is not part of the first token
        if (const size_t bad = utf8::firstInvalid(line); bad != std::string::npos)
            return Error{ErrorCode::Encoding,
                         "invalid UTF-8 in vocabulary token",
                         {vocabTxt.string(), lineNumber, static_cast<std::int64_t>(bad) + 1}};
        tokens.push_back(std::move(line));
    }
    if (in.bad())
        return Error{ErrorCode::Io, "read error in the vocabulary", {vocabTxt.string(), lineNumber, 0}};
    auto tokenizer = fromVocab(std::move(tokens), std::move(options));
    if (!tokenizer) {
        Error error = tokenizer.error();
        error.where.file = vocabTxt.string();
        return error;
    }
    return tokenizer;
}

Result<WordPieceTokenizer> WordPieceTokenizer::fromVocab(std::vector<std::string> tokens,
                                                         WordPieceOptions options) {
    WordPieceTokenizer tokenizer;
    tokenizer.m_options = std::move(options);
    tokenizer.m_vocab = std::move(tokens);
    tokenizer.m_ids.reserve(tokenizer.m_vocab.size());
    for (size_t i = 0; i < tokenizer.m_vocab.size(); ++i)
        tokenizer.m_ids[tokenizer.m_vocab[i]] = static_cast<std::int64_t>(i);

    const WordPieceOptions& o = tokenizer.m_options;
    const std::pair<const std::string*, std::int64_t*> required[] = {{&o.unkToken, &tokenizer.m_unkId},
                                                                     {&o.clsToken, &tokenizer.m_clsId},
                                                                     {&o.sepToken, &tokenizer.m_sepId},
                                                                     {&o.padToken, &tokenizer.m_padId}};
    for (const auto& [token, id] : required) {
        *id = tokenizer.tokenToId(*token);
        if (*id < 0)
            return Error{ErrorCode::NotFound, "the vocabulary has no " + *token + " token", {}};
        tokenizer.m_specials.push_back(*token);
    }
    tokenizer.m_maskId = tokenizer.tokenToId(o.maskToken);
    if (tokenizer.m_maskId >= 0)
        tokenizer.m_specials.push_back(o.maskToken);
    return tokenizer;
}

std::int64_t WordPieceTokenizer::tokenToId(std::string_view token) const {
    const auto it = m_ids.find(std::string(token));
    return it == m_ids.end() ? -1 : it->second;
}

const std::string& WordPieceTokenizer::idToToken(std::int64_t id) const {
    static const std::string empty;
    return id >= 0 && id < vocabSize() ? m_vocab[static_cast<size_t>(id)] : empty;
}

std::vector<WordPieceTokenizer::Word> WordPieceTokenizer::basicWords(std::string_view text) const {
    std::vector<Word> words;
    Word current;
    auto flush = [&] {
        if (!current.chars.empty())
            words.push_back(std::move(current));
        current = Word{};
    };
    auto addAlone = [&](char32_t c, size_t begin, size_t end) {
        flush();
        current.chars.push_back(c);
        current.begins.push_back(begin);
        current.ends.push_back(end);
        flush();
    };
    const bool strip = m_options.stripAccents.value_or(m_options.lowerCase);

    size_t pos = 0;
    while (pos < text.size()) {
        // Special tokens written in the text stay whole (HF splits them out before tokenizing).
        bool matchedSpecial = false;
        for (const auto& special : m_specials) {
            if (text.compare(pos, special.size(), special) == 0) {
                flush();
                Word word;
                for (size_t p = 0; p < special.size();)
                    word.chars.push_back(utf8::next(special, p));
                word.begins.assign(word.chars.size(), pos);
                word.ends.assign(word.chars.size(), pos + special.size());
                word.special = true;
                words.push_back(std::move(word));
                pos += special.size();
                matchedSpecial = true;
                break;
            }
        }
        if (matchedSpecial)
            continue;

        const size_t begin = pos;
        const char32_t c = utf8::next(text, pos);
        if (c == 0 || c == 0xFFFD || isControl(c))
            continue;
        if (isWhitespace(c)) {
            flush();
            continue;
        }
        if (m_options.tokenizeChineseChars && isChineseChar(c)) {
            addAlone(c, begin, pos);
            continue;
        }
        // Lower-casing and accent stripping act on whole whitespace tokens in HF, before the punctuation
        // split; doing them per character first is equivalent since both are per-character maps.
        std::u32string mapped = m_options.lowerCase ? lowerCase(c) : std::u32string(1, c);
        if (strip) {
            std::u32string stripped;
            for (const char32_t m : mapped)
                stripped += stripAccents(m);
            mapped = std::move(stripped);
        }
        for (const char32_t m : mapped) {
            if (isPunctuation(m)) {
                addAlone(m, begin, pos);
            } else {
                current.chars.push_back(m);
                current.begins.push_back(begin);
                current.ends.push_back(pos);
            }
        }
    }
    flush();
    return words;
}

void WordPieceTokenizer::wordPiece(const Word& word, std::vector<Piece>& out) const {
    const size_t wordBegin = word.begins.front();
    const size_t wordEnd = word.ends.back();
    if (word.special) {
        const std::string token = toUtf8(word.chars);
        out.push_back({token, tokenToId(token), wordBegin, wordEnd});
        return;
    }
    if (word.chars.size() > static_cast<size_t>(m_options.maxInputCharsPerWord)) {
        out.push_back({m_options.unkToken, m_unkId, wordBegin, wordEnd});
        return;
    }
    std::vector<Piece> pieces;
    size_t start = 0;
    while (start < word.chars.size()) {
        size_t end = word.chars.size();
        std::int64_t id = -1;
        std::string candidate;
        while (start < end) {
            candidate =
                (start > 0 ? "##" : "") + toUtf8(std::u32string_view(word.chars).substr(start, end - start));
            id = tokenToId(candidate);
            if (id >= 0)
                break;
            --end;
        }
        if (id < 0) { // one uncovered position makes the whole word unknown, as in BERT
            out.push_back({m_options.unkToken, m_unkId, wordBegin, wordEnd});
            return;
        }
        pieces.push_back({std::move(candidate), id, word.begins[start], word.ends[end - 1]});
        start = end;
    }
    out.insert(out.end(), std::make_move_iterator(pieces.begin()), std::make_move_iterator(pieces.end()));
}

std::vector<std::string> WordPieceTokenizer::basicTokenize(std::string_view text) const {
    std::vector<std::string> out;
    for (const auto& word : basicWords(text))
        out.push_back(toUtf8(word.chars));
    return out;
}

std::vector<WordPieceTokenizer::Piece> WordPieceTokenizer::pieces(std::string_view text) const {
    std::vector<Piece> out;
    for (const auto& word : basicWords(text))
        wordPiece(word, out);
    return out;
}

std::vector<std::string> WordPieceTokenizer::tokenize(std::string_view text) const {
    std::vector<std::string> out;
    for (auto& piece : pieces(text))
        out.push_back(std::move(piece.token));
    return out;
}

std::vector<std::int64_t> WordPieceTokenizer::tokenIds(std::string_view text) const {
    std::vector<std::int64_t> out;
    for (const auto& piece : pieces(text))
        out.push_back(piece.id);
    return out;
}

BertEncoding WordPieceTokenizer::encode(std::string_view text, size_t maxLength, bool padToMaxLength) const {
    maxLength = std::max<size_t>(maxLength, 2);
    auto all = pieces(text);
    BertEncoding encoding;
    if (all.size() > maxLength - 2) {
        all.resize(maxLength - 2);
        encoding.truncated = true;
    }
    const size_t length = padToMaxLength ? maxLength : all.size() + 2;
    encoding.ids.reserve(length);
    encoding.ids.push_back(m_clsId);
    encoding.offsets.emplace_back(0, 0);
    for (const auto& piece : all) {
        encoding.ids.push_back(piece.id);
        encoding.offsets.emplace_back(piece.begin, piece.end);
    }
    encoding.ids.push_back(m_sepId);
    encoding.offsets.emplace_back(0, 0);
    encoding.attentionMask.assign(encoding.ids.size(), 1);
    while (encoding.ids.size() < length) {
        encoding.ids.push_back(m_padId);
        encoding.attentionMask.push_back(0);
        encoding.offsets.emplace_back(0, 0);
    }
    encoding.tokenTypeIds.assign(encoding.ids.size(), 0);
    return encoding;
}

std::string WordPieceTokenizer::decode(const std::vector<std::int64_t>& ids, bool skipSpecial) const {
    std::string out;
    for (const std::int64_t id : ids) {
        const std::string& token = idToToken(id);
        if (skipSpecial &&
            (id == m_clsId || id == m_sepId || id == m_padId || id == m_maskId || id == m_unkId))
            continue;
        if (token.rfind("##", 0) == 0 && !out.empty()) {
            out += token.substr(2);
        } else {
            if (!out.empty())
                out += ' ';
            out += token;
        }
    }
    return out;
}

} // namespace bankbench::core
