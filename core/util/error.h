#pragma once

#include <cstdint>
#include <string>

namespace bankbench::core {

enum class ErrorCode {
    Io,            ///< cannot open, read or write a file
    NotText,       ///< input is binary (zip, image, executable...)
    Empty,         ///< input has no content / no data rows
    Encoding,      ///< bytes are invalid in the chosen encoding
    Parse,         ///< malformed CSV/JSON row
    InvalidArgument,
    NotFound,
    AlreadyExists,
    Database,
    SchemaTooNew,  ///< project written by a newer Bankbench
    Cancelled,
};

/// Where an error happened in an input file; line and column are 1-based, 0 means unknown.
struct SourceLocation {
    std::string file;
    std::int64_t line = 0;
    std::int64_t column = 0;
};

/// A typed, user-presentable error. `what()` renders it as `FILE:LINE:COL: message`.
struct Error {
    ErrorCode code = ErrorCode::InvalidArgument;
    std::string message;
    SourceLocation where;

    std::string what() const;
};

const char* errorCodeName(ErrorCode code);

} // namespace bankbench::core
