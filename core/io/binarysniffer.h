#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bankbench::core {

/// What a file's first bytes say it is when it is a known binary format: "a ZIP archive, e.g. .xlsx",
/// "a PDF document"... std::nullopt when no signature matches.
std::optional<std::string> binarySignature(std::string_view head);

/// Why `head` is not text in a single-byte or multibyte encoding (NUL bytes, mostly control
/// characters), or std::nullopt. Not meant for UTF-16/32, which are full of NULs.
std::optional<std::string> controlCharacterProblem(std::string_view head);

} // namespace bankbench::core
