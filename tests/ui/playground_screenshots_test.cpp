// Pictures of the Playground for people to look at: a conversation in normal mode with the why panel,
// and the same in presenter mode, the editors and the New Bot dialog, in English and Chinese. Writes PNGs to BANKBENCH_SHOTS_DIR; skipped
// when it is unset.

#include "playground_fixtures.h"

#include "common/translations.h"
#include "playground/chatmodel.h"
#include "playground/chatview.h"
#include "playground/createbotdialog.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QTabWidget>

#include <cstdlib>

using namespace bankbench;

namespace {

class PlaygroundScreenshots : public test::PlaygroundHarness,
                              public ::testing::WithParamInterface<const char*> {
protected:
    void SetUp() override {
        const char* dir = std::getenv("BANKBENCH_SHOTS_DIR");
        if (!dir)
            GTEST_SKIP() << "set BANKBENCH_SHOTS_DIR to write screenshots";
        m_out = QDir(QString::fromUtf8(dir));
        ASSERT_TRUE(ui::installTranslations(QString::fromUtf8(GetParam())));
    }
    void TearDown() override { ui::installTranslations(QStringLiteral("en")); }

    QString shot(const QString& name) const {
        return m_out.filePath(
            QStringLiteral("playground-%1-%2.png").arg(name, QString::fromUtf8(GetParam())));
    }
    void save(const QString& name) {
        QTest::qWait(400); // the list lays out its rows and scrolls to the end
        ASSERT_TRUE(m_window->grab().save(shot(name), "PNG"));
    }

    QDir m_out;
};

TEST_P(PlaygroundScreenshots, ConversationNormalAndPresenter) {
    open();
    const bool chinese = QString::fromUtf8(GetParam()).startsWith(QLatin1String("zh"));
    if (chinese) {
        say(QStringLiteral("你好，我想转账"));
        say(QStringLiteral("五百元"));
        say(QStringLiteral("网点几点开门？"));
        say(QStringLiteral("我的卡丢了，卡号 4111 1111 1111 1111，请帮我挂失"));
        say(QStringLiteral("转人工"));
    } else {
        say(QStringLiteral("Hi, I need to transfer some money to my landlord for this month's rent please"));
        say(QStringLiteral("500 USD"));
        say(QStringLiteral("What are the opening hours of the branch?"));
        say(QStringLiteral("I lost my card 4111 1111 1111 1111"));
        say(QStringLiteral("what is my balance"));
    }
    save(QStringLiteral("normal"));
    m_workspace->setPresenterMode(true);
    QTest::qWait(300);
    save(QStringLiteral("presenter"));
    m_workspace->setPresenterMode(false);
    m_workspace->tabs()->setCurrentIndex(1);
    save(QStringLiteral("responses"));
    m_workspace->tabs()->setCurrentIndex(2);
    save(QStringLiteral("knowledge"));
    m_workspace->tabs()->setCurrentIndex(3);
    m_workspace->testView();
    save(QStringLiteral("tests"));

    ui::CreateBotDialog dialog(m_workspace->catalog().finishedRuns, {QStringLiteral("service")},
                               m_workspace->catalog().runLabels, m_window.get());
    dialog.nameEdit()->setText(QStringLiteral("demo"));
    dialog.noneIntentCombo()->setCurrentIndex(dialog.noneIntentCombo()->findText(QStringLiteral("loan")));
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    ASSERT_TRUE(dialog.grab().save(shot(QStringLiteral("new-bot")), "PNG"));
}

INSTANTIATE_TEST_SUITE_P(Languages, PlaygroundScreenshots, ::testing::Values("en", "zh_CN"),
                         [](const auto& info) { return std::string(info.param).substr(0, 2); });

} // namespace
