#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// The only place where core's UTF-8 std::string meets QString (STYLE.md: convert at the boundary, in ui/).

namespace bankbench::ui {

inline QString toQString(const std::string& text) {
    return QString::fromStdString(text);
}
inline std::string toStdString(const QString& text) {
    return text.toStdString();
}

QStringList toQStringList(const std::vector<std::string>& items);

/// How one JSON field value reads in a table cell: strings as they are, null as empty, others as JSON.
QString jsonCellText(const nlohmann::json& value);

/// A single-line version of `text` for table cells: line breaks shown as "⏎", cut after `maxChars`.
QString singleLine(const QString& text, int maxChars = 300);

} // namespace bankbench::ui
