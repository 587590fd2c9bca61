#pragma once

#include "playground/playgroundtypes.h"

#include <QDialog>
#include <QMap>
#include <QStringList>

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
    /// `runLabels`: each run's labels, for the none-of-these choice (a run missing from it offers none).
    CreateBotDialog(const QStringList& runs, const QStringList& takenNames,
                    const QMap<QString, QStringList>& runLabels = {}, QWidget* parent = nullptr);

    NewBotRequest request() const;
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* runCombo() const { return m_run; }
    QLineEdit* responsesEdit() const { return m_responses; }
    QLineEdit* knowledgeEdit() const { return m_knowledge; }
    /// "(none)" first, then the chosen run's labels; a label named like "other" is preselected.
    QComboBox* noneIntentCombo() const { return m_noneIntent; }
    /// Why OK is disabled, or empty.
    QString problem() const;

private:
    QLineEdit* fileRow(const QString& filter, QWidget** row);
    void validate();
    void fillNoneIntents();

    QStringList m_taken;
    QLineEdit* m_name;
    QComboBox* m_run;
    QLineEdit* m_responses;
    QLineEdit* m_knowledge;
    QComboBox* m_noneIntent;
    QMap<QString, QStringList> m_runLabels;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace bankbench::ui
