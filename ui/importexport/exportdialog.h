#pragma once

#include <io/exporter.h>
#include <store/records.h>

#include <QDialog>
#include <QList>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace bankbench::ui {

/// Chooses a dataset, a format (CSV or JSONL) and a file to export to; ExportJob does the writing.
/// GUI thread.
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    ExportDialog(const QList<core::DatasetInfo>& datasets, std::optional<core::DatasetId> current,
                 const QString& directory, QWidget* parent = nullptr);

    core::ExportOptions options() const;
    bool canExport() const;

    QComboBox* datasetCombo() const { return m_dataset; }
    QComboBox* formatCombo() const { return m_format; }
    QLineEdit* fileEdit() const { return m_file; }

private:
    void browse();
    void suggestFileName();
    void validate();

    QList<core::DatasetInfo> m_datasets;
    QString m_directory;
    QComboBox* m_dataset;
    QComboBox* m_format;
    QLineEdit* m_file;
    QLineEdit* m_separator;
    QDialogButtonBox* m_buttons;
    bool m_fileTouched = false;
};

} // namespace bankbench::ui
