#include "playground/createbotdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bankbench::ui {

CreateBotDialog::CreateBotDialog(const QStringList& runs, const QStringList& takenNames,
                                 const QMap<QString, QStringList>& runLabels, QWidget* parent)
    : QDialog(parent), m_taken(takenNames), m_name(new QLineEdit(this)), m_run(new QComboBox(this)),
      m_noneIntent(new QComboBox(this)), m_runLabels(runLabels), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("createBotDialog"));
    setWindowTitle(tr("New Bot"));
    m_name->setObjectName(QStringLiteral("botName"));
    m_name->setPlaceholderText(tr("e.g. service-demo"));
    m_run->addItems(runs);
    QWidget* responsesRow = nullptr;
    QWidget* knowledgeRow = nullptr;
    m_responses = fileRow(tr("Responses (*.json *.csv)"), &responsesRow);
    m_knowledge = fileRow(tr("FAQ files (*.csv *.tsv *.jsonl)"), &knowledgeRow);
    m_responses->setPlaceholderText(tr("optional: without it the bot names the intent it understood"));
    m_knowledge->setPlaceholderText(tr("optional: FAQ question/answer pairs"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Intent model &run:"), m_run);
    form->addRow(tr("&Responses file:"), responsesRow);
    form->addRow(tr("&Knowledge base file:"), knowledgeRow);
    m_noneIntent->setObjectName(QStringLiteral("noneIntent"));
    m_noneIntent->setToolTip(tr("A label of the run that stands for messages the bank does not serve (e.g. "
                                "\"other\"): the bot never answers it as an intent, it hands over instead."));
    form->addRow(tr("\"None of these\" &intent:"), m_noneIntent);
    auto* note =
        new QLabel(tr("The confidence margin and the out-of-scope threshold (distance to the intent's training "
               "examples) are tuned on the run's validation split."), this);
    note->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateBotDialog::validate);
    connect(m_run, &QComboBox::currentTextChanged, this, &CreateBotDialog::fillNoneIntents);
    fillNoneIntents();
    connect(m_responses, &QLineEdit::textChanged, this, &CreateBotDialog::validate);
    connect(m_knowledge, &QLineEdit::textChanged, this, &CreateBotDialog::validate);
    resize(560, sizeHint().height());
    validate();
}

QLineEdit* CreateBotDialog::fileRow(const QString& filter, QWidget** row) {
    *row = new QWidget(this);
    auto* edit = new QLineEdit(*row);
    auto* browse = new QPushButton(tr("Browse…"), *row);
    auto* layout = new QHBoxLayout(*row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a File"), edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    return edit;
}

QString CreateBotDialog::problem() const {
    const QString name = m_name->text().trimmed();
    if (m_run->count() == 0)
        return tr("The project has no finished run: train a model in the Train workspace first.");
    if (name.isEmpty())
        return tr("Give the bot a name.");
    if (name.toUtf8().size() > 100)
        return tr("The name is too long (at most 100 bytes).");
    if (m_taken.contains(name))
        return tr("A bot named \"%1\" already exists.").arg(name);
    for (QLineEdit* edit : {m_responses, m_knowledge}) {
        const QString path = edit->text().trimmed();
        if (!path.isEmpty() && !QFileInfo(path).isFile())
            return tr("No such file: %1").arg(path);
    }
    return {};
}

void CreateBotDialog::validate() {
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void CreateBotDialog::fillNoneIntents() {
    m_noneIntent->clear();
    m_noneIntent->addItem(tr("(none)"), QString());
    const QStringList labels = m_runLabels.value(m_run->currentText());
    int preselect = 0;
    for (const QString& label : labels) {
        m_noneIntent->addItem(label, label);
        // Common names of such a label in bank data and public intent sets (CLINC150's "oos").
        static const QStringList usual = {QStringLiteral("other"), QStringLiteral("others"),
                                          QStringLiteral("none"), QStringLiteral("none_of_these"),
                                          QStringLiteral("oos"), QStringLiteral("out_of_scope"),
                                          QStringLiteral("其他")};
        if (preselect == 0 && usual.contains(label.toLower()))
            preselect = m_noneIntent->count() - 1;
    }
    m_noneIntent->setCurrentIndex(preselect);
    m_noneIntent->setEnabled(!labels.isEmpty());
}

NewBotRequest CreateBotDialog::request() const {
    return {m_name->text().trimmed(), m_run->currentText(), m_responses->text().trimmed(),
            m_knowledge->text().trimmed(), m_noneIntent->currentData().toString()};
}

} // namespace bankbench::ui
