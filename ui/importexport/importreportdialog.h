#pragma once

#include <io/importoptions.h>

#include <QDialog>

class QTableWidget;

namespace bankbench::ui {

/// After an import that skipped rows or met problems: the summary and each warning with its line and
/// column. Non-modal; GUI thread.
class ImportReportDialog : public QDialog {
    Q_OBJECT

public:
    ImportReportDialog(const QString& datasetName, const core::ImportResult& result,
                       QWidget* parent = nullptr);

    QTableWidget* warningTable() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace bankbench::ui
