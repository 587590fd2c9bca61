#pragma once

#include <io/importoptions.h>

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTimer;

namespace bankbench::ui {

class ImportPreviewModel;

/// Chooses how a CSV/TSV/JSONL file becomes a dataset: file, format, encoding (detected, overridable),
/// delimiter, header row, a preview of the first rows as they will be imported, the column mapping,
/// bad-row handling and the dataset name. Previews run on a pool thread (they read only the head of the
/// file). The dialog only decides; ImportJob does the import. GUI thread.
class ImportDialog : public QDialog {
    Q_OBJECT

public:
    explicit ImportDialog(const QStringList& existingDatasetNames, QWidget* parent = nullptr);
    ~ImportDialog() override;

    void setFilePath(const QString& path);
    QString filePath() const;
    /// What the user chose; meaningful when canImport().
    core::ImportOptions options() const;
    bool canImport() const;
    /// A preview has arrived for the current choices and none is pending.
    bool isPreviewCurrent() const;
    const std::optional<core::ImportPreview>& preview() const { return m_preview; }
    QString previewError() const { return m_previewError; }

    ImportPreviewModel* previewModel() const { return m_previewModel; }
    QComboBox* encodingCombo() const { return m_encoding; }
    QComboBox* formatCombo() const { return m_format; }
    QComboBox* delimiterCombo() const { return m_delimiter; }
    QCheckBox* headerCheck() const { return m_header; }
    QComboBox* textColumnCombo() const { return m_textColumn; }
    QComboBox* labelColumnCombo() const { return m_labelColumn; }
    QLineEdit* labelSeparatorEdit() const { return m_labelSeparator; }
    QLineEdit* datasetNameEdit() const { return m_datasetName; }
    QCheckBox* skipBadRowsCheck() const { return m_skipBadRows; }

signals:
    /// A preview (or a preview error) was shown.
    void previewUpdated();

private:
    struct PreviewOutcome {
        std::optional<core::ImportPreview> preview;
        QString error;
    };

    void buildWidgets();
    void browse();
    void schedulePreview();
    void runPreview();
    void onPreviewFinished();
    void showPreview(const core::ImportPreview& preview);
    void showPreviewError(const QString& message);
    void updateMapping();
    void validate();
    core::ImportOptions readingOptions() const;
    QString uniqueDatasetName(const QString& base) const;

    QStringList m_existingNames;
    QLineEdit* m_file = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_encoding = nullptr;
    QLabel* m_detected = nullptr;
    QComboBox* m_delimiter = nullptr;
    QCheckBox* m_header = nullptr;
    QComboBox* m_textColumn = nullptr;
    QComboBox* m_labelColumn = nullptr;
    QLineEdit* m_labelSeparator = nullptr;
    QCheckBox* m_skipBadRows = nullptr;
    QLineEdit* m_datasetName = nullptr;
    QTableView* m_previewTable = nullptr;
    QListWidget* m_warnings = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    ImportPreviewModel* m_previewModel = nullptr;
    QTimer* m_previewTimer = nullptr;

    QFutureWatcher<PreviewOutcome> m_previewWatcher;
    std::optional<core::ImportPreview> m_preview;
    QString m_previewError;
    bool m_previewPending = false; ///< choices changed after the running preview started
    bool m_previewRunning = false; ///< until onPreviewFinished() (the future ends before its signal)
    bool m_headerTouched = false;  ///< the user set the header box; until then it shows detection
    bool m_nameTouched = false;
    bool m_labelTouched = false; ///< the user chose a label column (or none) themselves
};

} // namespace bankbench::ui
