#pragma once

class QCustomPlot;

namespace bankbench::ui {

/// Gives a plot the interactions every training chart shares: drag to pan and wheel to zoom (both axes),
/// double-click to fit all data again, and a tooltip with the nearest point's values (graph name, x, y)
/// while the mouse hovers near a curve. The plot owns the connections. GUI thread.
void makeInteractive(QCustomPlot* plot);

/// Dynamic bool property of an interactive plot: true while the chart should fit new data (no pan/zoom
/// since the last double-click).
inline constexpr const char* kFollowProperty = "bankbenchFollowData";

/// Whether `plot` should rescale to its data (see kFollowProperty).
bool followsData(const QCustomPlot* plot);

} // namespace bankbench::ui
