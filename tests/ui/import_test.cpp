#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "data/datafilterbar.h"
#include "data/dataworkspace.h"
#include "data/recordtablemodel.h"
#include "importexport/importdialog.h"
#include "importexport/importpreviewmodel.h"
#include "importexport/importreportdialog.h"
#include "jobs/importjob.h"
#include "jobs/jobindicator.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <store/project.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace bankbench;
using bankbench::test::qs;
using bankbench::test::TempDir;

namespace {

std::vector<std::string> datasetNames(const std::string& project) {
    auto opened = core::Project::open(project, true);
    EXPECT_TRUE(opened.ok());
    std::vector<std::string> names;
    for (const auto& info : (*opened)->datasets().value())
        names.push_back(info.name);
    return names;
}

bool waitForPreview(ui::ImportDialog& dialog) {
    return QTest::qWaitFor(
        [&] { return dialog.isPreviewCurrent() && (dialog.preview() || !dialog.previewError().isEmpty()); },
        10000);
}

class ImportWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_settings = std::make_unique<ui::AppSettings>(qs(m_dir.file("settings.ini")));
        m_project = m_dir.file("import.bbproj");
        test::createFixtureProject(m_project);
        m_window = std::make_unique<ui::MainWindow>(*m_settings);
        m_window->show();
        m_window->openProject(qs(m_project));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return m_window->session().isOpen() && !m_window->session().isBusy(); }, 10000));
    }

    bool waitForJobs() {
        return QTest::qWaitFor(
            [&] { return m_window->currentJob() == nullptr && !m_window->session().isBusy(); }, 30000);
    }

    TempDir m_dir;
    std::string m_project;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace

TEST(ImportDialog, PreviewsTheFirstRowsAsTheyWillBeImported) {
    TempDir dir;
    const std::string csv = dir.file("calls.csv");
    test::writeCsv(csv, 80);
    ui::ImportDialog dialog({QStringLiteral("calls")});
    dialog.setFilePath(qs(csv));
    ASSERT_TRUE(waitForPreview(dialog));
    ASSERT_TRUE(dialog.preview().has_value()) << dialog.previewError().toStdString();
    ui::ImportPreviewModel* model = dialog.previewModel();
    EXPECT_EQ(model->columns(),
              (QStringList{QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("intent")}));
    EXPECT_EQ(model->rowCount(), 50); // the head only
    EXPECT_EQ(model->index(0, 1).data().toString(), qs("客户留言 1：我想查询余额, please"));
    EXPECT_EQ(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("text [text]"));
    EXPECT_EQ(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("intent [label]"));
    EXPECT_EQ(dialog.textColumnCombo()->currentText(), QStringLiteral("text"));
    EXPECT_EQ(dialog.labelColumnCombo()->currentText(), QStringLiteral("intent"));
    // The name "calls" is taken in this project: a free one is proposed.
    EXPECT_EQ(dialog.datasetNameEdit()->text(), QStringLiteral("calls (2)"));
    EXPECT_TRUE(dialog.canImport());
    EXPECT_TRUE(dialog.headerCheck()->isChecked());

    // No header row: the column names become data and the preview follows.
    dialog.headerCheck()->setChecked(false);
    EXPECT_FALSE(dialog.canImport()); // until the new preview is in
    ASSERT_TRUE(waitForPreview(dialog));
    EXPECT_EQ(model->index(0, 0).data().toString(), QStringLiteral("id"));
    EXPECT_EQ(model->rowCount(), 50);
    EXPECT_FALSE(dialog.options().hasHeader.value_or(true));

    // Choosing "no label column" must reach the importer as such, not as "guess one".
    dialog.labelColumnCombo()->setCurrentIndex(0);
    ASSERT_TRUE(dialog.options().labelColumn.has_value());
    EXPECT_TRUE(dialog.options().labelColumn->empty());
}

TEST(ImportDialog, EncodingOverrideRereadsThePreview) {
    TempDir dir;
    const std::string path = dir.file("gbk.csv");
    // "你好" and "余额" in GBK.
    test::writeFile(path, std::string("id,text\n1,\xC4\xE3\xBA\xC3\n2,\xD3\xE0\xB6\xEE\n"));
    ui::ImportDialog dialog({});
    dialog.setFilePath(qs(path));
    ASSERT_TRUE(waitForPreview(dialog));
    QComboBox* encoding = dialog.encodingCombo();
    encoding->setCurrentIndex(encoding->findData(QStringLiteral("gbk")));
    ASSERT_TRUE(waitForPreview(dialog));
    ASSERT_TRUE(dialog.preview().has_value()) << dialog.previewError().toStdString();
    EXPECT_EQ(dialog.previewModel()->index(0, 1).data().toString(), qs("你好"));
    EXPECT_EQ(dialog.previewModel()->index(1, 1).data().toString(), qs("余额"));
    EXPECT_EQ(dialog.options().encoding, "gbk");
}

TEST(ImportDialog, RefusesABinaryFileWithAClearMessage) {
    TempDir dir;
    const std::string path = dir.file("archive.csv");
    test::writeFile(path, std::string("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + std::string(200, '\0'));
    ui::ImportDialog dialog({});
    dialog.setFilePath(qs(path));
    ASSERT_TRUE(waitForPreview(dialog));
    EXPECT_FALSE(dialog.preview().has_value());
    EXPECT_TRUE(dialog.previewError().contains(QStringLiteral("archive.csv")))
        << dialog.previewError().toStdString();
    EXPECT_FALSE(dialog.canImport());
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("importMessage"))->text(), dialog.previewError());
}

TEST_F(ImportWindowTest, DialogImportRunsInTheBackgroundAndShowsTheNewDataset) {
    const std::string csv = m_dir.file("small.csv");
    test::writeCsv(csv, 20);
    m_window->showImportDialog(qs(csv));
    ui::ImportDialog* dialog = m_window->importDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitForPreview(*dialog));
    QPushButton* import = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    ASSERT_TRUE(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    ASSERT_TRUE(waitForJobs());

    EXPECT_EQ(datasetNames(m_project), (std::vector<std::string>{"fixture", "small"}));
    ui::DataWorkspace* data = m_window->dataWorkspace();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return data->model()->dataset() && data->model()->dataset()->name == "small" &&
                   !data->model()->isQueryRunning();
        },
        10000));
    EXPECT_EQ(data->model()->rowCount(), 20);
    EXPECT_EQ(data->filterBar()->datasetCombo()->currentText(), QStringLiteral("small (20 rows)"));
    // The import indexed its rows for search: complete as soon as the dataset is there, no index job.
    EXPECT_TRUE(m_window->session().searchIndexStatus(data->model()->dataset()->id)->complete());
    data->model()->setSearch(QStringLiteral("客户留言 7"));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return !data->model()->isQueryRunning() && data->model()->rowCount() >= 1; }, 20000));
    ASSERT_TRUE(waitForJobs());
}

TEST_F(ImportWindowTest, CancellingARunningImportLeavesNoDataset) {
    const std::string csv = m_dir.file("big.csv");
    test::writeCsv(csv, 300000);
    core::ImportOptions options;
    options.path = csv;
    options.datasetName = "big";
    options.progressIntervalMs = 0;
    options.readChunkBytes = 64 * 1024;
    m_window->startImport(options);
    QPointer<ui::ImportJob> job = qobject_cast<ui::ImportJob*>(m_window->currentJob());
    ASSERT_NE(job, nullptr);
    QSignalSpy finished(job.data(), &ui::Job::finished);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !job || job->isFinished() || job->lastProgress().rowsImported > 0; }, 20000));
    ASSERT_TRUE(job && !job->isFinished()) << "the import finished before it could be cancelled";
    auto* cancel = m_window->jobIndicator()->findChild<QToolButton*>(QStringLiteral("jobCancel"));
    ASSERT_TRUE(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(finished.wait(20000) || !finished.isEmpty());
    EXPECT_EQ(finished.first().at(0).value<ui::Job::Outcome>(), ui::Job::Outcome::Cancelled);
    ASSERT_TRUE(waitForJobs());
    EXPECT_EQ(datasetNames(m_project), std::vector<std::string>{"fixture"});
    EXPECT_FALSE(m_window->jobIndicator()->isVisible());
}

TEST_F(ImportWindowTest, ABadRowFailsTheImportWithFileLineAndColumn) {
    const std::string csv = m_dir.file("bad.csv");
    test::writeFile(csv, "id,text\n1,ok\n2,\"a\"b,c\n3,fine\n");
    core::ImportOptions options;
    options.path = csv;
    options.datasetName = "bad";
    m_window->startImport(options);
    auto* job = m_window->currentJob();
    ASSERT_NE(job, nullptr);
    QSignalSpy finished(job, &ui::Job::finished);
    ASSERT_TRUE(finished.wait(20000));
    EXPECT_EQ(finished.first().at(0).value<ui::Job::Outcome>(), ui::Job::Outcome::Failed);
    const QString message = finished.first().at(1).toString();
    EXPECT_TRUE(message.startsWith(qs(csv) + QStringLiteral(":3:"))) << message.toStdString();
    ASSERT_TRUE(waitForJobs());
    EXPECT_EQ(datasetNames(m_project), std::vector<std::string>{"fixture"});
}

TEST_F(ImportWindowTest, SkippedRowsAreListedWithTheirLines) {
    const std::string csv = m_dir.file("ragged.csv");
    test::writeFile(csv, "id,text\n1,ok\n2,\"a\"b,c\n3,fine\n");
    core::ImportOptions options;
    options.path = csv;
    options.datasetName = "ragged";
    options.skipBadRows = true;
    m_window->startImport(options);
    ASSERT_TRUE(waitForJobs());
    EXPECT_EQ(datasetNames(m_project), (std::vector<std::string>{"fixture", "ragged"}));
    ui::ImportReportDialog* report = m_window->findChild<ui::ImportReportDialog*>();
    ASSERT_NE(report, nullptr);
    QTableWidget* warnings = report->warningTable();
    ASSERT_EQ(warnings->rowCount(), 1);
    EXPECT_EQ(warnings->item(0, 0)->text(), QStringLiteral("3"));
}
