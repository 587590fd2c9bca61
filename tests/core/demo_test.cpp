#include "demo/demoformat.h"
#include "demo/demogenerator.h"
#include "store/project.h"
#include "support/testsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace bankbench::core {
namespace {

using test::readFile;
using test::TempDir;
using CsvRows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kColumns = {"id", "channel", "language", "created_at", "text", "intent"};
const std::set<std::string> kIntents = {
    "card_lost",         "balance_inquiry",        "transfer_failed",
    "loan_application",  "wealth_product_inquiry", "complaint",
    "card_activation",   "password_reset",         "credit_limit_increase",
    "mortgage_rate",     "exchange_rate",          "atm_cash_not_dispensed",
    "bill_dispute",      "account_opening",        "branch_hours",
    "mobile_app_login",  "fraud_report",           "fee_refund",
    "statement_request", "address_change"};

// A strict RFC 4180 reader: a stray or unbalanced quote fails the test instead of being tolerated.
CsvRows parseCsvStrict(const std::string& data) {
    CsvRows rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    bool rowOpen = false;
    while (i < data.size()) {
        rowOpen = true;
        if (data[i] == '"') {
            ++i;
            for (;;) {
                if (i >= data.size()) {
                    ADD_FAILURE() << "unterminated quoted field in row " << rows.size() + 1;
                    return rows;
                }
                if (data[i] == '"') {
                    if (i + 1 < data.size() && data[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += data[i++];
            }
            if (i < data.size() && data[i] != ',' && data[i] != '\n') {
                ADD_FAILURE() << "text after a closing quote in row " << rows.size() + 1;
                return rows;
            }
        } else {
            while (i < data.size() && data[i] != ',' && data[i] != '\n') {
                if (data[i] == '"' || data[i] == '\r') {
                    ADD_FAILURE() << "quote or CR in an unquoted field in row " << rows.size() + 1;
                    return rows;
                }
                field += data[i++];
            }
        }
        row.push_back(std::move(field));
        field.clear();
        if (i < data.size() && data[i] == '\n') {
            rows.push_back(std::move(row));
            row.clear();
            rowOpen = false;
        }
        ++i; // past the ',' or '\n'
    }
    EXPECT_FALSE(rowOpen) << "the file must end with a line break";
    return rows;
}

bool hasCjk(const std::string& text) {
    // CJK Unified Ideographs U+4E00..U+9FFF are encoded with lead bytes 0xE4..0xE9.
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0xE4 && byte <= 0xE9;
    });
}

CsvRows generate(const TempDir& dir, const DemoOptions& options, DemoSummary* summary = nullptr) {
    const std::string path = dir.file("demo-" + std::to_string(options.seed) + ".csv");
    auto written = writeDemoCsv(path, options);
    EXPECT_TRUE(written.ok()) << (written.ok() ? "" : written.error().what());
    if (summary != nullptr && written.ok())
        *summary = *written;
    return parseCsvStrict(readFile(path));
}

TEST(DemoGenerator, SameSeedGivesSameBytesAndOtherSeedDiffers) {
    TempDir dir;
    DemoOptions options;
    options.rows = 500;
    options.seed = 42;
    ASSERT_TRUE(writeDemoCsv(dir.file("a.csv"), options).ok());
    ASSERT_TRUE(writeDemoCsv(dir.file("b.csv"), options).ok());
    options.seed = 43;
    ASSERT_TRUE(writeDemoCsv(dir.file("c.csv"), options).ok());
    const std::string a = readFile(dir.file("a.csv"));
    EXPECT_EQ(a, readFile(dir.file("b.csv")));
    EXPECT_NE(a, readFile(dir.file("c.csv")));
}

TEST(DemoGenerator, CsvHasHeaderRowCountAndWellFormedColumns) {
    TempDir dir;
    DemoSummary summary;
    const CsvRows rows = generate(dir, DemoOptions{}, &summary);
    ASSERT_EQ(rows.size(), 3001u);
    EXPECT_EQ(rows[0], kColumns);
    EXPECT_EQ(summary.rows, 3000);

    const std::regex iso(
        R"(2026-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\+08:00)");
    const std::set<std::string> channels = {"app", "web", "phone", "wechat", "branch"};
    std::set<std::string> ids;
    std::string previousTime;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        ASSERT_EQ(row.size(), kColumns.size()) << "row " << i;
        EXPECT_TRUE(ids.insert(row[0]).second) << "duplicate id " << row[0];
        EXPECT_TRUE(channels.count(row[1])) << row[1];
        EXPECT_TRUE(row[2] == "zh" || row[2] == "en") << row[2];
        EXPECT_TRUE(std::regex_match(row[3], iso)) << row[3];
        EXPECT_GE(row[3], previousTime) << "created_at is in time order";
        previousTime = row[3];
        EXPECT_FALSE(row[4].empty());
        EXPECT_TRUE(row[5].empty() || kIntents.count(row[5])) << row[5];
    }
    EXPECT_EQ(rows[1][0], "CS-000001");
}

TEST(DemoGenerator, CoversEveryIntentBothLanguagesAndAllChannels) {
    TempDir dir;
    DemoSummary summary;
    const CsvRows rows = generate(dir, DemoOptions{}, &summary);
    std::set<std::string> intents;
    std::set<std::string> channels;
    int chinese = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (!rows[i][5].empty())
            intents.insert(rows[i][5]);
        channels.insert(rows[i][1]);
        if (rows[i][2] == "zh") {
            ++chinese;
            EXPECT_TRUE(hasCjk(rows[i][4])) << rows[i][4];
        } else {
            EXPECT_FALSE(hasCjk(rows[i][4])) << rows[i][4];
        }
    }
    EXPECT_EQ(intents, kIntents);
    EXPECT_EQ(summary.intents, static_cast<int>(kIntents.size()));
    EXPECT_EQ(channels.size(), 5u);
    const double share = static_cast<double>(chinese) / 3000.0;
    EXPECT_NEAR(share, 0.5, 0.05);
}

TEST(DemoGenerator, LabelledFractionFollowsTheOption) {
    TempDir dir;
    for (double fraction : {0.0, 0.25, 0.6, 1.0}) {
        DemoOptions options;
        options.labelledFraction = fraction;
        options.seed = 7 + static_cast<std::uint64_t>(fraction * 100);
        DemoSummary summary;
        const CsvRows rows = generate(dir, options, &summary);
        const auto labelled =
            std::count_if(rows.begin() + 1, rows.end(), [](const auto& r) { return !r[5].empty(); });
        EXPECT_EQ(summary.labelledRows, labelled);
        EXPECT_NEAR(static_cast<double>(labelled) / options.rows, fraction, 0.035) << "fraction " << fraction;
    }
}

TEST(DemoGenerator, MessagesAreFilledVariedAndExerciseCsvQuoting) {
    TempDir dir;
    const CsvRows rows = generate(dir, DemoOptions{});
    std::set<std::string> distinct;
    std::map<std::string, int> features;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::string& text = rows[i][4];
        EXPECT_EQ(text.find_first_of("{}"), std::string::npos) << "unfilled placeholder: " << text;
        EXPECT_EQ(text.find("  "), std::string::npos) << text;
        EXPECT_EQ(text.find("，，"), std::string::npos) << text;
        EXPECT_EQ(text.find("？。"), std::string::npos) << text;
        distinct.insert(text);
        for (const char* marker : {",", "\"", "\n", "¥", "元", "$", "月", "万", "yuan", "ending"})
            if (text.find(marker) != std::string::npos)
                ++features[marker];
    }
    EXPECT_GT(distinct.size(), 2000u) << "messages should rarely repeat";
    for (const char* marker : {",", "\"", "\n", "¥", "元", "$", "月", "万", "yuan", "ending"})
        EXPECT_GT(features[marker], 5) << "expected messages containing '" << marker << "'";
}

TEST(DemoGenerator, RejectsInvalidOptionsAndUnwritablePaths) {
    TempDir dir;
    DemoOptions options;
    options.rows = 0;
    auto noRows = writeDemoCsv(dir.file("x.csv"), options);
    ASSERT_FALSE(noRows.ok());
    EXPECT_EQ(noRows.error().code, ErrorCode::InvalidArgument);

    options.rows = 10;
    options.labelledFraction = 1.5;
    auto badFraction = createDemoProject(dir.file("x.bbproj"), options);
    ASSERT_FALSE(badFraction.ok());
    EXPECT_EQ(badFraction.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.bbproj")));

    auto unwritable = writeDemoCsv(dir.file("missing-dir/x.csv"), DemoOptions{});
    ASSERT_FALSE(unwritable.ok());
    EXPECT_EQ(unwritable.error().code, ErrorCode::Io);
    EXPECT_NE(unwritable.error().what().find("missing-dir/x.csv"), std::string::npos);
}

TEST(DemoFormat, CalendarAndNumbersAreExact) {
    EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
    EXPECT_EQ(daysFromCivil({2026, 1, 1}), 20454);
    for (std::int64_t day = 20000; day < 21000; ++day) {
        const CivilDate date = civilFromDays(day);
        ASSERT_EQ(daysFromCivil(date), day) << date.year << "-" << date.month << "-" << date.day;
    }
    const CivilDate leap = civilFromDays(daysFromCivil({2028, 2, 28}) + 1);
    EXPECT_EQ(leap.month, 2);
    EXPECT_EQ(leap.day, 29);
    EXPECT_EQ(chinaTimestamp(daysFromCivil({2026, 3, 5}) * 86400 + 14 * 3600 + 23 * 60 + 11),
              "2026-03-05T14:23:11+08:00");
    EXPECT_EQ(groupThousands(0), "0");
    EXPECT_EQ(groupThousands(999), "999");
    EXPECT_EQ(groupThousands(1000), "1,000");
    EXPECT_EQ(groupThousands(1234567), "1,234,567");
    EXPECT_EQ(groupThousands(-50000), "-50,000");
}

TEST(DemoProject, HoldsTheSameRowsAsTheCsvWithLabels) {
    TempDir dir;
    DemoOptions options;
    options.rows = 400;
    options.seed = 99;
    const CsvRows csv = generate(dir, options);
    const std::string path = dir.file("demo.bbproj");
    auto created = createDemoProject(path, options);
    ASSERT_TRUE(created.ok()) << created.error().what();
    EXPECT_EQ(created->rows, 400);

    auto project = Project::open(path, true);
    ASSERT_TRUE(project.ok()) << project.error().what();
    auto dataset = (*project)->dataset(kDemoDatasetName);
    ASSERT_TRUE(dataset.ok()) << dataset.error().what();
    EXPECT_EQ(dataset->rowCount, 400);
    EXPECT_EQ(dataset->labelledCount, created->labelledRows);
    EXPECT_EQ(dataset->columns, kColumns);
    EXPECT_EQ(dataset->textColumn, "text");
    EXPECT_NE(dataset->sourcePath.find("synthetic"), std::string::npos);

    std::size_t index = 1;
    Status visited = (*project)->forEachRecord(dataset->id, [&](const Record& record) {
        const auto& expected = csv[index++];
        EXPECT_EQ(record.text, expected[4]);
        EXPECT_EQ(record.fields.size(), kColumns.size());
        EXPECT_EQ(record.fields[0].get<std::string>(), expected[0]);
        if (expected[5].empty())
            EXPECT_TRUE(record.labels.empty()) << expected[0];
        else
            EXPECT_EQ(record.labels, std::vector<std::string>{expected[5]}) << expected[0];
        return true;
    });
    ASSERT_TRUE(visited.ok()) << visited.error().what();
    EXPECT_EQ(index, csv.size());

    auto counts = (*project)->labelCounts(dataset->id);
    ASSERT_TRUE(counts.ok());
    std::int64_t total = 0;
    for (const LabelCount& count : *counts)
        total += count.count;
    EXPECT_EQ(total, created->labelledRows);
}

TEST(DemoProject, RefusesAnExistingFile) {
    TempDir dir;
    const std::string path = dir.file("taken.bbproj");
    test::writeFile(path, "not a project");
    auto created = createDemoProject(path, DemoOptions{});
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(readFile(path), "not a project");
}

} // namespace
} // namespace bankbench::core
