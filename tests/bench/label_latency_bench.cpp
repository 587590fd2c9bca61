// Label workspace latency: from a label keypress to the next record painted, on a big dataset.
//
//   label_latency_bench [--records 1000000] [--keys 2000] [--pace-ms 20] [--workdir /tmp/label-bench]
//                       [--json FILE]
//
// Creates (once; reused when present) a demo project with --records synthetic bilingual records in
// --workdir, opens it in the real main window (offscreen unless QT_QPA_PLATFORM says otherwise), shows
// the Label workspace and types label hotkeys. Each sample is the wall time of one keypress: the key
// event through the view and the session (decision queued to the writer thread, next record taken from
// the prefetch cache), plus a synchronous repaint of the whole window. Between keys the event loop runs
// for --pace-ms (writes confirm, prefetches arrive), like a very fast annotator; --pace-ms 0 only
// processes pending events. A sample whose next record was not prefetched yet counts as a miss. At the
// end every decision must be in the store.

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "label/labelsession.h"
#include "label/labelview.h"
#include "label/labelworkspace.h"
#include "label/spantextview.h"
#include "shell/mainwindow.h"

#include <demo/demogenerator.h>
#include <store/labelstore.h>
#include <store/project.h>

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace bankbench;

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index =
        std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
    return values[index];
}

/// Counts paint events of the watched widget: proof that a sample included painting the new record.
class PaintCounter : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

bool waitFor(const std::function<bool()>& ready, int timeoutMs) {
    return QTest::qWaitFor(ready, timeoutMs);
}

} // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BankbenchBench"));
    QApplication::setApplicationName(QStringLiteral("label_latency_bench"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("records"), QStringLiteral("records in the dataset"),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("keys"), QStringLiteral("timed keypresses"), QStringLiteral("n"),
                      QStringLiteral("2000")});
    parser.addOption({QStringLiteral("pace-ms"), QStringLiteral("event loop time between keys"),
                      QStringLiteral("ms"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("workdir"), QStringLiteral("where the project is kept"),
                      QStringLiteral("dir"), QStringLiteral("/tmp/label-bench")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("write the results as JSON here"), QStringLiteral("file")});
    parser.process(app);
    const int records = parser.value(QStringLiteral("records")).toInt();
    const int keys = parser.value(QStringLiteral("keys")).toInt();
    const int paceMs = parser.value(QStringLiteral("pace-ms")).toInt();
    QDir workdir(parser.value(QStringLiteral("workdir")));
    workdir.mkpath(QStringLiteral("."));
    const QString projectPath = workdir.filePath(QStringLiteral("label-bench-%1.bbproj").arg(records));

    QElapsedTimer clock;
    if (!QFile::exists(projectPath)) {
        std::fprintf(stderr, "generating %d records into %s…\n", records, qPrintable(projectPath));
        clock.start();
        core::DemoOptions options;
        options.rows = records;
        options.labelledFraction = 0.6;
        auto summary = core::createDemoProject(projectPath.toStdString(), options);
        if (!summary) {
            std::fprintf(stderr, "cannot create the project: %s\n", summary.error().what().c_str());
            return 1;
        }
        std::fprintf(stderr, "generated in %.1f s\n", clock.elapsed() / 1000.0);
    }
    // A fresh annotator name per run, so every run labels records it has not labelled yet.
    const QString annotator = QStringLiteral("bench-%1").arg(QDateTime::currentMSecsSinceEpoch());

    QTemporaryDir settingsDir;
    ui::AppSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
    settings.annotatorName = annotator;
    ui::MainWindow window(settings);
    window.resize(1360, 860);
    window.show();
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->data().toString() == QStringLiteral("label"))
            action->trigger();
    }
    ui::LabelSession& session = *window.labelWorkspace()->session();
    ui::LabelView& view = *window.labelWorkspace()->view();
    clock.restart();
    window.openProject(projectPath);
    if (!waitFor(
            [&] { return session.queueSize() > 0 && session.currentRecord() && !session.isQueueLoading(); },
            600000)) {
        std::fprintf(stderr, "the queue did not load\n");
        return 1;
    }
    const double openSeconds = clock.elapsed() / 1000.0;
    waitFor([&] { return session.isIdle(); }, 60000);
    std::fprintf(stderr, "project open and first record shown after %.2f s; queue of %lld records\n",
                 openSeconds, static_cast<long long>(session.queueSize()));

    QWidget* text = view.textView();
    PaintCounter counter;
    view.textView()->viewport()->installEventFilter(&counter);
    int painted = 0;
    const char hotkeys[] = {'1', '2', '3', '4'};
    std::vector<double> samples;
    std::vector<double> keyOnly;
    samples.reserve(static_cast<std::size_t>(keys));
    int misses = 0;
    const int warmup = 50;
    QElapsedTimer sample;
    for (int i = 0; i < warmup + keys; ++i) {
        const qint64 before = session.position();
        const int paintsBefore = counter.paints;
        sample.start();
        QTest::keyClick(text, hotkeys[i % 4]);
        const double keyMs = static_cast<double>(sample.nsecsElapsed()) / 1e6;
        // The frame: Qt paints what the keypress marked dirty when it handles the window's update request.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateLater);
        const double ms = static_cast<double>(sample.nsecsElapsed()) / 1e6;
        if (session.position() != before + 1) {
            std::fprintf(stderr, "keypress %d did not move on (position %lld)\n", i,
                         static_cast<long long>(session.position()));
            return 1;
        }
        if (i >= warmup) {
            painted += counter.paints > paintsBefore ? 1 : 0;
            samples.push_back(ms);
            keyOnly.push_back(keyMs);
            if (!session.currentRecord())
                ++misses;
        }
        if (paceMs > 0)
            QTest::qWait(paceMs);
        else
            QCoreApplication::processEvents();
    }
    clock.restart();
    if (!waitFor([&] { return session.writesInFlight() == 0; }, 120000)) {
        std::fprintf(stderr, "writes did not finish\n");
        return 1;
    }
    const double drainSeconds = clock.elapsed() / 1000.0;
    waitFor([&] { return session.isIdle(); }, 120000);

    // Every decision must be stored.
    std::int64_t stored = 0;
    {
        auto project = core::Project::open(projectPath.toStdString(), true);
        core::LabelStore store(**project);
        auto dataset = (*project)->datasets();
        auto progress = store.progress(dataset->front().id, annotator.toStdString());
        stored = progress ? progress->labelled : -1;
    }

    const double p50 = percentile(samples, 0.50);
    const double p90 = percentile(samples, 0.90);
    const double p99 = percentile(samples, 0.99);
    const double max = percentile(samples, 1.0);
    std::printf("records %d, keys %d (after %d warm-up), pace %d ms\n", records, keys, warmup, paceMs);
    std::printf("keypress -> next record painted: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", p50,
                p90, p99, max);
    std::printf("of which the key event alone: p50 %.2f ms, p99 %.2f ms\n", percentile(keyOnly, 0.5),
                percentile(keyOnly, 0.99));
    std::printf("samples in which the new record's text was painted: %d of %d\n", painted, keys);
    std::printf("next record not prefetched yet: %d of %d\n", misses, keys);
    std::printf("open + queue + first record: %.2f s; last write confirmed %.3f s after the last key\n",
                openSeconds, drainSeconds);
    std::printf("decisions stored: %lld of %d\n", static_cast<long long>(stored), warmup + keys);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{{QStringLiteral("records"), records},
                         {QStringLiteral("keys"), keys},
                         {QStringLiteral("pace_ms"), paceMs},
                         {QStringLiteral("p50_ms"), p50},
                         {QStringLiteral("p90_ms"), p90},
                         {QStringLiteral("p99_ms"), p99},
                         {QStringLiteral("max_ms"), max},
                         {QStringLiteral("misses"), misses},
                         {QStringLiteral("painted"), painted},
                         {QStringLiteral("open_s"), openSeconds},
                         {QStringLiteral("stored"), static_cast<qint64>(stored)}};
        QFile out(parser.value(QStringLiteral("json")));
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(json).toJson());
    }
    return stored == warmup + keys && painted == keys && misses == 0 && p99 < 16.0 ? 0 : 2;
}
