#pragma once

#include <store/labeltypes.h>

#include <QDialog>

#include <vector>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace bankbench::ui {

/// Edits one label: key name, Chinese and English display names, guideline, colour and hotkey. Checks
/// what the store would refuse (empty or duplicate name, a hotkey that is not one character, taken or
/// reserved) before it closes, and says what is wrong. GUI thread.
class LabelEditDialog : public QDialog {
    Q_OBJECT

public:
    /// `others`: the set's other labels (for the uniqueness checks).
    LabelEditDialog(const core::Label& label, std::vector<core::Label> others, QWidget* parent = nullptr);

    core::Label label() const;
    /// "" when the input is acceptable, else what to fix (translated).
    QString validationError() const;

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* hotkeyEdit() const { return m_hotkey; }

    void accept() override;

private:
    void chooseColor();
    void showColor();

    core::Label m_label;
    std::vector<core::Label> m_others;
    QLineEdit* m_name;
    QLineEdit* m_zh;
    QLineEdit* m_en;
    QPlainTextEdit* m_description;
    QPushButton* m_color;
    QLineEdit* m_hotkey;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    QString m_colorName;
};

} // namespace bankbench::ui
