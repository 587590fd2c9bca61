#pragma once

#include "util/error.h"

#include <cstdint>
#include <string>

namespace bankbench::core {

/// Why a row could not be read, and where: 1-based physical line and character (code point) column.
struct RowError {
    ErrorCode code = ErrorCode::Parse;
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::string message;
};

/// 1-based line and character column of a place in the source.
struct TextLocation {
    std::int64_t line = 0;
    std::int64_t column = 0;
};

} // namespace bankbench::core
