#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "data/datafilterbar.h"
#include "data/dataworkspace.h"
#include "data/recorddetailpane.h"
#include "data/recordtablemodel.h"
#include "importexport/importdialog.h"
#include "jobs/exportjob.h"
#include "jobs/job.h"
#include "shell/aboutdialog.h"
#include "shell/emptystatepanel.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

#include <fstream>

using namespace bankbench;
using bankbench::test::qs;
using bankbench::test::TempDir;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_settings = std::make_unique<ui::AppSettings>(qs(m_dir.file("settings.ini")));
        m_project = m_dir.file("window.bbproj");
        test::createFixtureProject(m_project);
        m_window = std::make_unique<ui::MainWindow>(*m_settings);
        m_window->resize(1200, 800);
        m_window->show();
    }

    ui::DataWorkspace& data() { return *m_window->dataWorkspace(); }
    ui::RecordTableModel& model() { return *data().model(); }
    QTableView& table() { return *data().tableView(); }

    /// The project is open, the query done, and the rows the view shows are loaded.
    bool waitForRows(int expected) {
        return QTest::qWaitFor(
            [&] {
                return m_window->session().isOpen() && !m_window->session().isBusy() && model().isIdle() &&
                       model().rowCount() == expected && model().isRowLoaded(0);
            },
            15000);
    }

    bool openFixture() {
        m_window->openProject(qs(m_project));
        return waitForRows(12);
    }

    TempDir m_dir;
    std::string m_project;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace

TEST_F(MainWindowTest, WithoutAProjectOffersToCreateOrOpenOne) {
    EXPECT_EQ(data().emptyState()->title(), QStringLiteral("No project open"));
    EXPECT_EQ(m_window->findChild<QLabel*>(QStringLiteral("statusProject"))->text(),
              QStringLiteral("No project open"));
}

TEST_F(MainWindowTest, OpensAProjectAndShowsItsRowsOffscreen) {
    ASSERT_TRUE(openFixture());
    EXPECT_EQ(table().model()->rowCount(), 12);
    const QString firstText = table().model()->index(0, ui::RecordTableModel::TextColumn).data().toString();
    EXPECT_EQ(firstText, qs(test::fixtureRows()[0].text));
    EXPECT_EQ(data().filterBar()->datasetCombo()->currentText(), QStringLiteral("fixture (12 rows)"));
    EXPECT_TRUE(m_window->workspaceStatusText().contains(QStringLiteral("12 of 12 rows")))
        << m_window->workspaceStatusText().toStdString();
    EXPECT_EQ(m_window->findChild<QLabel*>(QStringLiteral("statusProject"))->text(),
              QStringLiteral("Project: window.bbproj"));
    EXPECT_TRUE(m_window->windowTitle().startsWith(QStringLiteral("window.bbproj")));
    // The label filter lists the labels with their counts once they arrive.
    QComboBox* labels = data().filterBar()->labelCombo();
    ASSERT_TRUE(QTest::qWaitFor([&] { return labels->count() > 1; }, 10000));
    EXPECT_GE(labels->findText(QStringLiteral("card_lost (2)")), 0);
}

TEST_F(MainWindowTest, DetailPaneFollowsTheSelection) {
    ASSERT_TRUE(openFixture());
    ui::RecordDetailPane* pane = data().detailPane();
    EXPECT_TRUE(pane->shownText().isEmpty());
    table().selectRow(2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return pane->shownText() == qs("查询一下账户余额"); }, 5000));
    EXPECT_EQ(pane->shownLabels(), QStringList{QStringLiteral("balance")});
    auto* fields = pane->findChild<QTableWidget*>(QStringLiteral("detailFields"));
    ASSERT_NE(fields, nullptr);
    EXPECT_EQ(fields->rowCount(), 4);
    EXPECT_EQ(fields->item(1, 1)->text(), QStringLiteral("wechat"));
    table().selectRow(3);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return pane->shownText() == QStringLiteral("What is my current balance?"); }, 5000));
}

TEST_F(MainWindowTest, SearchBoxAndFiltersNarrowTheTable) {
    ASSERT_TRUE(openFixture());
    QLineEdit* search = data().filterBar()->searchEdit();
    search->setText(QStringLiteral("信用卡")); // as an input method commits it; then the debounce fires
    ASSERT_TRUE(waitForRows(1));
    EXPECT_EQ(table().model()->index(0, ui::RecordTableModel::TextColumn).data().toString(),
              qs("我的信用卡丢了，请帮我挂失"));

    search->clear();
    QTest::keyClicks(search, QStringLiteral("balance"));
    QTest::keyClick(search, Qt::Key_Return); // no need to wait for the debounce
    ASSERT_TRUE(waitForRows(1));
    EXPECT_EQ(table().model()->index(0, ui::RecordTableModel::TextColumn).data().toString(),
              QStringLiteral("What is my current balance?"));

    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    ASSERT_TRUE(waitForRows(12));

    QComboBox* labels = data().filterBar()->labelCombo();
    ASSERT_TRUE(QTest::qWaitFor([&] { return labels->count() > 1; }, 10000));
    labels->setCurrentIndex(labels->findData(QStringLiteral("loan_application")));
    ASSERT_TRUE(waitForRows(2));

    labels->setCurrentIndex(0);
    QComboBox* labelled = data().filterBar()->labelledCombo();
    labelled->setCurrentIndex(labelled->findData(static_cast<int>(core::LabelledFilter::Unlabelled)));
    ASSERT_TRUE(waitForRows(4));
}

TEST_F(MainWindowTest, ClickingAHeaderSortsTheTable) {
    ASSERT_TRUE(openFixture());
    QHeaderView* header = table().horizontalHeader();
    const int x = header->sectionViewportPosition(ui::RecordTableModel::TextColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model().query().sortColumn == "text"; }, 2000));
    ASSERT_TRUE(waitForRows(12));
    EXPECT_EQ(table().model()->index(0, ui::RecordTableModel::TextColumn).data().toString(),
              QStringLiteral("Apple Pay keeps declining my card"));
}

TEST_F(MainWindowTest, DroppingACsvFileOpensTheImportDialogOnIt) {
    ASSERT_TRUE(openFixture());
    const std::string csv = m_dir.file("dropped.csv");
    test::writeCsv(csv, 5);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(qs(csv))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    ui::ImportDialog* dialog = m_window->importDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->filePath(), qs(csv));
    EXPECT_EQ(dialog->datasetNameEdit()->text(), QStringLiteral("dropped"));
    dialog->reject();
}

TEST_F(MainWindowTest, RemembersRecentProjectsAndWindowState) {
    ASSERT_TRUE(openFixture());
    EXPECT_EQ(m_settings->recentProjects(), QStringList{qs(m_project)});
    m_window->close();
    EXPECT_FALSE(m_settings->mainWindowGeometry.get().isEmpty());
    EXPECT_FALSE(m_settings->mainWindowState.get().isEmpty());
    EXPECT_EQ(m_settings->currentWorkspace.get(), QStringLiteral("data"));
}

TEST_F(MainWindowTest, ExportsTheShownDatasetInTheBackground) {
    ASSERT_TRUE(openFixture());
    core::ExportOptions options;
    options.datasetName = "fixture";
    options.format = core::ExportFormat::Jsonl;
    options.outPath = m_dir.file("out.jsonl");
    m_window->startExport(options);
    ASSERT_NE(m_window->currentJob(), nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->currentJob() == nullptr; }, 15000));
    std::ifstream in(options.outPath);
    int lines = 0;
    for (std::string line; std::getline(in, line);)
        ++lines;
    EXPECT_EQ(lines, 12);
}

TEST_F(MainWindowTest, AboutShowsTheNumericRuntime) {
    ui::AboutDialog about(m_window.get());
    ASSERT_TRUE(QTest::qWaitFor([&] { return about.isRuntimeKnown(); }, 30000));
    EXPECT_TRUE(about.runtimeText().contains(QStringLiteral("BLAS"), Qt::CaseInsensitive))
        << about.runtimeText().toStdString();
}

TEST_F(MainWindowTest, ANewProjectOffersImportAndAForeignFileIsRefusedClearly) {
    const QString fresh = qs(m_dir.file("fresh.bbproj"));
    m_window->session().createProject(fresh);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->session().isOpen() && !m_window->session().isBusy(); },
                                10000));
    EXPECT_EQ(data().emptyState()->title(), QStringLiteral("This project has no datasets yet"));

    // Creating over an existing file fails and leaves the open project alone.
    QSignalSpy failed(&m_window->session(), &ui::ProjectSession::projectFailed);
    m_window->session().createProject(fresh);
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(m_window->session().path(), fresh);

    const std::string foreign = m_dir.file("notes.bbproj");
    test::writeFile(foreign, "these are not the droids you are looking for\n");
    m_window->session().openProject(qs(foreign));
    ASSERT_TRUE(failed.wait(10000));
    const QString message = failed.last().at(1).toString();
    EXPECT_TRUE(message.contains(qs(foreign))) << message.toStdString();

    m_window->session().closeProject();
    EXPECT_EQ(data().emptyState()->title(), QStringLiteral("No project open"));
    EXPECT_EQ(data().model()->rowCount(), 0);
}
