#include "evaluate/reportexport.h"

#include <QAbstractItemModel>
#include <QBuffer>
#include <QCoreApplication>
#include <QSaveFile>
#include <QtCore/qcoreapplication.h>

namespace bankbench::ui {

/// Translation context of the exported report's own words.
class ReportExport {
    Q_DECLARE_TR_FUNCTIONS(ReportExport)
};

namespace {

QString csvField(const QString& value) {
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString percent(double value) {
    return QString::number(value * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

QString tableCsv(const QAbstractItemModel& table) {
    QString out;
    QStringList fields;
    for (int c = 0; c < table.columnCount(); ++c)
        fields << csvField(table.headerData(c, Qt::Horizontal).toString());
    out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < table.rowCount(); ++r) {
        fields.clear();
        for (int c = 0; c < table.columnCount(); ++c)
            fields << csvField(table.index(r, c).data().toString());
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

QString tableHtml(const QAbstractItemModel& table) {
    QString out = QStringLiteral("<table>\n<thead><tr>");
    for (int c = 0; c < table.columnCount(); ++c)
        out +=
            QStringLiteral("<th>%1</th>").arg(table.headerData(c, Qt::Horizontal).toString().toHtmlEscaped());
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < table.rowCount(); ++r) {
        out += QStringLiteral("<tr>");
        for (int c = 0; c < table.columnCount(); ++c)
            out += (c == 0 ? QStringLiteral("<td>%1</td>") : QStringLiteral("<td class=\"n\">%1</td>"))
                       .arg(table.index(r, c).data().toString().toHtmlEscaped());
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table>\n");
    return out;
}

QString evaluationHtml(const EvaluationResult& result, const QString& heading,
                       const QAbstractItemModel& table, const QList<QPair<QString, QImage>>& plots) {
    QString out =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
            "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:"
            "1em 0}"
            "th,td{border:1px solid #ccc;padding:3px 8px}th{background:#f0f0f0}td.n{text-align:right}"
            "img{max-width:100%;border:1px solid #ddd}</style></head><body>\n")
            .arg(heading.toHtmlEscaped());
    out += QStringLiteral("<h1>%1</h1>\n").arg(heading.toHtmlEscaped());
    out += QStringLiteral("<p>%1: %2 &middot; %3: %4 &middot; %5: %6 &middot; %7: %8")
               .arg(result.multiLabel() ? ReportExport::tr("Subset accuracy") : ReportExport::tr("Accuracy"),
                    percent(result.accuracy), ReportExport::tr("Macro F1"),
                    QString::number(result.macro.f1, 'f', 3), ReportExport::tr("Weighted F1"),
                    QString::number(result.weighted.f1, 'f', 3), ReportExport::tr("Examples"),
                    QString::number(result.detail->examples.size()));
    if (result.ece)
        out += QStringLiteral(" &middot; %1: %2")
                   .arg(ReportExport::tr("Expected calibration error"), QString::number(*result.ece, 'f', 3));
    out += QStringLiteral("</p>\n<h2>%1</h2>\n").arg(ReportExport::tr("Classification report"));
    out += tableHtml(table);
    const QVector<Confusion> confusions = result.topConfusions(20);
    if (!confusions.isEmpty()) {
        out += QStringLiteral(
                   "<h2>%1</h2>\n<table><thead><tr><th>%2</th><th>%3</th><th>%4</th></tr></thead><tbody>\n")
                   .arg(ReportExport::tr("Top confusions"), ReportExport::tr("True label"),
                        ReportExport::tr("Predicted label"), ReportExport::tr("Count"));
        for (const Confusion& c : confusions)
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td></tr>\n")
                       .arg(result.labels[c.trueClass].toHtmlEscaped(),
                            result.labels[c.predictedClass].toHtmlEscaped())
                       .arg(c.count);
        out += QStringLiteral("</tbody></table>\n");
    }
    for (const auto& [title, image] : plots) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        out += QStringLiteral("<h2>%1</h2>\n<img alt=\"%1\" src=\"data:image/png;base64,%2\">\n")
                   .arg(title.toHtmlEscaped(), QString::fromLatin1(png.toBase64()));
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

bool writeTextFile(const QString& path, const QString& text, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace bankbench::ui
