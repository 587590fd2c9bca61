#pragma once

#include "playground/knowledgecommands.h"
#include "playground/playgroundtypes.h"

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace bankbench::ui {

/// Edits a bot's FAQ knowledge base: a searchable table of entries, a form to add, edit or delete one,
/// undo/redo of every change, and "Save" which sends the changes to the worker (one transaction). Deleted
/// entries stay visible, struck through, until saved. GUI thread.
class KnowledgeEditor : public QWidget {
    Q_OBJECT

public:
    explicit KnowledgeEditor(QWidget* parent = nullptr);

    /// A fresh draft of the stored entries (after loading a bot or saving).
    void setEntries(const std::vector<core::chat::KbEntry>& entries);

    void addEntry(const QString& question, const QString& answer);
    void editEntry(int row, const QString& question, const QString& answer);
    void removeEntry(int row);
    /// What Save would store, in order.
    QList<KbChange> changes() const;
    void save();

    const QList<KbDraftEntry>& draft() const { return m_draft; }
    QUndoStack* undoStack() const { return m_undo; }
    QTableWidget* table() const { return m_table; }

signals:
    void applyRequested(const QList<KbChange>& changes);

protected:
    void changeEvent(QEvent* event) override;

private:
    void write(int row, const KbDraftEntry& entry);
    void drop(int row);
    void push(int row, std::optional<KbDraftEntry> before, KbDraftEntry after, const QString& text);
    void render();
    void showSelected();
    void filter();
    void retranslate();

    QList<KbDraftEntry> m_draft;
    QUndoStack* m_undo;
    QLineEdit* m_search;
    QTableWidget* m_table;
    QLabel* m_questionLabel;
    QLineEdit* m_question;
    QLabel* m_answerLabel;
    QPlainTextEdit* m_answer;
    QPushButton* m_add;
    QPushButton* m_update;
    QPushButton* m_remove;
    QPushButton* m_undoButton;
    QPushButton* m_redoButton;
    QPushButton* m_save;
    QLabel* m_count;
};

} // namespace bankbench::ui
