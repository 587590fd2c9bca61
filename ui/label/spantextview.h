#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QTextEdit>

#include <optional>

namespace bankbench::ui {

/// A span as the text view shows it. Offsets are UTF-16 positions in the shown QString; the labeling
/// controller converts core's code-point offsets with the core helpers before handing spans over.
struct ShownSpan {
    int start = 0; ///< UTF-16, inclusive
    int end = 0;   ///< UTF-16, exclusive
    QColor color;
    QString label; ///< display name, shown as the span's tooltip
};

/// The record's text, large and readable, read-only but selectable with mouse and keyboard: Shift+arrows
/// extend the selection, Alt+Left/Right move the caret one character, Home/End and Up/Down as usual.
/// Plain Left/Right, Enter and letter/digit keys are not consumed here: they reach the labeling view
/// (record navigation and hotkeys). Spans are painted with their type's colour. GUI thread.
class SpanTextView : public QTextEdit {
    Q_OBJECT

public:
    explicit SpanTextView(QWidget* parent = nullptr);

    /// Replaces the text and clears spans and selection. Line breaks keep a 1:1 UTF-16 mapping ("\r" is
    /// shown as a space), so document positions equal offsets into `text`.
    void showText(const QString& text);
    const QString& shownText() const { return m_text; }
    void setSpans(const QList<ShownSpan>& spans);
    const QList<ShownSpan>& spans() const { return m_spans; }

    /// The current selection as [start, end) UTF-16 offsets, or nothing when no text is selected.
    std::optional<std::pair<int, int>> selectedRange() const;
    void selectRange(int start, int end);
    void clearSelectionKeepCaret();
    /// Index into spans() of the span under the caret / selection start, or -1.
    int spanAtCaret() const;

    /// Text point size relative to the application font.
    static constexpr double kTextScale = 1.75;
    /// The view grows with its text up to this many lines, then scrolls.
    static constexpr int kMaxLines = 12;
    static constexpr int kMinLines = 3;

    QSize sizeHint() const override;

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateHighlights();
    void fitHeight();

    QString m_text;
    QList<ShownSpan> m_spans;
    int m_fittedWidth = -1;
};

} // namespace bankbench::ui
