#include "io/binarysniffer.h"

#include <array>
#include <cstddef>

namespace bankbench::core {

namespace {

struct Signature {
    std::string_view magic;
    const char* description;
};

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

std::optional<std::string> binarySignature(std::string_view head) {
    using namespace std::string_view_literals;
    static constexpr std::array<Signature, 14> kSignatures{{
        {"PK\x03\x04"sv, "a ZIP archive, e.g. .xlsx"},
        {"PK\x05\x06"sv, "an empty ZIP archive"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "an old Office document, e.g. .xls"},
        {"\x1F\x8B"sv, "a gzip archive"},
        {"BZh"sv, "a bzip2 archive"},
        {"\xFD\x37\x7A\x58\x5A\x00"sv, "an xz archive"},
        {"7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
        {"Rar!\x1A\x07"sv, "a RAR archive"},
        {"%PDF-"sv, "a PDF document"},
        {"\x7F"
         "ELF"sv,
         "an executable (ELF)"},
        {"\x89PNG\r\n\x1A\n"sv, "a PNG image"},
        {"\xFF\xD8\xFF"sv, "a JPEG image"},
        {"GIF8"sv, "a GIF image"},
        {"SQLite format 3\0"sv, "an SQLite database"},
    }};
    for (const auto& signature : kSignatures)
        if (startsWith(head, signature.magic))
            return std::string(signature.description);
    if (startsWith(head, "MZ") && head.find("PE\0\0"sv) != std::string_view::npos)
        return std::string("a Windows executable");
    return std::nullopt;
}

std::optional<std::string> controlCharacterProblem(std::string_view head) {
    if (head.empty())
        return std::nullopt;
    std::size_t nul = 0;
    std::size_t control = 0;
    for (const char ch : head) {
        const auto b = static_cast<unsigned char>(ch);
        if (b == 0)
            ++nul;
        else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B)
            ++control;
    }
    // Text exports never contain NULs; a stray one in a big sample can be a damaged cell.
    if (nul > 8 || nul * 100 > head.size())
        return std::string("it contains NUL bytes");
    if ((control + nul) * 10 > head.size())
        return std::string("it is mostly control characters");
    return std::nullopt;
}

} // namespace bankbench::core
