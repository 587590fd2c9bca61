#include "importexport/importchoices.h"

#include <QComboBox>

namespace bankbench::ui {

void ImportChoices::fillFormats(QComboBox& combo) {
    combo.addItem(tr("Auto-detect"), static_cast<int>(core::InputFormat::Auto));
    combo.addItem(QStringLiteral("CSV"), static_cast<int>(core::InputFormat::Csv));
    combo.addItem(QStringLiteral("TSV"), static_cast<int>(core::InputFormat::Tsv));
    combo.addItem(QStringLiteral("JSONL"), static_cast<int>(core::InputFormat::Jsonl));
}

void ImportChoices::fillEncodings(QComboBox& combo) {
    combo.addItem(tr("Auto-detect"), QStringLiteral("auto"));
    const QList<QPair<QString, QString>> encodings = {
        {tr("UTF-8"), QStringLiteral("utf-8")},
        {tr("GBK (Simplified Chinese)"), QStringLiteral("gbk")},
        {tr("GB18030 (Chinese)"), QStringLiteral("gb18030")},
        {tr("Big5 (Traditional Chinese)"), QStringLiteral("big5")},
        {tr("UTF-16 LE"), QStringLiteral("utf-16le")},
        {tr("UTF-16 BE"), QStringLiteral("utf-16be")},
        {tr("Latin-1 (ISO 8859-1)"), QStringLiteral("iso-8859-1")},
        {tr("Windows-1252"), QStringLiteral("cp1252")}};
    for (const auto& [name, code] : encodings)
        combo.addItem(name, code);
}

void ImportChoices::fillDelimiters(QComboBox& combo) {
    combo.addItem(tr("Auto-detect"));
    combo.addItem(tr("Comma ( , )"), QStringLiteral(","));
    combo.addItem(tr("Tab"), QStringLiteral("\t"));
    combo.addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
    combo.addItem(tr("Pipe ( | )"), QStringLiteral("|"));
}

QString ImportChoices::delimiterName(char delimiter) {
    switch (delimiter) {
    case ',':
        return tr("comma");
    case '\t':
        return tr("tab");
    case ';':
        return tr("semicolon");
    case '|':
        return tr("pipe");
    default:
        return QStringLiteral("'%1'").arg(QLatin1Char(delimiter));
    }
}

QString ImportChoices::formatName(core::InputFormat format) {
    switch (format) {
    case core::InputFormat::Csv:
        return QStringLiteral("CSV");
    case core::InputFormat::Tsv:
        return QStringLiteral("TSV");
    case core::InputFormat::Jsonl:
        return QStringLiteral("JSONL");
    case core::InputFormat::Auto:
        break;
    }
    return tr("auto");
}

} // namespace bankbench::ui
