#include "label/spantextview.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>

namespace bankbench::ui {

namespace {

QColor spanBackground(const QColor& color) {
    // A pale tint keeps black text readable on every label colour.
    QColor base = color.isValid() ? color : QColor(QStringLiteral("#4a7bd0"));
    return QColor::fromHslF(base.hslHueF() < 0 ? 0.6f : base.hslHueF(),
                            std::min(0.75f, base.hslSaturationF()), 0.86f);
}

} // namespace

SpanTextView::SpanTextView(QWidget* parent) : QTextEdit(parent) {
    setObjectName(QStringLiteral("labelText"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setAcceptRichText(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setContextMenuPolicy(Qt::NoContextMenu);
    QFont textFont = font();
    textFont.setPointSizeF(textFont.pointSizeF() * kTextScale);
    setFont(textFont);
    document()->setDocumentMargin(14);
    // A visible caret in a read-only view: keyboard selection needs to show where it starts.
    setCursorWidth(2);
}

void SpanTextView::showText(const QString& text) {
    m_text = text;
    m_spans.clear();
    QString shown = text;
    // QTextDocument would turn "\r\n" into one paragraph break and shift every later offset by one.
    shown.replace(QLatin1Char('\r'), QLatin1Char(' '));
    setPlainText(shown);
    moveCursor(QTextCursor::Start);
    updateHighlights();
    m_fittedWidth = -1;
    fitHeight();
}

QSize SpanTextView::sizeHint() const {
    const QSize base = QTextEdit::sizeHint();
    return QSize(base.width(), height());
}

void SpanTextView::resizeEvent(QResizeEvent* event) {
    QTextEdit::resizeEvent(event);
    if (viewport()->width() != m_fittedWidth)
        fitHeight(); // rewrapped: the text may need more or fewer lines
}

void SpanTextView::fitHeight() {
    m_fittedWidth = viewport()->width();
    document()->setTextWidth(m_fittedWidth);
    const int line = fontMetrics().lineSpacing();
    const int margins = static_cast<int>(2 * document()->documentMargin()) + 2 * frameWidth();
    const int text = static_cast<int>(document()->size().height()) + 2 * frameWidth();
    const int wanted = std::clamp(text, kMinLines * line + margins, kMaxLines * line + margins);
    if (wanted != height())
        setFixedHeight(wanted);
}

void SpanTextView::setSpans(const QList<ShownSpan>& spans) {
    m_spans = spans;
    updateHighlights();
}

std::optional<std::pair<int, int>> SpanTextView::selectedRange() const {
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return std::nullopt;
    return std::make_pair(cursor.selectionStart(), cursor.selectionEnd());
}

void SpanTextView::selectRange(int start, int end) {
    QTextCursor cursor(document());
    const int last = document()->characterCount() - 1;
    cursor.setPosition(std::clamp(start, 0, last));
    cursor.setPosition(std::clamp(end, 0, last), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

void SpanTextView::clearSelectionKeepCaret() {
    QTextCursor cursor = textCursor();
    cursor.clearSelection();
    setTextCursor(cursor);
}

int SpanTextView::spanAtCaret() const {
    const QTextCursor cursor = textCursor();
    const int position = cursor.hasSelection() ? cursor.selectionStart() : cursor.position();
    for (int i = 0; i < m_spans.size(); ++i) {
        const ShownSpan& span = m_spans.at(i);
        if (position >= span.start && position < span.end)
            return i;
    }
    // A caret right after a span (typical after selecting it) also names that span.
    for (int i = 0; i < m_spans.size(); ++i) {
        if (position == m_spans.at(i).end)
            return i;
    }
    return -1;
}

void SpanTextView::keyPressEvent(QKeyEvent* event) {
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if (modifiers == Qt::AltModifier && (key == Qt::Key_Left || key == Qt::Key_Right)) {
        QTextCursor cursor = textCursor();
        cursor.clearSelection();
        cursor.movePosition(key == Qt::Key_Left ? QTextCursor::PreviousCharacter
                                                : QTextCursor::NextCharacter);
        setTextCursor(cursor);
        event->accept();
        return;
    }
    // A read-only QTextEdit pages down on Space: Space skips the record here.
    if (modifiers == Qt::NoModifier &&
        (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Return || key == Qt::Key_Enter ||
         key == Qt::Key_Space || key == Qt::Key_Backspace || key == Qt::Key_Delete)) {
        event->ignore(); // record navigation and accept belong to the labeling view
        return;
    }
    if (modifiers == Qt::NoModifier && key == Qt::Key_Escape && textCursor().hasSelection()) {
        clearSelectionKeepCaret();
        event->accept();
        return;
    }
    QTextEdit::keyPressEvent(event);
}

void SpanTextView::updateHighlights() {
    QList<QTextEdit::ExtraSelection> selections;
    const int last = document()->characterCount() - 1;
    for (const ShownSpan& span : m_spans) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(std::clamp(span.start, 0, last));
        selection.cursor.setPosition(std::clamp(span.end, 0, last), QTextCursor::KeepAnchor);
        selection.format.setBackground(spanBackground(span.color));
        selection.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        selection.format.setUnderlineColor(span.color.isValid() ? span.color : QColor(Qt::darkBlue));
        selection.format.setToolTip(span.label);
        selections.push_back(selection);
    }
    setExtraSelections(selections);
}

} // namespace bankbench::ui
