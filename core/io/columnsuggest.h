#pragma once

#include "io/importoptions.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// True for names that columns of customer-service exports usually carry (text, label, id, 时间...):
/// evidence that a first row is a header.
bool isCommonColumnName(std::string_view name);

/// The column named like a text column (text, query, message, content, question, utterance, 文本, 内容,
/// 问题, 留言...), else the one with the longest average value, skipping `exclude`. "" without columns.
std::string suggestTextColumn(const std::vector<std::string>& columns,
                              const std::vector<nlohmann::json>& rows,
                              const std::optional<std::string>& exclude);
/// The column named like a label column (label, intent, category, 标签, 意图, 类别...), if any.
std::optional<std::string> suggestLabelColumn(const std::vector<std::string>& columns);

/// Position of the column called `name` in `columns`; nullopt when unset or absent.
std::optional<std::size_t> columnPosition(const std::vector<std::string>& columns, const std::optional<std::string>& name);

struct ColumnChoice {
    std::string textColumn;
    std::optional<std::string> labelColumn;
};

/// The user's text/label columns when given (checked against `columns`: InvalidArgument naming the
/// columns that exist), else suggestions. `path` names the file in errors.
Result<ColumnChoice> chooseColumns(const ImportOptions& options, const std::vector<std::string>& columns,
                                   const std::vector<nlohmann::json>& rows);

} // namespace bankbench::core
