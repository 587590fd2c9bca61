#pragma once

#include "data/recordrow.h"

#include <store/records.h>

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace bankbench::ui {

/// The selected record in full: wrapped text in a large font, its labels, every source field and the
/// line it came from. Shows what it is given; GUI thread.
class RecordDetailPane : public QWidget {
    Q_OBJECT

public:
    explicit RecordDetailPane(QWidget* parent = nullptr);

    /// Columns of the dataset the records belong to (names for RecordRow::fields).
    void setDataset(const std::optional<core::DatasetInfo>& dataset);
    void showRecord(int displayRow, const RecordRow& row);
    /// The row is selected but its data has not arrived yet.
    void showLoading(int displayRow);
    void clear();

    QString shownText() const;
    QStringList shownLabels() const { return m_labels; }

private:
    QLabel* m_title;
    QLabel* m_labelsView;
    QPlainTextEdit* m_text;
    QTableWidget* m_fields;
    QStringList m_columns;
    QStringList m_labels;
};

} // namespace bankbench::ui
