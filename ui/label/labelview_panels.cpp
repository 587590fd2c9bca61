// LabelView: the lines that describe the shown record's decision, suggestions and other answers.

#include "label/labelview.h"

#include "common/qtconvert.h"
#include "label/labelbuttonbar.h"
#include "label/labelsession.h"

#include <labeling/textoffsets.h>

#include <QGroupBox>
#include <QLabel>
#include <QLocale>

#include <algorithm>

namespace bankbench::ui {

QString LabelView::labelName(const std::string& name) const {
    const core::Label* label = m_session.labelByName(name);
    return label ? LabelButtonBar::displayName(*label, m_language) : toQString(name);
}

QString LabelView::labelList(const std::vector<std::string>& names) const {
    QStringList shown;
    for (const auto& name : names)
        shown << labelName(name);
    return shown.isEmpty() ? tr("no label") : shown.join(tr(", "));
}

QString LabelView::decisionSummary(const core::Decision& decision) const {
    switch (decision.status) {
    case core::DecisionStatus::Skipped:
        return tr("Skipped");
    case core::DecisionStatus::Unclear:
        return decision.comment.empty() ? tr("Unclear") : tr("Unclear: %1").arg(toQString(decision.comment));
    case core::DecisionStatus::Accepted:
        break;
    }
    if (m_session.kind() == core::LabelSetKind::Span && decision.spans.empty())
        return tr("no spans");
    return labelList(decision.labels);
}

QString LabelView::pendingSummary() const {
    if (m_session.kind() != core::LabelSetKind::Span)
        return labelList(m_session.pendingLabels());
    std::vector<std::string> names;
    for (const core::Span& span : m_session.pendingSpans()) {
        if (std::find(names.begin(), names.end(), span.label) == names.end())
            names.push_back(span.label);
    }
    return names.empty() ? tr("no spans") : labelList(names);
}

void LabelView::updateDecision() {
    const LabelRecord* record = m_session.currentRecord();
    if (!record || record->missing) {
        m_decision->clear();
        return;
    }
    const auto shown = m_session.shownDecision();
    const bool review = m_session.isReviewMode();
    QString text;
    if (m_session.hasUnsavedEdits()) {
        text = tr("<b>Not saved yet:</b> %1 — Enter saves it, ←/→ save it and move")
                   .arg(pendingSummary().toHtmlEscaped());
    } else if (shown) {
        const auto state = m_session.recordSaveState(record->id);
        const QString mark = state == LabelSession::SaveState::Saving ? tr("saving…") : tr("saved ✓");
        text = (review ? tr("<b>Adjudicated:</b> %1 (%2)") : tr("<b>Your decision:</b> %1 (%2)"))
                   .arg(decisionSummary(*shown).toHtmlEscaped(), mark);
    } else if (!m_session.pendingLabels().empty() || !m_session.pendingSpans().empty()) {
        text = tr("<b>Proposed:</b> %1 — Enter accepts").arg(pendingSummary().toHtmlEscaped());
    } else {
        text = review ? tr("No adjudication yet: choose the final label.") : tr("Not labelled yet.");
    }
    m_decision->setText(text);
}

void LabelView::updateSuggestions() {
    const LabelRecord* record = m_session.currentRecord();
    if (!m_session.hasSuggestionProvider() || m_session.kind() == core::LabelSetKind::Span) {
        m_suggestions->hide();
        return;
    }
    m_suggestions->show();
    if (!record || record->suggestions.empty()) {
        m_suggestions->setText(tr("<i>No model suggestions for this record.</i>"));
        return;
    }
    QStringList parts;
    const QLocale locale;
    for (std::size_t i = 0; i < record->suggestions.size() && i < 3; ++i) {
        const core::Suggestion& suggestion = record->suggestions[i];
        const core::Label* label = m_session.labelByName(suggestion.label);
        const QColor color = label ? LabelButtonBar::labelColor(*label) : QColor(Qt::gray);
        parts << LabelButtonBar::chipHtml(
            QStringLiteral("%1 %2%").arg(labelName(suggestion.label),
                                         locale.toString(suggestion.probability * 100, 'f', 0)),
            color);
    }
    m_suggestions->setText(
        tr("Model suggests: %1 — Tab accepts the first").arg(parts.join(QStringLiteral(" "))));
}

void LabelView::updateOthers() {
    const LabelRecord* record = m_session.currentRecord();
    const bool review = m_session.isReviewMode();
    m_othersBox->setTitle(review ? tr("Annotators' answers") : tr("Other annotators"));
    QStringList lines;
    if (record) {
        std::vector<core::Decision> all = record->others;
        if (review && record->mine)
            all.insert(all.begin(), *record->mine);
        for (const core::Decision& decision : all) {
            lines << QStringLiteral("<b>%1</b>: %2")
                         .arg(toQString(decision.annotator).toHtmlEscaped(),
                              decisionSummary(decision).toHtmlEscaped());
            if (review && m_session.kind() == core::LabelSetKind::Span) {
                QStringList spans;
                for (const core::Span& span : decision.spans)
                    spans << QStringLiteral("%1 “%2”").arg(labelName(span.label),
                                                           toQString(std::string(core::textoffsets::substring(
                                                               record->textUtf8, span.start, span.end))));
                if (!spans.isEmpty())
                    lines.back() += QStringLiteral(" (") + spans.join(QStringLiteral(", ")).toHtmlEscaped() +
                                    QStringLiteral(")");
            }
        }
    }
    m_others->setText(lines.isEmpty() ? tr("<i>None</i>") : lines.join(QStringLiteral("<br/>")));
    m_othersBox->setVisible(review || !lines.isEmpty());
}

QString LabelView::positionText() const {
    return m_position->text();
}
QString LabelView::decisionText() const {
    return m_decision->text();
}
QString LabelView::saveText() const {
    return m_saveState->text();
}
QString LabelView::suggestionsText() const {
    return m_suggestions->isHidden() ? QString() : m_suggestions->text();
}
QString LabelView::othersText() const {
    return m_othersBox->isHidden() ? QString() : m_others->text();
}
QString LabelView::noticeText() const {
    return m_notice->text();
}
QString LabelView::spansText() const {
    return m_spans->isHidden() ? QString() : m_spans->text();
}

} // namespace bankbench::ui
