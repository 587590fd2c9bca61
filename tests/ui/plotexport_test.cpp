// Chart export (Evaluate workspace's plots): each offered format writes a real file of that format.
#include "evaluate/plotexport.h"
#include "support/testsupport.h"

#include <qcustomplot.h>

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using bankbench::test::TempDir;
namespace plotexport = bankbench::ui::plotexport;

namespace {

struct PlotExport : ::testing::Test {
    TempDir dir;
    QCustomPlot plot;

    PlotExport() {
        plot.resize(400, 300);
        auto* graph = plot.addGraph();
        graph->setData({0, 1, 2, 3}, {0.5, 0.9, 0.4, 0.8});
        plot.xAxis->setLabel(QStringLiteral("epoch 轮次"));
        plot.rescaleAxes();
        plot.replot();
    }
    QString path(const char* name) const { return QString::fromStdString(dir.file(name)); }
    QByteArray head(const QString& file, int bytes) const {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
    }
};

} // namespace

TEST_F(PlotExport, PngAndPdfAreWritten) {
    EXPECT_TRUE(plotexport::save(plot, path("chart.png")).isEmpty());
    EXPECT_TRUE(head(path("chart.png"), 8).startsWith("\x89PNG"));
    EXPECT_TRUE(plotexport::save(plot, path("chart.pdf")).isEmpty());
    EXPECT_TRUE(head(path("chart.pdf"), 5).startsWith("%PDF-"));
}

TEST_F(PlotExport, SvgIsAVectorDrawingOfThePlot) {
    if (!plotexport::svgAvailable())
        GTEST_SKIP() << "built without Qt6 Svg (qt6-svg-dev)";
    EXPECT_TRUE(plotexport::fileFilter().contains(QStringLiteral("*.svg")));
    ASSERT_TRUE(plotexport::save(plot, path("chart.svg")).isEmpty());
    const QByteArray svg = head(path("chart.svg"), 1 << 20);
    EXPECT_TRUE(svg.contains("<svg")) << svg.left(200).toStdString();
    EXPECT_TRUE(svg.contains("<polyline") || svg.contains("<path")) << "the graph's line is vector data";
    EXPECT_TRUE(svg.contains("viewBox=\"0 0 400 300\""));
}

TEST_F(PlotExport, AnUnknownSuffixIsRefusedWithTheFormatsOffered) {
    const QString error = plotexport::save(plot, path("chart.bmp"));
    EXPECT_TRUE(error.contains(QStringLiteral(".png"))) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(path("chart.bmp")));
}
