#include "label/labelsetdialog.h"

#include "common/qtconvert.h"

#include <labeling/labellist.h>

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace bankbench::ui {

LabelSetDialog::LabelSetDialog(const core::DatasetInfo& dataset, QWidget* parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_kinds(new QButtonGroup(this)),
      m_fromNothing(new QRadioButton(tr("None yet: add them in the label list"), this)),
      m_fromColumn(new QRadioButton(tr("The values of a column:"), this)),
      m_fromFile(new QRadioButton(tr("A JSON or CSV list:"), this)), m_column(new QComboBox(this)),
      m_separator(new QLineEdit(this)), m_file(new QLineEdit(this)), m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("labelSetDialog"));
    setWindowTitle(tr("New Label Set"));
    m_name->setText(toQString(dataset.name) + QStringLiteral(" labels"));
    auto* single = new QRadioButton(tr("Intent: one label per record"), this);
    auto* multi = new QRadioButton(tr("Intents: several labels per record"), this);
    auto* span = new QRadioButton(tr("Slots: spans of text"), this);
    m_kinds->addButton(single, static_cast<int>(core::LabelSetKind::SingleLabel));
    m_kinds->addButton(multi, static_cast<int>(core::LabelSetKind::MultiLabel));
    m_kinds->addButton(span, static_cast<int>(core::LabelSetKind::Span));
    single->setChecked(true);

    for (const auto& column : dataset.columns) {
        if (column != dataset.textColumn)
            m_column->addItem(toQString(column));
    }
    if (dataset.labelColumn)
        m_column->setCurrentText(toQString(*dataset.labelColumn));
    m_separator->setPlaceholderText(tr("separator, e.g. |"));
    m_separator->setMaximumWidth(120);
    if (dataset.labelSeparator)
        m_separator->setText(toQString(*dataset.labelSeparator));
    m_file->setReadOnly(true);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &LabelSetDialog::browse);
    m_fromNothing->setChecked(true);
    if (m_column->count() == 0)
        m_fromColumn->setEnabled(false);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #9b1c1c; }"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* kinds = new QVBoxLayout;
    kinds->addWidget(single);
    kinds->addWidget(multi);
    kinds->addWidget(span);
    auto* columnRow = new QHBoxLayout;
    columnRow->addWidget(m_fromColumn);
    columnRow->addWidget(m_column, 1);
    columnRow->addWidget(m_separator);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fromFile);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* sources = new QVBoxLayout;
    sources->addWidget(m_fromNothing);
    sources->addLayout(columnRow);
    sources->addLayout(fileRow);
    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Kind:"), kinds);
    form->addRow(tr("Labels from:"), sources);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LabelSetDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    for (QRadioButton* button : {m_fromNothing, m_fromColumn, m_fromFile})
        connect(button, &QRadioButton::toggled, this, &LabelSetDialog::updateEnabled);
    updateEnabled();
}

QString LabelSetDialog::setName() const {
    return m_name->text().trimmed();
}

core::LabelSetKind LabelSetDialog::kind() const {
    return static_cast<core::LabelSetKind>(m_kinds->checkedId());
}

void LabelSetDialog::setKind(core::LabelSetKind kind) {
    m_kinds->button(static_cast<int>(kind))->setChecked(true);
}

QString LabelSetDialog::column() const {
    return m_fromColumn->isChecked() ? m_column->currentText() : QString();
}

std::optional<QString> LabelSetDialog::separator() const {
    if (!m_fromColumn->isChecked() || m_separator->text().isEmpty())
        return std::nullopt;
    return m_separator->text();
}

void LabelSetDialog::browse() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Label List"), QString(),
                                                      tr("Label lists (*.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_file->setText(path);
    m_fromFile->setChecked(true);
}

void LabelSetDialog::updateEnabled() {
    m_column->setEnabled(m_fromColumn->isChecked());
    m_separator->setEnabled(m_fromColumn->isChecked());
}

void LabelSetDialog::accept() {
    if (setName().isEmpty()) {
        m_error->setText(tr("Give the label set a name."));
        m_error->show();
        return;
    }
    m_labels.clear();
    if (m_fromFile->isChecked()) {
        if (m_file->text().isEmpty()) {
            m_error->setText(tr("Choose the list file, or another source."));
            m_error->show();
            return;
        }
        // A label list is a few kilobytes: reading it here keeps the error next to the choice.
        auto labels = core::readLabelList(toStdString(m_file->text()));
        if (!labels) {
            m_error->setText(toQString(labels.error().what()));
            m_error->show();
            return;
        }
        m_labels = std::move(labels.value());
    }
    QDialog::accept();
}

} // namespace bankbench::ui
