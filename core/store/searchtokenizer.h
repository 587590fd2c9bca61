#pragma once

struct sqlite3;

namespace bankbench::core {

/// Name of the FTS5 tokenizer that records_fts uses (schema step 7).
inline constexpr const char* kSearchTokenizerName = "bb_text";

/// Registers the bb_text FTS5 tokenizer on one connection (every Database does, on open). It reads raw
/// record text: each CJK character is a token of its own (a run of Chinese has no spaces to split on),
/// full-width forms count as their half-width ones, ASCII words are lower-cased on a fast path, and any
/// other run of non-ASCII characters is handed to FTS5's unicode61 (case folding, diacritics removed).
/// Queries go through the same tokenizer, so documents and queries always agree. Throws DatabaseError.
void registerSearchTokenizer(sqlite3* db);

} // namespace bankbench::core
