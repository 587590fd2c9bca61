#include "util/error.h"

namespace bankbench::core {

std::string Error::what() const {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) {
            out += ':' + std::to_string(where.line);
            if (where.column > 0)
                out += ':' + std::to_string(where.column);
        }
        out += ": ";
    }
    out += message;
    return out;
}

const char* errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::NotText: return "not_text";
    case ErrorCode::Empty: return "empty";
    case ErrorCode::Encoding: return "encoding";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AlreadyExists: return "already_exists";
    case ErrorCode::Database: return "database";
    case ErrorCode::SchemaTooNew: return "schema_too_new";
    case ErrorCode::Cancelled: return "cancelled";
    }
    return "unknown";
}

} // namespace bankbench::core
