// The records_fts tokenizer. It replaced unicode61 over a pre-spaced copy of the text (bb_search_text):
// the copy and unicode61's per-character table lookups were a tenth of a million-row import.
#include "store/searchtokenizer.h"

#include "store/database.h"
#include "text/utf8.h"

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

namespace bankbench::core {

namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

/// One bb_text instance (FTS5 makes one per table and connection) with the unicode61 instance it hands
/// non-ASCII words to.
struct TextTokenizer {
    fts5_tokenizer unicode{};
    Fts5Tokenizer* unicodeInstance = nullptr;
};

bool isAsciiWordChar(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// General and CJK punctuation: separators, so that a sentence's punctuation never reaches unicode61.
// 々, 〆 and 〇 (U+3005-3007) are letters and numbers and stay in words.
bool isPunctuation(char32_t c) {
    return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x303F);
}

/// Forwards unicode61's tokens of one word with their offsets moved to the word's place in the text.
struct Delegation {
    void* context;
    TokenCallback emit;
    int base;
    int end;
};

int forward(void* context, int flags, const char* token, int size, int start, int end) {
    auto* delegation = static_cast<Delegation*>(context);
    (void)start;
    (void)end;
    return delegation->emit(delegation->context, flags, token, size, delegation->base, delegation->end);
}

int create(void* api, const char** arguments, int argumentCount, Fts5Tokenizer** out) {
    (void)arguments;
    (void)argumentCount;
    auto* fts = static_cast<fts5_api*>(api);
    auto tokenizer = std::make_unique<TextTokenizer>();
    void* unicodeContext = nullptr;
    int rc = fts->xFindTokenizer(fts, "unicode61", &unicodeContext, &tokenizer->unicode);
    if (rc != SQLITE_OK)
        return rc;
    const char* unicodeArguments[] = {"remove_diacritics", "2"};
    rc = tokenizer->unicode.xCreate(unicodeContext, unicodeArguments, 2, &tokenizer->unicodeInstance);
    if (rc != SQLITE_OK)
        return rc;
    *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer.release());
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer* instance) {
    auto* tokenizer = reinterpret_cast<TextTokenizer*>(instance);
    if (tokenizer->unicodeInstance)
        tokenizer->unicode.xDelete(tokenizer->unicodeInstance);
    delete tokenizer;
}

int tokenize(Fts5Tokenizer* instance, void* context, int flags, const char* data, int size, TokenCallback emit) {
    auto* tokenizer = reinterpret_cast<TextTokenizer*>(instance);
    const std::string_view text(data, static_cast<std::size_t>(size));
    std::string word; // folded; ASCII only while `asciiWord`
    bool asciiWord = true;
    int wordStart = 0;
    const auto flush = [&](int end) {
        if (word.empty())
            return SQLITE_OK;
        int rc = SQLITE_OK;
        if (asciiWord) {
            rc = emit(context, 0, word.data(), static_cast<int>(word.size()), wordStart, end);
        } else {
            Delegation delegation{context, emit, wordStart, end};
            rc = tokenizer->unicode.xTokenize(tokenizer->unicodeInstance, &delegation, flags, word.data(),
                                              static_cast<int>(word.size()), &forward);
        }
        word.clear();
        asciiWord = true;
        return rc;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const int start = static_cast<int>(pos);
        const auto byte = static_cast<unsigned char>(text[pos]);
        char32_t c;
        if (byte < 0x80) {
            c = byte;
            ++pos;
        } else {
            c = utf8::toHalfWidth(utf8::next(text, pos));
        }
        int rc = SQLITE_OK;
        if (c < 0x80) {
            if (isAsciiWordChar(c)) {
                if (word.empty())
                    wordStart = start;
                word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            } else {
                rc = flush(start);
            }
        } else if (utf8::isCjk(c)) {
            rc = flush(start);
            if (rc == SQLITE_OK) {
                std::string character; // within the small-string buffer: no allocation
                utf8::append(character, c);
                rc = emit(context, 0, character.data(), static_cast<int>(character.size()), start, static_cast<int>(pos));
            }
        } else if (isPunctuation(c) || c == 0xFFFD) {
            rc = flush(start);
        } else {
            if (word.empty())
                wordStart = start;
            asciiWord = false;
            utf8::append(word, c);
        }
        if (rc != SQLITE_OK)
            return rc;
    }
    return flush(size);
}

fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

} // namespace

void registerSearchTokenizer(sqlite3* db) {
    fts5_api* api = fts5Api(db);
    if (!api || api->iVersion < 2)
        throw DatabaseError("this SQLite has no FTS5 (full-text search); Bankbench needs SQLite 3.20 or later with FTS5",
                            SQLITE_ERROR);
    fts5_tokenizer functions{&create, &destroy, &tokenize};
    const int rc = api->xCreateTokenizer(api, kSearchTokenizerName, api, &functions, nullptr);
    if (rc != SQLITE_OK)
        throw DatabaseError(std::string("cannot register the search tokenizer: ") + sqlite3_errstr(rc), rc);
}

} // namespace bankbench::core
