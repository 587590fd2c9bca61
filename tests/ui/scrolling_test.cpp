// Scrolling a big table: how long the GUI thread is busy per scroll step and how soon rows appear after a
// jump. Runs on the project named by BANKBENCH_SCROLL_PROJECT (e.g. a 1,000,000-row import); skipped
// without it because building such a project takes longer than the whole test suite.

#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "data/dataworkspace.h"
#include "data/recordtablemodel.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>

using namespace bankbench;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

bool visibleRowsLoaded(const QTableView& table, const ui::RecordTableModel& model) {
    const int top = table.rowAt(0);
    const int bottom = table.rowAt(table.viewport()->height() - 1);
    return top >= 0 && model.isRowLoaded(top) &&
           model.isRowLoaded(bottom < 0 ? model.rowCount() - 1 : bottom);
}

} // namespace

TEST(TableScrolling, BigDatasetScrollsWithoutBlockingTheGuiThread) {
    const char* project = std::getenv("BANKBENCH_SCROLL_PROJECT");
    if (!project)
        GTEST_SKIP() << "set BANKBENCH_SCROLL_PROJECT to a project with a large dataset";
    test::TempDir dir;
    ui::AppSettings settings(QString::fromStdString(dir.file("settings.ini")));
    ui::MainWindow window(settings);
    window.resize(1440, 900);
    window.show();
    QElapsedTimer clock;
    clock.start();
    window.openProject(QString::fromUtf8(project));
    ui::RecordTableModel& model = *window.dataWorkspace()->model();
    QTableView& table = *window.dataWorkspace()->tableView();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model.rowCount() > 0 && visibleRowsLoaded(table, model); }, 60000));
    const double firstRowsMs = static_cast<double>(clock.elapsed());
    const int rows = model.rowCount();

    // Wheel-like scrolling: a third of a page per step, painted synchronously. The time per step is what
    // the user feels as smoothness; rows still loading show "…" instead of blocking.
    QScrollBar* bar = table.verticalScrollBar();
    std::vector<double> stepMs;
    int placeholderSteps = 0;
    for (int step = 0; step < 400; ++step) {
        QElapsedTimer stepClock;
        stepClock.start();
        bar->setValue(bar->value() + std::max(1, bar->pageStep() / 3));
        table.viewport()->repaint();
        QCoreApplication::processEvents();
        stepMs.push_back(static_cast<double>(stepClock.nsecsElapsed()) / 1e6);
        if (!visibleRowsLoaded(table, model))
            ++placeholderSteps;
    }

    // Jumps (a dragged scrollbar let go): how long until the rows at the new place are shown.
    std::mt19937 random(42);
    std::uniform_int_distribution<int> position(0, bar->maximum());
    std::vector<double> jumpMs;
    for (int jump = 0; jump < 60; ++jump) {
        QElapsedTimer jumpClock;
        jumpClock.start();
        bar->setValue(position(random));
        ASSERT_TRUE(QTest::qWaitFor([&] { return visibleRowsLoaded(table, model); }, 10000));
        jumpMs.push_back(static_cast<double>(jumpClock.nsecsElapsed()) / 1e6);
    }

    // Search and sort run on the loader thread too; time until their first rows are shown.
    const auto timeQuery = [&](const std::function<void()>& change) {
        QElapsedTimer queryClock;
        queryClock.start();
        change();
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                return !model.isQueryRunning() && (model.rowCount() == 0 || visibleRowsLoaded(table, model));
            },
            60000));
        return static_cast<double>(queryClock.elapsed());
    };
    const double searchMs = timeQuery([&] { model.setSearch(QStringLiteral("信用卡")); });
    const int searchRows = model.rowCount();
    const double clearMs = timeQuery([&] { model.setSearch(QString()); });
    const double sortMs =
        timeQuery([&] { model.sort(ui::RecordTableModel::TextColumn, Qt::DescendingOrder); });
    std::printf("search \"信用卡\" %.0f ms (%d rows) | clear search %.0f ms | sort by text %.0f ms\n",
                searchMs, searchRows, clearMs, sortMs);

    std::printf("rows %d | first rows after %.0f ms | scroll step median %.2f ms, p95 %.2f ms, max %.2f ms, "
                "steps showing placeholders %d/400 | jump to rows shown median %.1f ms, p95 %.1f ms\n",
                rows, firstRowsMs, percentile(stepMs, 0.5), percentile(stepMs, 0.95),
                *std::max_element(stepMs.begin(), stepMs.end()), placeholderSteps, percentile(jumpMs, 0.5),
                percentile(jumpMs, 0.95));
    EXPECT_LT(percentile(stepMs, 0.95), 16.0) << "a scroll step should fit in one 60 Hz frame";
    EXPECT_LT(percentile(jumpMs, 0.5), 250.0);
}
