#pragma once

#include <string>

namespace bankbench::core {

/// Current UTC time as ISO 8601 with milliseconds, e.g. "2026-12-04T16:20:00.123Z".
std::string nowIso8601();

} // namespace bankbench::core
