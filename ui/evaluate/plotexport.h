#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace bankbench::ui {

/// Saving QCustomPlot charts as PNG, PDF and, when Qt6 Svg (qt6-svg-dev) was found at configure time, SVG.
namespace plotexport {

/// The file dialog filter for the formats offered (PNG, SVG if available, PDF), translated.
QString fileFilter();
/// Whether this build writes SVG (Qt6 Svg was found at configure time).
bool svgAvailable();
/// Writes the plot as PNG (2x pixels), SVG or PDF (vector), chosen by the file suffix (.png / .svg / .pdf).
/// Returns a translated error, or an empty string on success.
QString save(QCustomPlot& plot, const QString& path);
/// Asks for a file name (next to `directory`) and saves; errors are shown in a message box.
void saveWithDialog(QCustomPlot& plot, QWidget* parent, const QString& suggestedName);
/// Adds "Export as PNG, SVG or PDF…" to the plot's context menu.
void addExportMenu(QCustomPlot& plot, const QString& suggestedName);

} // namespace plotexport

} // namespace bankbench::ui
