#pragma once

#include <string>
#include <string_view>

namespace bankbench::core {

/// The text the knowledge base's kb_fts table indexes (SQL bb_search_text()): full-width folded to
/// half-width, and every CJK character set apart by spaces, because FTS5's unicode61 tokenizer keeps a
/// run of Chinese as one token (TOOLCHAIN.md, trap 5). Deterministic: the same body is recomputed to
/// delete rows from the index. (records_fts reads raw text through the bb_text tokenizer instead.)
std::string searchBody(std::string_view text);

/// Turns what a user typed into an FTS5 MATCH expression for either index: each Chinese run becomes a
/// phrase of its characters, each other word a prefix term, all ANDed. Returns "" when nothing searchable remains.
std::string searchQuery(std::string_view userInput);

} // namespace bankbench::core
