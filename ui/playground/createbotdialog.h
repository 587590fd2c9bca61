#pragma once

#include "playground/playgroundtypes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace bankbench::ui {

/// Makes a bot from a finished run: a name, the run, and optional response and FAQ files (the same as
/// `bankbench-cli bot create`). The dialog only collects; the workspace's worker creates. GUI thread.
class CreateBotDialog : public QDialog {
    Q_OBJECT

public:
    CreateBotDialog(const QStringList& runs, const QStringList& takenNames, QWidget* parent = nullptr);

    NewBotRequest request() const;
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* runCombo() const { return m_run; }
    QLineEdit* responsesEdit() const { return m_responses; }
    QLineEdit* knowledgeEdit() const { return m_knowledge; }
    /// Why OK is disabled, or empty.
    QString problem() const;

private:
    QLineEdit* fileRow(const QString& filter, QWidget** row);
    void validate();

    QStringList m_taken;
    QLineEdit* m_name;
    QComboBox* m_run;
    QLineEdit* m_responses;
    QLineEdit* m_knowledge;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace bankbench::ui
