#pragma once

#include "util/result.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// Source bytes that are not valid in the source encoding. The decoder writes U+FFFD in their place.
struct InvalidSequence {
    std::size_t offset = 0; ///< byte offset of the U+FFFD in the decoded output
    std::string bytes;      ///< the offending source bytes
};

/// Canonical lower-case name of an encoding ("UTF8" -> "utf-8", "CP936" -> "gbk"); other names are just
/// lower-cased. Empty input gives "".
std::string canonicalEncodingName(std::string_view name);
/// The name handed to iconv: GBK and GB2312 decode as GB18030, their superset.
std::string iconvEncodingName(std::string_view canonicalName);
/// "0x81 0x20": bytes as the user reads them in an error message.
std::string describeBytes(std::string_view bytes);
/// "invalid GBK byte sequence 0x81 0x20"
std::string invalidSequenceMessage(const std::string& encoding, const InvalidSequence& sequence);

/// Streaming conversion of one encoding to UTF-8. Chunks may split multibyte sequences anywhere: the
/// incomplete tail of a chunk is carried into the next one. UTF-8 input is only validated (no iconv).
/// One decoder per stream; not thread-safe.
class TextDecoder {
public:
    /// Fails with InvalidArgument when iconv does not know `encoding`.
    static Result<std::unique_ptr<TextDecoder>> create(const std::string& encoding);
    ~TextDecoder();
    TextDecoder(const TextDecoder&) = delete;
    TextDecoder& operator=(const TextDecoder&) = delete;

    const std::string& encoding() const { return m_encoding; }

    /// Appends the UTF-8 form of `input` to `out`. Invalid sequences become U+FFFD and are appended to
    /// `invalid` with their offset in `out`.
    void decode(std::string_view input, std::string& out, std::vector<InvalidSequence>& invalid);
    /// Ends the stream: a carried incomplete sequence is reported as invalid.
    void finish(std::string& out, std::vector<InvalidSequence>& invalid);

private:
    TextDecoder(std::string encoding, void* iconvHandle, std::size_t unitSize);
    void decodeUtf8(std::string_view input, std::string& out, std::vector<InvalidSequence>& invalid);
    void decodeIconv(std::string_view input, std::string& out, std::vector<InvalidSequence>& invalid);

    std::string m_encoding;
    void* m_iconv = nullptr; // iconv_t; null for the UTF-8 fast path
    std::size_t m_unitSize = 1;
    std::string m_carry;  // incomplete sequence at the end of the previous chunk
    std::string m_joined; // carry + next chunk, reused
};

} // namespace bankbench::core
