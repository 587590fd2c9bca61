#pragma once

#include <string_view>

namespace bankbench::core::chat {

/// Character-overlap similarity, the cheap baseline for question matching: the Dice coefficient of the
/// two texts' character multisets (2·|A∩B| / (|A|+|B|)) after half-width folding and ASCII lower case,
/// ignoring white space and punctuation. 0 when either side is empty, 1 for the same characters. Pure.
double characterOverlap(std::string_view a, std::string_view b);

} // namespace bankbench::core::chat
