#pragma once

#include <store/labeltypes.h>

#include <QDialog>

#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace bankbench::ui {

class LabelSession;

/// The label schema of the dataset being labelled: which label set it uses (switch, or create one from a
/// column or a JSON/CSV list), and its labels: add, edit (rename included), merge, reorder, delete with
/// confirmation, import a list. Every label edit goes through the session's undo stack, so Ctrl+Z in
/// the labeling view undoes it too. Follows the session's schema as it changes. GUI thread.
class LabelSchemaDialog : public QDialog {
    Q_OBJECT

public:
    LabelSchemaDialog(LabelSession& session, QString language, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    /// Label key name of the selected row.
    std::optional<std::string> selectedLabel() const;
    void selectLabel(const std::string& name);

    // The buttons' work without their prompts (the prompts call these; tests call them directly).
    void addLabel(const core::Label& label);
    /// Updates display names, guideline, colour, hotkey; renames when the key name changed.
    void editLabel(const core::Label& before, const core::Label& after);
    void mergeLabel(const std::string& source, const std::string& target);
    void moveLabel(const std::string& name, int delta);
    void deleteLabel(const std::string& name);

private:
    void refresh();
    void updateButtons();
    void promptAdd();
    void promptEdit();
    void promptMerge();
    void promptDelete();
    void promptImport();
    void promptNewSet();
    void chooseSet(int index);
    const core::Label* find(const std::string& name) const;
    QString display(const core::Label& label) const;

    LabelSession& m_session;
    QString m_language;
    QComboBox* m_set;
    QLabel* m_kind;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_merge;
    QPushButton* m_up;
    QPushButton* m_down;
    QPushButton* m_delete;
    QPushButton* m_import;
};

} // namespace bankbench::ui
