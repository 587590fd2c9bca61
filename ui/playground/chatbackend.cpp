#include "playground/chatbackend.h"

#include "common/qtconvert.h"

#include "playground/chatcore.h"
#include <ml/runmodel.h>
#pragma push_macro("slots")
#undef slots
#include <ml/spanslots.h>
#pragma pop_macro("slots")
#include <store/database.h>
#include <store/runstore.h>

#include <QUuid>

#include <exception>

namespace bankbench::ui {

namespace chat = core::chat;
using core::Error;
using core::ErrorCode;

ChatBackend::ChatBackend(QObject* parent) : QObject(parent) {
    registerPlaygroundMetaTypes();
}

// The engine borrows the model and the knowledge base: it goes first.
ChatBackend::~ChatBackend() {
    m_engine.reset();
    m_knowledge.reset();
    m_log.reset();
    m_model.reset();
    m_slotModel.reset();
    m_project.reset();
}

template <typename Work> void ChatBackend::guarded(const QString& what, Work&& work) {
    // Nothing may cross the event loop as an exception (STYLE.md): LibTorch and SQLite wrappers can throw.
    try {
        if (core::Status status = work(); !status)
            emit failed(what, toQString(status.error().what()));
    } catch (const std::exception& e) {
        emit failed(what, QString::fromUtf8(e.what()));
    }
    emit requestDone();
}

core::Status ChatBackend::ensureProject() {
    if (m_project)
        return {};
    if (m_projectPath.isEmpty())
        return Error{ErrorCode::InvalidArgument, "no project is open", {}};
    auto project = core::Project::open(toStdString(m_projectPath));
    if (!project)
        return project.error();
    m_project = std::move(*project);
    m_log = std::make_unique<chat::ChatLog>(*m_project);
    return {};
}

void ChatBackend::openProject(const QString& projectPath) {
    closeProject();
    m_projectPath = projectPath;
    guarded(QStringLiteral("load"), [&]() -> core::Status {
        if (auto opened = ensureProject(); !opened)
            return opened;
        emitCatalog();
        return {};
    });
}

void ChatBackend::closeProject() {
    m_engine.reset();
    m_knowledge.reset();
    m_model.reset();
    m_slotModel.reset();
    m_log.reset();
    m_project.reset();
    m_projectPath.clear();
}

void ChatBackend::refreshCatalog() {
    guarded(QStringLiteral("load"), [&]() -> core::Status {
        if (auto opened = ensureProject(); !opened)
            return opened;
        emitCatalog();
        return {};
    });
}

void ChatBackend::emitCatalog() {
    BotCatalog catalog;
    chat::BotStore store(*m_project);
    if (auto bots = store.bots(); bots) {
        for (auto& bot : *bots)
            catalog.bots.push_back(bot);
    } else {
        emit failed(QStringLiteral("load"), toQString(bots.error().what()));
    }
    core::RunStore runs(*m_project);
    if (auto list = runs.runs(); list) {
        for (const auto& run : *list)
            if (run.status == core::RunStatus::Finished) {
                catalog.finishedRuns << toQString(run.name);
                QStringList labels;
                for (const auto& label : run.labels)
                    labels << toQString(label);
                catalog.runLabels.insert(toQString(run.name), labels);
            }
    }
    emit catalogued(catalog);
}

core::Status ChatBackend::load(const std::string& botName, int version) {
    if (auto opened = ensureProject(); !opened)
        return opened;
    chat::BotStore store(*m_project);
    auto info = store.bot(botName);
    if (!info)
        return info.error();
    auto bot = store.version(info->id, version);
    if (!bot)
        return bot.error();
    // Load the new model before dropping the old one: a failure keeps the bot that was talking.
    auto model = ml::loadRunModel(toStdString(m_projectPath), bot->runs.front());
    if (!model)
        return model.error();
    std::unique_ptr<ml::SpanModel> slotModel;
    if (bot->slotRun) {
        auto spans = ml::loadSpanRunModel(toStdString(m_projectPath), *bot->slotRun);
        if (!spans)
            return spans.error();
        slotModel = std::move(*spans);
    }
    const std::optional<std::string> slotRun = bot->slotRun;
    m_engine.reset();
    m_knowledge = std::make_unique<chat::KnowledgeBase>(*m_project, info->id);
    m_model = std::move(*model);
    m_slotModel = std::move(slotModel);
    m_engine = std::make_unique<chat::ChatEngine>(std::move(*bot), *m_model, m_knowledge.get());
    if (m_slotModel)
        m_engine->slotExtractor().setExtraSource(ml::spanSlotSource(*m_slotModel), *slotRun);
    newSession();
    emitLoaded();
    return {};
}

void ChatBackend::emitLoaded() {
    LoadedBotInfo info;
    info.version = m_engine->bot();
    chat::BotStore store(*m_project);
    if (auto versions = store.versions(info.version.botId); versions)
        for (const auto& v : *versions)
            info.versions << v.version;
    if (auto entries = m_knowledge->entries(); entries)
        info.knowledge = std::move(*entries);
    info.intents = toQStringList(m_model->labels());
    emit botLoaded(info);
}

void ChatBackend::loadBot(const QString& name, int version) {
    guarded(QStringLiteral("load"), [&] { return load(toStdString(name), version); });
}

void ChatBackend::createBot(const NewBotRequest& request) {
    guarded(QStringLiteral("create"), [&]() -> core::Status {
        if (auto opened = ensureProject(); !opened)
            return opened;
        const std::string name = toStdString(request.name.trimmed());
        chat::BotStore store(*m_project);
        if (store.bot(name))
            return Error{ErrorCode::AlreadyExists, "a bot named \"" + name + "\" already exists", {}};
        // Everything that can fail on the user's input is checked before anything is written.
        core::RunStore runs(*m_project);
        auto run = runs.run(toStdString(request.run));
        if (!run)
            return run.error();
        if (run->status != core::RunStatus::Finished)
            return Error{ErrorCode::InvalidArgument, "run \"" + run->name + "\" has not finished", {}};
        chat::NewBotVersion version;
        version.runs = {run->name};
        version.note = "created in the playground";
        version.policy.noneIntent = toStdString(request.noneIntent);
        if (!request.responsesPath.isEmpty()) {
            auto responses = chat::ResponseSet::load(toStdString(request.responsesPath));
            if (!responses)
                return responses.error();
            version.responses = std::move(*responses);
        }
        auto model = ml::loadRunModel(toStdString(m_projectPath), run->name);
        if (!model)
            return model.error();
        auto tuned = chat::tunePolicyOnRun(*m_project, run->name, **model, version.policy);
        if (!tuned)
            return tuned.error();
        version.policy = std::move(*tuned);
        auto id = store.createBot(name);
        if (!id)
            return id.error();
        if (!request.knowledgePath.isEmpty()) {
            chat::KnowledgeBase knowledge(*m_project, *id);
            chat::KbImportOptions options;
            options.path = toStdString(request.knowledgePath);
            if (auto report = knowledge.importFile(options); !report) {
                (void)store.deleteBot(*id); // no half-made bot left behind
                return report.error();
            }
        }
        if (auto added = store.addVersion(*id, version); !added) {
            (void)store.deleteBot(*id);
            return added.error();
        }
        emitCatalog();
        return load(name, 0);
    });
}

void ChatBackend::newSession() {
    m_session =
        chat::ChatSession("play-" + toStdString(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8)));
    emit conversationReset(toQString(m_session.id));
}

void ChatBackend::resetConversation() {
    guarded(QStringLiteral("reset"), [&]() -> core::Status {
        newSession();
        return {};
    });
}

void ChatBackend::send(const QString& text, const QString& language) {
    guarded(QStringLiteral("turn"), [&]() -> core::Status {
        if (!m_engine)
            return Error{ErrorCode::InvalidArgument, "no bot is loaded", {}};
        auto turn = m_engine->turn(m_session, toStdString(text), toStdString(language));
        if (!turn)
            return turn.error();
        const auto& bot = m_engine->bot();
        auto logged = m_log->logTurn(bot.botId, bot.version, *turn);
        // A turn that could not be logged still answers; it just cannot take feedback.
        emit turnAnswered(*turn, logged ? *logged : 0);
        if (!logged)
            emit failed(QStringLiteral("log"), toQString(logged.error().what()));
        return {};
    });
}

void ChatBackend::setFeedback(qint64 turnId, int feedback) {
    guarded(QStringLiteral("feedback"), [&]() -> core::Status {
        if (auto opened = ensureProject(); !opened)
            return opened;
        if (auto stored = m_log->setFeedback(turnId, feedback); !stored)
            return stored;
        emit feedbackStored(turnId, feedback);
        return {};
    });
}

void ChatBackend::sendToLabeling() {
    guarded(QStringLiteral("labeling"), [&]() -> core::Status {
        if (!m_engine)
            return Error{ErrorCode::InvalidArgument, "no bot is loaded", {}};
        chat::LabelingRequest request;
        request.lowConfidenceBelow = m_engine->bot().policy.labelingThreshold();
        request.labels = m_model->labels();
        auto report = m_log->sendToLabeling(m_engine->bot().botId, request);
        if (!report)
            return report.error();
        emit sentToLabeling(toQString(report->datasetName), report->sent);
        return {};
    });
}

void ChatBackend::sendTurnToLabeling(qint64 turnId) {
    guarded(QStringLiteral("labeling"), [&]() -> core::Status {
        if (!m_engine)
            return Error{ErrorCode::InvalidArgument, "no bot is loaded", {}};
        chat::LabelingRequest request;
        request.labels = m_model->labels();
        request.turnIds = {turnId};
        auto report = m_log->sendToLabeling(m_engine->bot().botId, request);
        if (!report)
            return report.error();
        emit turnSentToLabeling(turnId, toQString(report->datasetName), report->sent > 0);
        return {};
    });
}

void ChatBackend::saveResponses(const chat::ResponseSet& responses, const QString& note) {
    guarded(QStringLiteral("save"), [&]() -> core::Status {
        if (!m_engine)
            return Error{ErrorCode::InvalidArgument, "no bot is loaded", {}};
        const auto& bot = m_engine->bot();
        chat::NewBotVersion version{bot.runs, responses, bot.policy, toStdString(note), bot.slotRun};
        chat::BotStore store(*m_project);
        auto number = store.addVersion(bot.botId, version);
        if (!number)
            return number.error();
        const std::string name = bot.botName;
        emitCatalog();
        return load(name, *number);
    });
}

void ChatBackend::applyKnowledge(const QList<KbChange>& changes) {
    guarded(QStringLiteral("knowledge"), [&]() -> core::Status {
        if (!m_knowledge)
            return Error{ErrorCode::InvalidArgument, "no bot is loaded", {}};
        core::Transaction transaction(m_project->database());
        for (const KbChange& change : changes) {
            core::Status status;
            if (change.id == 0) {
                auto added = m_knowledge->add(toStdString(change.question), toStdString(change.answer),
                                              toStdString(change.source));
                if (!added)
                    status = added.error();
            } else if (change.question.isEmpty()) {
                status = m_knowledge->remove(change.id);
            } else {
                status = m_knowledge->update(change.id, toStdString(change.question),
                                             toStdString(change.answer), toStdString(change.source));
            }
            if (!status)
                return status; // the transaction rolls back: all or nothing
        }
        transaction.commit();
        emitLoaded();
        return {};
    });
}

void ChatBackend::runTests(const QString& path) {
    m_cancelTests.reset();
    guarded(QStringLiteral("tests"), [&]() -> core::Status {
        if (!m_engine)
            return Error{ErrorCode::InvalidArgument, "no bot is loaded", {}};
        auto conversations = chat::loadConversationTests(toStdString(path));
        if (!conversations)
            return conversations.error();
        auto report = chat::runConversationTests(
            *m_engine, *conversations,
            [this](const chat::TurnOutcome& outcome) { emit testTurnFinished(outcome); }, &m_cancelTests);
        if (!report) {
            if (report.error().code == ErrorCode::Cancelled) {
                emit testsFinished(0, 0, true);
                return {};
            }
            return report.error();
        }
        emit testsFinished(report->passed, report->failed, m_cancelTests.isCancelled());
        return {};
    });
}

} // namespace bankbench::ui
