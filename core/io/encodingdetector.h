#pragma once

#include "util/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace bankbench::core {

/// Bytes of a file's head that detection looks at.
inline constexpr std::size_t kEncodingSampleBytes = 64 * 1024;

struct EncodingDetection {
    std::string encoding;      ///< canonical name to decode with: "utf-8", "gb18030", "utf-16le"...
    double confidence = 0;     ///< 1 for a BOM or pure ASCII; a heuristic estimate otherwise
    std::size_t bomLength = 0; ///< bytes to skip before decoding
};

/// Detects the encoding of a file from its first bytes (`head`; `wholeFile` when the head is the whole
/// file, so a multibyte sequence cut at its end is not taken for an error). `forced` is "auto" or a
/// user-chosen encoding, which wins over detection, though a matching BOM is still skipped.
/// Refuses empty input (Empty) and binary content (NotText); `path` names the file in those errors.
Result<EncodingDetection> detectEncoding(std::string_view head, bool wholeFile, const std::string& forced,
                                         const std::string& path);

} // namespace bankbench::core
