#include "evaluate/confusionplot.h"

#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace bankbench::ui {

namespace {

constexpr int kMaxLabelChars = 28;
constexpr int kCellTextLimit = 16; ///< numbers drawn in the cells up to this many classes
constexpr double kFloor = 0.15;    ///< the faintest shade of a non-empty cell

QString shortName(const QString& name) {
    return name.size() <= kMaxLabelChars ? name : name.left(kMaxLabelChars - 1) + QChar(0x2026);
}

// Keeps a zoomed range inside the matrix.
QCPRange bounded(const QCPRange& range, double size) {
    const double lower = -0.5;
    const double upper = size - 0.5;
    double width = std::min(range.size(), upper - lower);
    width = std::max(width, std::min(3.0, upper - lower));
    double start = std::clamp(range.lower, lower, upper - width);
    return QCPRange(start, start + width);
}

} // namespace

ConfusionPlot::ConfusionPlot(QWidget* parent)
    : QCustomPlot(parent), m_map(new QCPColorMap(xAxis, yAxis)), m_selection(new QCPItemRect(this)) {
    setObjectName(QStringLiteral("confusionPlot"));
    setMouseTracking(true);
    setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
    setNoAntialiasingOnDrag(true);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(true);
    QCPColorGradient gradient;
    gradient.clearColorStops();
    // -1 .. 0: errors (deep red .. light), 0: empty (white), 0 .. 1: correct (light .. deep green).
    gradient.setColorStopAt(0.0, QColor(165, 15, 21));
    gradient.setColorStopAt(0.5 - kFloor / 2 + 0.001, QColor(252, 187, 161));
    gradient.setColorStopAt(0.5, Qt::white);
    gradient.setColorStopAt(0.5 + kFloor / 2 - 0.001, QColor(199, 233, 192));
    gradient.setColorStopAt(1.0, QColor(0, 90, 50));
    gradient.setLevelCount(400);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(-1, 1));
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 3);
        axis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    }
    yAxis->setRangeReversed(true);
    xAxis->setTickLabelRotation(-90);
    xAxis->setLabel(tr("Predicted label"));
    yAxis->setLabel(tr("True label"));
    m_selection->setPen(QPen(QColor(20, 20, 20), 2));
    m_selection->setBrush(Qt::NoBrush);
    m_selection->setVisible(false);
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] { updateTicks(); });
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] { updateTicks(); });
}

void ConfusionPlot::setResult(std::shared_ptr<const EvaluationResult> result) {
    m_result = std::move(result);
    m_selected.reset();
    rebuild();
    resetZoom();
}

void ConfusionPlot::setNormalized(bool normalized) {
    m_normalized = normalized;
    rebuild();
}

void ConfusionPlot::setOrder(Order order) {
    m_order = order;
    rebuild();
}

void ConfusionPlot::resetZoom() {
    const int n = m_result ? m_result->classes : 1;
    xAxis->setRange(-0.5, n - 0.5);
    yAxis->setRange(-0.5, n - 0.5);
    updateTicks();
    replot();
}

int ConfusionPlot::axisPosition(int classId) const {
    return classId >= 0 && classId < m_positionOf.size() ? m_positionOf[classId] : -1;
}

void ConfusionPlot::rebuild() {
    for (QCPItemText* text : m_cellTexts)
        removeItem(text);
    m_cellTexts.clear();
    const int n = m_result && !m_result->confusion.isEmpty() ? m_result->classes : 0;
    m_classAt.resize(n);
    m_positionOf.resize(n);
    if (n > 0) {
        const QVector<int> order = m_order == Order::ByErrors ? m_result->classesByErrors() : QVector<int>();
        for (int p = 0; p < n; ++p) {
            m_classAt[p] = order.isEmpty() ? p : order[p];
            m_positionOf[m_classAt[p]] = p;
        }
    }
    m_map->data()->setSize(std::max(n, 1), std::max(n, 1));
    m_map->data()->setRange(QCPRange(0, std::max(n - 1, 0)), QCPRange(0, std::max(n - 1, 0)));
    m_map->data()->fill(0);
    qint64 maxCorrect = 1;
    qint64 maxError = 1;
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p)
            (t == p ? maxCorrect : maxError) =
                std::max(t == p ? maxCorrect : maxError, m_result->count(t, p));
    }
    for (int t = 0; t < n; ++t) {
        const qint64 total = m_result->rowTotal(t);
        for (int p = 0; p < n; ++p) {
            const qint64 count = m_result->count(t, p);
            if (count == 0)
                continue;
            const double share = m_normalized ? (total > 0 ? static_cast<double>(count) / total : 0)
                                              : static_cast<double>(count) / (t == p ? maxCorrect : maxError);
            const double shade = kFloor + (1 - kFloor) * std::clamp(share, 0.0, 1.0);
            m_map->data()->setCell(m_positionOf[p], m_positionOf[t], t == p ? shade : -shade);
            if (n <= kCellTextLimit) {
                auto* text = new QCPItemText(this);
                text->position->setCoords(m_positionOf[p], m_positionOf[t]);
                text->setText(m_normalized
                                  ? QString::number(100.0 * count / std::max<qint64>(total, 1), 'f', 0) +
                                        QLatin1Char('%')
                                  : QString::number(count));
                text->setColor(shade > 0.6 ? Qt::white : Qt::black);
                text->setClipToAxisRect(true);
                m_cellTexts.push_back(text);
            }
        }
    }
    setSelectedCell(m_selected);
    updateTicks();
    replot();
}

void ConfusionPlot::updateTicks() {
    if (m_updatingTicks)
        return;
    m_updatingTicks = true;
    const int n = m_classAt.size();
    if (n > 0) {
        xAxis->setRange(bounded(xAxis->range(), n));
        yAxis->setRange(bounded(yAxis->range(), n));
    }
    for (QCPAxis* axis : {xAxis, yAxis}) {
        const double pixels =
            axis->orientation() == Qt::Horizontal ? axisRect()->width() : axisRect()->height();
        const double perClass = pixels / std::max(axis->range().size(), 1.0);
        // Names as large as the room per class allows; below 7 px only every k-th class is named.
        const int pixelSize = std::clamp(static_cast<int>(perClass * 0.8), 7, 12);
        const int every = std::max(1, static_cast<int>(std::ceil(8.0 / std::max(perClass, 0.1))));
        auto ticker = qSharedPointerCast<QCPAxisTickerText>(axis->ticker());
        ticker->clear();
        for (int p = 0; p < n; p += every)
            ticker->addTick(p, shortName(m_result->labels[m_classAt[p]]));
        QFont font = axis->tickLabelFont();
        font.setPixelSize(pixelSize);
        axis->setTickLabelFont(font);
    }
    m_updatingTicks = false;
}

void ConfusionPlot::setSelectedCell(std::optional<QPair<int, int>> cell) {
    m_selected = cell;
    const bool show = cell && axisPosition(cell->first) >= 0 && axisPosition(cell->second) >= 0;
    m_selection->setVisible(show);
    if (show) {
        const double x = axisPosition(cell->second);
        const double y = axisPosition(cell->first);
        m_selection->topLeft->setCoords(x - 0.5, y - 0.5);
        m_selection->bottomRight->setCoords(x + 0.5, y + 0.5);
    }
    replot(rpQueuedReplot);
}

std::optional<QPair<int, int>> ConfusionPlot::cellAt(const QPointF& position) const {
    if (m_classAt.isEmpty() || !axisRect()->rect().contains(position.toPoint()))
        return std::nullopt;
    const int x = static_cast<int>(std::lround(xAxis->pixelToCoord(position.x())));
    const int y = static_cast<int>(std::lround(yAxis->pixelToCoord(position.y())));
    if (x < 0 || y < 0 || x >= m_classAt.size() || y >= m_classAt.size())
        return std::nullopt;
    return QPair<int, int>(m_classAt[y], m_classAt[x]);
}

QPointF ConfusionPlot::cellCenter(int trueClass, int predictedClass) const {
    return {xAxis->coordToPixel(axisPosition(predictedClass)), yAxis->coordToPixel(axisPosition(trueClass))};
}

QString ConfusionPlot::cellText(int trueClass, int predictedClass) const {
    if (!m_result || m_result->confusion.isEmpty())
        return {};
    const qint64 count = m_result->count(trueClass, predictedClass);
    const qint64 total = m_result->rowTotal(trueClass);
    return tr("True: %1\nPredicted: %2\nCount: %3 (%4% of the true class)")
        .arg(m_result->labels[trueClass], m_result->labels[predictedClass])
        .arg(count)
        .arg(total > 0 ? QString::number(100.0 * count / total, 'f', 1) : QStringLiteral("0"));
}

void ConfusionPlot::mousePressEvent(QMouseEvent* event) {
    m_pressAt = event->pos();
    QCustomPlot::mousePressEvent(event);
}

void ConfusionPlot::mouseReleaseEvent(QMouseEvent* event) {
    QCustomPlot::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressAt).manhattanLength() > 4)
        return;
    if (const auto cell = cellAt(event->position())) {
        setSelectedCell(cell);
        emit cellClicked(cell->first, cell->second);
    }
}

void ConfusionPlot::mouseMoveEvent(QMouseEvent* event) {
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton)
        return;
    if (const auto cell = cellAt(event->position()))
        QToolTip::showText(event->globalPosition().toPoint(), cellText(cell->first, cell->second), this);
    else
        QToolTip::hideText();
}

void ConfusionPlot::resizeEvent(QResizeEvent* event) {
    QCustomPlot::resizeEvent(event);
    updateTicks();
}

} // namespace bankbench::ui
