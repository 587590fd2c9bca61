#include "common/scientificspinbox.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace bankbench::ui {

ScientificSpinBox::ScientificSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    setDecimals(15);
}

QString ScientificSpinBox::textFromValue(double value) const {
    // Three significant digits; "1e-08" becomes "1e-8".
    QString text = QString::number(value, 'g', 3);
    text.replace(QRegularExpression(QStringLiteral("e([+-])0+(\\d)")), QStringLiteral("e\\1\\2"));
    text.replace(QStringLiteral("e+"), QStringLiteral("e"));
    return text;
}

double ScientificSpinBox::valueFromText(const QString& text) const {
    return text.trimmed().toDouble();
}

QValidator::State ScientificSpinBox::validate(QString& text, int&) const {
    const QString trimmed = text.trimmed();
    static const QRegularExpression partial(QStringLiteral("^\\d*\\.?\\d*([eE][+-]?\\d*)?$"));
    if (trimmed.isEmpty() || !partial.match(trimmed).hasMatch())
        return trimmed.isEmpty() ? QValidator::Intermediate : QValidator::Invalid;
    bool ok = false;
    const double value = trimmed.toDouble(&ok);
    if (!ok)
        return QValidator::Intermediate; // "1e", "1e-", "."
    return value >= minimum() && value <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

void ScientificSpinBox::stepBy(int steps) {
    const double current = value() > 0 ? value() : minimum();
    setValue(std::clamp(current * std::pow(10.0, steps), minimum(), maximum()));
}

} // namespace bankbench::ui
