#include "train/plothover.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QToolTip>

#include <cmath>
#include <limits>

namespace bankbench::ui {

namespace {

constexpr double kHoverPixels = 12;

QString formatValue(double value) {
    const double magnitude = std::abs(value);
    if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6))
        return QLocale().toString(value, 'g', 3);
    return QLocale().toString(value, 'f', magnitude >= 100 ? 0 : 4);
}

void showNearest(QCustomPlot* plot, QMouseEvent* event) {
    QCPGraph* best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* graph = plot->graph(i);
        if (!graph->visible() || graph->dataCount() == 0)
            continue;
        const double distance = graph->selectTest(event->position(), false);
        if (distance >= 0 && distance < bestDistance) {
            bestDistance = distance;
            best = graph;
        }
    }
    if (!best || bestDistance > kHoverPixels) {
        QToolTip::hideText();
        return;
    }
    const double key = best->keyAxis()->pixelToCoord(event->position().x());
    auto it = best->data()->findBegin(key, true);
    auto next = it + 1;
    if (next != best->data()->constEnd() && std::abs(next->key - key) < std::abs(it->key - key))
        it = next;
    const QString text =
        QStringLiteral("%1\n%2 = %3\n%4 = %5")
            .arg(best->name(),
                 best->keyAxis()->label().isEmpty() ? QStringLiteral("x") : best->keyAxis()->label(),
                 formatValue(it->key),
                 best->valueAxis()->label().isEmpty() ? QStringLiteral("y") : best->valueAxis()->label(),
                 formatValue(it->value));
    QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

} // namespace

bool followsData(const QCustomPlot* plot) {
    const QVariant follow = plot->property(kFollowProperty);
    return !follow.isValid() || follow.toBool();
}

void makeInteractive(QCustomPlot* plot) {
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setMouseTracking(true);
    QObject::connect(plot, &QCustomPlot::mouseMove, plot,
                     [plot](QMouseEvent* event) { showNearest(plot, event); });
    // A user who pans or zooms takes over the view; live charts stop following new data until a
    // double-click fits everything again.
    plot->setProperty(kFollowProperty, true);
    QObject::connect(plot, &QCustomPlot::mousePress, plot,
                     [plot](QMouseEvent*) { plot->setProperty(kFollowProperty, false); });
    QObject::connect(plot, &QCustomPlot::mouseWheel, plot,
                     [plot](QWheelEvent*) { plot->setProperty(kFollowProperty, false); });
    QObject::connect(plot, &QCustomPlot::mouseDoubleClick, plot, [plot](QMouseEvent*) {
        plot->setProperty(kFollowProperty, true);
        plot->rescaleAxes(true);
        plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

} // namespace bankbench::ui
