// LabelView: keys, actions and the panels that follow the session's saves and stats.

#include "label/labelview.h"

#include "common/qtconvert.h"
#include "label/labelbuttonbar.h"
#include "label/labelprogresspanel.h"
#include "label/labelsession.h"
#include "label/spantextview.h"

#include <labeling/agreement.h>
#include <labeling/textoffsets.h>

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QStyle>
#include <QTimer>
#include <QUndoStack>

namespace bankbench::ui {

namespace {

constexpr int kNoticeMs = 5000;

bool isSpace(QChar c) {
    return c.isSpace();
}

} // namespace

std::optional<std::pair<std::int64_t, std::int64_t>> LabelView::selectedCodePoints() const {
    const LabelRecord* record = m_session.currentRecord();
    const auto range = m_text->selectedRange();
    if (!record || !range)
        return std::nullopt;
    int start = range->first;
    int end = range->second;
    const QString& text = record->text;
    // People select a word with the space after it; a span never starts or ends with whitespace.
    while (start < end && start < text.size() && isSpace(text.at(start)))
        ++start;
    while (end > start && end - 1 < text.size() && isSpace(text.at(end - 1)))
        --end;
    if (start >= end)
        return std::nullopt;
    const auto first = core::textoffsets::utf16ToCodePoint(record->textUtf8, start);
    const auto last = core::textoffsets::utf16ToCodePoint(record->textUtf8, end);
    if (!first || !last)
        return std::nullopt;
    return std::make_pair(*first, *last);
}

void LabelView::useLabel(const core::Label& label) {
    if (m_session.kind() != core::LabelSetKind::Span) {
        m_session.pickLabel(label.name);
        return;
    }
    if (const auto selection = selectedCodePoints()) {
        const QString error = m_session.addSpan(selection->first, selection->second, label.name);
        if (!error.isEmpty())
            showNotice(error);
        else
            m_text->clearSelectionKeepCaret();
        return;
    }
    const int index = m_text->spanAtCaret();
    if (index >= 0) {
        m_session.retypeSpan(index, label.name);
        return;
    }
    showNotice(tr("Select some text first, then press the key of its type."));
}

void LabelView::removeSpanAtCaret() {
    const int index = m_text->spanAtCaret();
    if (index < 0) {
        showNotice(tr("Put the caret in a span (click it) to remove it."));
        return;
    }
    m_session.removeSpan(index);
}

void LabelView::startUnclear() {
    if (!m_session.currentRecord())
        return;
    if (m_session.isReviewMode()) {
        showNotice(tr("In review mode, choose the final label or skip the record."));
        return;
    }
    m_comment->clear();
    m_commentBar->show();
    m_comment->setFocus(Qt::OtherFocusReason);
}

void LabelView::finishUnclear(bool save) {
    if (!m_commentBar->isVisible())
        return;
    const QString comment = m_comment->text();
    m_commentBar->hide();
    m_comment->clear();
    m_text->setFocus(Qt::OtherFocusReason);
    if (save)
        m_session.markUnclear(comment);
}

void LabelView::undo() {
    if (m_session.undoEdit())
        return;
    if (!m_session.undoStack()->canUndo()) {
        showNotice(tr("Nothing to undo."));
        return;
    }
    m_session.undoStack()->undo();
}

void LabelView::redo() {
    if (m_session.hasUnsavedEdits()) {
        showNotice(tr("Save (Enter) or undo the edit on this record before redoing."));
        return;
    }
    if (!m_session.undoStack()->canRedo()) {
        showNotice(tr("Nothing to redo."));
        return;
    }
    m_session.undoStack()->redo();
}

bool LabelView::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_comment) {
        if (key->key() == Qt::Key_Escape) {
            finishUnclear(false);
            return true;
        }
        return false;
    }
    if (watched == m_text && key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
        // Tab would move the focus away from the text; here it takes the model's first suggestion.
        if (!m_session.acceptTopSuggestion())
            showNotice(m_session.hasSuggestionProvider() ? tr("No model suggestion for this record.")
                                                         : tr("No model yet: train one to get suggestions."));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void LabelView::keyPressEvent(QKeyEvent* event) {
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (modifiers != Qt::NoModifier) {
        QWidget::keyPressEvent(event);
        return;
    }
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_session.accept();
        return;
    case Qt::Key_Right:
        if (!shift) {
            m_session.next();
            return;
        }
        break;
    case Qt::Key_Left:
        if (!shift) {
            m_session.previous();
            return;
        }
        break;
    case Qt::Key_Space:
        m_session.skip();
        return;
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        if (m_session.kind() == core::LabelSetKind::Span) {
            removeSpanAtCaret();
            return;
        }
        break;
    case Qt::Key_Question:
        startUnclear();
        return;
    default:
        break;
    }
    const QString text = event->text().toLower();
    if (text.size() == 1 && !text.at(0).isSpace()) {
        const auto& labels = m_session.schema().labels;
        const auto& keys = m_buttons->hotkeys();
        for (std::size_t i = 0; i < labels.size() && i < keys.size(); ++i) {
            if (keys[i] == text) {
                useLabel(labels[i]);
                return;
            }
        }
    }
    QWidget::keyPressEvent(event);
}

void LabelView::showNotice(const QString& text) {
    m_notice->setText(text.toHtmlEscaped());
    // One timer per notice would clear a newer one early; compare before clearing.
    QTimer::singleShot(kNoticeMs, this, [this, text] {
        if (m_notice->text() == text.toHtmlEscaped())
            m_notice->clear();
    });
}

void LabelView::updateSaveState() {
    const QLocale locale;
    switch (m_session.saveState()) {
    case LabelSession::SaveState::Idle:
        m_saveState->setText(QString());
        m_saveState->setToolTip(QString());
        break;
    case LabelSession::SaveState::Saving:
        m_saveState->setText(QStringLiteral("<span style=\"color:#7a5b00\">%1</span>").arg(tr("Saving…")));
        break;
    case LabelSession::SaveState::Saved:
        m_saveState->setText(
            QStringLiteral("<span style=\"color:#1e6b32\">%1</span>")
                .arg(tr("✓ All decisions saved · %1")
                         .arg(m_session.lastSavedAt().time().toString(QStringLiteral("HH:mm:ss")))));
        m_saveState->setToolTip(tr("Every decision shown has been written to the project file."));
        break;
    case LabelSession::SaveState::Failed:
        m_saveState->setText(
            QStringLiteral("<span style=\"color:#9b1c1c\"><b>%1</b></span>").arg(tr("✗ Not saved")));
        m_saveState->setToolTip(m_session.lastError());
        break;
    }
    updateDecision();
}

void LabelView::updateRecent() {
    // Incremental: a new decision adds one row at the top and a save changes one icon. Rewriting every
    // row on each keypress made the list the most expensive part of the frame (measured).
    enum { TokenRole = Qt::UserRole + 1, StateRole };
    const auto& recent = m_session.recentDecisions();
    auto tokenAt = [this](int row) { return m_recent->item(row)->data(TokenRole).toULongLong(); };
    bool shifted = recent.size() >= 1 && m_recent->count() >= recent.size() - 1;
    for (int i = 1; shifted && i < recent.size(); ++i)
        shifted = tokenAt(i - 1) == recent.at(i).token;
    bool same = m_recent->count() == recent.size();
    for (int i = 0; same && i < recent.size(); ++i)
        same = tokenAt(i) == recent.at(i).token;
    auto makeItem = [this](const LabelSession::RecentDecision& entry) {
        auto* item =
            new QListWidgetItem(QStringLiteral("%1 — %2").arg(decisionSummary(entry.decision), entry.text));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(entry.recordId));
        item->setData(TokenRole, QVariant::fromValue<qulonglong>(entry.token));
        item->setData(StateRole, -1);
        return item;
    };
    if (!same) {
        if (shifted && !recent.isEmpty()) {
            m_recent->insertItem(0, makeItem(recent.front()));
        } else {
            m_recent->clear();
            for (const auto& entry : recent)
                m_recent->addItem(makeItem(entry));
        }
        while (m_recent->count() > recent.size())
            delete m_recent->takeItem(m_recent->count() - 1);
    }
    QStyle* style = this->style();
    for (int i = 0; i < recent.size(); ++i) {
        const LabelSession::RecentDecision& entry = recent.at(i);
        QListWidgetItem* item = m_recent->item(i);
        const int state = static_cast<int>(entry.state);
        if (item->data(StateRole).toInt() == state)
            continue;
        item->setData(StateRole, state);
        const bool failed = entry.state == LabelSession::SaveState::Failed;
        item->setIcon(style->standardIcon(failed ? QStyle::SP_MessageBoxCritical
                                          : entry.state == LabelSession::SaveState::Saving
                                              ? QStyle::SP_BrowserReload
                                              : QStyle::SP_DialogApplyButton));
        item->setToolTip(failed ? tr("Not saved: %1").arg(m_session.lastError()) : entry.text);
    }
}

void LabelView::updateStats() {
    const auto& stats = m_session.stats();
    if (!stats) {
        m_progress->setProgress(0, m_session.dataset() ? m_session.dataset()->rowCount : 0);
        m_progress->setCounts({});
        m_progress->setRate(-1, m_session.decisionsThisSession());
        m_progress->setAgreement(std::nullopt, QString(), QString());
        return;
    }
    m_progress->setProgress(stats->progress.labelled, stats->progress.total);
    QList<LabelCountBar> bars;
    for (const core::LabelUsage& usage : stats->progress.labels) {
        const core::Label* label = m_session.labelByName(usage.name);
        bars.push_back(LabelCountBar{labelName(usage.name),
                                     label ? LabelButtonBar::labelColor(*label) : QColor(Qt::gray),
                                     usage.count});
    }
    m_progress->setCounts(bars);
    // Under a handful of decisions the rate is noise.
    m_progress->setRate(stats->rate.decisions >= 5 ? stats->rate.perHour : -1.0,
                        m_session.decisionsThisSession());
    if (stats->agreement && stats->agreement->overall.kappa) {
        const core::AgreementReport& report = *stats->agreement;
        const QString method = report.method == core::KappaMethod::Cohen ? tr("Cohen") : tr("Fleiss");
        QStringList details;
        details << tr("%1 annotators, %2 records rated by all")
                       .arg(report.annotators.size())
                       .arg(QLocale().toString(report.records));
        for (const auto& [name, kappa] : report.perLabel) {
            details << QStringLiteral("%1: %2").arg(
                labelName(name), kappa.kappa ? QLocale().toString(*kappa.kappa, 'f', 3) : tr("undefined"));
        }
        m_progress->setAgreement(report.overall.kappa, method, details.join(QLatin1Char('\n')));
    } else {
        m_progress->setAgreement(std::nullopt, QString(), QString());
    }
}

} // namespace bankbench::ui
