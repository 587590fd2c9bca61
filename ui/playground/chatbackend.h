#pragma once

#include "playground/playgroundtypes.h"

#include "playground/chatcore.h"
#include <store/project.h>
#include <util/canceltoken.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace bankbench::ml {
class LoadedModel;
class SpanModel;
}

namespace bankbench::ui {

/// The playground's worker: owns the project connection, the loaded intent model, the knowledge base, the
/// chat engine and the current conversation, all on the thread it was moved to (the model call and SQL
/// never run on the GUI thread). The workspace calls its methods through queued invocations; answers
/// leave as signals. Never throws: failures become failed(what, message). Test replays can be cancelled
/// with cancelTests() from any thread.
class ChatBackend : public QObject {
    Q_OBJECT

public:
    explicit ChatBackend(QObject* parent = nullptr);
    ~ChatBackend() override;

    /// Lists the project's bots and finished runs (catalogued()); closes any loaded bot.
    void openProject(const QString& projectPath);
    void closeProject();
    /// Lists the bots and finished runs again (catalogued()), keeping the loaded bot.
    void refreshCatalog();
    /// Loads bot `name` (version 0 = latest) and starts a fresh conversation (botLoaded()).
    void loadBot(const QString& name, int version);
    /// Creates a bot from a finished run like `bankbench-cli bot create`: policy tuned on the run's
    /// validation split, optional responses and FAQ files; then lists and loads it.
    void createBot(const NewBotRequest& request);

    /// One user message through the engine; the turn is logged (turnAnswered() carries its log id).
    void send(const QString& text, const QString& language);
    /// A fresh conversation (new session id, nothing remembered).
    void resetConversation();
    void setFeedback(qint64 turnId, int feedback);
    /// Sends the bot's low-confidence, not-understood and thumbs-down turns to labeling.
    void sendToLabeling();
    /// Sends one logged turn to labeling (the user picked it), whatever its confidence or feedback.
    void sendTurnToLabeling(qint64 turnId);

    /// Stores `responses` as the bot's next version (same run and policy) and loads it.
    void saveResponses(const core::chat::ResponseSet& responses, const QString& note);
    /// Applies the knowledge-base draft's changes in order, in one transaction.
    void applyKnowledge(const QList<KbChange>& changes);
    /// Replays a conversation test file through the engine (fresh sessions, not logged).
    void runTests(const QString& path);
    void cancelTests() { m_cancelTests.cancel(); }

signals:
    void catalogued(const bankbench::ui::BotCatalog& catalog);
    void botLoaded(const bankbench::ui::LoadedBotInfo& bot);
    void conversationReset(const QString& sessionId);
    void turnAnswered(const bankbench::core::chat::TurnResult& turn, qint64 turnId);
    void feedbackStored(qint64 turnId, int feedback);
    void sentToLabeling(const QString& dataset, qint64 count);
    /// sendTurnToLabeling() made a record of the turn (`sent` false: it had been sent before).
    void turnSentToLabeling(qint64 turnId, const QString& dataset, bool sent);
    void testTurnFinished(const bankbench::core::chat::TurnOutcome& outcome);
    void testsFinished(qint64 passed, qint64 failed, bool cancelled);
    /// `what` says which request failed ("load", "turn", "create", "feedback", "labeling", "save",
    /// "knowledge", "tests"; "log" when an answered turn could not be logged); `message` is readable and
    /// names the file/line where it has one.
    void failed(const QString& what, const QString& message);
    /// Every request made through a method above ends with this, after its other signals.
    void requestDone();

private:
    core::Status ensureProject();
    core::Status load(const std::string& botName, int version);
    void emitCatalog();
    void emitLoaded();
    void newSession();
    template <typename Work> void guarded(const QString& what, Work&& work);

    QString m_projectPath;
    std::unique_ptr<core::Project> m_project;
    std::unique_ptr<ml::LoadedModel> m_model;
    std::unique_ptr<ml::SpanModel> m_slotModel; ///< the bot's slot run, if any (the engine calls it)
    std::unique_ptr<core::chat::KnowledgeBase> m_knowledge;
    std::unique_ptr<core::chat::ChatEngine> m_engine;
    std::unique_ptr<core::chat::ChatLog> m_log;
    core::chat::ChatSession m_session;
    core::CancelToken m_cancelTests;
};

} // namespace bankbench::ui
