#include "io/outputpath.h"

#include <filesystem>

namespace bankbench::core {

Status checkReplaceableOutput(const std::string& path) {
    if (path.empty())
        return Error{ErrorCode::InvalidArgument, "no output file given", {}};
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return Error{ErrorCode::InvalidArgument,
                     "not a regular file; export writes a new file and renames it into place", {path, 0, 0}};
    return {};
}

} // namespace bankbench::core
