#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace bankbench::core {

/// Writes the compact JSON array stored in records.fields_json: the row's values with null in the text
/// column's slot when that slot holds exactly `text` (the text is stored once, in records.text, and put
/// back on read). Strings and nulls, nearly all of an import, are written without copying the array.
/// Pure; safe on any thread.
void serializeRecordFields(const nlohmann::json& fields, std::optional<std::size_t> textColumn,
                           const std::string& text, std::string& out);

} // namespace bankbench::core
