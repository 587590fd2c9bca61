#include "label/labelbuttonbar.h"

#include "common/qtconvert.h"

#include <QGridLayout>
#include <QPushButton>

#include <algorithm>

namespace bankbench::ui {

namespace {

constexpr int kColumns = 4;

// Distinct, print-safe colours for labels that have none (Tableau 10, as most charting tools use).
const char* const kFallbackColors[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                       "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

QString buttonStyle(const QColor& color) {
    const QColor tint = QColor::fromHslF(color.hslHueF() < 0 ? 0 : color.hslHueF(),
                                         std::min(0.8f, color.hslSaturationF()), 0.90f);
    const QColor strong = QColor::fromHslF(color.hslHueF() < 0 ? 0 : color.hslHueF(),
                                           std::min(0.7f, color.hslSaturationF()), 0.78f);
    return QStringLiteral(
               "QPushButton { text-align: left; padding: 7px 10px; border: 1px solid #c5c9d0;"
               " border-left: 6px solid %1; border-radius: 4px; background: %2; color: #1b1f24; }"
               "QPushButton:hover { background: %3; }"
               "QPushButton:checked { background: %4; border: 2px solid %1; border-left: 6px solid %1;"
               " font-weight: bold; }"
               "QPushButton:disabled { color: #8a9099; }")
        .arg(color.name(), QStringLiteral("#ffffff"), tint.name(), strong.name());
}

} // namespace

LabelButtonBar::LabelButtonBar(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this)) {
    setObjectName(QStringLiteral("labelButtons"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(6);
}

QString LabelButtonBar::displayName(const core::Label& label, const QString& language) {
    return toQString(label.displayName(toStdString(language)));
}

QColor LabelButtonBar::labelColor(const core::Label& label) {
    const QColor color(toQString(label.color));
    if (color.isValid())
        return color;
    const std::size_t count = sizeof(kFallbackColors) / sizeof(kFallbackColors[0]);
    return QColor(
        QLatin1String(kFallbackColors[static_cast<std::size_t>(std::max(label.position, 0)) % count]));
}

std::vector<QString> LabelButtonBar::effectiveHotkeys(const std::vector<core::Label>& labels) {
    const QString reserved = QString::fromLatin1(kReservedKeys);
    QStringList used;
    for (const core::Label& label : labels) {
        if (!label.hotkey.empty())
            used << toQString(label.hotkey).toLower();
    }
    const QString candidates = QStringLiteral("1234567890qwertyuiopasdfghjklzxcvbnm");
    std::vector<QString> keys;
    keys.reserve(labels.size());
    int next = 0;
    for (const core::Label& label : labels) {
        if (!label.hotkey.empty()) {
            keys.push_back(toQString(label.hotkey).toLower());
            continue;
        }
        QString key;
        while (next < candidates.size() && key.isEmpty()) {
            const QString candidate = candidates.at(next++);
            if (!used.contains(candidate) && !reserved.contains(candidate))
                key = candidate;
        }
        if (!key.isEmpty())
            used << key;
        keys.push_back(key); // "" once 36 keys are taken: the button still works with the mouse
    }
    return keys;
}

QString LabelButtonBar::chipHtml(const QString& text, const QColor& color) {
    const QColor tint = QColor::fromHslF(color.hslHueF() < 0 ? 0 : color.hslHueF(),
                                         std::min(0.8f, color.hslSaturationF()), 0.85f);
    return QStringLiteral("<span style=\"background-color:%1; color:#1b1f24;\">&nbsp;%2&nbsp;</span>")
        .arg(tint.name(), text.toHtmlEscaped());
}

void LabelButtonBar::setLabels(const std::vector<core::Label>& labels, const QString& language) {
    for (auto& [name, button] : m_buttons)
        delete button;
    m_buttons.clear();
    m_hotkeys = effectiveHotkeys(labels);
    int index = 0;
    for (const core::Label& label : labels) {
        auto* button = new QPushButton(this);
        const QString hotkey = m_hotkeys[static_cast<std::size_t>(index)];
        const QString name = displayName(label, language);
        button->setText(hotkey.isEmpty() ? name : QStringLiteral("%1   %2").arg(hotkey.toUpper(), name));
        button->setObjectName(QStringLiteral("labelButton_") + toQString(label.name));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setStyleSheet(buttonStyle(labelColor(label)));
        QString tip = QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped());
        if (toQString(label.name) != name)
            tip += QStringLiteral(" <span style=\"color:#666\">(%1)</span>")
                       .arg(toQString(label.name).toHtmlEscaped());
        if (!label.description.empty())
            tip += QStringLiteral("<br/>") + toQString(label.description).toHtmlEscaped();
        if (!hotkey.isEmpty())
            tip += QStringLiteral("<br/>") + tr("Key: %1").arg(hotkey.toUpper().toHtmlEscaped());
        button->setToolTip(tip);
        const std::string key = label.name;
        connect(button, &QPushButton::clicked, this, [this, button, key] {
            button->setChecked(!button->isChecked()); // the session decides what is checked
            emit labelClicked(key);
        });
        m_grid->addWidget(button, index / kColumns, index % kColumns);
        m_buttons.emplace_back(label.name, button);
        ++index;
    }
    for (int column = 0; column < kColumns; ++column)
        m_grid->setColumnStretch(column, 1);
}

void LabelButtonBar::setChecked(const std::vector<std::string>& names) {
    for (auto& [name, button] : m_buttons)
        button->setChecked(std::find(names.begin(), names.end(), name) != names.end());
}

QPushButton* LabelButtonBar::button(const std::string& name) const {
    for (const auto& [key, button] : m_buttons) {
        if (key == name)
            return button;
    }
    return nullptr;
}

} // namespace bankbench::ui
