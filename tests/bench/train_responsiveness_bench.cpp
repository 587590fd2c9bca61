// GUI responsiveness while a model trains (issue 5): the real main window runs the Train workspace on
// a Banking77 project while a 10 ms timer on the GUI thread records the gap between its ticks.
//
//   train_responsiveness_bench --data /work/shared/data/banking77 [--model fast|transformer]
//       [--threads 1] [--epochs 30] [--seconds 120] [--workdir /tmp/train-resp] [--json FILE]
//
// Phases: 3 s idle (baseline), then training starts from the workspace (the same path as the Start
// button) and the timer keeps ticking until the run ends or --seconds pass (then it is cancelled). The
// window repaints its live charts meanwhile (offscreen unless QT_QPA_PLATFORM says otherwise). A tick
// late by more than its interval is what a user sees as a stall.

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "shell/mainwindow.h"
#include "train/trainchartpanel.h"
#include "train/trainlivepanel.h"
#include "train/trainsetuppanel.h"
#include "train/trainworkspace.h"

#include <io/importer.h>
#include <ml/trainconfig.h>
#include <store/project.h>

#include <QPushButton>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

using namespace bankbench;

namespace {

struct Gaps {
    std::vector<double> ms;
    double percentile(double p) const {
        if (ms.empty())
            return 0;
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto index =
            std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())));
        return sorted[index];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
    QJsonObject json() const {
        return {{"ticks", static_cast<qint64>(ms.size())},
                {"p50_ms", percentile(0.5)},
                {"p99_ms", percentile(0.99)},
                {"max_ms", max()}};
    }
};

/// Ticks every 10 ms until stopped and records each gap.
Gaps measure(const std::function<bool()>& done, int maxMs) {
    Gaps gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(10);
    QEventLoop loop;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.ms.push_back(static_cast<double>(now - last) / 1e6);
        last = now;
        if (done() || clock.elapsed() >= maxMs)
            loop.quit();
    });
    timer.start();
    loop.exec();
    return gaps;
}

} // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BankbenchBench"));
    QApplication::setApplicationName(QStringLiteral("train_responsiveness_bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("data"), QStringLiteral("Banking77 folder (train.csv)"), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("fast or transformer"), QStringLiteral("kind"),
                      QStringLiteral("fast")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("training threads"), QStringLiteral("n"),
                      QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("epochs"), QStringLiteral("epochs"), QStringLiteral("n"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("measure at most this long while training"),
                      QStringLiteral("s"), QStringLiteral("120")});
    parser.addOption({QStringLiteral("workdir"), QStringLiteral("scratch folder"), QStringLiteral("dir"),
                      QStringLiteral("/tmp/train-resp-bench")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("write results here"), QStringLiteral("file")});
    parser.process(app);

    const QString data = parser.value(QStringLiteral("data"));
    if (data.isEmpty() || !QFile::exists(data + QStringLiteral("/train.csv"))) {
        std::fprintf(stderr, "--data must name the Banking77 folder (with train.csv)\n");
        return 2;
    }
    QDir work(parser.value(QStringLiteral("workdir")));
    work.removeRecursively();
    work.mkpath(QStringLiteral("."));
    const std::string projectPath = work.filePath(QStringLiteral("banking77.bbproj")).toStdString();
    {
        auto project = core::Project::create(projectPath);
        if (!project) {
            std::fprintf(stderr, "%s\n", project.error().what().c_str());
            return 1;
        }
        core::ImportOptions options;
        options.path = (data + QStringLiteral("/train.csv")).toStdString();
        options.datasetName = "banking77-train";
        options.textColumn = "text";
        options.labelColumn = "category";
        auto imported = core::importFile(**project, options, {}, core::CancelToken{});
        if (!imported) {
            std::fprintf(stderr, "%s\n", imported.error().what().c_str());
            return 1;
        }
    }

    ui::AppSettings settings(work.filePath(QStringLiteral("settings.ini")));
    ui::MainWindow window(settings);
    window.resize(1440, 900);
    window.show();
    for (QAction* action : window.findChildren<QAction*>())
        if (action->data().toString() == QStringLiteral("train"))
            action->trigger();
    window.openProject(QString::fromStdString(projectPath));
    ui::TrainWorkspace* train = window.trainWorkspace();
    if (!QTest::qWaitFor([&] { return train->setupPanel()->startButton()->isEnabled(); }, 60000)) {
        std::fprintf(stderr, "the workspace did not accept the data: %s\n",
                     train->setupPanel()->preflightText().toUtf8().constData());
        return 1;
    }
    const QString kind = parser.value(QStringLiteral("model"));
    ml::TrainConfig config = kind == QStringLiteral("transformer")
                                 ? ml::defaultTrainConfig(ml::ModelKind::Transformer)
                                 : ml::TrainConfig{};
    config.threads = parser.value(QStringLiteral("threads")).toInt();
    config.epochs = parser.value(QStringLiteral("epochs")).toInt();
    train->setupPanel()->setConfig(config);

    const Gaps idle = measure([] { return false; }, 3000);
    QElapsedTimer wall;
    wall.start();
    if (!train->startTraining()) {
        std::fprintf(stderr, "training did not start\n");
        return 1;
    }
    const Gaps training =
        measure([&] { return !train->isTraining(); }, parser.value(QStringLiteral("seconds")).toInt() * 1000);
    const bool finished = !train->isTraining();
    const int lossPoints = train->livePanel()->charts()->lossPointCount();
    const int epochs = train->livePanel()->charts()->epochPointCount();
    train->cancelTraining();
    QTest::qWaitFor([&] { return !train->isTraining(); }, 120000);

    QJsonObject out{{"model", kind},
                    {"threads", config.threads},
                    {"platform", QApplication::platformName()},
                    {"idle", idle.json()},
                    {"training", training.json()},
                    {"training_seconds_measured", static_cast<double>(wall.elapsed()) / 1000.0},
                    {"run_finished", finished},
                    {"loss_points", lossPoints},
                    {"epochs_plotted", epochs},
                    {"throughput_examples_per_s", settings.trainThroughput.get().value(kind).toDouble()},
                    {"log_tail", train->livePanel()->detailText()}};
    const QByteArray text = QJsonDocument(out).toJson();
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QFile file(parser.value(QStringLiteral("json")));
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
    }
    return 0;
}
