#pragma once

#include <string>
#include <string_view>

namespace bankbench::core {

/// Appends `value` as one RFC 4180 field: quoted only when it holds the delimiter, a quote or a line
/// break (quotes doubled), or when `aloneOnLine` and empty (a bare empty line would read as no row).
void appendCsvField(std::string& out, std::string_view value, char delimiter = ',', bool aloneOnLine = false);

} // namespace bankbench::core
