#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace bankbench::core {

/// What normalizeText() does; every step can be switched off. Stored with models (toJson) so that
/// inference normalises exactly like training did.
struct NormalizeOptions {
    /// Unicode NFKC (ICU): full-width forms → ASCII (Ａ１！ → A1!), ideographic space → space, half-width
    /// katakana → full-width, compatibility characters (①, ﬁ, ㎡, 豈) → their plain forms.
    bool nfkc = true;
    /// Unicode case folding (ICU simple folding: one code point to one), so ＡＴＭ, ATM and atm agree.
    bool caseFold = true;
    /// CJK punctuation that NFKC leaves alone → its ASCII twin: 。→ .  、→ ,  「」『』“” → "  ‘’ → '
    /// 【】〔〕 → []  《》〈〉 → <>  …… → ...  — → -  ～ → ~  ·・ → . (so a Chinese and an English question
    /// mark, comma or quote become one feature).
    bool cjkPunctuation = true;
    /// Control and format characters (C0/C1, zero-width, BOM) removed; every run of white space (including
    /// U+3000 and newlines) becomes one ASCII space; leading and trailing space trimmed.
    bool cleanWhitespace = true;
};

/// Applies the enabled steps in the order nfkc, cjkPunctuation, caseFold, cleanWhitespace. Invalid UTF-8
/// bytes become U+FFFD. Deterministic and pure: safe to call from any thread.
std::string normalizeText(std::string_view text, const NormalizeOptions& options = {});

nlohmann::json toJson(const NormalizeOptions& options);
/// Missing keys keep their defaults; a key of the wrong type is an InvalidArgument error naming it.
Result<NormalizeOptions> normalizeOptionsFromJson(const nlohmann::json& json);

} // namespace bankbench::core
