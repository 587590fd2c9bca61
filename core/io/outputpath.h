#pragma once

#include "util/result.h"

#include <string>

namespace bankbench::core {

/// Checks that `path` may be written by writing a temporary file beside it and renaming it into place:
/// refuses an empty path and an existing target that is not a regular file (a symlink, /dev/stdout, a
/// directory), which the rename would replace instead of writing through. Shared by every exporter.
Status checkReplaceableOutput(const std::string& path);

} // namespace bankbench::core
