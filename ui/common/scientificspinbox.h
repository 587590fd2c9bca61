#pragma once

#include <QDoubleSpinBox>

namespace bankbench::ui {

/// A spin box for tiny positive values (Adam's ε): shows and reads scientific notation ("1e-8" rather than
/// "0.000000010000") and steps by powers of ten. The value stays rounded to decimals() places, as in
/// QDoubleSpinBox, so the range's minimum should not be below 10^-decimals(). GUI thread.
class ScientificSpinBox : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit ScientificSpinBox(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void stepBy(int steps) override;
};

} // namespace bankbench::ui
