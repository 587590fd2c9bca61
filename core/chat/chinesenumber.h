#pragma once

#include <optional>
#include <string_view>

namespace bankbench::core::chat {

/// Value of a Chinese numeral: 五, 十五, 二十, 一百零五, 三千五百, 两万, 一万二 (= 12000), 三点五, 2.5万 is
/// not handled here (digits are the caller's job). Characters: 零〇一二两三四五六七八九十百千万亿点. nullopt
/// when `text` is empty or not a well-formed numeral. Pure.
std::optional<double> parseChineseNumber(std::string_view text);

/// The UTF-8 regular-expression alternative matching one numeral character, for patterns that embed
/// Chinese numbers: "(?:零|〇|一|...)".
const char* chineseNumeralCharPattern();

} // namespace bankbench::core::chat
