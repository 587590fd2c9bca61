#include "playground/conversationtestview.h"

#include "common/qtconvert.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#undef slots // core/chat members are named "slots" (chatcore.h); no Qt slots here

namespace bankbench::ui {

namespace chat = core::chat;

namespace {

QString expectedText(const chat::ExpectedTurn& e) {
    QStringList parts;
    if (e.intent)
        parts << QStringLiteral("intent=%1").arg(toQString(*e.intent));
    if (e.decision)
        parts << QStringLiteral("decision=%1").arg(toQString(*e.decision));
    if (e.responseKey)
        parts << QStringLiteral("response=%1").arg(toQString(*e.responseKey));
    for (const auto& [name, value] : e.slots)
        parts << QStringLiteral("%1=%2").arg(toQString(name), toQString(value));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ConversationTestView::ConversationTestView(QWidget* parent)
    : QWidget(parent), m_path(new QLineEdit(this)), m_browse(new QPushButton(this)),
      m_run(new QPushButton(this)), m_cancel(new QPushButton(this)), m_table(new QTableWidget(0, 6, this)),
      m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("conversationTests"));
    m_table->setObjectName(QStringLiteral("testTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 60);
    m_table->setColumnWidth(1, 120);
    m_table->setColumnWidth(2, 220);
    m_table->setColumnWidth(3, 260);
    m_table->setColumnWidth(4, 260);
    auto* top = new QHBoxLayout;
    top->addWidget(m_path, 1);
    top->addWidget(m_browse);
    top->addWidget(m_run);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    connect(m_browse, &QPushButton::clicked, this, &ConversationTestView::choose);
    connect(m_run, &QPushButton::clicked, this, [this] { run(m_path->text().trimmed()); });
    connect(m_cancel, &QPushButton::clicked, this, &ConversationTestView::cancelRequested);
    connect(m_path, &QLineEdit::textChanged, this, &ConversationTestView::updateButtons);
    retranslate();
    updateButtons();
}

void ConversationTestView::setReady(bool ready) {
    m_ready = ready;
    updateButtons();
}

void ConversationTestView::choose() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Conversation Test File"), m_path->text(),
                                                      tr("Conversation tests (*.json)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ConversationTestView::run(const QString& path) {
    if (!m_ready || m_running || path.isEmpty())
        return;
    m_path->setText(path);
    m_table->setRowCount(0);
    m_summary->setText(tr("Running %1…").arg(QFileInfo(path).fileName()));
    m_summary->setStyleSheet(QString());
    m_running = true;
    updateButtons();
    emit runRequested(path);
}

void ConversationTestView::addOutcome(const chat::TurnOutcome& outcome) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const bool passed = outcome.passed();
    auto* result = new QTableWidgetItem(passed ? tr("pass") : tr("FAIL"));
    result->setForeground(passed ? QColor(0x15, 0x80, 0x3d) : QColor(0xb9, 0x1c, 0x1c));
    QFont bold = result->font();
    bold.setBold(true);
    result->setFont(bold);
    const auto& a = outcome.actual;
    const QString actual =
        tr("%1 (%2%), %3, %4")
            .arg(toQString(a.intent))
            .arg(qRound(a.confidence * 100))
            .arg(QString::fromLatin1(chat::decisionName(a.decision)), toQString(a.responseKey));
    QStringList failures;
    for (const auto& f : outcome.failures)
        failures << toQString(f);
    m_table->setItem(row, 0, result);
    m_table->setItem(
        row, 1,
        new QTableWidgetItem(
            QStringLiteral("%1 #%2").arg(toQString(outcome.conversation)).arg(outcome.turnIndex + 1)));
    m_table->setItem(row, 2, new QTableWidgetItem(toQString(a.text))); // masked
    m_table->setItem(row, 3, new QTableWidgetItem(expectedText(outcome.expected)));
    m_table->setItem(row, 4, new QTableWidgetItem(actual));
    m_table->setItem(row, 5, new QTableWidgetItem(failures.join(QStringLiteral("; "))));
    m_table->scrollToBottom();
}

void ConversationTestView::finish(qint64 passed, qint64 failed, bool cancelled) {
    m_running = false;
    const QString counts = tr("%1 passed, %2 failed").arg(passed).arg(failed);
    m_summary->setText(cancelled ? tr("Cancelled: %1").arg(counts) : counts);
    m_summary->setStyleSheet(failed > 0 ? QStringLiteral("color: #b91c1c; font-weight: bold;")
                                        : QStringLiteral("color: #15803d; font-weight: bold;"));
    updateButtons();
}

void ConversationTestView::fail(const QString& message) {
    m_running = false;
    m_summary->setText(message);
    m_summary->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    updateButtons();
}

QString ConversationTestView::summary() const {
    return m_summary->text();
}

void ConversationTestView::updateButtons() {
    m_run->setEnabled(m_ready && !m_running && !m_path->text().trimmed().isEmpty());
    m_cancel->setEnabled(m_running);
    m_browse->setEnabled(!m_running);
}

void ConversationTestView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConversationTestView::retranslate() {
    m_path->setPlaceholderText(tr("A conversation test file (JSON, as for bankbench-cli chat-test)"));
    m_browse->setText(tr("Browse…"));
    m_run->setText(tr("Run Tests"));
    m_cancel->setText(tr("Cancel"));
    m_table->setHorizontalHeaderLabels(
        {tr("Result"), tr("Turn"), tr("User"), tr("Expected"), tr("Bot did"), tr("Why it failed")});
    if (m_summary->text().isEmpty())
        m_summary->setText(tr("Replays each conversation in a fresh session; turns are not logged."));
}

} // namespace bankbench::ui
