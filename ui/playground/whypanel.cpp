#include "playground/whypanel.h"

#include "common/qtconvert.h"
#include "playground/intentbars.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#undef slots // core/chat members are named "slots" (chatcore.h); no Qt slots here

namespace bankbench::ui {

namespace chat = core::chat;

namespace {

QLabel* heading(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTableWidget* table(int columns, QWidget* parent) {
    auto* t = new QTableWidget(0, columns, parent);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->setWordWrap(true);
    return t;
}

QTableWidgetItem* number(double value, int decimals = 3) {
    auto* item = new QTableWidgetItem(QString::number(value, 'f', decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

WhyPanel::WhyPanel(QWidget* parent)
    : QWidget(parent), m_title(heading(this)), m_decision(new QLabel(this)), m_intentsTitle(heading(this)),
      m_bars(new IntentBars(this)), m_policy(new QLabel(this)), m_faqTitle(heading(this)),
      m_faq(table(4, this)), m_slotsTitle(heading(this)), m_slots(table(2, this)),
      m_response(new QLabel(this)) {
    setObjectName(QStringLiteral("whyPanel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_decision->setObjectName(QStringLiteral("whyDecision"));
    m_decision->setWordWrap(true);
    m_policy->setObjectName(QStringLiteral("whyPolicy"));
    m_policy->setWordWrap(true);
    m_response->setWordWrap(true);
    m_response->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_faq->setObjectName(QStringLiteral("whyFaq"));
    m_slots->setObjectName(QStringLiteral("whySlots"));
    m_faq->setMinimumHeight(110);
    m_slots->setMinimumHeight(80);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_decision);
    layout->addSpacing(6);
    layout->addWidget(m_intentsTitle);
    layout->addWidget(m_bars);
    layout->addWidget(m_policy);
    layout->addSpacing(6);
    layout->addWidget(m_faqTitle);
    layout->addWidget(m_faq, 2);
    layout->addWidget(m_slotsTitle);
    layout->addWidget(m_slots, 1);
    layout->addWidget(m_response);
    retranslate();
}

QString WhyPanel::decisionTitle(chat::Decision decision) {
    switch (decision) {
    case chat::Decision::Answer:
        return tr("Answered from the intent's response");
    case chat::Decision::FollowUp:
        return tr("Asked for a missing detail");
    case chat::Decision::Clarify:
        return tr("Not sure: offered two interpretations");
    case chat::Decision::Knowledge:
        return tr("Answered from the knowledge base");
    case chat::Decision::Handover:
        return tr("Handed over to a human agent");
    }
    return {};
}

QString WhyPanel::decisionText() const {
    return m_decision->text();
}

void WhyPanel::showTurn(const chat::TurnResult& turn) {
    m_turn = turn;
    render();
}

void WhyPanel::clear() {
    m_turn.reset();
    render();
}

void WhyPanel::render() {
    m_faq->setRowCount(0);
    m_slots->setRowCount(0);
    if (!m_turn) {
        m_decision->setText(tr("Send a message to see how the bot decides."));
        m_bars->setIntents({}, 0);
        m_policy->clear();
        m_response->clear();
        return;
    }
    const auto& t = *m_turn;
    QString source;
    if (t.intentSource == "context")
        source = tr(" (continuing the previous question)");
    else if (t.intentSource == "quick_reply")
        source = tr(" (chosen with a quick reply)");
    m_decision->setText(tr("<b>%1</b><br>Intent: %2%3, confidence %4%")
                            .arg(decisionTitle(t.decision).toHtmlEscaped(),
                                 t.intent.empty() ? tr("none") : toQString(t.intent).toHtmlEscaped(), source)
                            .arg(t.confidence * 100, 0, 'f', 1));
    QList<QPair<QString, double>> intents;
    for (const auto& score : t.topIntents)
        intents.append({toQString(score.intent), score.confidence});
    m_bars->setIntents(intents, t.threshold);
    QString policy = tr("Threshold %1 · required lead over the second intent %2")
                         .arg(t.threshold, 0, 'f', 3)
                         .arg(t.margin, 0, 'f', 3);
    if (t.inScopeScore)
        policy += QLatin1Char('\n') + tr("Closeness to the intent's training examples %1 (needs %2)")
                                          .arg(*t.inScopeScore, 0, 'f', 3)
                                          .arg(t.inScopeThreshold, 0, 'f', 3);
    if (t.noneIntent && !t.topIntents.empty())
        policy += QLatin1Char('\n') + tr("The model chose \"%1\", the bot's none-of-these intent: not answered "
                                         "as an intent")
                                          .arg(toQString(t.topIntents.front().intent));
    m_policy->setText(policy);

    for (const auto& hit : t.consideredFaq) {
        const int row = m_faq->rowCount();
        m_faq->insertRow(row);
        auto* question = new QTableWidgetItem(toQString(hit.question));
        question->setToolTip(tr("%1\n\nAnswer: %2\nSource: %3")
                                 .arg(toQString(hit.question), toQString(hit.answer), toQString(hit.source)));
        const bool used = !t.sources.empty() && t.sources.front().id == hit.id;
        if (used) {
            QFont bold = question->font();
            bold.setBold(true);
            question->setFont(bold);
        }
        m_faq->setItem(row, 0, question);
        m_faq->setItem(row, 1, number(hit.bm25, 2));
        m_faq->setItem(row, 2, hit.embedding ? number(*hit.embedding) : new QTableWidgetItem(tr("—")));
        m_faq->setItem(row, 3, number(hit.score));
    }
    for (const auto& [name, value] : t.slots) {
        const int row = m_slots->rowCount();
        m_slots->insertRow(row);
        m_slots->setItem(row, 0, new QTableWidgetItem(toQString(name)));
        m_slots->setItem(row, 1, new QTableWidgetItem(toQString(value))); // masked by the engine
    }
    m_response->setText(tr("Response: %1 · %2 ms").arg(toQString(t.responseKey)).arg(t.elapsedMs, 0, 'f', 1));
}

void WhyPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WhyPanel::retranslate() {
    m_title->setText(tr("Why this answer"));
    m_intentsTitle->setText(tr("Top intents"));
    m_faqTitle->setText(tr("Knowledge base entries considered"));
    m_slotsTitle->setText(tr("Slots remembered"));
    m_faq->setHorizontalHeaderLabels({tr("Question"), tr("BM25"), tr("Embedding"), tr("Score")});
    m_slots->setHorizontalHeaderLabels({tr("Slot"), tr("Value")});
    render();
}

} // namespace bankbench::ui
