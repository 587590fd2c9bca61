#pragma once

#include "io/importoptions.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// Guesses how delimited text is written from whole lines at the head of a file: the delimiter among
/// `,` tab `;` `|` (the one giving the most consistent field count; ties go to `preferred`, then that
/// order), whether quotes are used, and whether the first row is a header. Forced values win.
CsvDialect sniffDialect(std::string_view headText, char preferred, std::optional<char> forcedDelimiter,
                        std::optional<char> forcedQuote, std::optional<bool> forcedHeader);

/// True when the first of `rows` reads as a header over the others (names rather than values). With
/// no evidence either way it says yes: exports nearly always have one.
bool looksLikeHeader(const std::vector<std::vector<std::string>>& rows);

} // namespace bankbench::core
