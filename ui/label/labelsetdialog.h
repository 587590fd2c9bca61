#pragma once

#include <store/labeltypes.h>

#include <QDialog>

#include <optional>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace bankbench::ui {

/// A new label set for a dataset: its name, its kind (one label, several labels, or spans) and where its
/// labels come from: none yet, the distinct values of one of the dataset's columns, or a JSON/CSV list
/// file (read and checked before the dialog closes; errors name the line and column). GUI thread.
class LabelSetDialog : public QDialog {
    Q_OBJECT

public:
    LabelSetDialog(const core::DatasetInfo& dataset, QWidget* parent = nullptr);

    QString setName() const;
    core::LabelSetKind kind() const;
    /// The column to take labels from, or "".
    QString column() const;
    std::optional<QString> separator() const;
    /// Labels read from the list file (empty unless a file was chosen).
    const std::vector<core::Label>& labels() const { return m_labels; }

    void setKind(core::LabelSetKind kind);
    QLineEdit* nameEdit() const { return m_name; }

    void accept() override;

private:
    void browse();
    void updateEnabled();

    QLineEdit* m_name;
    QButtonGroup* m_kinds;
    QRadioButton* m_fromNothing;
    QRadioButton* m_fromColumn;
    QRadioButton* m_fromFile;
    QComboBox* m_column;
    QLineEdit* m_separator;
    QLineEdit* m_file;
    QLabel* m_error;
    std::vector<core::Label> m_labels;
};

} // namespace bankbench::ui
