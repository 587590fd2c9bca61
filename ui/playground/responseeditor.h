#pragma once

#include "playground/chatcore.h"

#include <QWidget>

#include <map>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QUndoStack;

namespace bankbench::ui {

/// Edits a bot's responses: per intent, answer variants in Chinese and English (one per line, with
/// {placeholders}) and the follow-up question for each required slot, in order. Every applied change is
/// an undoable command on the editor's draft; "Save as New Version" hands the draft to the workspace,
/// which stores it as the bot's next version. GUI thread.
class ResponseEditor : public QWidget {
    Q_OBJECT

public:
    explicit ResponseEditor(QWidget* parent = nullptr);

    /// Starts a fresh draft from `bot`'s responses; `intents` are the model's labels (all editable).
    void setBot(const core::chat::BotVersion& bot, const QStringList& intents);

    /// The draft as a response set (what Save stores).
    core::chat::ResponseSet draft() const;
    std::optional<core::chat::IntentResponse> response(const QString& intent) const;
    QUndoStack* undoStack() const { return m_undo; }
    QListWidget* intentList() const { return m_intents; }
    QPlainTextEdit* variantsEdit(const QString& language) const;
    QTableWidget* followUpTable() const { return m_followUps; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* saveButton() const { return m_save; }

    /// Selects `intent` in the list (and shows its draft).
    void selectIntent(const QString& intent);
    /// Pushes a command that gives `intent` this response (nullopt removes it). Nothing when unchanged.
    void setResponse(const QString& intent, const std::optional<core::chat::IntentResponse>& response);
    /// Applies what the fields show to the selected intent (one command).
    void applyFields();
    /// Emits saveRequested with the draft and marks the undo stack clean.
    void save();

signals:
    void saveRequested(const core::chat::ResponseSet& responses, const QString& note);

protected:
    void changeEvent(QEvent* event) override;

private:
    void write(const std::string& intent, const std::optional<core::chat::IntentResponse>& response);
    void showIntent();
    std::optional<core::chat::IntentResponse> fromFields() const;
    void refreshMarks();
    void retranslate();

    std::map<std::string, core::chat::IntentResponse> m_draft;
    QString m_current;
    QUndoStack* m_undo;
    QListWidget* m_intents;
    QLabel* m_zhLabel;
    QLabel* m_enLabel;
    QPlainTextEdit* m_zh;
    QPlainTextEdit* m_en;
    QLabel* m_followLabel;
    QTableWidget* m_followUps;
    QPushButton* m_addSlot;
    QPushButton* m_removeSlot;
    QPushButton* m_apply;
    QPushButton* m_undoButton;
    QPushButton* m_redoButton;
    QLineEdit* m_note;
    QPushButton* m_save;
    QLabel* m_hint;
};

} // namespace bankbench::ui
