#include "io/columnsuggest.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace bankbench::core {

namespace {

using namespace std::string_view_literals;

constexpr std::array kTextNames{"text"sv,      "query"sv,    "message"sv, "content"sv, "question"sv,
                                "utterance"sv, "sentence"sv, "msg"sv,     "body"sv,    "文本"sv,
                                "内容"sv,      "问题"sv,     "留言"sv,    "消息"sv,    "语句"sv};
constexpr std::array kLabelNames{"label"sv, "labels"sv, "intent"sv, "intents"sv, "category"sv,
                                 "class"sv, "标签"sv,   "意图"sv,   "类别"sv,    "分类"sv};
// Words seen in header names of exports (split on non-alphanumerics), and Chinese header words.
constexpr std::array kHeaderWords{"id"sv,    "name"sv,     "date"sv,    "time"sv,  "channel"sv, "source"sv,
                                  "user"sv,  "customer"sv, "created"sv, "type"sv,  "lang"sv,    "language"sv,
                                  "score"sv, "status"sv,   "no"sv,      "phone"sv, "branch"sv,  "product"sv};
constexpr std::array kChineseHeaderWords{"编号"sv, "时间"sv, "日期"sv, "渠道"sv, "客户"sv, "用户"sv,
                                         "类型"sv, "序号"sv, "来源"sv, "状态"sv, "产品"sv, "网点"sv};

std::string normalized(std::string_view name) {
    const auto begin = name.find_first_not_of(" \t");
    const auto end = name.find_last_not_of(" \t");
    std::string out(begin == std::string_view::npos ? std::string_view{}
                                                    : name.substr(begin, end - begin + 1));
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

template <std::size_t N> bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

template <std::size_t N>
std::optional<std::string> firstNamed(const std::vector<std::string>& columns,
                                      const std::array<std::string_view, N>& names) {
    for (const auto wanted : names) // the list's order is the preference
        for (const auto& column : columns)
            if (normalized(column) == wanted)
                return column;
    return std::nullopt;
}

std::int64_t characters(const std::string& s) {
    std::int64_t count = 0;
    for (const char c : s)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

std::string columnList(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& column : columns)
        out += (out.empty() ? "" : ", ") + column;
    return out.empty() ? "(none)" : out;
}

} // namespace

bool isCommonColumnName(std::string_view name) {
    const std::string n = normalized(name);
    if (contains(kTextNames, n) || contains(kLabelNames, n))
        return true;
    for (const auto word : kChineseHeaderWords)
        if (n.find(word) != std::string::npos)
            return true;
    for (const auto word : kTextNames)
        if (static_cast<unsigned char>(word[0]) >= 0x80 && n.find(word) != std::string::npos)
            return true;
    std::string token;
    for (std::size_t i = 0; i <= n.size(); ++i) {
        if (i < n.size() && std::isalnum(static_cast<unsigned char>(n[i]))) {
            token += n[i];
            continue;
        }
        if (!token.empty() &&
            (contains(kHeaderWords, token) || contains(kTextNames, token) || contains(kLabelNames, token)))
            return true;
        token.clear();
    }
    return false;
}

std::string suggestTextColumn(const std::vector<std::string>& columns,
                              const std::vector<nlohmann::json>& rows,
                              const std::optional<std::string>& exclude) {
    if (auto named = firstNamed(columns, kTextNames); named && named != exclude)
        return *named;
    std::string best;
    double bestLength = -1;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == exclude)
            continue;
        std::int64_t total = 0;
        std::int64_t count = 0;
        for (const auto& row : rows) {
            if (i < row.size() && row[i].is_string()) {
                total += characters(row[i].get_ref<const std::string&>());
                ++count;
            }
        }
        const double average = count == 0 ? 0.0 : static_cast<double>(total) / static_cast<double>(count);
        if (average > bestLength) {
            bestLength = average;
            best = columns[i];
        }
    }
    return best;
}

std::optional<std::string> suggestLabelColumn(const std::vector<std::string>& columns) {
    return firstNamed(columns, kLabelNames);
}

Result<ColumnChoice> chooseColumns(const ImportOptions& options, const std::vector<std::string>& columns,
                                   const std::vector<nlohmann::json>& rows) {
    auto has = [&columns](const std::string& name) {
        return std::find(columns.begin(), columns.end(), name) != columns.end();
    };
    ColumnChoice choice;
    if (options.labelColumn) {
        if (!options.labelColumn->empty()) {
            if (!has(*options.labelColumn))
                return Error{ErrorCode::InvalidArgument,
                             "label column \"" + *options.labelColumn +
                                 "\" not found; the file has columns: " + columnList(columns),
                             {options.path, 0, 0}};
            choice.labelColumn = options.labelColumn;
        }
    } else if (options.textColumn.empty() || suggestLabelColumn(columns) != options.textColumn) {
        choice.labelColumn = suggestLabelColumn(columns);
    }
    if (!options.textColumn.empty()) {
        if (!has(options.textColumn))
            return Error{ErrorCode::InvalidArgument,
                         "text column \"" + options.textColumn +
                             "\" not found; the file has columns: " + columnList(columns),
                         {options.path, 0, 0}};
        choice.textColumn = options.textColumn;
    } else {
        choice.textColumn = suggestTextColumn(columns, rows, choice.labelColumn);
    }
    if (choice.textColumn.empty())
        return Error{
            ErrorCode::InvalidArgument, "the file has no column to take the text from", {options.path, 0, 0}};
    if (choice.labelColumn == choice.textColumn)
        return Error{ErrorCode::InvalidArgument,
                     "the text and label columns must differ (both are \"" + choice.textColumn + "\")",
                     {options.path, 0, 0}};
    return choice;
}

std::optional<std::size_t> columnPosition(const std::vector<std::string>& columns, const std::optional<std::string>& name) {
    if (!name)
        return std::nullopt;
    const auto it = std::find(columns.begin(), columns.end(), *name);
    if (it == columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

} // namespace bankbench::core
