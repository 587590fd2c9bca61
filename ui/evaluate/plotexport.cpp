#include "evaluate/plotexport.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace bankbench::ui {

/// Translation context of plot export.
class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
};

namespace plotexport {

QString fileFilter() {
    return PlotExport::tr("PNG image (*.png);;PDF document (*.pdf)");
}

QString save(QCustomPlot& plot, const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool saved = false;
    if (suffix == QLatin1String("png"))
        saved = plot.savePng(path, 0, 0, 2.0);
    else if (suffix == QLatin1String("pdf"))
        saved = plot.savePdf(path);
    else
        return PlotExport::tr(
            "Choose a file name ending in .png or .pdf (SVG is not available in this build).");
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
        path += selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf") : QStringLiteral(".png");
    const QString error = save(plot, path);
    if (!error.isEmpty())
        QMessageBox::warning(parent, PlotExport::tr("Export Chart"), error);
}

void addExportMenu(QCustomPlot& plot, const QString& suggestedName) {
    plot.setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        &plot, &QWidget::customContextMenuRequested, &plot, [&plot, suggestedName](const QPoint& at) {
            QMenu menu(&plot);
            menu.addAction(PlotExport::tr("Export as PNG or PDF…"),
                           [&plot, suggestedName] { saveWithDialog(plot, &plot, suggestedName); });
            menu.exec(plot.mapToGlobal(at));
        });
}

} // namespace plotexport

} // namespace bankbench::ui
