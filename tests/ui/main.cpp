// ui_tests entry point: one QApplication for all GUI tests, offscreen unless told otherwise.

#include "common/appinfo.h"
#include "common/translations.h"

#include <QApplication>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv) {
    // Before QApplication: without a display the xcb plugin aborts (also during test discovery).
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BankbenchTests"));
    QApplication::setApplicationName(QStringLiteral("ui_tests"));
    // Tests compare English strings whatever the machine's locale; the translation test switches itself.
    bankbench::ui::installTranslations(QStringLiteral("en"));
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
