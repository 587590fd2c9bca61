#include "evaluate/plotexport.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#ifdef BANKBENCH_HAVE_SVG
#include <QSvgGenerator>
#endif

namespace bankbench::ui {

/// Translation context of plot export.
class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
};

namespace plotexport {

QString fileFilter() {
#ifdef BANKBENCH_HAVE_SVG
    return PlotExport::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
#else
    return PlotExport::tr("PNG image (*.png);;PDF document (*.pdf)");
#endif
}

bool svgAvailable() {
#ifdef BANKBENCH_HAVE_SVG
    return true;
#else
    return false;
#endif
}

namespace {

#ifdef BANKBENCH_HAVE_SVG
// Vector output at the plot's on-screen size: QCustomPlot has no SVG writer of its own, but draws on any
// QPainter, so it paints into Qt's SVG generator.
bool saveSvg(QCustomPlot& plot, const QString& path) {
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(plot.size());
    generator.setViewBox(QRect(QPoint(0, 0), plot.size()));
    generator.setTitle(plot.objectName());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    plot.toPainter(&painter, plot.width(), plot.height());
    return painter.end() && QFileInfo(path).size() > 0;
}
#endif

} // namespace

QString save(QCustomPlot& plot, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool saved = false;
    if (suffix == QLatin1String("png"))
        saved = plot.savePng(path, 0, 0, 2.0);
    else if (suffix == QLatin1String("pdf"))
        saved = plot.savePdf(path);
#ifdef BANKBENCH_HAVE_SVG
    else if (suffix == QLatin1String("svg"))
        saved = saveSvg(plot, path);
    else
        return PlotExport::tr("Choose a file name ending in .png, .svg or .pdf.");
#else
    else
        return PlotExport::tr(
            "Choose a file name ending in .png or .pdf (SVG is not available in this build).");
#endif
    return saved ? QString() : PlotExport::tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
}

void saveWithDialog(QCustomPlot& plot, QWidget* parent, const QString& suggestedName) {
    QString selected;
    QString path = QFileDialog::getSaveFileName(parent, PlotExport::tr("Export Chart"),
                                                QDir::home().filePath(suggestedName + QStringLiteral(".png")),
                                                fileFilter(), &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selected.contains(QLatin1String("pdf"))   ? QStringLiteral(".pdf")
                : selected.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
                                                          : QStringLiteral(".png");
    const QString error = save(plot, path);
    if (!error.isEmpty())
        QMessageBox::warning(parent, PlotExport::tr("Export Chart"), error);
}

void addExportMenu(QCustomPlot& plot, const QString& suggestedName) {
    plot.setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        &plot, &QWidget::customContextMenuRequested, &plot, [&plot, suggestedName](const QPoint& at) {
            QMenu menu(&plot);
            menu.addAction(svgAvailable() ? PlotExport::tr("Export as PNG, SVG or PDF…")
                                          : PlotExport::tr("Export as PNG or PDF…"),
                           [&plot, suggestedName] { saveWithDialog(plot, &plot, suggestedName); });
            menu.exec(plot.mapToGlobal(at));
        });
}

} // namespace plotexport

} // namespace bankbench::ui
