#include "io/rowpipeline.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace bankbench::core {
namespace {

/// Rows "text <n>" with label "l<n % 3>"; row `badAt` is malformed and row `throwAt` throws, as a
/// reader hitting a library bug would.
class CountingReader final : public RowReader {
public:
    CountingReader(int rows, int badAt = -1, int throwAt = -1) : m_rows(rows), m_badAt(badAt), m_throwAt(throwAt) {}

    Status next(nlohmann::json& fields) override {
        if (m_next == m_rows)
            return Status::End;
        const int n = m_next++;
        m_line = n + 2;
        if (n == m_throwAt)
            throw std::runtime_error("reader exploded");
        if (n == m_badAt) {
            m_error = {ErrorCode::Parse, m_line, 4, "unexpected quote"};
            return Status::BadRow;
        }
        if (n % 10 == 0)
            m_warnings.push_back({m_line, 1, "padded"});
        fields = nlohmann::json::array({"text " + std::to_string(n), "l" + std::to_string(n % 3)});
        return Status::Row;
    }
    std::int64_t line() const override { return m_line; }
    const std::vector<std::string>& columns() const override { return m_columns; }
    const RowError& error() const override { return m_error; }
    std::int64_t bytesRead() const override { return m_next * 10; }
    std::int64_t bytesTotal() const override { return m_rows * 10; }

private:
    int m_rows;
    int m_badAt;
    int m_throwAt;
    int m_next = 0;
    std::int64_t m_line = 1;
    std::vector<std::string> m_columns{"text", "label"};
    RowError m_error;
};

/// Rows one at a time across the pipeline's batches; a row stays valid until its batch is left.
class RowCursor {
public:
    explicit RowCursor(RowPipeline& rows) : m_rows(rows) {}
    const PreparedRow& next() {
        while (m_position == m_batch.size()) {
            m_batch = m_rows.nextBatch();
            m_position = 0;
        }
        return m_batch[m_position++];
    }

private:
    RowPipeline& m_rows;
    std::span<const PreparedRow> m_batch;
    std::size_t m_position = 0;
};

DatasetInfo info() {
    DatasetInfo d;
    d.name = "d";
    d.sourceFormat = "csv";
    d.columns = {"text", "label"};
    d.textColumn = "text";
    d.labelColumn = "label";
    return d;
}

TEST(RowPipeline, HandsOverEveryRowInOrderWithItsWarningsAndBytes) {
    CountingReader reader(1000, 501);
    const auto dataset = info();
    RowPreparer preparer(dataset, false, reader);
    RowPipeline pipeline(preparer, 7, 3); // small batches: many hand-overs, and a batch boundary mid-file
    RowCursor rows(pipeline);
    int warnings = 0;
    for (int n = 0;; ++n) {
        const PreparedRow& row = rows.next();
        if (row.status == RowReader::Status::End) {
            EXPECT_EQ(n, 1000);
            break;
        }
        ASSERT_LT(n, 1000);
        warnings += static_cast<int>(row.warnings.size());
        EXPECT_EQ(row.bytesRead, (n + 1) * 10);
        if (n == 501) {
            ASSERT_EQ(row.status, RowReader::Status::BadRow);
            EXPECT_EQ(row.error.line, 503);
            EXPECT_EQ(row.error.column, 4);
            continue;
        }
        ASSERT_EQ(row.status, RowReader::Status::Row) << n;
        EXPECT_EQ(row.record.text, "text " + std::to_string(n));
        EXPECT_EQ(row.record.sourceLine, n + 2);
        ASSERT_EQ(row.record.labels.size(), 1u);
        EXPECT_EQ(row.record.labels[0], "l" + std::to_string(n % 3));
        EXPECT_EQ(row.record.fieldsJson, "[null,\"l" + std::to_string(n % 3) + "\"]");
    }
    EXPECT_EQ(warnings, 100);
}

TEST(RowPipeline, AnExceptionWhilePreparingBecomesAFailedRow) {
    CountingReader reader(100, -1, 42);
    const auto dataset = info();
    RowPreparer preparer(dataset, false, reader);
    RowPipeline pipeline(preparer, 8, 2);
    RowCursor rows(pipeline);
    int n = 0;
    for (;; ++n) {
        const PreparedRow& row = rows.next();
        if (row.status != RowReader::Status::Row) {
            EXPECT_EQ(row.status, RowReader::Status::Failed);
            EXPECT_NE(row.error.message.find("reader exploded"), std::string::npos) << row.error.message;
            break;
        }
    }
    EXPECT_EQ(n, 42);
}

// The caller stops early (an error or a cancel): destruction must not wait for the whole file.
TEST(RowPipeline, StoppingEarlyEndsThePreparingThread) {
    CountingReader reader(10'000'000);
    const auto dataset = info();
    RowPreparer preparer(dataset, false, reader);
    {
        RowPipeline pipeline(preparer, 16, 2);
        RowCursor rows(pipeline);
        for (int n = 0; n < 100; ++n)
            ASSERT_EQ(rows.next().status, RowReader::Status::Row);
    }
    EXPECT_LT(reader.bytesRead(), 10 * 1000); // at most a few batches beyond what was taken
}

} // namespace
} // namespace bankbench::core
