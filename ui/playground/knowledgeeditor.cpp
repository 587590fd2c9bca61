#include "playground/knowledgeeditor.h"

#include "common/qtconvert.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace bankbench::ui {

KnowledgeEditor::KnowledgeEditor(QWidget* parent)
    : QWidget(parent), m_undo(new QUndoStack(this)), m_search(new QLineEdit(this)),
      m_table(new QTableWidget(0, 3, this)), m_questionLabel(new QLabel(this)),
      m_question(new QLineEdit(this)), m_answerLabel(new QLabel(this)), m_answer(new QPlainTextEdit(this)),
      m_add(new QPushButton(this)), m_update(new QPushButton(this)), m_remove(new QPushButton(this)),
      m_undoButton(new QPushButton(this)), m_redoButton(new QPushButton(this)), m_save(new QPushButton(this)),
      m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("knowledgeEditor"));
    m_table->setObjectName(QStringLiteral("knowledgeTable"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_search->setClearButtonEnabled(true);
    m_answer->setMaximumHeight(110);

    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_update);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_redoButton);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_questionLabel);
    layout->addWidget(m_question);
    layout->addWidget(m_answerLabel);
    layout->addWidget(m_answer);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &KnowledgeEditor::filter);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &KnowledgeEditor::showSelected);
    connect(m_add, &QPushButton::clicked, this,
            [this] { addEntry(m_question->text(), m_answer->toPlainText()); });
    connect(m_update, &QPushButton::clicked, this,
            [this] { editEntry(m_table->currentRow(), m_question->text(), m_answer->toPlainText()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeEntry(m_table->currentRow()); });
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { m_save->setEnabled(!clean); });
    connect(m_save, &QPushButton::clicked, this, &KnowledgeEditor::save);
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);
    m_save->setEnabled(false);
    retranslate();
    showSelected();
}

void KnowledgeEditor::setEntries(const std::vector<core::chat::KbEntry>& entries) {
    m_undo->clear();
    m_draft.clear();
    for (const auto& e : entries) {
        const QString q = toQString(e.question);
        const QString a = toQString(e.answer);
        m_draft.push_back({e.id, q, a, toQString(e.source), q, a, false});
    }
    render();
}

void KnowledgeEditor::push(int row, std::optional<KbDraftEntry> before, KbDraftEntry after,
                           const QString& text) {
    m_undo->push(new KbEntryCommand([this](int r, const KbDraftEntry& e) { write(r, e); },
                                    [this](int r) { drop(r); }, row, std::move(before), std::move(after),
                                    text));
}

void KnowledgeEditor::addEntry(const QString& question, const QString& answer) {
    if (question.trimmed().isEmpty() || answer.trimmed().isEmpty())
        return;
    KbDraftEntry entry;
    entry.question = question.trimmed();
    entry.answer = answer.trimmed();
    entry.source = tr("playground");
    push(static_cast<int>(m_draft.size()), std::nullopt, entry, tr("Add FAQ entry"));
}

void KnowledgeEditor::editEntry(int row, const QString& question, const QString& answer) {
    if (row < 0 || row >= m_draft.size() || question.trimmed().isEmpty() || answer.trimmed().isEmpty())
        return;
    KbDraftEntry after = m_draft[row];
    after.question = question.trimmed();
    after.answer = answer.trimmed();
    if (after.question == m_draft[row].question && after.answer == m_draft[row].answer)
        return;
    push(row, m_draft[row], after, tr("Edit FAQ entry"));
}

void KnowledgeEditor::removeEntry(int row) {
    if (row < 0 || row >= m_draft.size() || m_draft[row].removed)
        return;
    KbDraftEntry after = m_draft[row];
    after.removed = true;
    push(row, m_draft[row], after, tr("Delete FAQ entry"));
}

void KnowledgeEditor::write(int row, const KbDraftEntry& entry) {
    if (row == m_draft.size())
        m_draft.push_back(entry);
    else
        m_draft[row] = entry;
    render();
    m_table->selectRow(row);
}

void KnowledgeEditor::drop(int row) {
    if (row >= 0 && row < m_draft.size())
        m_draft.removeAt(row);
    render();
}

QList<KbChange> KnowledgeEditor::changes() const {
    QList<KbChange> out;
    for (const KbDraftEntry& e : m_draft) {
        if (e.id == 0 && !e.removed)
            out.push_back({0, e.question, e.answer, e.source});
        else if (e.id != 0 && e.removed)
            out.push_back({e.id, QString(), QString(), QString()});
        else if (e.id != 0 && (e.question != e.storedQuestion || e.answer != e.storedAnswer))
            out.push_back({e.id, e.question, e.answer, e.source});
    }
    return out;
}

void KnowledgeEditor::save() {
    const QList<KbChange> list = changes();
    if (list.isEmpty())
        return;
    emit applyRequested(list);
    m_undo->setClean();
}

void KnowledgeEditor::render() {
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(static_cast<int>(m_draft.size()));
    for (int row = 0; row < m_draft.size(); ++row) {
        const KbDraftEntry& e = m_draft[row];
        const bool changed = e.id == 0 || e.question != e.storedQuestion || e.answer != e.storedAnswer;
        const QStringList texts = {e.question, singleLine(e.answer, 200), e.source};
        for (int column = 0; column < 3; ++column) {
            auto* item = new QTableWidgetItem(texts[column]);
            QFont font = item->font();
            font.setStrikeOut(e.removed);
            font.setItalic(changed && !e.removed);
            item->setFont(font);
            if (e.removed)
                item->setForeground(QColor(0x9c, 0xa3, 0xaf));
            if (column == 1)
                item->setToolTip(e.answer);
            m_table->setItem(row, column, item);
        }
    }
    int live = 0;
    for (const KbDraftEntry& e : m_draft)
        live += e.removed ? 0 : 1;
    m_count->setText(tr("%n entry(s)", nullptr, live));
    filter();
}

void KnowledgeEditor::filter() {
    const QString needle = m_search->text().trimmed();
    for (int row = 0; row < m_draft.size(); ++row) {
        const KbDraftEntry& e = m_draft[row];
        m_table->setRowHidden(row, !needle.isEmpty() && !e.question.contains(needle, Qt::CaseInsensitive) &&
                                       !e.answer.contains(needle, Qt::CaseInsensitive));
    }
}

void KnowledgeEditor::showSelected() {
    const int row = m_table->currentRow();
    const bool valid = row >= 0 && row < m_draft.size() && !m_table->selectedItems().isEmpty();
    m_update->setEnabled(valid && !m_draft[row].removed);
    m_remove->setEnabled(valid && !m_draft[row].removed);
    if (valid) {
        m_question->setText(m_draft[row].question);
        m_answer->setPlainText(m_draft[row].answer);
    }
}

void KnowledgeEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void KnowledgeEditor::retranslate() {
    m_search->setPlaceholderText(tr("Filter questions and answers"));
    m_table->setHorizontalHeaderLabels({tr("Question"), tr("Answer"), tr("Source")});
    m_questionLabel->setText(tr("Question:"));
    m_answerLabel->setText(tr("Answer:"));
    m_add->setText(tr("Add as New Entry"));
    m_update->setText(tr("Update Selected"));
    m_remove->setText(tr("Delete Selected"));
    m_undoButton->setText(tr("Undo"));
    m_redoButton->setText(tr("Redo"));
    m_save->setText(tr("Save Knowledge Base"));
    render();
}

} // namespace bankbench::ui
