#include "label/labeleditdialog.h"

#include "common/qtconvert.h"
#include "label/labelbuttonbar.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bankbench::ui {

LabelEditDialog::LabelEditDialog(const core::Label& label, std::vector<core::Label> others, QWidget* parent)
    : QDialog(parent), m_label(label), m_others(std::move(others)), m_name(new QLineEdit(this)),
      m_zh(new QLineEdit(this)), m_en(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_color(new QPushButton(this)), m_hotkey(new QLineEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("labelEditDialog"));
    setWindowTitle(label.id == 0 ? tr("New Label") : tr("Edit Label"));
    m_name->setText(toQString(label.name));
    m_name->setObjectName(QStringLiteral("labelEditName"));
    m_name->setToolTip(tr("The key name stored with annotations and used by exports and models"));
    m_zh->setText(toQString(label.displayZh));
    m_en->setText(toQString(label.displayEn));
    m_description->setPlainText(toQString(label.description));
    m_description->setPlaceholderText(tr("When to use this label; shown when hovering over its button"));
    m_description->setMaximumHeight(90);
    m_hotkey->setText(toQString(label.hotkey));
    m_hotkey->setObjectName(QStringLiteral("labelEditHotkey"));
    m_hotkey->setMaxLength(1);
    m_hotkey->setMaximumWidth(40);
    m_colorName = QColor(toQString(label.color)).isValid() ? toQString(label.color)
                                                           : LabelButtonBar::labelColor(label).name();
    connect(m_color, &QPushButton::clicked, this, &LabelEditDialog::chooseColor);
    showColor();
    m_error->setObjectName(QStringLiteral("labelEditError"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #9b1c1c; }"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("Key name:"), m_name);
    form->addRow(tr("Chinese name:"), m_zh);
    form->addRow(tr("English name:"), m_en);
    form->addRow(tr("Guideline:"), m_description);
    form->addRow(tr("Colour:"), m_color);
    form->addRow(tr("Hotkey:"), m_hotkey);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LabelEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void LabelEditDialog::chooseColor() {
    const QColor color = QColorDialog::getColor(QColor(m_colorName), this, tr("Label Colour"));
    if (color.isValid()) {
        m_colorName = color.name();
        showColor();
    }
}

void LabelEditDialog::showColor() {
    m_color->setText(m_colorName);
    m_color->setStyleSheet(
        QStringLiteral("QPushButton { border-left: 18px solid %1; padding: 4px 8px; }").arg(m_colorName));
}

core::Label LabelEditDialog::label() const {
    core::Label label = m_label;
    label.name = toStdString(m_name->text().trimmed());
    label.displayZh = toStdString(m_zh->text().trimmed());
    label.displayEn = toStdString(m_en->text().trimmed());
    label.description = toStdString(m_description->toPlainText().trimmed());
    label.color = toStdString(m_colorName);
    label.hotkey = toStdString(m_hotkey->text().trimmed().toLower());
    return label;
}

QString LabelEditDialog::validationError() const {
    const core::Label edited = label();
    if (edited.name.empty())
        return tr("The key name cannot be empty.");
    const QString hotkey = toQString(edited.hotkey);
    if (!hotkey.isEmpty() && QString::fromLatin1(LabelButtonBar::kReservedKeys).contains(hotkey))
        return tr("“%1” is reserved by the labeling view (Space skips, ? marks unclear).").arg(hotkey);
    for (const core::Label& other : m_others) {
        if (other.id == edited.id)
            continue;
        if (other.name == edited.name)
            return tr("This set already has a label named “%1”; merge into it instead.")
                .arg(toQString(edited.name));
        if (!hotkey.isEmpty() && toQString(other.hotkey).toLower() == hotkey)
            return tr("The hotkey %1 is already used by “%2”.").arg(hotkey.toUpper(), toQString(other.name));
    }
    return {};
}

void LabelEditDialog::accept() {
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace bankbench::ui
