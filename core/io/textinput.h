#pragma once

#include "io/textdecoder.h"
#include "util/result.h"

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bankbench::core {

/// A file (or bytes in memory) decoded to UTF-8 into one growing buffer, a chunk at a time. Readers
/// scan the buffer and call fill() when they reach its end, saying from where they still need the text;
/// the rest is dropped, so memory stays at about one chunk plus the longest record. Not thread-safe.
class TextInput {
public:
    /// Opens `path`, skips `skipBytes` (a BOM) and decodes from `encoding`. Stops after `maxBytes`
    /// source bytes when >= 0 (previews): truncated() then tells the end was not reached.
    static Result<std::unique_ptr<TextInput>> openFile(const std::string& path, const std::string& encoding,
                                                       std::size_t skipBytes, std::size_t chunkBytes,
                                                       std::int64_t maxBytes = -1);
    /// The same over bytes in memory (tests, head samples); `label` names the source in errors.
    static Result<std::unique_ptr<TextInput>> fromBytes(std::string bytes, const std::string& encoding,
                                                        std::size_t chunkBytes,
                                                        std::string label = "<memory>");
    ~TextInput();
    TextInput(const TextInput&) = delete;
    TextInput& operator=(const TextInput&) = delete;

    const char* data() const { return m_buffer.data(); }
    std::size_t size() const { return m_buffer.size(); }
    std::string_view text() const { return m_buffer; }

    /// Drops the text before `keepFrom` (when that frees enough to be worth a move) and appends at least
    /// one more decoded byte unless the input is exhausted. Returns how far offsets moved down; callers
    /// subtract it from the offsets they keep. Check error() afterwards.
    std::size_t fill(std::size_t keepFrom);
    /// True once everything has been read and decoded into the buffer.
    bool atEnd() const { return m_eof; }
    /// True when reading stopped at maxBytes before the end of the source.
    bool truncated() const { return m_truncated; }
    const std::optional<Error>& error() const { return m_error; }

    /// Invalid source sequences still in the buffer, in order, at buffer offsets.
    const std::deque<InvalidSequence>& invalid() const { return m_invalid; }
    /// Forgets invalid sequences before `offset` (the reader has dealt with them).
    void dropInvalidBefore(std::size_t offset);

    std::int64_t bytesRead() const { return m_bytesRead; }
    std::int64_t bytesTotal() const { return m_bytesTotal; }
    const std::string& encoding() const { return m_decoder->encoding(); }
    const std::string& label() const { return m_label; }

private:
    TextInput() = default;
    std::size_t readSome(char* dest, std::size_t capacity);

    std::unique_ptr<TextDecoder> m_decoder;
    std::FILE* m_file = nullptr;
    std::string m_memory; // source bytes when reading from memory
    std::size_t m_memoryPos = 0;
    std::string m_label;
    std::size_t m_chunkBytes = 1 << 20;
    std::int64_t m_maxBytes = -1;
    std::string m_buffer;
    std::string m_raw; // one chunk of source bytes, reused
    std::vector<InvalidSequence> m_newInvalid;
    std::deque<InvalidSequence> m_invalid;
    std::int64_t m_bytesRead = 0;
    std::int64_t m_bytesTotal = 0;
    bool m_eof = false;
    bool m_truncated = false;
    std::optional<Error> m_error;
};

} // namespace bankbench::core
