#include "playground/responseeditor.h"

#include "common/qtconvert.h"
#include "playground/responsecommands.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace bankbench::ui {

namespace chat = core::chat;

namespace {

bool sameResponse(const std::optional<chat::IntentResponse>& a,
                  const std::optional<chat::IntentResponse>& b) {
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->variants == b->variants && a->requiredSlots == b->requiredSlots &&
                  a->followUps == b->followUps);
}

QStringList lines(const QPlainTextEdit* edit) {
    QStringList out;
    for (const QString& line : edit->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

QString cell(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

ResponseEditor::ResponseEditor(QWidget* parent)
    : QWidget(parent), m_undo(new QUndoStack(this)), m_intents(new QListWidget(this)),
      m_zhLabel(new QLabel(this)), m_enLabel(new QLabel(this)), m_zh(new QPlainTextEdit(this)),
      m_en(new QPlainTextEdit(this)), m_followLabel(new QLabel(this)),
      m_followUps(new QTableWidget(0, 3, this)), m_addSlot(new QPushButton(this)),
      m_removeSlot(new QPushButton(this)), m_apply(new QPushButton(this)),
      m_undoButton(new QPushButton(this)), m_redoButton(new QPushButton(this)), m_note(new QLineEdit(this)),
      m_save(new QPushButton(this)), m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("responseEditor"));
    m_intents->setObjectName(QStringLiteral("responseIntents"));
    m_zh->setObjectName(QStringLiteral("variantsZh"));
    m_en->setObjectName(QStringLiteral("variantsEn"));
    m_followUps->setObjectName(QStringLiteral("followUps"));
    m_followUps->verticalHeader()->hide();
    m_followUps->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_followUps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #6b7280;"));

    auto* right = new QWidget(this);
    auto* form = new QVBoxLayout(right);
    form->setContentsMargins(8, 0, 0, 0);
    form->addWidget(m_zhLabel);
    form->addWidget(m_zh, 2);
    form->addWidget(m_enLabel);
    form->addWidget(m_en, 2);
    form->addWidget(m_followLabel);
    form->addWidget(m_followUps, 2);
    auto* slotButtons = new QHBoxLayout;
    slotButtons->addWidget(m_addSlot);
    slotButtons->addWidget(m_removeSlot);
    slotButtons->addStretch(1);
    slotButtons->addWidget(m_apply);
    form->addLayout(slotButtons);
    form->addWidget(m_hint);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_intents);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_undoButton);
    bottom->addWidget(m_redoButton);
    bottom->addStretch(1);
    bottom->addWidget(m_note, 2);
    bottom->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_intents, &QListWidget::currentTextChanged, this, [this](const QString& intent) {
        if (!m_current.isEmpty())
            applyFields(); // switching intents keeps what was typed, as a command
        m_current = intent;
        showIntent();
    });
    connect(m_apply, &QPushButton::clicked, this, &ResponseEditor::applyFields);
    connect(m_addSlot, &QPushButton::clicked, this, [this] {
        const int row = m_followUps->rowCount();
        m_followUps->insertRow(row);
        m_followUps->setItem(row, 0, new QTableWidgetItem(QStringLiteral("amount")));
        m_followUps->editItem(m_followUps->item(row, 0));
    });
    connect(m_removeSlot, &QPushButton::clicked, this, [this] {
        if (m_followUps->currentRow() >= 0)
            m_followUps->removeRow(m_followUps->currentRow());
    });
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { m_save->setEnabled(!clean); });
    connect(m_save, &QPushButton::clicked, this, &ResponseEditor::save);
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);
    m_save->setEnabled(false);
    retranslate();
}

void ResponseEditor::setBot(const chat::BotVersion& bot, const QStringList& intents) {
    m_undo->clear();
    m_draft = bot.responses.intents();
    m_current.clear();
    QStringList all = intents;
    for (const auto& [intent, response] : m_draft)
        if (!all.contains(toQString(intent)))
            all << toQString(intent);
    const QString keep = m_intents->currentItem() ? m_intents->currentItem()->text() : QString();
    {
        const QSignalBlocker blocker(m_intents);
        m_intents->clear();
        m_intents->addItems(all);
    }
    refreshMarks();
    selectIntent(all.contains(keep) ? keep : all.value(0));
}

void ResponseEditor::selectIntent(const QString& intent) {
    const auto found = m_intents->findItems(intent, Qt::MatchExactly);
    if (!found.isEmpty())
        m_intents->setCurrentItem(found.first());
}

std::optional<chat::IntentResponse> ResponseEditor::response(const QString& intent) const {
    const auto it = m_draft.find(toStdString(intent));
    return it == m_draft.end() ? std::nullopt : std::optional(it->second);
}

chat::ResponseSet ResponseEditor::draft() const {
    chat::ResponseSet set;
    for (const auto& [intent, response] : m_draft)
        set.set(response);
    return set;
}

QPlainTextEdit* ResponseEditor::variantsEdit(const QString& language) const {
    return language == QLatin1String("zh") ? m_zh : m_en;
}

std::optional<chat::IntentResponse> ResponseEditor::fromFields() const {
    chat::IntentResponse r;
    r.intent = toStdString(m_current);
    for (const auto& [language, edit] : {std::pair{"zh", m_zh}, std::pair{"en", m_en}})
        for (const QString& line : lines(edit))
            r.variants[language].push_back(toStdString(line));
    for (int row = 0; row < m_followUps->rowCount(); ++row) {
        const std::string slot = toStdString(cell(m_followUps, row, 0));
        if (slot.empty())
            continue;
        r.requiredSlots.push_back(slot);
        if (const QString zh = cell(m_followUps, row, 1); !zh.isEmpty())
            r.followUps[slot]["zh"] = toStdString(zh);
        if (const QString en = cell(m_followUps, row, 2); !en.isEmpty())
            r.followUps[slot]["en"] = toStdString(en);
    }
    // No answer text at all: the intent has no template (the bot says what it understood).
    if (r.variants.empty() && r.requiredSlots.empty())
        return std::nullopt;
    return r;
}

void ResponseEditor::applyFields() {
    if (m_current.isEmpty())
        return;
    auto wanted = fromFields();
    if (wanted) {
        // A required slot needs a question in some language, and an answer needs a template: say so.
        for (const auto& slot : wanted->requiredSlots) {
            if (!wanted->followUps.count(slot)) {
                m_hint->setText(
                    tr("Slot \"%1\" needs a follow-up question (Chinese or English).").arg(toQString(slot)));
                return;
            }
        }
        if (wanted->variants.empty()) {
            m_hint->setText(tr("Write at least one answer (Chinese or English) for \"%1\".").arg(m_current));
            return;
        }
    }
    retranslate(); // clears the hint
    setResponse(m_current, wanted);
}

void ResponseEditor::setResponse(const QString& intent, const std::optional<chat::IntentResponse>& response) {
    auto before = this->response(intent);
    if (sameResponse(before, response))
        return;
    auto apply = [this](const std::string& name, const std::optional<chat::IntentResponse>& value) {
        write(name, value);
    };
    m_undo->push(new IntentResponseCommand(apply, toStdString(intent), before, response,
                                           tr("Edit responses of %1").arg(intent)));
}

void ResponseEditor::write(const std::string& intent, const std::optional<chat::IntentResponse>& response) {
    if (response)
        m_draft[intent] = *response;
    else
        m_draft.erase(intent);
    refreshMarks();
    const QString name = toQString(intent);
    if (name != m_current) {
        const QSignalBlocker blocker(m_intents);
        selectIntent(name);
        m_current = name;
    }
    showIntent();
}

void ResponseEditor::showIntent() {
    const auto r = response(m_current);
    auto join = [&](const char* language) {
        if (!r || !r->variants.count(language))
            return QString();
        QStringList out;
        for (const auto& v : r->variants.at(language))
            out << toQString(v);
        return out.join(QLatin1Char('\n'));
    };
    m_zh->setPlainText(join("zh"));
    m_en->setPlainText(join("en"));
    m_followUps->setRowCount(0);
    if (r) {
        for (const auto& slot : r->requiredSlots) {
            const int row = m_followUps->rowCount();
            m_followUps->insertRow(row);
            m_followUps->setItem(row, 0, new QTableWidgetItem(toQString(slot)));
            const auto questions =
                r->followUps.count(slot) ? r->followUps.at(slot) : std::map<std::string, std::string>{};
            m_followUps->setItem(
                row, 1,
                new QTableWidgetItem(questions.count("zh") ? toQString(questions.at("zh")) : QString()));
            m_followUps->setItem(
                row, 2,
                new QTableWidgetItem(questions.count("en") ? toQString(questions.at("en")) : QString()));
        }
    }
}

void ResponseEditor::refreshMarks() {
    // Intents with a template in bold: the others answer "I understood X".
    for (int row = 0; row < m_intents->count(); ++row) {
        QListWidgetItem* item = m_intents->item(row);
        QFont font = item->font();
        font.setBold(m_draft.count(toStdString(item->text())) > 0);
        item->setFont(font);
    }
}

void ResponseEditor::save() {
    applyFields();
    emit saveRequested(draft(), m_note->text().trimmed());
    m_undo->setClean();
}

void ResponseEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResponseEditor::retranslate() {
    m_zhLabel->setText(
        tr("Chinese answers (one variant per line; placeholders such as {amount}, {date}, {card_last4}):"));
    m_enLabel->setText(tr("English answers (one variant per line):"));
    m_followLabel->setText(tr("Required slots, asked for in this order when missing:"));
    m_followUps->setHorizontalHeaderLabels({tr("Slot"), tr("Question (Chinese)"), tr("Question (English)")});
    m_addSlot->setText(tr("Add Slot"));
    m_removeSlot->setText(tr("Remove Slot"));
    m_apply->setText(tr("Apply"));
    m_undoButton->setText(tr("Undo"));
    m_redoButton->setText(tr("Redo"));
    m_note->setPlaceholderText(tr("Note for the new version (optional)"));
    m_save->setText(tr("Save as New Version"));
    m_hint->setText(tr("Intents in bold have answers; the others reply with the intent they understood."));
}

} // namespace bankbench::ui
