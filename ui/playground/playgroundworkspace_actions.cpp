// PlaygroundWorkspace: requests to the worker and what the GUI does with its answers.

#include "playground/playgroundworkspace.h"

#include "common/projectsession.h"
#include "playground/chatbackend.h"
#include "playground/chatbubbledelegate.h"
#include "playground/chatmodel.h"
#include "playground/chatview.h"
#include "playground/conversationtestview.h"
#include "playground/createbotdialog.h"
#include "playground/knowledgeeditor.h"
#include "playground/presentermode.h"
#include "playground/responseeditor.h"
#include "playground/transcriptexport.h"
#include "playground/whypanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QThread>
#include <QToolBar>

namespace bankbench::ui {

namespace {
constexpr double kPresenterFontScale = 1.9;
}

QObject* PlaygroundWorkspace::backendObject() const {
    return m_backend;
}

void PlaygroundWorkspace::connectBackend() {
    connect(m_backend, &ChatBackend::catalogued, this,
            [this](const BotCatalog& catalog) { onCatalogued(catalog); });
    connect(m_backend, &ChatBackend::botLoaded, this, [this](const LoadedBotInfo& bot) { onBotLoaded(bot); });
    connect(m_backend, &ChatBackend::turnAnswered, this,
            [this](const core::chat::TurnResult& turn, qint64 id) { onTurnAnswered(turn, id); });
    connect(m_backend, &ChatBackend::feedbackStored, this,
            [this](qint64 id, int feedback) { m_chat->model()->setFeedback(id, feedback); });
    connect(m_backend, &ChatBackend::sentToLabeling, this, [this](const QString& dataset, qint64 count) {
        showInfo(count == 0
                     ? tr("No new turns to send: nothing low-confidence, not understood or thumbs-down.")
                     : tr("Sent %n turn(s) to labeling in dataset \"%1\".", nullptr, static_cast<int>(count))
                           .arg(dataset));
        if (count > 0) {
            m_session.refreshDatasets();
            emit labelingDatasetChanged();
        }
    });
    connect(m_backend, &ChatBackend::turnSentToLabeling, this,
            [this](qint64 turnId, const QString& dataset, bool sent) {
                m_chat->model()->setSentToLabeling(turnId);
                showInfo(sent ? tr("Sent the turn to labeling in dataset \"%1\".").arg(dataset)
                              : tr("This turn is already in labeling."));
                if (sent) {
                    m_session.refreshDatasets();
                    emit labelingDatasetChanged();
                }
            });
    connect(m_backend, &ChatBackend::testTurnFinished, m_tests, &ConversationTestView::addOutcome);
    connect(
        m_backend, &ChatBackend::testsFinished, this,
        [this](qint64 passed, qint64 failed, bool cancelled) { m_tests->finish(passed, failed, cancelled); });
    connect(m_backend, &ChatBackend::conversationReset, this, [this](const QString& id) {
        m_sessionId = id;
        m_turns = 0;
        m_chat->clearConversation();
        m_why->clear();
        emit statusTextChanged();
    });
    connect(m_backend, &ChatBackend::failed, this, &PlaygroundWorkspace::onFailed);
    connect(m_backend, &ChatBackend::requestDone, this, &PlaygroundWorkspace::finished);
}

void PlaygroundWorkspace::finished() {
    m_pending = std::max(0, m_pending - 1);
    updateActions();
    emit requestFinished();
}

void PlaygroundWorkspace::onFailed(const QString& what, const QString& message) {
    m_lastError = message;
    if (what == QLatin1String("turn"))
        m_chat->setBusy(false);
    if (what == QLatin1String("tests"))
        m_tests->fail(message);
    showInfo(tr("Failed: %1").arg(message), true);
}

void PlaygroundWorkspace::showInfo(const QString& text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("background: #fee2e2; color: #991b1b;")
                                   : QStringLiteral("background: #e0f2fe; color: #075985;"));
    m_message->setVisible(!text.isEmpty() && !isPresenterMode());
}

QString PlaygroundWorkspace::lastMessage() const {
    return m_message->text();
}

void PlaygroundWorkspace::onCatalogued(const BotCatalog& catalog) {
    m_catalog = catalog;
    m_catalogLoaded = true;
    QString current = m_bot ? QString::fromStdString(m_bot->version.botName) : m_botChoice->currentText();
    if (!m_bot && !m_restoredBot.isEmpty() && m_session.path() == m_restoredProject)
        current = m_restoredBot; // restoreState(): the bot chosen when this project was last open
    {
        const QSignalBlocker blocker(m_botChoice);
        m_botChoice->clear();
        for (const auto& bot : catalog.bots)
            m_botChoice->addItem(QString::fromStdString(bot.name));
        const int index = m_botChoice->findText(current);
        m_botChoice->setCurrentIndex(index >= 0 ? index : 0);
    }
    if (!m_bot && !catalog.bots.isEmpty())
        selectBot(m_botChoice->currentText());
    else if (catalog.bots.isEmpty())
        showInfo(
            catalog.finishedRuns.isEmpty()
                ? tr("This project has no bot and no finished run yet: train a model in the Train workspace, "
                     "then create a bot here.")
                : tr("This project has no bot yet: click \"New Bot…\" to make one from a trained run."));
    emit statusTextChanged();
}

void PlaygroundWorkspace::onBotLoaded(const LoadedBotInfo& bot) {
    m_bot = bot;
    const QString name = QString::fromStdString(bot.version.botName);
    {
        const QSignalBlocker blocker(m_botChoice);
        if (m_botChoice->findText(name) < 0)
            m_botChoice->addItem(name);
        m_botChoice->setCurrentText(name);
    }
    {
        const QSignalBlocker blocker(m_versionChoice);
        m_versionChoice->clear();
        for (int version : bot.versions)
            m_versionChoice->addItem(tr("v%1").arg(version), version);
        m_versionChoice->setCurrentIndex(m_versionChoice->findData(bot.version.version));
    }
    m_responses->setBot(bot.version, bot.intents);
    m_knowledge->setEntries(bot.knowledge);
    m_tests->setReady(true);
    m_chat->setReady(true);
    showInfo(QString());
    emit statusTextChanged();
}

void PlaygroundWorkspace::onTurnAnswered(const core::chat::TurnResult& turn, qint64 turnId) {
    ++m_turns;
    m_chat->showAnswer(turn, turnId);
    m_why->showTurn(turn);
    emit statusTextChanged();
}

void PlaygroundWorkspace::selectBot(const QString& name, int version) {
    if (name.isEmpty())
        return;
    m_chat->setReady(false);
    post([b = m_backend, name, version] { b->loadBot(name, version); });
}

void PlaygroundWorkspace::createBot(const NewBotRequest& request) {
    showInfo(tr("Creating bot \"%1\": loading the run's model and tuning its confidence threshold…")
                 .arg(request.name));
    post([b = m_backend, request] { b->createBot(request); });
}

void PlaygroundWorkspace::chooseNewBot() {
    QStringList taken;
    for (const auto& bot : m_catalog.bots)
        taken << QString::fromStdString(bot.name);
    CreateBotDialog dialog(m_catalog.finishedRuns, taken, m_catalog.runLabels, m_widget);
    if (dialog.exec() == QDialog::Accepted)
        createBot(dialog.request());
}

void PlaygroundWorkspace::send(const QString& text) {
    m_chat->input()->setText(text);
    m_chat->sendButton()->click();
}

void PlaygroundWorkspace::resetConversation() {
    if (!m_bot)
        return;
    // Its answer is conversationReset(), which ends no request: do not count it.
    QMetaObject::invokeMethod(
        m_backend, [b = m_backend] { b->resetConversation(); }, Qt::QueuedConnection);
}

void PlaygroundWorkspace::sendToLabeling() {
    if (m_bot)
        post([b = m_backend] { b->sendToLabeling(); });
}

QString PlaygroundWorkspace::exportTranscript(const QString& path) const {
    const QString name = m_bot ? QString::fromStdString(m_bot->version.botName) : QString();
    const QString error = writeTranscript(path, m_chat->model()->messages(), name, m_sessionId);
    return error.isEmpty() ? QString()
                           : tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error);
}

void PlaygroundWorkspace::chooseExportFile() {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        m_widget, tr("Export Transcript"),
        QDir::home().filePath(QStringLiteral("transcript-%1.txt").arg(m_sessionId)),
        tr("Text (*.txt);;JSON (*.json)"), &selected);
    if (path.isEmpty())
        return;
    const QString error = exportTranscript(path);
    showInfo(error.isEmpty() ? tr("Transcript saved to %1").arg(QDir::toNativeSeparators(path)) : error,
             !error.isEmpty());
}

bool PlaygroundWorkspace::isPresenterMode() const {
    return m_presenter->isOn();
}

void PlaygroundWorkspace::setPresenterMode(bool on) {
    if (on == m_presenter->isOn())
        return;
    {
        const QSignalBlocker blocker(m_presenterAction);
        m_presenterAction->setChecked(on);
    }
    m_leavePresenterAction->setEnabled(on);
    if (on)
        m_tabs->setCurrentIndex(0);
    m_toolBar->setVisible(!on);
    m_tabs->tabBar()->setVisible(!on);
    m_message->setVisible(!on && !m_message->text().isEmpty());
    // Presenter mode is for the audience: the why panel goes; leaving shows it again if it was on.
    m_splitter->widget(1)->setVisible(!on && m_whyAction->isChecked());
    m_chat->delegate()->setShowDetails(!on);
    m_chat->setFontScale(on ? kPresenterFontScale : 1.0);
    m_presenter->setOn(on);
    m_chat->input()->setFocus();
}

void PlaygroundWorkspace::setWhyPanelVisible(bool visible) {
    {
        const QSignalBlocker blocker(m_whyAction);
        m_whyAction->setChecked(visible);
    }
    m_splitter->widget(1)->setVisible(visible && !isPresenterMode());
    m_chat->delegate()->setShowDetails(visible && !isPresenterMode());
}

bool PlaygroundWorkspace::isWhyPanelVisible() const {
    return m_splitter->widget(1)->isVisible();
}

void PlaygroundWorkspace::updateActions() {
    const bool open = m_session.isOpen();
    const bool bot = m_bot.has_value();
    m_newBotAction->setEnabled(open && m_catalogLoaded);
    m_resetAction->setEnabled(bot);
    m_exportAction->setEnabled(bot && !m_chat->model()->messages().isEmpty());
    m_labelingAction->setEnabled(bot);
    m_botChoice->setEnabled(open && m_botChoice->count() > 0);
    m_versionChoice->setEnabled(bot);
}

} // namespace bankbench::ui
