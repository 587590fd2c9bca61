// Adam's ε in the Train workspace showed as "0.000000010000": the spin box for tiny values shows and reads
// scientific notation and steps by powers of ten.

#include "common/scientificspinbox.h"
#include "train/trainsettingsform.h"

#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>

using namespace bankbench;

namespace {

class ShownSpinBox : public ui::ScientificSpinBox {
public:
    using ui::ScientificSpinBox::lineEdit;
};

TEST(ScientificSpinBox, ShowsReadsAndStepsInPowersOfTen) {
    ShownSpinBox box;
    box.setRange(1e-12, 1e-3);
    box.setValue(1e-8);
    EXPECT_EQ(box.lineEdit()->text(), QStringLiteral("1e-8"));
    EXPECT_EQ(box.textFromValue(2.5e-10), QStringLiteral("2.5e-10"));
    EXPECT_EQ(box.textFromValue(1e-3), QStringLiteral("0.001"));

    box.stepBy(1);
    EXPECT_NEAR(box.value(), 1e-7, 1e-20);
    box.stepBy(-3);
    EXPECT_NEAR(box.value(), 1e-10, 1e-22);
    box.stepBy(20); // clamped to the range
    EXPECT_DOUBLE_EQ(box.value(), 1e-3);

    box.show();
    box.lineEdit()->selectAll();
    QTest::keyClicks(&box, QStringLiteral("5e-7"));
    box.interpretText();
    EXPECT_NEAR(box.value(), 5e-7, 1e-20);

    QString text = QStringLiteral("1x");
    int pos = 2;
    EXPECT_EQ(box.validate(text, pos), QValidator::Invalid);
    text = QStringLiteral("1e-");
    EXPECT_EQ(box.validate(text, pos), QValidator::Intermediate);
    text = QStringLiteral("1e-2"); // above the maximum
    EXPECT_EQ(box.validate(text, pos), QValidator::Intermediate);
    text = QStringLiteral("3e-9");
    EXPECT_EQ(box.validate(text, pos), QValidator::Acceptable);
}

TEST(ScientificSpinBox, TrainSettingsKeepAdamEpsilonExactly) {
    ui::TrainSettingsForm form;
    ml::TrainConfig config;
    config.epsilon = 1e-8;
    form.setConfig(config);
    EXPECT_DOUBLE_EQ(form.config().epsilon, 1e-8);
    config.epsilon = 3e-10;
    form.setConfig(config);
    EXPECT_DOUBLE_EQ(form.config().epsilon, 3e-10);
}

} // namespace
