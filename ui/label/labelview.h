#pragma once

#include <store/labeltypes.h>

#include <QString>
#include <QWidget>

#include <optional>
#include <utility>

class QAction;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;

namespace bankbench::ui {

class LabelButtonBar;
class LabelProgressPanel;
class LabelSession;
class SpanTextView;

/// The labeling view: one record at a time in large text with its metadata beside it, the label buttons,
/// model suggestions, other annotators' answers, progress and the recent decisions; and the keyboard:
/// label keys pick (multi-label: toggle; spans: label the selection), Enter accepts, Space skips, "?"
/// marks unclear (with an optional comment), Left/Right move, Tab accepts the top suggestion, Backspace
/// removes the span under the caret, Ctrl+Z / Ctrl+Shift+Z undo and redo. Shows what LabelSession holds
/// and never touches the store. GUI thread.
class LabelView : public QWidget {
    Q_OBJECT

public:
    explicit LabelView(LabelSession& session, QWidget* parent = nullptr);

    /// Label display names follow this language ("zh_CN" or "en").
    void setLanguage(const QString& language);
    void focusText();

    SpanTextView* textView() const { return m_text; }
    LabelButtonBar* buttons() const { return m_buttons; }
    LabelProgressPanel* progressPanel() const { return m_progress; }
    QListWidget* recentList() const { return m_recent; }
    QLineEdit* commentEdit() const { return m_comment; }
    QSplitter* splitter() const { return m_splitter; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QString positionText() const;
    QString decisionText() const;
    QString saveText() const;
    QString suggestionsText() const;
    QString othersText() const;
    QString noticeText() const;
    /// The span list under the text, as shown.
    QString spansText() const;

    /// The selection in the text as code points [start, end), trimmed of surrounding whitespace;
    /// nothing when empty or not on character boundaries.
    std::optional<std::pair<std::int64_t, std::int64_t>> selectedCodePoints() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildWidgets();
    void onSchemaChanged();
    void onCurrentChanged();
    void updateDecision();
    void updateSpans();
    void updateMetadata();
    void updateSuggestions();
    void updateOthers();
    void updateRecent();
    void updateSaveState();
    void updateStats();
    void showNotice(const QString& text);
    void useLabel(const core::Label& label);
    void removeSpanAtCaret();
    void startUnclear();
    void finishUnclear(bool save);
    void undo();
    void redo();
    QString labelName(const std::string& name) const;
    QString labelList(const std::vector<std::string>& names) const;
    QString decisionSummary(const core::Decision& decision) const;
    QString pendingSummary() const;

    LabelSession& m_session;
    QString m_language;
    std::optional<core::RecordId> m_shownRecord;

    QSplitter* m_splitter = nullptr;
    QLabel* m_position = nullptr;
    QLabel* m_saveState = nullptr;
    SpanTextView* m_text = nullptr;
    QLabel* m_spans = nullptr;
    QLabel* m_decision = nullptr;
    QWidget* m_commentBar = nullptr;
    QLineEdit* m_comment = nullptr;
    LabelButtonBar* m_buttons = nullptr;
    QLabel* m_suggestions = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_keys = nullptr;
    QGroupBox* m_metadataBox = nullptr;
    QFormLayout* m_metadata = nullptr;
    QGroupBox* m_othersBox = nullptr;
    QLabel* m_others = nullptr;
    LabelProgressPanel* m_progress = nullptr;
    QListWidget* m_recent = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
};

} // namespace bankbench::ui
