#pragma once

#include "store/labeltypes.h"
#include "util/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// Parses a label list: a JSON array of objects `{"name":..,"zh":..,"en":..,"description":..,
/// "color":..,"hotkey":..}` (only "name" required; plain strings are accepted as names), or CSV with a
/// header naming those columns (only "name" required, any order, UTF-8, optional BOM). Errors carry
/// `sourceName`, line and column. Duplicate names are an error. Pure functions.
Result<std::vector<Label>> parseLabelListJson(std::string_view text,
                                              const std::string& sourceName = "<labels>");
Result<std::vector<Label>> parseLabelListCsv(std::string_view text,
                                             const std::string& sourceName = "<labels>");
/// Reads a file, choosing the format by extension (.json, else CSV).
Result<std::vector<Label>> readLabelList(const std::string& path);

} // namespace bankbench::core
