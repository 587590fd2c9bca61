#include "uifixtures.h"

#include "data/chunkrequestqueue.h"
#include "data/recordtablemodel.h"
#include "data/rowcache.h"

#include "support/testsupport.h"

#include <store/project.h>

#include <QTest>

#include <gtest/gtest.h>

using namespace bankbench;
using bankbench::test::qs;
using bankbench::test::TempDir;

namespace {

core::DatasetInfo datasetInfo(const std::string& path, core::DatasetId id) {
    auto project = core::Project::open(path, true);
    EXPECT_TRUE(project.ok());
    return (*project)->dataset(id).value();
}

class RecordTableModelTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = m_dir.file("model.bbproj");
        m_id = test::createFixtureProject(m_path);
        m_model.setProjectPath(qs(m_path));
        m_model.setDataset(datasetInfo(m_path, m_id));
    }

    /// Waits for the query, asks for every row like a view would, and waits until all are loaded.
    bool settle() {
        if (!QTest::qWaitFor([&] { return !m_model.isQueryRunning(); }, 10000))
            return false;
        for (int row = 0; row < m_model.rowCount(); ++row)
            m_model.data(m_model.index(row, ui::RecordTableModel::TextColumn));
        return QTest::qWaitFor(
            [&] {
                for (int row = 0; row < m_model.rowCount(); ++row) {
                    if (!m_model.isRowLoaded(row))
                        return false;
                }
                return m_model.isIdle();
            },
            10000);
    }

    QStringList texts() const {
        QStringList out;
        for (int row = 0; row < m_model.rowCount(); ++row)
            out << m_model.index(row, ui::RecordTableModel::TextColumn).data().toString();
        return out;
    }

    TempDir m_dir;
    std::string m_path;
    core::DatasetId m_id = 0;
    ui::RecordTableModel m_model;
};

} // namespace

TEST_F(RecordTableModelTest, RowCountArrivesAsynchronouslyAndRowsLoadInTheBackground) {
    EXPECT_EQ(m_model.rowCount(), 0); // nothing computed on the GUI thread
    EXPECT_TRUE(m_model.isQueryRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_model.isQueryRunning(); }, 10000));
    ASSERT_EQ(m_model.rowCount(), 12);
    const QModelIndex first = m_model.index(0, ui::RecordTableModel::TextColumn);
    EXPECT_EQ(first.data().toString(), QStringLiteral("…")); // placeholder until its chunk arrives
    ASSERT_TRUE(settle());
    EXPECT_EQ(first.data().toString(), qs(test::fixtureRows()[0].text));
    EXPECT_EQ(m_model.index(0, ui::RecordTableModel::LabelsColumn).data().toString(),
              QStringLiteral("card_lost"));
    EXPECT_EQ(m_model.index(0, ui::RecordTableModel::NumberColumn).data().toString(), QStringLiteral("1"));
    // Other columns follow the fixed ones, text and label columns not repeated.
    ASSERT_EQ(m_model.columnCount(), ui::RecordTableModel::FirstFieldColumn + 2);
    EXPECT_EQ(m_model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("id"));
    EXPECT_EQ(m_model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("channel"));
    EXPECT_EQ(m_model.index(0, 4).data().toString(), QStringLiteral("app"));
}

TEST_F(RecordTableModelTest, SearchNarrowsRowsInChineseAndEnglish) {
    ASSERT_TRUE(settle());
    m_model.setSearch(QStringLiteral("信用卡"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts(), QStringList{qs("我的信用卡丢了，请帮我挂失")});

    m_model.setSearch(QStringLiteral("余额"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts(), QStringList{qs("查询一下账户余额")});

    m_model.setSearch(QStringLiteral("credit card"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts(), QStringList{QStringLiteral("I lost my credit card yesterday")});

    m_model.setSearch(QStringLiteral("loan"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts(), QStringList{QStringLiteral("How do I apply for a car loan?")});

    m_model.setSearch(QStringLiteral("nothing-like-this"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(m_model.rowCount(), 0);

    m_model.setSearch(QString());
    ASSERT_TRUE(settle());
    EXPECT_EQ(m_model.rowCount(), 12);
}

TEST_F(RecordTableModelTest, LabelAndLabelledFilters) {
    ASSERT_TRUE(settle());
    m_model.setLabelFilter(QStringLiteral("card_lost"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts(), (QStringList{qs("我的信用卡丢了，请帮我挂失"),
                                    QStringLiteral("I lost my credit card yesterday")}));

    m_model.setLabelFilter(std::nullopt);
    m_model.setLabelledFilter(core::LabelledFilter::Unlabelled);
    ASSERT_TRUE(settle());
    EXPECT_EQ(m_model.rowCount(), 4);
    for (int row = 0; row < m_model.rowCount(); ++row)
        EXPECT_TRUE(m_model.index(row, ui::RecordTableModel::LabelsColumn).data().toString().isEmpty());

    m_model.setLabelledFilter(core::LabelledFilter::Labelled);
    ASSERT_TRUE(settle());
    EXPECT_EQ(m_model.rowCount(), 8);
}

TEST_F(RecordTableModelTest, SortsOnTheLoaderByTextLabelsAndImportOrder) {
    ASSERT_TRUE(settle());
    m_model.sort(ui::RecordTableModel::TextColumn, Qt::AscendingOrder);
    ASSERT_TRUE(settle());
    QStringList ascending = texts();
    EXPECT_EQ(ascending.first(), QStringLiteral("Apple Pay keeps declining my card"));

    m_model.sort(ui::RecordTableModel::TextColumn, Qt::DescendingOrder);
    ASSERT_TRUE(settle());
    QStringList descending = texts();
    std::reverse(descending.begin(), descending.end());
    EXPECT_EQ(descending, ascending);

    m_model.sort(ui::RecordTableModel::NumberColumn, Qt::DescendingOrder);
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts().first(), QStringLiteral("Apple Pay keeps declining my card")); // last imported
    EXPECT_EQ(texts().last(), qs(test::fixtureRows()[0].text));

    m_model.sort(ui::RecordTableModel::LabelsColumn, Qt::AscendingOrder);
    ASSERT_TRUE(settle());
    QStringList labels;
    for (int row = 0; row < m_model.rowCount(); ++row)
        labels << m_model.index(row, ui::RecordTableModel::LabelsColumn).data().toString();
    labels.removeAll(QString()); // unlabelled rows sort first (NULL)
    EXPECT_TRUE(std::is_sorted(labels.begin(), labels.end())) << labels.join(u',').toStdString();
}

TEST_F(RecordTableModelTest, ChangingTheQueryDropsStaleResults) {
    ASSERT_TRUE(settle());
    // Three queries in a row: only the last one's answer may be shown.
    m_model.setSearch(QStringLiteral("card"));
    m_model.setSearch(QStringLiteral("信用卡"));
    m_model.setSearch(QStringLiteral("Zebra"));
    ASSERT_TRUE(settle());
    EXPECT_EQ(texts(), QStringList{QStringLiteral("Zebra stripes are not a banking question")});
}

TEST(RecordTableModelLarge, ScrollingThroughManyRowsKeepsTheCacheBounded) {
    TempDir dir;
    const std::string path = dir.file("large.bbproj");
    constexpr int kExtra = 30000;
    const core::DatasetId id = test::createFixtureProject(path, kExtra);
    ui::RecordTableModel model;
    model.setProjectPath(qs(path));
    model.setDataset(datasetInfo(path, id));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isQueryRunning(); }, 20000));
    ASSERT_EQ(model.rowCount(), 12 + kExtra);

    // Jump around like a dragged scrollbar: each "viewport" asks for 40 rows.
    for (int top = 0; top < model.rowCount(); top += 997) {
        for (int row = top; row < std::min(top + 40, model.rowCount()); ++row)
            model.data(model.index(row, ui::RecordTableModel::TextColumn));
        QCoreApplication::processEvents();
    }
    const int last = model.rowCount() - 1;
    model.data(model.index(last, ui::RecordTableModel::TextColumn));
    ASSERT_TRUE(QTest::qWaitFor([&] { return model.isRowLoaded(last) && model.isIdle(); }, 20000));
    EXPECT_EQ(model.index(last, ui::RecordTableModel::TextColumn).data().toString(),
              QStringLiteral("generated message number %1").arg(kExtra - 1));
    EXPECT_FALSE(model.isRowLoaded(0) && model.isRowLoaded(15000) && model.isRowLoaded(last - 10000))
        << "the cache should have evicted old chunks";
}

TEST(RowCache, EvictsLeastRecentlyUsedChunks) {
    ui::RowCache cache(4, 2);
    auto chunk = [](int first) {
        ui::RecordRows rows;
        for (int i = 0; i < 4; ++i) {
            ui::RecordRow row;
            row.id = first + i;
            rows.push_back(row);
        }
        return rows;
    };
    cache.insert(0, chunk(0));
    cache.insert(1, chunk(4));
    ASSERT_NE(cache.row(1), nullptr); // touches chunk 0
    cache.insert(2, chunk(8));        // evicts chunk 1, the least recently used
    EXPECT_TRUE(cache.containsChunk(0));
    EXPECT_FALSE(cache.containsChunk(1));
    EXPECT_EQ(cache.row(9)->id, 9);
    EXPECT_EQ(cache.row(5), nullptr);
    EXPECT_EQ(cache.chunkCount(), 2);
}

TEST(ChunkRequestQueue, ServesNewestFirstAndDropsTheOldestBeyondCapacity) {
    ui::ChunkRequestQueue queue(2);
    auto request = [](int chunk) {
        ui::ChunkRequest r;
        r.chunk = chunk;
        return r;
    };
    EXPECT_TRUE(queue.push(request(1)).empty());
    EXPECT_TRUE(queue.push(request(2)).empty());
    const auto dropped = queue.push(request(3));
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_EQ(dropped[0].chunk, 1);
    EXPECT_EQ(queue.popNewest()->chunk, 3);
    EXPECT_EQ(queue.popNewest()->chunk, 2);
    EXPECT_FALSE(queue.popNewest().has_value());
}
