#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace bankbench::core {

/// The labels one label-column value holds, into `out` (cleared first): each element of a JSON array,
/// or a string split by `separator` when one is given. Parts are trimmed; empty parts and repeats are
/// dropped. Other scalars count as one label (their JSON text); null holds none.
void labelsFromValue(const nlohmann::json& value, const std::optional<std::string>& separator,
                     std::vector<std::string>& out);

/// True when `a` and `b` hold the same labels, in any order.
bool sameLabels(std::vector<std::string> a, std::vector<std::string> b);

} // namespace bankbench::core
