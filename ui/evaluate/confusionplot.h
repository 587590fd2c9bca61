#pragma once

#include "evaluate/evaluationresult.h"

#include <qcustomplot.h>

#include <QVector>

#include <memory>
#include <optional>

namespace bankbench::ui {

/// The confusion matrix as a heatmap (QCPColorMap): rows are true classes (top to bottom), columns predicted
/// classes; correct predictions in green, errors in red, white where nothing falls. Counts or row-normalised
/// shares; classes in label order or by errors. Label names on both axes, sized to the room each class
/// gets (zoom with the wheel, drag to pan); hovering shows true / predicted / count; a click emits
/// cellClicked and outlines the cell. GUI thread.
class ConfusionPlot : public QCustomPlot {
    Q_OBJECT

public:
    enum class Order { ByLabel, ByErrors };

    explicit ConfusionPlot(QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const EvaluationResult> result);
    void setNormalized(bool normalized);
    bool isNormalized() const { return m_normalized; }
    void setOrder(Order order);
    Order order() const { return m_order; }
    void resetZoom();
    /// Outlines a cell (or nothing).
    void setSelectedCell(std::optional<QPair<int, int>> cell);

    /// The (true, predicted) class pair under a widget position, if any.
    std::optional<QPair<int, int>> cellAt(const QPointF& position) const;
    /// The widget position of a cell's centre (for tests and tooltips).
    QPointF cellCenter(int trueClass, int predictedClass) const;
    /// The tooltip text of a cell.
    QString cellText(int trueClass, int predictedClass) const;

signals:
    void cellClicked(int trueClass, int predictedClass);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    void updateTicks();
    int axisPosition(int classId) const;

    std::shared_ptr<const EvaluationResult> m_result;
    QCPColorMap* m_map;
    QCPItemRect* m_selection;
    QVector<int> m_classAt;    ///< axis position -> class id
    QVector<int> m_positionOf; ///< class id -> axis position
    bool m_normalized = false;
    Order m_order = Order::ByLabel;
    std::optional<QPair<int, int>> m_selected;
    QPoint m_pressAt;
    bool m_updatingTicks = false;
    QList<QCPItemText*> m_cellTexts;
};

} // namespace bankbench::ui
