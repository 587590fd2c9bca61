#include "uifixtures.h"

#include <store/project.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace bankbench::test {

const std::vector<FixtureRow>& fixtureRows() {
    static const std::vector<FixtureRow> rows = {
        {"我的信用卡丢了，请帮我挂失", "card_lost", "app"},
        {"I lost my credit card yesterday", "card_lost", "phone"},
        {"查询一下账户余额", "balance", "wechat"},
        {"What is my current balance?", "balance", "web"},
        {"转账失败了怎么办", "", "app"},
        {"Transfer failed twice today", "", "phone"},
        {"我想申请个人住房贷款", "loan_application", "branch"},
        {"How do I apply for a car loan?", "loan_application", "web"},
        {"理财产品的收益率是多少", "wealth_product", "wechat"},
        {"Zebra stripes are not a banking question", "", "web"},
        {"投诉：柜台服务态度很差", "complaint", "branch"},
        {"Apple Pay keeps declining my card", "", "app"},
    };
    return rows;
}

core::DatasetId createFixtureProject(const std::string& path, int extraRows) {
    auto project = core::Project::create(path);
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().what());
    if (!project)
        return 0;
    core::DatasetInfo info;
    info.name = "fixture";
    info.sourcePath = "fixture.csv";
    info.sourceFormat = "csv";
    info.encoding = "utf-8";
    info.columns = {"id", "channel", "text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = (*project)->beginDataset(info, core::LabelSetKind::SingleLabel, "test");
    EXPECT_TRUE(writer.ok()) << (writer.ok() ? "" : writer.error().what());
    if (!writer)
        return 0;
    int line = 2;
    auto add = [&](const std::string& text, const std::string& label, const std::string& channel) {
        core::NewRecord record;
        record.sourceLine = line;
        record.text = text;
        record.fields =
            nlohmann::json::array({std::string("R").append(std::to_string(line - 1)), channel, text, label});
        if (!label.empty())
            record.labels = {label};
        EXPECT_TRUE((*writer)->add(record).ok());
        ++line;
    };
    for (const auto& row : fixtureRows())
        add(row.text, row.label, row.channel);
    for (int i = 0; i < extraRows; ++i)
        add("generated message number " + std::to_string(i), i % 3 == 0 ? "generated" : "", "batch");
    const core::DatasetId id = (*writer)->datasetId();
    EXPECT_TRUE((*writer)->commit().ok());
    EXPECT_TRUE((*project)->buildSearchIndex().ok());
    return id;
}

void writeCsv(const std::string& path, int rows) {
    std::ofstream out(path, std::ios::binary);
    out << "id,text,intent\n";
    for (int i = 1; i <= rows; ++i)
        out << i << ",\"客户留言 " << i << "：我想查询余额, please\"," << (i % 2 ? "balance" : "card_lost")
            << "\n";
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string copyProjectWithRuns(const std::string& source, const std::string& directory) {
    const auto target = std::filesystem::path(directory) / std::filesystem::path(source).filename();
    std::filesystem::copy_file(source, target);
    std::filesystem::copy(source + ".runs", target.string() + ".runs", std::filesystem::copy_options::recursive);
    return target.string();
}

} // namespace bankbench::test
