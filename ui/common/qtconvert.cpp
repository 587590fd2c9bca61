#include "common/qtconvert.h"

namespace bankbench::ui {

QStringList toQStringList(const std::vector<std::string>& items) {
    QStringList out;
    out.reserve(static_cast<qsizetype>(items.size()));
    for (const auto& item : items)
        out.push_back(toQString(item));
    return out;
}

QString jsonCellText(const nlohmann::json& value) {
    if (value.is_null())
        return {};
    if (value.is_string())
        return toQString(value.get_ref<const std::string&>());
    // error_handler::replace: a stray invalid byte must not throw while painting a table.
    return toQString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString singleLine(const QString& text, int maxChars) {
    // Painting very long cells costs layout time on every scroll step; the detail pane shows the full text.
    QString out = text.left(maxChars + 1);
    out.replace(QLatin1String("\r\n"), QStringLiteral(" ⏎ "));
    out.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    out.replace(QLatin1Char('\r'), QStringLiteral(" ⏎ "));
    out.replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (out.size() > maxChars || text.size() > maxChars + 1)
        out = out.left(maxChars) + QStringLiteral("…");
    return out;
}

} // namespace bankbench::ui
