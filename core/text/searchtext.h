#pragma once

#include <string>
#include <string_view>

namespace bankbench::core {

/// The text indexed by the records_fts table: full-width folded to half-width, and every CJK character
/// set apart by spaces, because FTS5's unicode61 tokenizer keeps a run of Chinese as one token
/// (TOOLCHAIN.md, trap 5). Deterministic: the same body is recomputed to delete rows from the index.
std::string searchBody(std::string_view text);

/// Turns what a user typed into an FTS5 MATCH expression: each Chinese run becomes a phrase of its
/// characters, each other word a prefix term, all ANDed. Returns "" when nothing searchable remains.
std::string searchQuery(std::string_view userInput);

} // namespace bankbench::core
