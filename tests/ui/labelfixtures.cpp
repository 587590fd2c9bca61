#include "labelfixtures.h"

#include "label/labelsession.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <QTest>

#include <gtest/gtest.h>

namespace bankbench::test {

const std::vector<std::string>& labelTexts() {
    static const std::vector<std::string> texts = {
        "我的信用卡丢了，请帮我挂失",
        "I lost my credit card yesterday",
        "查询一下账户余额😀谢谢",
        "转账 5000元 到 6222 0000 1234 失败了 🏦",
        "What is my current balance?",
        "投诉：柜台服务态度很差\r\n第二行",
        "Apple Pay 👍🏽 keeps declining my card",
        "我想申请个人住房贷款",
    };
    return texts;
}

LabelProject createLabelProject(const std::string& path, core::LabelSetKind kind, int extraRows) {
    LabelProject out;
    auto project = core::Project::create(path);
    EXPECT_TRUE(project.ok()) << (project.ok() ? "" : project.error().what());
    if (!project)
        return out;
    core::DatasetInfo info;
    info.name = "calls";
    info.sourcePath = "calls.csv";
    info.sourceFormat = "csv";
    info.encoding = "utf-8";
    info.columns = {"id", "channel", "text"};
    info.textColumn = "text";
    auto writer = (*project)->beginDataset(info, kind, "import");
    EXPECT_TRUE(writer.ok()) << (writer.ok() ? "" : writer.error().what());
    if (!writer)
        return out;
    int line = 2;
    auto add = [&](const std::string& text) {
        core::NewRecord record;
        record.sourceLine = line;
        record.text = text;
        record.fields = nlohmann::json::array(
            {std::string("R").append(std::to_string(line - 1)), line % 2 ? "app" : "phone", text});
        EXPECT_TRUE((*writer)->add(record).ok());
        ++line;
    };
    for (const auto& text : labelTexts())
        add(text);
    for (int i = 0; i < extraRows; ++i)
        add(std::string("客户留言 ").append(std::to_string(i)).append(" about my card"));
    out.datasetId = (*writer)->datasetId();
    EXPECT_TRUE((*writer)->commit().ok());

    core::LabelStore store(**project);
    auto set = store.createLabelSet("calls intents", kind);
    EXPECT_TRUE(set.ok()) << (set.ok() ? "" : set.error().what());
    if (!set)
        return out;
    out.labelSetId = set->id;
    std::vector<core::Label> labels;
    auto label = [](std::string name, std::string zh, std::string en, std::string color, std::string key) {
        core::Label l;
        l.name = std::move(name);
        l.displayZh = std::move(zh);
        l.displayEn = std::move(en);
        l.color = std::move(color);
        l.hotkey = std::move(key);
        l.description = std::string("Guideline for ").append(l.name);
        return l;
    };
    if (kind == core::LabelSetKind::Span) {
        labels = {label("amount", "金额", "Amount", "#e15759", "a"),
                  label("card", "卡号", "Card number", "#4e79a7", "c"),
                  label("date", "日期", "Date", "#59a14f", "d")};
    } else {
        labels = {label("card_lost", "挂失", "Lost card", "#e15759", "1"),
                  label("balance", "余额查询", "Balance", "#4e79a7", "2"),
                  label("transfer", "转账", "Transfer", "#59a14f", "3"),
                  label("complaint", "投诉", "Complaint", "#f28e2b", "q")};
    }
    for (const auto& l : labels) {
        auto created = store.createLabel(set->id, l);
        EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().what());
        if (created)
            out.labels.push_back(created.value());
    }
    EXPECT_TRUE(store.assignLabelSet(out.datasetId, set->id).ok());
    return out;
}

bool waitIdle(ui::LabelSession& session, int timeoutMs) {
    return QTest::qWaitFor([&] { return session.isIdle(); }, timeoutMs);
}

std::vector<core::Decision> storedDecisions(const std::string& path, core::DatasetId dataset) {
    auto project = core::Project::open(path, true);
    EXPECT_TRUE(project.ok());
    if (!project)
        return {};
    core::LabelStore store(**project);
    auto decisions = store.currentDecisionsInDataset(dataset);
    EXPECT_TRUE(decisions.ok()) << (decisions.ok() ? "" : decisions.error().what());
    return decisions ? decisions.value() : std::vector<core::Decision>{};
}

std::optional<core::Decision> storedDecision(const std::string& path, core::RecordId record,
                                             core::LabelSetId labelSet, const std::string& annotator) {
    auto project = core::Project::open(path, true);
    EXPECT_TRUE(project.ok());
    if (!project)
        return std::nullopt;
    core::LabelStore store(**project);
    auto decision = store.currentDecision(record, labelSet, annotator);
    EXPECT_TRUE(decision.ok()) << (decision.ok() ? "" : decision.error().what());
    return decision ? decision.value() : std::nullopt;
}

} // namespace bankbench::test
