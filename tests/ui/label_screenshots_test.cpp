// Pictures of the labeling view (intent and span modes) in English and Chinese, for people to look at.
// Writes label-*.png to BANKBENCH_SHOTS_DIR; skipped when it is unset.

#include "labelfixtures.h"
#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/translations.h"
#include "label/labelprogresspanel.h"
#include "label/labelsession.h"
#include "label/labelview.h"
#include "label/labelworkspace.h"
#include "label/spantextview.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <QAction>
#include <QDir>
#include <QPixmap>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

using namespace bankbench;
using test::qs;

namespace {

class LabelScreenshots : public ::testing::TestWithParam<const char*> {
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
        return m_out.filePath(QStringLiteral("label-") + name + QLatin1Char('-') +
                              QString::fromUtf8(GetParam()) + QStringLiteral(".png"));
    }

    /// A window on `path` showing the Label workspace, its session idle.
    std::unique_ptr<ui::MainWindow> openWindow(const std::string& path, ui::AppSettings& settings) {
        auto window = std::make_unique<ui::MainWindow>(settings);
        window->resize(1360, 860);
        window->show();
        for (QAction* action : window->findChildren<QAction*>()) {
            if (action->data().toString() == QStringLiteral("label"))
                action->trigger();
        }
        window->openProject(qs(path));
        ui::LabelSession& session = *window->labelWorkspace()->session();
        EXPECT_TRUE(QTest::qWaitFor([&] { return session.currentRecord() && session.isIdle(); }, 15000));
        return window;
    }

    void settle(ui::MainWindow& window) {
        ui::LabelWorkspace& workspace = *window.labelWorkspace();
        EXPECT_TRUE(test::waitIdle(*workspace.session()));
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return !workspace.view()->progressPanel()->isReplotPending(); }, 3000));
        QTest::qWait(200);
    }

    QDir m_out;
    test::TempDir m_dir;
};

} // namespace

TEST_P(LabelScreenshots, IntentMode) {
    const std::string path = m_dir.file("intent.bbproj");
    const auto fixture = test::createLabelProject(path, core::LabelSetKind::SingleLabel, 60);
    {
        // A colleague labelled some records already: agreement appears beside the progress.
        auto project = core::Project::open(path);
        core::LabelStore store(**project);
        const char* labels[] = {"card_lost", "balance",  "transfer",  "complaint", "balance",   "card_lost",
                                "balance",   "transfer", "card_lost", "balance",   "complaint", "balance"};
        for (int i = 0; i < 12; ++i)
            ASSERT_TRUE(store
                            .recordDecision(i + 1, fixture.labelSetId, "bob", core::DecisionStatus::Accepted,
                                            {labels[i]})
                            .ok());
        ASSERT_TRUE(
            store.recordDecision(15, fixture.labelSetId, "bob", core::DecisionStatus::Accepted, {"card_lost"})
                .ok());
    }
    ui::AppSettings settings(qs(m_dir.file("settings.ini")));
    settings.annotatorName = QStringLiteral("alice");
    auto window = openWindow(path, settings);
    QWidget* text = window->labelWorkspace()->view()->textView();
    for (char key : {'1', '2', '3', 'q', '2', '1', ' ', '2', '2', '3', 'q', '2', '1', '3'})
        QTest::keyClick(text, key);
    // On to a record bob labelled and alice has not, so the view shows his label as the proposal.
    window->labelWorkspace()->session()->goTo(14);
    settle(*window);
    ASSERT_TRUE(window->grab().save(shot(QStringLiteral("intent")), "PNG"));
}

TEST_P(LabelScreenshots, SpanMode) {
    const std::string path = m_dir.file("span.bbproj");
    test::createLabelProject(path, core::LabelSetKind::Span, 30);
    ui::AppSettings settings(qs(m_dir.file("settings.ini")));
    settings.annotatorName = QStringLiteral("alice");
    auto window = openWindow(path, settings);
    ui::LabelSession& session = *window->labelWorkspace()->session();
    ui::SpanTextView* text = window->labelWorkspace()->view()->textView();
    // The transfer record: an amount and a card number, with a selection waiting for its type.
    session.goTo(3);
    ASSERT_TRUE(test::waitIdle(session));
    ASSERT_TRUE(session.addSpan(3, 8, "amount").isEmpty());
    ASSERT_TRUE(session.addSpan(11, 25, "card").isEmpty());
    session.accept();
    session.previous();
    ASSERT_TRUE(test::waitIdle(session));
    text->selectRange(26, 29);
    settle(*window);
    ASSERT_TRUE(window->grab().save(shot(QStringLiteral("span")), "PNG"));
}

INSTANTIATE_TEST_SUITE_P(Languages, LabelScreenshots, ::testing::Values("en", "zh_CN"));
