#include "importexport/importreportdialog.h"

#include "common/qtconvert.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bankbench::ui {

ImportReportDialog::ImportReportDialog(const QString& datasetName, const core::ImportResult& result,
                                       QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(this)) {
    setWindowTitle(tr("Import Report"));
    const QLocale locale;
    QString summary = tr("Imported %1 rows into “%2” (encoding %3).")
                          .arg(locale.toString(result.rowsImported), datasetName.toHtmlEscaped(),
                               toQString(result.encoding));
    if (result.rowsSkipped > 0)
        summary += QLatin1Char(' ') +
                   tr("Skipped %1 rows that could not be read.").arg(locale.toString(result.rowsSkipped));
    if (result.warningCount > static_cast<std::int64_t>(result.warnings.size())) {
        summary += QLatin1Char(' ') + tr("Showing the first %1 of %2 warnings.")
                                          .arg(locale.toString(static_cast<qint64>(result.warnings.size())),
                                               locale.toString(result.warningCount));
    }
    auto* label = new QLabel(summary, this);
    label->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("importWarnings"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Column"), tr("Problem")});
    m_table->setRowCount(static_cast<int>(result.warnings.size()));
    for (int i = 0; i < static_cast<int>(result.warnings.size()); ++i) {
        const auto& warning = result.warnings[static_cast<std::size_t>(i)];
        m_table->setItem(i, 0, new QTableWidgetItem(locale.toString(warning.line)));
        m_table->setItem(i, 1, new QTableWidgetItem(locale.toString(warning.column)));
        m_table->setItem(i, 2, new QTableWidgetItem(toQString(warning.message)));
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(720, 420);
}

} // namespace bankbench::ui
