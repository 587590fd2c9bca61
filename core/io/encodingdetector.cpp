#include "io/encodingdetector.h"

#include "io/binarysniffer.h"
#include "io/textdecoder.h"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace bankbench::core {

namespace {

using namespace std::string_view_literals;

struct Bom {
    std::string_view bytes;
    const char* encoding;
};

// UTF-32LE must be tested before UTF-16LE: its BOM starts with the UTF-16LE one.
constexpr std::array<Bom, 5> kBoms{{
    {"\xFF\xFE\x00\x00"sv, "utf-32le"},
    {"\x00\x00\xFE\xFF"sv, "utf-32be"},
    {"\xEF\xBB\xBF"sv, "utf-8"},
    {"\xFF\xFE"sv, "utf-16le"},
    {"\xFE\xFF"sv, "utf-16be"},
}};

std::optional<Bom> findBom(std::string_view head) {
    for (const auto& bom : kBoms)
        if (head.substr(0, bom.bytes.size()) == bom.bytes)
            return bom;
    return std::nullopt;
}

bool isWideFamily(const std::string& canonical) {
    return canonical.rfind("utf-16", 0) == 0 || canonical.rfind("utf-32", 0) == 0;
}

// A BOM counts for a forced encoding of the same family ("utf-16" takes either byte order).
bool bomMatches(const std::string& bomEncoding, const std::string& forced) {
    return bomEncoding == forced || (forced == "utf-16" && bomEncoding.rfind("utf-16", 0) == 0) ||
           (forced == "utf-32" && bomEncoding.rfind("utf-32", 0) == 0);
}

// No invalid sequence (a surrogate cut at the end of the sample aside) and no control characters
// other than tab, CR, LF and form feed.
bool decodesAsCleanText(std::string_view head, const std::string& encoding) {
    auto decoder = TextDecoder::create(encoding);
    if (!decoder)
        return false;
    std::string out;
    std::vector<InvalidSequence> invalid;
    (*decoder)->decode(head, out, invalid);
    if (!invalid.empty())
        return false;
    return std::none_of(out.begin(), out.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f';
    });
}

// UTF-16 without a BOM: ASCII characters (delimiters, digits, line ends) have a zero high byte, so
// NULs gather on odd offsets for little-endian and even ones for big-endian. Chinese text has few
// ASCII characters, so the bar is low; decoding to clean text confirms it.
std::optional<std::string> utf16ByNulPattern(std::string_view head) {
    const std::size_t pairs = head.size() / 2;
    if (pairs < 2)
        return std::nullopt;
    std::size_t evenNul = 0;
    std::size_t oddNul = 0;
    for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
        evenNul += head[i] == '\0';
        oddNul += head[i + 1] == '\0';
    }
    const std::string_view whole = head.substr(0, pairs * 2);
    if (oddNul * 20 >= pairs && evenNul * 4 <= oddNul && decodesAsCleanText(whole, "utf-16le"))
        return std::string("utf-16le");
    if (evenNul * 20 >= pairs && oddNul * 4 <= evenNul && decodesAsCleanText(whole, "utf-16be"))
        return std::string("utf-16be");
    return std::nullopt;
}

// Invalid sequences of `head` in `encoding`, not counting a sequence cut at the end of a partial head.
std::size_t invalidCount(std::string_view head, bool wholeFile, const std::string& encoding) {
    auto decoder = TextDecoder::create(encoding);
    if (!decoder)
        return head.size();
    std::string out;
    std::vector<InvalidSequence> invalid;
    (*decoder)->decode(head, out, invalid);
    if (wholeFile)
        (*decoder)->finish(out, invalid);
    return invalid.size();
}

bool isAscii(std::string_view head) {
    for (const char c : head)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

// Share of two-byte GBK characters that fall in GB2312's hanzi block (lead 0xB0-0xF7, trail 0xA1-0xFE):
// Chinese text is mostly there, while Latin-1 or Big5 text read as GBK is not.
double gbHanziShare(std::string_view head) {
    std::size_t pairs = 0;
    std::size_t hanzi = 0;
    for (std::size_t i = 0; i + 1 < head.size(); ++i) {
        const auto lead = static_cast<unsigned char>(head[i]);
        if (lead < 0x81 || lead == 0xFF)
            continue;
        const auto trail = static_cast<unsigned char>(head[i + 1]);
        ++pairs;
        hanzi += lead >= 0xB0 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE;
        ++i;
    }
    return pairs == 0 ? 0.0 : static_cast<double>(hanzi) / static_cast<double>(pairs);
}

std::string uchardetGuess(std::string_view head) {
    uchardet_t detector = ::uchardet_new();
    if (!detector)
        return {};
    ::uchardet_handle_data(detector, head.data(), head.size());
    ::uchardet_data_end(detector);
    std::string charset = ::uchardet_get_charset(detector);
    ::uchardet_delete(detector);
    return canonicalEncodingName(charset);
}

bool isChineseGbName(const std::string& canonical) {
    return canonical == "gb18030" || canonical == "gbk" || canonical == "gb2312" || canonical == "hz-gb-2312";
}

Error notText(const std::string& path, const std::string& why) {
    return Error{
        ErrorCode::NotText, "not a text file (" + why + "); export it as CSV, TSV or JSONL", {path, 0, 0}};
}

Result<EncodingDetection> forcedEncoding(std::string_view head, const std::string& forced,
                                         const std::string& path) {
    std::string canonical = canonicalEncodingName(forced);
    EncodingDetection result{canonical, 1.0, 0};
    if (const auto bom = findBom(head); bom && bomMatches(bom->encoding, canonical)) {
        result.bomLength = bom->bytes.size();
        if (canonical == "utf-16" || canonical == "utf-32")
            result.encoding = bom->encoding;
    } else if (canonical == "utf-16") {
        result.encoding = utf16ByNulPattern(head).value_or("utf-16le");
    }
    if (result.bomLength == 0) {
        if (auto kind = binarySignature(head))
            return notText(path, "looks like " + *kind);
    }
    if (!isWideFamily(canonical)) {
        if (auto problem = controlCharacterProblem(head))
            return notText(path, *problem);
    }
    if (auto decoder = TextDecoder::create(result.encoding); !decoder)
        return decoder.error();
    return result;
}

} // namespace

Result<EncodingDetection> detectEncoding(std::string_view head, bool wholeFile, const std::string& forced,
                                         const std::string& path) {
    if (head.empty())
        return Error{ErrorCode::Empty, "file is empty", {path, 0, 0}};
    const std::string canonicalForced = canonicalEncodingName(forced);
    if (!canonicalForced.empty() && canonicalForced != "auto")
        return forcedEncoding(head, canonicalForced, path);

    if (const auto bom = findBom(head))
        return EncodingDetection{bom->encoding, 1.0, bom->bytes.size()};
    if (auto kind = binarySignature(head))
        return notText(path, "looks like " + *kind);
    if (auto wide = utf16ByNulPattern(head))
        return EncodingDetection{*wide, 0.9, 0};
    if (auto problem = controlCharacterProblem(head))
        return notText(path, *problem);

    // A strict UTF-8 check first: uchardet sometimes names a legacy code page for short UTF-8 samples.
    if (isAscii(head))
        return EncodingDetection{"utf-8", 1.0, 0};
    if (invalidCount(head, wholeFile, "utf-8") == 0)
        return EncodingDetection{"utf-8", 0.99, 0};

    const std::string guess = uchardetGuess(head);
    const std::size_t gbInvalid = invalidCount(head, wholeFile, "gb18030");
    const bool gbClean = gbInvalid == 0;
    if (isChineseGbName(guess))
        return EncodingDetection{"gb18030", gbClean ? 0.95 : 0.7, 0};
    // Bankbench's files come from Chinese service desks: GBK that reads as hanzi (allowing a few damaged
    // bytes, reported later as bad rows) beats a guess of a Western or Big5 code page, which uchardet
    // makes on short samples.
    if (gbInvalid <= 3 && gbHanziShare(head) >= 0.8)
        return EncodingDetection{"gb18030", gbClean ? 0.6 : 0.5, 0};
    if (!guess.empty() && guess != "utf-8" && TextDecoder::create(guess).ok() &&
        invalidCount(head, wholeFile, guess) == 0)
        return EncodingDetection{guess, 0.5, 0};
    if (gbClean)
        return EncodingDetection{"gb18030", 0.4, 0};
    // Mostly UTF-8 with damaged bytes: decode as UTF-8 so the bad rows are reported where they are.
    return EncodingDetection{"utf-8", 0.3, 0};
}

} // namespace bankbench::core
