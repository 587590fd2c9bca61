#include "playground/chatview.h"

#include "common/qtconvert.h"
#include "playground/chatbubbledelegate.h"
#include "playground/chatmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace bankbench::ui {

ChatView::ChatView(QWidget* parent)
    : QWidget(parent), m_model(new ChatModel(this)), m_list(new QListView(this)),
      m_delegate(new ChatBubbleDelegate(m_list)), m_quickBar(new QWidget(this)),
      m_quickLayout(new QHBoxLayout(m_quickBar)), m_input(new QLineEdit(this)), m_send(new QPushButton(this)),
      m_language(new QComboBox(this)), m_typingTimer(new QTimer(this)) {
    m_list->setObjectName(QStringLiteral("chatList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    m_list->setMouseTracking(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setStyleSheet(QStringLiteral("QListView { background: white; }"));
    m_baseFont = m_list->font();

    m_quickLayout->setContentsMargins(8, 0, 8, 0);
    m_quickLayout->addStretch(1);
    m_quickBar->setObjectName(QStringLiteral("quickReplies"));
    m_quickBar->hide();

    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setClearButtonEnabled(true);
    m_send->setObjectName(QStringLiteral("chatSend"));
    m_send->setDefault(true);
    m_language->setObjectName(QStringLiteral("chatLanguage"));
    for (const char* code : {"auto", "zh", "en"})
        m_language->addItem(QString(), QString::fromLatin1(code));

    auto* inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(8, 4, 8, 8);
    inputRow->addWidget(m_language);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_quickBar);
    layout->addLayout(inputRow);

    connect(m_send, &QPushButton::clicked, this, &ChatView::submit);
    connect(m_input, &QLineEdit::returnPressed, this, &ChatView::submit);
    connect(m_typingTimer, &QTimer::timeout, m_model, &ChatModel::advanceTypingPhase);
    m_typingTimer->setInterval(350);
    connect(m_delegate, &ChatBubbleDelegate::feedbackClicked, this,
            [this](const QModelIndex& index, int feedback) {
                const qint64 id = index.data(ChatModel::TurnIdRole).toLongLong();
                if (id > 0)
                    emit feedbackRequested(id, feedback);
            });
    connect(m_delegate, &ChatBubbleDelegate::labelingClicked, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(ChatModel::TurnIdRole).toLongLong();
        if (id > 0)
            emit labelingRequested(id);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, m_list,
            [this] { QTimer::singleShot(0, m_list, [this] { m_list->scrollToBottom(); }); });
    retranslate();
    setReady(false);
}

QString ChatView::language() const {
    return m_language->currentData().toString();
}

QList<QPushButton*> ChatView::quickReplyButtons() const {
    return m_quickBar->findChildren<QPushButton*>();
}

void ChatView::setReady(bool ready) {
    m_ready = ready;
    m_input->setEnabled(ready && !m_busy);
    m_send->setEnabled(ready && !m_busy);
}

void ChatView::setBusy(bool busy) {
    m_busy = busy;
    if (busy) {
        m_typingTimer->start();
    } else {
        m_typingTimer->stop();
        m_model->stopTyping();
    }
    m_quickBar->setEnabled(!busy);
    setReady(m_ready);
    if (!busy)
        m_input->setFocus();
}

void ChatView::submit() {
    submitText(m_input->text());
}

void ChatView::submitText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || m_busy || !m_ready)
        return;
    m_input->clear();
    setQuickReplies({});
    m_model->addUserMessage(trimmed);
    setBusy(true);
    emit messageSubmitted(trimmed, language());
}

void ChatView::showAnswer(const core::chat::TurnResult& turn, qint64 turnId) {
    m_typingTimer->stop();
    m_model->addBotAnswer(turn, turnId);
    setBusy(false);
    setQuickReplies(turn.quickReplies);
}

void ChatView::setQuickReplies(const std::vector<core::chat::QuickReply>& replies) {
    for (QPushButton* button : quickReplyButtons())
        delete button;
    for (const auto& reply : replies) {
        auto* button = new QPushButton(toQString(reply.label), m_quickBar);
        button->setObjectName(QStringLiteral("quickReply"));
        button->setProperty("reply", toQString(reply.reply));
        button->setStyleSheet(QStringLiteral("QPushButton { border: 1px solid #2563eb; border-radius: 12px;"
                                             " padding: 4px 14px; color: #2563eb; background: white; }"
                                             "QPushButton:hover { background: #e6f0ff; }"));
        const QString text = toQString(reply.reply);
        connect(button, &QPushButton::clicked, this, [this, text] { submitText(text); });
        m_quickLayout->insertWidget(m_quickLayout->count() - 1, button);
    }
    m_quickBar->setVisible(!replies.empty());
}

void ChatView::clearConversation() {
    m_model->clear();
    setQuickReplies({});
    setBusy(false);
}

void ChatView::setFontScale(double scale) {
    QFont font = m_baseFont;
    font.setPointSizeF(m_baseFont.pointSizeF() * scale);
    m_list->setFont(font);
    m_input->setFont(font);
    m_send->setFont(font);
    m_quickBar->setFont(font);
    m_language->setFont(font);
    relayout();
}

void ChatView::relayout() {
    // Bubble heights depend on the view's width and font: ask the list to measure every row again.
    m_list->doItemsLayout();
    m_list->scrollToBottom();
}

void ChatView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void ChatView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatView::retranslate() {
    m_input->setPlaceholderText(tr("Type a message in Chinese or English, then press Enter"));
    m_send->setText(tr("Send"));
    m_language->setItemText(0, tr("Auto language"));
    m_language->setItemText(1, tr("Chinese"));
    m_language->setItemText(2, tr("English"));
    m_language->setToolTip(tr("The language the bot answers in"));
}

} // namespace bankbench::ui
