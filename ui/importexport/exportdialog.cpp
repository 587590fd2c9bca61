#include "importexport/exportdialog.h"

#include "common/qtconvert.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>

namespace bankbench::ui {

ExportDialog::ExportDialog(const QList<core::DatasetInfo>& datasets, std::optional<core::DatasetId> current,
                           const QString& directory, QWidget* parent)
    : QDialog(parent), m_datasets(datasets), m_directory(directory.isEmpty() ? QDir::homePath() : directory),
      m_dataset(new QComboBox(this)), m_format(new QComboBox(this)), m_file(new QLineEdit(this)),
      m_separator(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Export Dataset"));
    for (const auto& info : datasets) {
        m_dataset->addItem(tr("%1 (%2 rows)").arg(toQString(info.name), QLocale().toString(info.rowCount)),
                           QVariant::fromValue<qlonglong>(info.id));
    }
    if (current) {
        const int index = m_dataset->findData(QVariant::fromValue<qlonglong>(*current));
        if (index >= 0)
            m_dataset->setCurrentIndex(index);
    }
    m_format->addItem(tr("CSV (comma-separated, UTF-8)"), static_cast<int>(core::ExportFormat::Csv));
    m_format->addItem(tr("JSONL (one JSON object per line)"), static_cast<int>(core::ExportFormat::Jsonl));
    m_separator->setPlaceholderText(tr("as imported, or |"));
    m_separator->setToolTip(tr("Joins several labels in one CSV cell"));

    auto* browse = new QPushButton(tr("&Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Dataset:"), m_dataset);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("Label &separator:"), m_separator);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &ExportDialog::suggestFileName);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        m_separator->setEnabled(m_format->currentData().toInt() == static_cast<int>(core::ExportFormat::Csv));
        suggestFileName();
    });
    connect(m_file, &QLineEdit::textEdited, this, [this] { m_fileTouched = true; });
    connect(m_file, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canExport())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    suggestFileName();
    resize(620, sizeHint().height());
}

core::ExportOptions ExportDialog::options() const {
    core::ExportOptions options;
    const int index = m_dataset->currentIndex();
    if (index >= 0 && index < m_datasets.size())
        options.datasetName = m_datasets.at(index).name;
    options.format = static_cast<core::ExportFormat>(m_format->currentData().toInt());
    options.outPath = toStdString(m_file->text().trimmed());
    if (options.format == core::ExportFormat::Csv && !m_separator->text().isEmpty())
        options.labelSeparator = toStdString(m_separator->text());
    return options;
}

bool ExportDialog::canExport() const {
    const QFileInfo file(m_file->text().trimmed());
    return m_dataset->currentIndex() >= 0 && !m_file->text().trimmed().isEmpty() &&
           file.absoluteDir().exists();
}

void ExportDialog::browse() {
    const bool jsonl = m_format->currentData().toInt() == static_cast<int>(core::ExportFormat::Jsonl);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Dataset"), m_file->text(),
                                     jsonl ? tr("JSON Lines (*.jsonl)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        m_fileTouched = true;
        m_file->setText(path);
    }
}

void ExportDialog::suggestFileName() {
    const bool jsonl = m_format->currentData().toInt() == static_cast<int>(core::ExportFormat::Jsonl);
    const QString suffix = jsonl ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    if (m_fileTouched) {
        // Keep the user's file, but make its extension match the format.
        QString path = m_file->text();
        path.replace(QRegularExpression(QStringLiteral("\\.(csv|jsonl)$")), suffix);
        m_file->setText(path);
        return;
    }
    const int index = m_dataset->currentIndex();
    QString stem = index >= 0 ? toQString(m_datasets.at(index).name) : tr("dataset");
    stem.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
    m_file->setText(QDir(m_directory).filePath(stem + suffix));
}

void ExportDialog::validate() {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canExport());
}

} // namespace bankbench::ui
