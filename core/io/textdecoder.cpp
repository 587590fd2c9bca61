#include "io/textdecoder.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iconv.h>

namespace bankbench::core {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool isUtf8Name(std::string_view canonical) {
    return canonical == "utf-8";
}

enum class Utf8Check { Valid, Incomplete, Invalid };

// Checks the sequence starting at data[i] (a non-ASCII byte). On Valid `length` is the sequence length;
// on Invalid it is the length of the maximal valid prefix (at least 1), replaced by one U+FFFD.
Utf8Check checkUtf8(const unsigned char* data, std::size_t size, std::size_t i, std::size_t& length) {
    const unsigned char b0 = data[i];
    std::size_t need;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 == 0xE0) {
        need = 2, lo = 0xA0;
    } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
        need = 2;
    } else if (b0 == 0xED) {
        need = 2, hi = 0x9F;
    } else if (b0 == 0xF0) {
        need = 3, lo = 0x90;
    } else if (b0 >= 0xF1 && b0 <= 0xF3) {
        need = 3;
    } else if (b0 == 0xF4) {
        need = 3, hi = 0x8F;
    } else {
        length = 1;
        return Utf8Check::Invalid;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= size) {
            length = k;
            return Utf8Check::Incomplete;
        }
        const unsigned char b = data[i + k];
        if (b < lo || b > hi) {
            length = k;
            return Utf8Check::Invalid;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    length = need + 1;
    return Utf8Check::Valid;
}

} // namespace

std::string canonicalEncodingName(std::string_view name) {
    std::string n = lower(name);
    n.erase(std::remove_if(n.begin(), n.end(), [](unsigned char c) { return std::isspace(c); }), n.end());
    if (n == "utf8" || n == "utf-8" || n == "utf-8-sig" || n == "utf8-sig" || n == "ascii" || n == "us-ascii")
        return "utf-8";
    if (n == "utf16" || n == "utf-16")
        return "utf-16";
    if (n == "utf16le" || n == "utf-16le")
        return "utf-16le";
    if (n == "utf16be" || n == "utf-16be")
        return "utf-16be";
    if (n == "utf32le" || n == "utf-32le")
        return "utf-32le";
    if (n == "utf32be" || n == "utf-32be")
        return "utf-32be";
    if (n == "gbk" || n == "cp936" || n == "windows-936" || n == "x-gbk" || n == "ms936")
        return "gbk";
    if (n == "gb2312" || n == "euc-cn" || n == "euccn")
        return "gb2312";
    if (n == "gb18030" || n == "gb-18030")
        return "gb18030";
    if (n == "latin1" || n == "latin-1" || n == "iso8859-1")
        return "iso-8859-1";
    return n;
}

std::string iconvEncodingName(std::string_view canonicalName) {
    const std::string n = canonicalEncodingName(canonicalName);
    if (n == "gbk" || n == "gb2312" || n == "gb18030")
        return "GB18030";
    std::string upper(n);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    return upper;
}

std::string describeBytes(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        if (!out.empty())
            out += ' ';
        out += "0x";
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

std::string invalidSequenceMessage(const std::string& encoding, const InvalidSequence& sequence) {
    std::string name(encoding);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
    return "invalid " + name + " byte sequence " + describeBytes(sequence.bytes);
}

Result<std::unique_ptr<TextDecoder>> TextDecoder::create(const std::string& encoding) {
    const std::string canonical = canonicalEncodingName(encoding);
    if (canonical.empty())
        return Error{ErrorCode::InvalidArgument, "no encoding given", {}};
    if (isUtf8Name(canonical))
        return std::unique_ptr<TextDecoder>(new TextDecoder(canonical, nullptr, 1));
    // "utf-16" without a BOM: iconv would guess big-endian; Windows tools write little-endian.
    const std::string source = canonical == "utf-16" ? "UTF-16LE" : iconvEncodingName(canonical);
    iconv_t handle = ::iconv_open("UTF-8", source.c_str());
    if (handle == reinterpret_cast<iconv_t>(-1))
        return Error{ErrorCode::InvalidArgument,
                     "unknown encoding \"" + encoding +
                         "\" (try utf-8, gbk, gb18030, utf-16le, utf-16be, big5)",
                     {}};
    std::size_t unit = 1;
    if (canonical.rfind("utf-16", 0) == 0 || canonical.rfind("ucs-2", 0) == 0)
        unit = 2;
    else if (canonical.rfind("utf-32", 0) == 0 || canonical.rfind("ucs-4", 0) == 0)
        unit = 4;
    return std::unique_ptr<TextDecoder>(new TextDecoder(canonical, handle, unit));
}

TextDecoder::TextDecoder(std::string encoding, void* iconvHandle, std::size_t unitSize)
    : m_encoding(std::move(encoding)), m_iconv(iconvHandle), m_unitSize(unitSize) {}

TextDecoder::~TextDecoder() {
    if (m_iconv)
        ::iconv_close(static_cast<iconv_t>(m_iconv));
}

void TextDecoder::decode(std::string_view input, std::string& out, std::vector<InvalidSequence>& invalid) {
    if (!m_carry.empty()) {
        m_joined.assign(m_carry);
        m_joined.append(input);
        m_carry.clear();
        input = m_joined;
    }
    if (m_iconv)
        decodeIconv(input, out, invalid);
    else
        decodeUtf8(input, out, invalid);
}

void TextDecoder::finish(std::string& out, std::vector<InvalidSequence>& invalid) {
    if (m_carry.empty())
        return;
    invalid.push_back({out.size(), m_carry});
    out.append(kReplacement);
    m_carry.clear();
}

void TextDecoder::decodeUtf8(std::string_view input, std::string& out,
                             std::vector<InvalidSequence>& invalid) {
    const auto* data = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t size = input.size();
    std::size_t i = 0;
    std::size_t runStart = 0;
    while (i < size) {
        // Eight ASCII bytes at a time: the common case for delimiters, digits and English text.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, data + i, 8);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        if (data[i] < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        switch (checkUtf8(data, size, i, length)) {
        case Utf8Check::Valid:
            i += length;
            break;
        case Utf8Check::Incomplete:
            out.append(input.substr(runStart, i - runStart));
            m_carry.assign(input.substr(i));
            return;
        case Utf8Check::Invalid:
            out.append(input.substr(runStart, i - runStart));
            invalid.push_back({out.size(), std::string(input.substr(i, length))});
            out.append(kReplacement);
            i += length;
            runStart = i;
            break;
        }
    }
    out.append(input.substr(runStart));
}

void TextDecoder::decodeIconv(std::string_view input, std::string& out,
                              std::vector<InvalidSequence>& invalid) {
    auto handle = static_cast<iconv_t>(m_iconv);
    char* in = const_cast<char*>(input.data());
    std::size_t inLeft = input.size();
    while (inLeft > 0) {
        const std::size_t before = out.size();
        // Two UTF-8 bytes per source byte covers every supported encoding; E2BIG just loops.
        out.resize(before + inLeft * 2 + 16);
        char* outPtr = out.data() + before;
        std::size_t outLeft = out.size() - before;
        const std::size_t rc = ::iconv(handle, &in, &inLeft, &outPtr, &outLeft);
        const int err = errno;
        out.resize(static_cast<std::size_t>(outPtr - out.data()));
        if (rc != static_cast<std::size_t>(-1))
            break;
        if (err == E2BIG)
            continue;
        if (err == EINVAL) { // incomplete sequence at the end of this chunk
            m_carry.assign(in, inLeft);
            break;
        }
        // EILSEQ (or anything else): replace one code unit and resynchronise after it.
        const std::size_t skip = std::min(m_unitSize, inLeft);
        invalid.push_back({out.size(), std::string(in, skip)});
        out.append(kReplacement);
        in += skip;
        inLeft -= skip;
        ::iconv(handle, nullptr, nullptr, nullptr, nullptr);
    }
}

} // namespace bankbench::core
