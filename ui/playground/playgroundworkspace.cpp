#include "playground/playgroundworkspace.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "common/workspacelayout.h"
#include "playground/chatbackend.h"
#include "playground/chatbubbledelegate.h"
#include "playground/chatmodel.h"
#include "playground/chatview.h"
#include "playground/conversationtestview.h"
#include "playground/knowledgeeditor.h"
#include "playground/presentermode.h"
#include "playground/responseeditor.h"
#include "playground/whypanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QThread>
#include <QToolBar>
#include <QVBoxLayout>

namespace bankbench::ui {

PlaygroundWorkspace::PlaygroundWorkspace(ProjectSession& session, QObject* parent)
    : Workspace(parent), m_session(session), m_thread(new QThread(this)), m_backend(new ChatBackend),
      m_widget(new QWidget), m_toolBar(new QToolBar(m_widget)), m_botChoice(new QComboBox(m_widget)),
      m_versionChoice(new QComboBox(m_widget)), m_botLabel(new QLabel(m_widget)),
      m_versionLabel(new QLabel(m_widget)), m_message(new QLabel(m_widget)), m_tabs(new QTabWidget(m_widget)),
      m_splitter(new QSplitter(Qt::Horizontal)), m_chat(new ChatView), m_why(new WhyPanel),
      m_responses(new ResponseEditor), m_knowledge(new KnowledgeEditor), m_tests(new ConversationTestView),
      m_presenter(new PresenterMode(m_widget, this)) {
    m_widget->setObjectName(QStringLiteral("playgroundWorkspace"));
    m_thread->setObjectName(QStringLiteral("playgroundWorker"));
    m_backend->moveToThread(m_thread);
    m_thread->start();

    m_botChoice->setObjectName(QStringLiteral("botChoice"));
    m_botChoice->setMinimumContentsLength(14);
    m_versionChoice->setObjectName(QStringLiteral("versionChoice"));
    m_message->setObjectName(QStringLiteral("playgroundMessage"));
    m_message->setWordWrap(true);
    m_message->setContentsMargins(10, 4, 10, 4);
    m_message->hide();
    m_toolBar->setObjectName(QStringLiteral("playgroundToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createActions();

    m_tabs->setObjectName(QStringLiteral("playgroundTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildChatTab(), QString());
    m_tabs->addTab(m_responses, QString());
    m_tabs->addTab(m_knowledge, QString());
    m_tabs->addTab(m_tests, QString());

    auto* layout = new QVBoxLayout(m_widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connectBackend();
    connect(&m_session, &ProjectSession::projectOpened, this, [this](const QString& path) {
        m_catalogLoaded = false;
        m_bot.reset();
        m_chat->clearConversation();
        m_why->clear();
        post([b = m_backend, path] { b->openProject(path); });
        updateActions();
    });
    connect(&m_session, &ProjectSession::projectClosed, this, [this] {
        m_catalog = {};
        m_catalogLoaded = false;
        m_bot.reset();
        m_chat->clearConversation();
        m_why->clear();
        m_botChoice->clear();
        m_versionChoice->clear();
        post([b = m_backend] { b->closeProject(); });
        updateActions();
    });
    connect(m_chat, &ChatView::messageSubmitted, this, [this](const QString& text, const QString& language) {
        post([b = m_backend, text, language] { b->send(text, language); });
    });
    connect(m_chat, &ChatView::labelingRequested, this,
            [this](qint64 turnId) { post([b = m_backend, turnId] { b->sendTurnToLabeling(turnId); }); });
    connect(m_chat, &ChatView::feedbackRequested, this, [this](qint64 turnId, int feedback) {
        post([b = m_backend, turnId, feedback] { b->setFeedback(turnId, feedback); });
    });
    connect(m_responses, &ResponseEditor::saveRequested, this,
            [this](const core::chat::ResponseSet& responses, const QString& note) {
                post([b = m_backend, responses, note] { b->saveResponses(responses, note); });
            });
    connect(m_knowledge, &KnowledgeEditor::applyRequested, this, [this](const QList<KbChange>& changes) {
        post([b = m_backend, changes] { b->applyKnowledge(changes); });
    });
    connect(m_tests, &ConversationTestView::runRequested, this,
            [this](const QString& path) { post([b = m_backend, path] { b->runTests(path); }); });
    // Cancel goes straight to the worker's token: the worker is busy running the tests.
    connect(m_tests, &ConversationTestView::cancelRequested, this, [this] { m_backend->cancelTests(); });
    connect(m_botChoice, &QComboBox::activated, this, [this] { selectBot(m_botChoice->currentText()); });
    connect(m_versionChoice, &QComboBox::activated, this,
            [this] { selectBot(m_botChoice->currentText(), m_versionChoice->currentData().toInt()); });
    m_widget->installEventFilter(this);
    retranslate();
    updateActions();
}

PlaygroundWorkspace::~PlaygroundWorkspace() {
    m_presenter->setOn(false);
    m_backend->cancelTests();
    m_thread->quit();
    m_thread->wait();
    delete m_backend;       // its thread has stopped: safe to delete from here
    delete m_widget.data(); // still here when never placed in a window (tests); else the window deleted it
}

QWidget* PlaygroundWorkspace::buildChatTab() {
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_why);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(300);
    scroll->setObjectName(QStringLiteral("whyScroll"));
    m_splitter->addWidget(m_chat);
    m_splitter->addWidget(scroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    return m_splitter;
}

void PlaygroundWorkspace::createActions() {
    QStyle* style = qApp->style();
    m_toolBar->addWidget(m_botLabel);
    m_toolBar->addWidget(m_botChoice);
    m_toolBar->addWidget(m_versionLabel);
    m_toolBar->addWidget(m_versionChoice);
    m_newBotAction = m_toolBar->addAction(style->standardIcon(QStyle::SP_FileDialogNewFolder), QString(),
                                          this, &PlaygroundWorkspace::chooseNewBot);
    m_toolBar->addSeparator();
    m_resetAction = m_toolBar->addAction(style->standardIcon(QStyle::SP_BrowserReload), QString(), this,
                                         &PlaygroundWorkspace::resetConversation);
    m_exportAction = m_toolBar->addAction(style->standardIcon(QStyle::SP_DialogSaveButton), QString(), this,
                                          &PlaygroundWorkspace::chooseExportFile);
    m_labelingAction = m_toolBar->addAction(style->standardIcon(QStyle::SP_ArrowForward), QString(), this,
                                            &PlaygroundWorkspace::sendToLabeling);
    m_toolBar->addSeparator();
    m_whyAction = m_toolBar->addAction(QString());
    m_whyAction->setCheckable(true);
    m_whyAction->setChecked(true);
    connect(m_whyAction, &QAction::toggled, this, &PlaygroundWorkspace::setWhyPanelVisible);
    m_presenterAction = m_toolBar->addAction(style->standardIcon(QStyle::SP_TitleBarMaxButton), QString());
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcuts(
        {QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    m_presenterAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_presenterAction, &QAction::toggled, this, &PlaygroundWorkspace::setPresenterMode);
    // The tool bar hides in presenter mode; shortcuts of hidden widgets stop working, so the widget holds
    // them.
    m_widget->addAction(m_presenterAction);
    m_leavePresenterAction = new QAction(this);
    m_leavePresenterAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leavePresenterAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_leavePresenterAction->setEnabled(false);
    connect(m_leavePresenterAction, &QAction::triggered, this, [this] { setPresenterMode(false); });
    m_widget->addAction(m_leavePresenterAction);
    m_newBotAction->setObjectName(QStringLiteral("newBot"));
    m_resetAction->setObjectName(QStringLiteral("resetConversation"));
    m_exportAction->setObjectName(QStringLiteral("exportTranscript"));
    m_labelingAction->setObjectName(QStringLiteral("sendToLabeling"));
    m_whyAction->setObjectName(QStringLiteral("toggleWhy"));
    m_presenterAction->setObjectName(QStringLiteral("presenterMode"));
}

QString PlaygroundWorkspace::title() const {
    return tr("Playground");
}

QIcon PlaygroundWorkspace::icon() const {
    return qApp->style()->standardIcon(QStyle::SP_MessageBoxInformation);
}

QWidget* PlaygroundWorkspace::widget() const {
    return m_widget;
}

void PlaygroundWorkspace::activate() {
    m_active = true;
    if (!m_session.isOpen())
        return;
    // Runs may have finished in the Train workspace meanwhile; the loaded bot stays.
    post([b = m_backend] { b->refreshCatalog(); });
}

void PlaygroundWorkspace::deactivate() {
    m_active = false;
    setPresenterMode(false);
}

void PlaygroundWorkspace::saveState(AppSettings& settings) const {
    QVariantMap state;
    // The action, not the panel: the panel is hidden while the workspace or presenter mode hides it.
    state.insert(QStringLiteral("why"), m_whyAction->isChecked());
    saveWorkspaceLayout(state, *m_splitter, *m_tabs);
    // A bot belongs to one project: remembered with it, chosen again when that project reopens.
    const QString project = m_session.isOpen() ? m_session.path() : m_restoredProject;
    const QString bot = m_bot ? QString::fromStdString(m_bot->version.botName)
                              : (project == m_restoredProject ? m_restoredBot : QString());
    if (!project.isEmpty() && !bot.isEmpty()) {
        state.insert(QStringLiteral("project"), project);
        state.insert(QStringLiteral("bot"), bot);
    }
    settings.playgroundState = state;
}

void PlaygroundWorkspace::restoreState(const AppSettings& settings) {
    const QVariantMap state = settings.playgroundState;
    setWhyPanelVisible(state.value(QStringLiteral("why"), true).toBool());
    restoreWorkspaceLayout(state, *m_splitter, *m_tabs);
    m_restoredProject = state.value(QStringLiteral("project")).toString();
    m_restoredBot = state.value(QStringLiteral("bot")).toString();
    if (m_session.isOpen() && m_session.path() == m_restoredProject && !m_restoredBot.isEmpty() &&
        (!m_bot || QString::fromStdString(m_bot->version.botName) != m_restoredBot) && m_catalogLoaded)
        for (const auto& bot : m_catalog.bots)
            if (QString::fromStdString(bot.name) == m_restoredBot)
                selectBot(m_restoredBot);
}

QString PlaygroundWorkspace::statusText() const {
    if (!m_session.isOpen())
        return tr("No project open");
    if (!m_bot)
        return m_catalogLoaded && m_catalog.bots.isEmpty() ? tr("No bot yet: create one from a trained run")
                                                           : tr("No bot loaded");
    const auto& v = m_bot->version;
    return tr("Bot %1, version %2, run %3 · %n turn(s) in this conversation", nullptr, m_turns)
        .arg(QString::fromStdString(v.botName))
        .arg(v.version)
        .arg(v.runs.empty() ? QString() : QString::fromStdString(v.runs.front()));
}

bool PlaygroundWorkspace::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_widget && event->type() == QEvent::LanguageChange)
        retranslate();
    return Workspace::eventFilter(watched, event);
}

void PlaygroundWorkspace::retranslate() {
    m_botLabel->setText(tr("Bot: "));
    m_versionLabel->setText(tr(" Version: "));
    m_newBotAction->setText(tr("New Bot…"));
    m_newBotAction->setToolTip(tr("Make a bot from a trained run"));
    m_resetAction->setText(tr("Reset"));
    m_resetAction->setToolTip(tr("Start a new conversation: the bot forgets everything said so far"));
    m_exportAction->setText(tr("Export…"));
    m_exportAction->setToolTip(tr("Save the transcript as text or JSON"));
    m_labelingAction->setText(tr("Send to Labeling"));
    m_labelingAction->setToolTip(
        tr("Add this bot's low-confidence, not understood and thumbs-down turns to the label workspace"));
    m_whyAction->setText(tr("Why Panel"));
    m_whyAction->setToolTip(tr("Show how the bot decided (hide it for customer-facing demos)"));
    m_presenterAction->setText(tr("Presenter Mode"));
    m_presenterAction->setToolTip(
        tr("Large fonts and a clean full-screen window (F11 or Ctrl+Shift+P; Esc leaves)"));
    m_tabs->setTabText(0, tr("Chat"));
    m_tabs->setTabText(1, tr("Responses"));
    m_tabs->setTabText(2, tr("Knowledge Base"));
    m_tabs->setTabText(3, tr("Tests"));
}

} // namespace bankbench::ui
