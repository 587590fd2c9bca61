#pragma once

#include "playground/playgroundtypes.h"
#include "shell/workspace.h"

#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QThread;
class QToolBar;
class QToolButton;

namespace bankbench::ui {

class ChatBackend;
class ChatView;
class ConversationTestView;
class KnowledgeEditor;
class PresenterMode;
class ProjectSession;
class ResponseEditor;
class WhyPanel;

/// Playground: talk to a bot of the project (chat bubbles, typing indicator, quick replies, thumbs
/// up/down, transcript export, send to labeling), see why it answered (why panel), edit its responses and
/// knowledge base with undo, replay conversation test files, and present it full screen (presenter mode:
/// F11 or Ctrl+Shift+P; Esc leaves). Every model call and SQL statement runs on the ChatBackend's worker
/// thread; this object owns that thread and stops it on destruction. GUI thread; the main window owns it.
class PlaygroundWorkspace : public Workspace {
    Q_OBJECT

public:
    explicit PlaygroundWorkspace(ProjectSession& session, QObject* parent = nullptr);
    ~PlaygroundWorkspace() override;

    QString id() const override { return QStringLiteral("playground"); }
    QString title() const override;
    QIcon icon() const override;
    QWidget* widget() const override;
    void activate() override;
    void deactivate() override;
    void saveState(AppSettings& settings) const override;
    void restoreState(const AppSettings& settings) override;
    QString statusText() const override;

    void selectBot(const QString& name, int version = 0);
    void createBot(const NewBotRequest& request);
    void send(const QString& text);
    void resetConversation();
    void sendToLabeling();
    /// Writes the transcript (JSON for *.json, else text); a translated error or "".
    QString exportTranscript(const QString& path) const;
    void setPresenterMode(bool on);
    bool isPresenterMode() const;
    void setWhyPanelVisible(bool visible);
    bool isWhyPanelVisible() const;

    /// Waits until no request is running on the worker (tests).
    bool isIdle() const { return m_pending == 0; }
    bool hasBot() const { return m_bot.has_value(); }
    const std::optional<LoadedBotInfo>& bot() const { return m_bot; }
    const BotCatalog& catalog() const { return m_catalog; }
    QString sessionId() const { return m_sessionId; }
    QString lastMessage() const;
    QString lastError() const { return m_lastError; }

    ChatView* chatView() const { return m_chat; }
    WhyPanel* whyPanel() const { return m_why; }
    ResponseEditor* responseEditor() const { return m_responses; }
    KnowledgeEditor* knowledgeEditor() const { return m_knowledge; }
    ConversationTestView* testView() const { return m_tests; }
    QTabWidget* tabs() const { return m_tabs; }
    QToolBar* toolBar() const { return m_toolBar; }
    QAction* presenterAction() const { return m_presenterAction; }
    QAction* whyAction() const { return m_whyAction; }

signals:
    /// The worker answered a request (tests wait on it).
    void requestFinished();
    /// Records were added to a labeling dataset.
    void labelingDatasetChanged();

private:
    QWidget* buildChatTab();
    void createActions();
    void connectBackend();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// Runs `work` on the worker thread; each such request ends with finished().
    template <typename Work> void post(Work&& work) {
        ++m_pending;
        updateActions();
        QMetaObject::invokeMethod(backendObject(), std::forward<Work>(work), Qt::QueuedConnection);
    }
    QObject* backendObject() const;
    void finished();
    void showInfo(const QString& text, bool error = false);
    void onCatalogued(const BotCatalog& catalog);
    void onBotLoaded(const LoadedBotInfo& bot);
    void onTurnAnswered(const core::chat::TurnResult& turn, qint64 turnId);
    void onFailed(const QString& what, const QString& message);
    void chooseNewBot();
    void chooseExportFile();
    void updateActions();

    ProjectSession& m_session;
    QThread* m_thread;
    ChatBackend* m_backend;
    QPointer<QWidget> m_widget;
    QToolBar* m_toolBar;
    QComboBox* m_botChoice;
    QComboBox* m_versionChoice;
    QLabel* m_botLabel;
    QLabel* m_versionLabel;
    QLabel* m_message;
    QTabWidget* m_tabs;
    QSplitter* m_splitter;
    ChatView* m_chat;
    WhyPanel* m_why;
    ResponseEditor* m_responses;
    KnowledgeEditor* m_knowledge;
    ConversationTestView* m_tests;
    PresenterMode* m_presenter;
    QAction* m_newBotAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_labelingAction = nullptr;
    QAction* m_whyAction = nullptr;
    QAction* m_presenterAction = nullptr;
    QAction* m_leavePresenterAction = nullptr;

    BotCatalog m_catalog;
    bool m_catalogLoaded = false;
    std::optional<LoadedBotInfo> m_bot;
    QString m_sessionId;
    QString m_lastError;
    int m_pending = 0;
    bool m_active = false;
    int m_turns = 0;
    /// restoreState(): the bot to choose when this project's catalogue arrives.
    QString m_restoredProject;
    QString m_restoredBot;
};

} // namespace bankbench::ui
