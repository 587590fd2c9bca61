#pragma once

#include <store/records.h>

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <vector>

namespace bankbench::ui {

/// One record converted for display on the loader thread, so painting does no JSON or UTF-8 work.
struct RecordRow {
    core::RecordId id = 0;
    qint64 sourceLine = 0;
    QString text;     ///< full text, for the detail pane
    QString textLine; ///< single line, shortened, for the table cell
    QStringList labels;
    QStringList fields; ///< aligned with DatasetInfo::columns
};

using RecordRows = QVector<RecordRow>;
using RecordIdList = std::shared_ptr<const std::vector<core::RecordId>>;

} // namespace bankbench::ui

Q_DECLARE_METATYPE(bankbench::ui::RecordRow)
Q_DECLARE_METATYPE(bankbench::ui::RecordRows)
Q_DECLARE_METATYPE(bankbench::ui::RecordIdList)
Q_DECLARE_METATYPE(bankbench::core::RecordQuery)
