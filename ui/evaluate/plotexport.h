#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace bankbench::ui {

/// Saving QCustomPlot charts. SVG is not offered: Debian 12's Qt 6 build here has no Qt SVG module.
namespace plotexport {

/// The file dialog filter for the formats offered (PNG, PDF), translated.
QString fileFilter();
/// Writes the plot as PNG (2x pixels) or PDF (vector), chosen by the file suffix (.png / .pdf).
/// Returns a translated error, or an empty string on success.
QString save(QCustomPlot& plot, const QString& path);
/// Asks for a file name (next to `directory`) and saves; errors are shown in a message box.
void saveWithDialog(QCustomPlot& plot, QWidget* parent, const QString& suggestedName);
/// Adds "Export as PNG or PDF…" to the plot's context menu.
void addExportMenu(QCustomPlot& plot, const QString& suggestedName);

} // namespace plotexport

} // namespace bankbench::ui
