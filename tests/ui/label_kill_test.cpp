// Durability with a real process kill: a child ui_tests process labels records with hotkeys and prints
// each decision the moment the GUI shows it as saved; the parent kills it with SIGKILL mid-stream and
// checks that every printed decision is in the project and the file is intact.

#include "labelfixtures.h"
#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "label/labelsession.h"
#include "label/labelview.h"
#include "label/labelworkspace.h"
#include "label/spantextview.h"

#include "support/testsupport.h"

#include <store/database.h>
#include <store/labelstore.h>
#include <store/project.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

using namespace bankbench;
using test::qs;

namespace {

constexpr const char* kChildVariable = "BANKBENCH_LABEL_KILL_CHILD";
constexpr int kWantedBeforeKill = 60;

} // namespace

// Runs only as the child of the test below (it sets the variable to the project path).
TEST(LabelKill, ChildLabelsUntilKilled) {
    const char* project = std::getenv(kChildVariable);
    if (!project)
        GTEST_SKIP() << "the child half of LabelKill.SigkillLosesNoDecisionShownAsSaved";
    test::TempDir dir;
    ui::AppSettings settings(qs(dir.file("settings.ini")));
    settings.annotatorName = QStringLiteral("killtest");
    ui::ProjectSession session;
    ui::LabelWorkspace workspace(session, settings);
    workspace.widget()->resize(1000, 700);
    workspace.widget()->show();
    session.openProject(QString::fromUtf8(project));
    ui::LabelSession& labels = *workspace.session();
    ASSERT_TRUE(QTest::qWaitFor([&] { return labels.currentRecord() && labels.isIdle(); }, 20000));

    QSet<quint64> reported;
    QObject::connect(&labels, &ui::LabelSession::recentChanged, [&] {
        for (const auto& recent : labels.recentDecisions()) {
            if (recent.state != ui::LabelSession::SaveState::Saved || reported.contains(recent.token))
                continue;
            reported.insert(recent.token);
            std::printf("SAVED %lld %s\n", static_cast<long long>(recent.recordId),
                        recent.decision.labels.empty() ? "-" : recent.decision.labels.front().c_str());
            std::fflush(stdout);
        }
    });
    QWidget* text = workspace.view()->textView();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; clock.elapsed() < 60000; ++i) {
        if (labels.currentRecord())
            QTest::keyClick(text, i % 2 ? '2' : '1');
        QTest::qWait(3);
    }
    FAIL() << "the parent did not kill this process";
}

TEST(LabelKill, SigkillLosesNoDecisionShownAsSaved) {
    test::TempDir dir;
    const std::string path = dir.file("kill.bbproj");
    const test::LabelProject fixture = test::createLabelProject(path, core::LabelSetKind::SingleLabel, 400);

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kChildVariable), qs(path));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_filter=LabelKill.ChildLabelsUntilKilled")});
    ASSERT_TRUE(child.waitForStarted(10000));

    QStringList saved;
    QByteArray pending;
    auto readLines = [&] {
        pending += child.readAllStandardOutput();
        int newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(newline));
            pending.remove(0, newline + 1);
            if (line.startsWith(QStringLiteral("SAVED ")))
                saved << line;
        }
    };
    QElapsedTimer clock;
    clock.start();
    while (saved.size() < kWantedBeforeKill && clock.elapsed() < 60000 &&
           child.state() == QProcess::Running) {
        child.waitForReadyRead(200);
        readLines();
    }
    ASSERT_GE(saved.size(), kWantedBeforeKill) << child.readAllStandardError().toStdString();
    child.kill(); // SIGKILL: no destructor, no flush, nothing
    ASSERT_TRUE(child.waitForFinished(10000));
    readLines(); // lines printed before the kill landed
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);

    auto project = core::Project::open(path);
    ASSERT_TRUE(project.ok()) << project.error().what();
    auto check = (*project)->database().prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.columnText(0), "ok");
    core::LabelStore store(**project);
    for (const QString& line : saved) {
        const QStringList parts = line.split(QLatin1Char(' '));
        ASSERT_EQ(parts.size(), 3);
        const core::RecordId record = parts[1].toLongLong();
        auto decision = store.currentDecision(record, fixture.labelSetId, "killtest");
        ASSERT_TRUE(decision.ok());
        ASSERT_TRUE(decision->has_value()) << "record " << record << " was shown as saved but is not stored";
        EXPECT_EQ((*decision)->labels, std::vector<std::string>{parts[2].toStdString()});
    }
}
