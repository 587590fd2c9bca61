#pragma once

#include "evaluate/evaluationresult.h"

#include <QImage>
#include <QList>
#include <QPair>
#include <QString>

class QAbstractItemModel;

namespace bankbench::ui {

/// The table as shown (its rows in view order, display text) as RFC 4180 CSV with a header line.
QString tableCsv(const QAbstractItemModel& table);

/// The table as an HTML <table> (escaped display text).
QString tableHtml(const QAbstractItemModel& table);

/// The whole evaluation as one self-contained HTML page: `heading` (which model on which data), the
/// summary numbers, the classification report `table`, the top confusions, and `plots` (title, image)
/// embedded as PNG data URLs.
QString evaluationHtml(const EvaluationResult& result, const QString& heading,
                       const QAbstractItemModel& table, const QList<QPair<QString, QImage>>& plots);

/// Writes `text` as UTF-8 to `path`; false with `error` set on failure.
bool writeTextFile(const QString& path, const QString& text, QString* error);

} // namespace bankbench::ui
