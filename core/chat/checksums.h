#pragma once

#include <string_view>

namespace bankbench::core::chat {

/// Luhn (mod 10) check over a string of ASCII digits; false for anything else or fewer than 2 digits.
bool luhnValid(std::string_view digits);

/// PRC resident ID number (GB 11643): 17 digits + check character (digit or X/x) with a valid ISO 7064
/// MOD 11-2 checksum and a real birth date (positions 7-14, years 1900-2099).
bool chineseIdValid(std::string_view id);

} // namespace bankbench::core::chat
