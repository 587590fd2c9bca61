#include "text/normalize.h"

#include "text/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace bankbench::core {

namespace {

// Without ICU data, at least the full-width forms (the common case in Chinese text) still fold.
std::string halfWidthOnly(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        utf8::append(out, utf8::toHalfWidth(utf8::next(text, pos)));
    return out;
}

// NFKC through ICU. The Normalizer2 instance is a process-wide immutable singleton, safe across threads.
std::string nfkc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr)
        return halfWidthOnly(text);
    const auto source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString normalized = normalizer->normalize(source, status);
    if (U_FAILURE(status))
        return halfWidthOnly(text);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

// CJK punctuation NFKC leaves alone, folded to ASCII so that "？" / "?" or "，" / "," share features.
// Returns 0 when the character is not one of them; `twin` may be two characters for the ellipsis.
const char* cjkPunctuationTwin(char32_t c) {
    switch (c) {
    case U'。':
    case U'｡':
    case U'·':
    case U'・':
    case U'･':
        return ".";
    case U'、':
    case U'､':
        return ",";
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'“':
    case U'”':
    case U'〝':
    case U'〞':
        return "\"";
    case U'‘':
    case U'’':
        return "'";
    case U'【':
    case U'〔':
    case U'〖':
    case U'［':
        return "[";
    case U'】':
    case U'〕':
    case U'〗':
    case U'］':
        return "]";
    case U'《':
    case U'〈':
        return "<";
    case U'》':
    case U'〉':
        return ">";
    case U'…':
        return "...";
    case U'—':
    case U'–':
    case U'―':
    case U'－':
        return "-";
    case U'～':
    case U'〜':
        return "~";
    default:
        return nullptr;
    }
}

bool isSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Control (Cc) and format (Cf: zero-width space/joiners, BOM, bidi marks) characters carry no text.
bool isInvisible(char32_t c) {
    const auto type = u_charType(static_cast<UChar32>(c));
    return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

} // namespace

std::string normalizeText(std::string_view input, const NormalizeOptions& options) {
    std::string composed = options.nfkc ? nfkc(input) : std::string(input);
    std::string out;
    out.reserve(composed.size());
    bool pendingSpace = false;
    size_t pos = 0;
    while (pos < composed.size()) {
        char32_t c = utf8::next(composed, pos);
        if (options.cleanWhitespace) {
            if (isSpace(c)) {
                pendingSpace = !out.empty();
                continue;
            }
            if (isInvisible(c))
                continue;
            if (pendingSpace) {
                out += ' ';
                pendingSpace = false;
            }
        }
        if (options.cjkPunctuation) {
            if (const char* twin = cjkPunctuationTwin(c)) {
                out += twin;
                continue;
            }
        }
        if (options.caseFold)
            c = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
        utf8::append(out, c);
    }
    return out;
}

nlohmann::json toJson(const NormalizeOptions& options) {
    return {{"nfkc", options.nfkc},
            {"case_fold", options.caseFold},
            {"cjk_punctuation", options.cjkPunctuation},
            {"clean_whitespace", options.cleanWhitespace}};
}

Result<NormalizeOptions> normalizeOptionsFromJson(const nlohmann::json& json) {
    if (!json.is_object())
        return Error{ErrorCode::InvalidArgument, "normalisation options: expected a JSON object", {}};
    NormalizeOptions options;
    const std::pair<const char*, bool*> fields[] = {{"nfkc", &options.nfkc},
                                                    {"case_fold", &options.caseFold},
                                                    {"cjk_punctuation", &options.cjkPunctuation},
                                                    {"clean_whitespace", &options.cleanWhitespace}};
    for (const auto& [key, target] : fields) {
        if (!json.contains(key))
            continue;
        if (!json[key].is_boolean())
            return Error{ErrorCode::InvalidArgument,
                         std::string("normalisation options: \"") + key + "\" must be true or false",
                         {}};
        *target = json[key].get<bool>();
    }
    return options;
}

} // namespace bankbench::core
