#include "playground_fixtures.h"

#include "common/projectsession.h"
#include "playground/chatmodel.h"
#include "playground/chatview.h"

#include "playground/chatcore.h"
#include <ml/trainingdata.h>
#include <ml/trainjob.h>
#include <store/project.h>

#include <filesystem>
#include <vector>

namespace bankbench::test {

namespace {

namespace chat = core::chat;

struct Intent {
    const char* name;
    std::vector<const char*> keywords;
};

void addDataset(core::Project& project) {
    const std::vector<Intent> intents = {
        {"card_lost", {"lost card", "stolen card", "lost my card", "挂失", "卡丢了"}},
        {"balance", {"balance", "how much money", "余额", "查询余额"}},
        {"transfer", {"transfer", "send money", "转账", "汇款"}},
        {"loan", {"loan", "mortgage", "贷款", "借钱"}}};
    const std::vector<const char*> filler = {"please", "help", "me", "with", "my",
                                             "today",  "请",   "帮", "我",   "一下"};
    core::DatasetInfo info;
    info.name = "intents";
    info.sourcePath = "generated";
    info.sourceFormat = "csv";
    info.encoding = "UTF-8";
    info.columns = {"text", "intent"};
    info.textColumn = "text";
    info.labelColumn = "intent";
    auto writer = project.beginDataset(info, core::LabelSetKind::SingleLabel, "import");
    ASSERT_TRUE(writer.ok()) << writer.error().what();
    ml::SplitMix64 rng(3);
    int line = 2;
    for (int i = 0; i < 40; ++i) {
        for (const Intent& intent : intents) {
            std::string text;
            for (int w = 0; w < 3; ++w)
                text += std::string(filler[rng.below(filler.size())]) + " ";
            text += intent.keywords[rng.below(intent.keywords.size())];
            core::NewRecord record;
            record.sourceLine = line++;
            record.text = text;
            record.labels = {intent.name};
            record.fields = nlohmann::json::array({text, intent.name});
            ASSERT_TRUE((*writer)->add(record).ok());
        }
    }
    ASSERT_TRUE((*writer)->commit().ok());
}

chat::ResponseSet responses() {
    chat::ResponseSet set;
    chat::IntentResponse transfer;
    transfer.intent = "transfer";
    transfer.variants["en"] = {"OK, transferring {amount} for you now."};
    transfer.variants["zh"] = {"好的，正在为您转账 {amount}。"};
    transfer.requiredSlots = {"amount"};
    transfer.followUps["amount"] = {{"en", "How much would you like to transfer?"},
                                    {"zh", "请问您要转多少钱？"}};
    set.set(transfer);
    chat::IntentResponse lost;
    lost.intent = "card_lost";
    lost.variants["en"] = {"Your card ending {card_last4} is now blocked."};
    lost.variants["zh"] = {"尾号 {card_last4} 的银行卡已为您挂失。"};
    lost.requiredSlots = {"card_last4"};
    lost.followUps["card_last4"] = {{"en", "What are the last four digits of the card?"},
                                    {"zh", "请提供银行卡的后四位。"}};
    set.set(lost);
    chat::IntentResponse balance;
    balance.intent = "balance";
    balance.variants["en"] = {"You can see your balance on the home screen of the app."};
    balance.variants["zh"] = {"您可以在手机银行首页查看账户余额。"};
    set.set(balance);
    return set;
}

void build(const std::string& path) {
    {
        auto project = core::Project::create(path);
        ASSERT_TRUE(project.ok()) << project.error().what();
        addDataset(**project);
    }
    ml::TrainJobRequest request;
    request.projectPath = path;
    request.datasetName = "intents";
    request.runName = "small";
    request.config.epochs = 20;
    request.config.batchSize = 16; // enough steps on 160 records for confident predictions
    request.config.earlyStoppingPatience = 0;
    request.config.threads = 1;
    request.config.fast.dim = 16;
    request.config.fast.features.bucketBits = 12;
    request.config.checkpointEveryMinutes = 0;
    ml::NullProgressSink sink;
    core::CancelToken cancel;
    auto summary = ml::runTrainJob(request, sink, cancel);
    ASSERT_TRUE(summary.ok()) << summary.error().what();

    auto project = core::Project::open(path);
    ASSERT_TRUE(project.ok()) << project.error().what();
    chat::BotStore store(**project);
    auto id = store.createBot("service");
    ASSERT_TRUE(id.ok()) << id.error().what();
    chat::NewBotVersion version;
    version.runs = {"small"};
    version.responses = responses();
    // A fixed policy keeps the conversation tests independent of how tuning moves with the tiny model.
    version.policy.threshold = 0.4;
    version.policy.margin = 0.05;
    ASSERT_TRUE(store.addVersion(*id, version).ok());
    chat::KnowledgeBase knowledge(**project, *id);
    ASSERT_TRUE(
        knowledge.add("What are the opening hours of the branch?", "Branches open 9:00-17:00 on weekdays.")
            .ok());
    ASSERT_TRUE(knowledge.add("网点几点开门？", "网点工作日 9:00-17:00 营业。").ok());
}

} // namespace

std::string createPlaygroundProject(const std::string& directory) {
    static TempDir trained;
    static const std::string source = trained.file("playground.bbproj");
    if (!std::filesystem::exists(source))
        build(source);
    EXPECT_TRUE(std::filesystem::exists(source));
    return copyProjectWithRuns(source, directory);
}

std::string writePlaygroundTests(const std::string& directory) {
    const std::string path = (std::filesystem::path(directory) / "service-tests.json").string();
    writeFile(path, R"({"conversations": [
  {"name": "transfer", "language": "en", "turns": [
    {"user": "please help me transfer", "intent": "transfer", "response": "transfer.ask.amount"},
    {"user": "500 USD", "slots": {"amount": "500"}, "response": "transfer"}]},
  {"name": "wrong on purpose", "language": "en", "turns": [
    {"user": "please help me transfer", "intent": "loan"}]}
]}
)");
    return path;
}

void PlaygroundHarness::open() {
    m_project = createPlaygroundProject(m_dir.path().string());
    m_settings = std::make_unique<ui::AppSettings>(qs(m_dir.file("settings.ini")));
    m_window = std::make_unique<ui::MainWindow>(*m_settings);
    m_window->resize(1360, 860);
    m_window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    for (ui::Workspace* w : m_window->workspaces())
        if (auto* playground = qobject_cast<ui::PlaygroundWorkspace*>(w))
            m_workspace = playground;
    ASSERT_NE(m_workspace, nullptr);
    for (QAction* action : m_window->findChildren<QAction*>())
        if (action->data().toString() == QStringLiteral("playground"))
            action->trigger();
    ASSERT_EQ(m_window->currentWorkspace(), m_workspace);
    m_window->openProject(qs(m_project));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_workspace->hasBot() && m_workspace->isIdle(); }, 30000))
        << m_workspace->lastError().toStdString();
    // Opening starts the search-index job; closing the window while it runs asks the user (a modal
    // question nobody answers offscreen), so the tests start from a quiet window.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !m_window->currentJob() && !m_window->session().needsIndexing(); }, 30000));
    // Shortcuts (presenter mode) need the window active and the focus inside the workspace.
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
}

void PlaygroundHarness::say(const QString& text) {
    const auto before = m_workspace->chatView()->model()->messages().size();
    m_workspace->send(text);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const auto& messages = m_workspace->chatView()->model()->messages();
            return m_workspace->isIdle() && messages.size() >= before + 2 &&
                   messages.back().kind == ui::ChatMessage::Kind::Bot;
        },
        30000))
        << "no answer to \"" << text.toStdString() << "\": " << m_workspace->lastError().toStdString();
}

} // namespace bankbench::test
