#pragma once

#include "util/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core::chat {

/// 1-based line and code-point column of byte `offset` in `text`.
SourceLocation locateOffset(std::string_view text, std::size_t offset, const std::string& file);

/// Where the JSON value reached by `keys` (object keys, outermost first) is written in `text`: each key
/// is looked for as a quoted string after the previous one. nlohmann::json keeps no positions, and a
/// semantic error ("responses" is not an array) should still point at the line. Falls back to the last
/// key found (or 1:1).
SourceLocation locateJsonPath(std::string_view text, const std::vector<std::string>& keys,
                              const std::string& file);

} // namespace bankbench::core::chat
