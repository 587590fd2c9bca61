#include "label/labelview.h"

#include "common/qtconvert.h"
#include "label/labelbuttonbar.h"
#include "label/labelprogresspanel.h"
#include "label/labelsession.h"
#include "label/spantextview.h"

#include <labeling/textoffsets.h>

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace bankbench::ui {

namespace {

QLabel* makeLabel(const QString& objectName, QWidget* parent, bool wrap = true) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(wrap);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

LabelView::LabelView(LabelSession& session, QWidget* parent) : QWidget(parent), m_session(session) {
    setObjectName(QStringLiteral("labelView"));
    buildWidgets();
    connect(&m_session, &LabelSession::schemaChanged, this, &LabelView::onSchemaChanged);
    connect(&m_session, &LabelSession::currentChanged, this, &LabelView::onCurrentChanged);
    connect(&m_session, &LabelSession::queueChanged, this, &LabelView::onCurrentChanged);
    connect(&m_session, &LabelSession::recentChanged, this, &LabelView::updateRecent);
    connect(&m_session, &LabelSession::saveStateChanged, this, &LabelView::updateSaveState);
    connect(&m_session, &LabelSession::statsChanged, this, &LabelView::updateStats);
    connect(&m_session, &LabelSession::notice, this, &LabelView::showNotice);
    connect(m_buttons, &LabelButtonBar::labelClicked, this, [this](const std::string& name) {
        if (const core::Label* label = m_session.labelByName(name))
            useLabel(*label);
        focusText();
    });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_session.reveal(item->data(Qt::UserRole).toLongLong());
        focusText();
    });
    connect(m_recent, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_session.reveal(item->data(Qt::UserRole).toLongLong());
        focusText();
    });
    connect(m_comment, &QLineEdit::returnPressed, this, [this] { finishUnclear(true); });
    onSchemaChanged();
    updateSaveState();
    updateStats();
}

void LabelView::buildWidgets() {
    auto* center = new QWidget(this);
    m_position = makeLabel(QStringLiteral("labelPosition"), center, false);
    m_saveState = makeLabel(QStringLiteral("labelSaveState"), center, false);
    m_saveState->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* top = new QHBoxLayout;
    top->addWidget(m_position, 1);
    top->addWidget(m_saveState);

    m_text = new SpanTextView(center);
    m_text->installEventFilter(this);
    m_spans = makeLabel(QStringLiteral("labelSpans"), center);
    m_decision = makeLabel(QStringLiteral("labelDecision"), center);
    QFont decisionFont = m_decision->font();
    decisionFont.setPointSizeF(decisionFont.pointSizeF() * 1.1);
    m_decision->setFont(decisionFont);

    m_commentBar = new QWidget(center);
    m_comment = new QLineEdit(m_commentBar);
    m_comment->setObjectName(QStringLiteral("labelUnclearComment"));
    m_comment->setPlaceholderText(tr("Why is it unclear? (optional) Enter saves, Esc cancels"));
    m_comment->installEventFilter(this);
    auto* commentLayout = new QHBoxLayout(m_commentBar);
    commentLayout->setContentsMargins(0, 0, 0, 0);
    commentLayout->addWidget(new QLabel(tr("Needs review:"), m_commentBar));
    commentLayout->addWidget(m_comment, 1);
    m_commentBar->hide();

    m_buttons = new LabelButtonBar(center);
    m_suggestions = makeLabel(QStringLiteral("labelSuggestions"), center);
    m_notice = makeLabel(QStringLiteral("labelNotice"), center);
    m_notice->setStyleSheet(QStringLiteral("QLabel { color: #5c4400; }"));
    m_keys = makeLabel(QStringLiteral("labelKeys"), center);
    m_keys->setStyleSheet(QStringLiteral("QLabel { color: #5f6670; }"));

    auto* centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 8, 0);
    centerLayout->setSpacing(8);
    centerLayout->addLayout(top);
    centerLayout->addWidget(m_text);
    centerLayout->addWidget(m_spans);
    centerLayout->addWidget(m_decision);
    centerLayout->addWidget(m_commentBar);
    centerLayout->addWidget(m_buttons);
    centerLayout->addWidget(m_suggestions);
    centerLayout->addWidget(m_notice);
    // Recent decisions fill the room under the buttons: the annotator's eye stays in one column.
    auto* recentBox = new QGroupBox(tr("Recent decisions"), center);
    m_recent = new QListWidget(recentBox);
    m_recent->setObjectName(QStringLiteral("labelRecent"));
    m_recent->setFocusPolicy(Qt::NoFocus);
    m_recent->setUniformItemSizes(true);
    m_recent->setTextElideMode(Qt::ElideRight);
    m_recent->setIconSize(QSize(14, 14));
    (new QVBoxLayout(recentBox))->addWidget(m_recent);
    centerLayout->addWidget(recentBox, 1);
    centerLayout->addWidget(m_keys);

    auto* side = new QWidget(this);
    m_metadataBox = new QGroupBox(tr("Record"), side);
    m_metadata = new QFormLayout(m_metadataBox);
    m_metadata->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_metadata->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_othersBox = new QGroupBox(tr("Other annotators"), side);
    m_others = makeLabel(QStringLiteral("labelOthers"), m_othersBox);
    (new QVBoxLayout(m_othersBox))->addWidget(m_others);
    auto* progressBox = new QGroupBox(tr("Progress"), side);
    m_progress = new LabelProgressPanel(progressBox);
    (new QVBoxLayout(progressBox))->addWidget(m_progress);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 0, 0, 0);
    sideLayout->addWidget(m_metadataBox);
    sideLayout->addWidget(m_othersBox);
    sideLayout->addWidget(progressBox);
    sideLayout->addStretch(1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("labelSplitter"));
    m_splitter->addWidget(center);
    m_splitter->addWidget(side);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_splitter->setSizes({em * 60, em * 34});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    m_undoAction = new QAction(tr("Undo"), this);
    m_undoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, this, &LabelView::undo);
    m_redoAction = new QAction(tr("Redo"), this);
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_redoAction, &QAction::triggered, this, &LabelView::redo);
    addAction(m_undoAction);
    addAction(m_redoAction);
}

void LabelView::setLanguage(const QString& language) {
    if (language == m_language)
        return;
    m_language = language;
    onSchemaChanged();
}

void LabelView::focusText() {
    if (!m_commentBar->isVisible())
        m_text->setFocus(Qt::OtherFocusReason);
}

void LabelView::onSchemaChanged() {
    m_buttons->setLabels(m_session.schema().labels, m_language);
    const bool spans = m_session.kind() == core::LabelSetKind::Span;
    QString keys =
        spans ? tr("Select text, then its key to label a span · Backspace removes the span at the caret · "
                   "Shift+arrows select · Alt+←/→ move the caret")
        : m_session.kind() == core::LabelSetKind::MultiLabel
            ? tr("Label keys toggle labels · Enter saves and moves on")
            : tr("A label key saves and moves on · Enter accepts the label shown");
    keys +=
        QStringLiteral("<br/>") +
        (spans ? tr("Enter saves and moves on · Space skip · ? unclear · ←/→ previous/next · Ctrl+Z undo · "
                    "Ctrl+Shift+Z redo")
               : tr("Space skip · ? unclear · ←/→ previous/next · Tab accept suggestion · Ctrl+Z undo · "
                    "Ctrl+Shift+Z redo"));
    m_keys->setText(keys);
    m_shownRecord.reset(); // re-render the text with the new colours
    onCurrentChanged();
}

void LabelView::onCurrentChanged() {
    const LabelRecord* record = m_session.currentRecord();
    const QLocale locale;
    const qint64 size = m_session.queueSize();
    if (!m_session.dataset()) {
        m_position->setText(QString());
    } else if (m_session.isQueueLoading()) {
        m_position->setText(tr("Building the queue…"));
    } else if (size == 0) {
        m_position->setText(m_session.isReviewMode() ? tr("No disagreements to review")
                                                     : tr("No records in this queue"));
    } else if (m_session.position() < 0) {
        m_position->setText(tr("A record outside this queue"));
    } else {
        const QString where = m_session.isReviewMode() ? tr("Disagreement %1 of %2") : tr("Record %1 of %2");
        QString text = QStringLiteral("<b>%1</b>")
                           .arg(where.arg(locale.toString(m_session.position() + 1), locale.toString(size)));
        if (record && !record->missing)
            text += QStringLiteral(" · ") + tr("source line %1").arg(locale.toString(record->sourceLine));
        m_position->setText(text);
    }

    const std::optional<core::RecordId> id = m_session.currentRecordId();
    if (!record) {
        if (m_shownRecord) {
            m_text->showText(QString());
            m_shownRecord.reset();
        }
        m_text->setPlaceholderText(id ? tr("Loading…") : QString());
    } else if (m_shownRecord != record->id) {
        m_text->showText(record->missing ? QString() : record->text);
        m_text->setPlaceholderText(record->missing ? tr("This record was deleted.") : QString());
        m_shownRecord = record->id;
        updateMetadata();
        finishUnclear(false);
    }
    updateSpans();
    updateDecision();
    updateSuggestions();
    updateOthers();
    m_buttons->setChecked(m_session.pendingLabels());
    m_buttons->setEnabled(record != nullptr && !record->missing);
}

void LabelView::updateMetadata() {
    const LabelRecord* record = m_session.currentRecord();
    const int rows = record ? static_cast<int>(record->metadata.size()) : 0;
    while (m_metadata->rowCount() > rows)
        m_metadata->removeRow(m_metadata->rowCount() - 1);
    for (int i = 0; i < rows; ++i) {
        const auto& [name, value] = record->metadata.at(i);
        if (i >= m_metadata->rowCount()) {
            auto* field = new QLabel(m_metadataBox);
            field->setWordWrap(true);
            field->setTextInteractionFlags(Qt::TextSelectableByMouse);
            field->setTextFormat(Qt::PlainText);
            m_metadata->addRow(new QLabel(m_metadataBox), field);
        }
        static_cast<QLabel*>(m_metadata->itemAt(i, QFormLayout::LabelRole)->widget())->setText(name);
        static_cast<QLabel*>(m_metadata->itemAt(i, QFormLayout::FieldRole)->widget())
            ->setText(value.isEmpty() ? QStringLiteral("—") : singleLine(value, 200));
    }
}

void LabelView::updateSpans() {
    const LabelRecord* record = m_session.currentRecord();
    if (m_session.kind() != core::LabelSetKind::Span || !record || record->missing) {
        m_text->setSpans({});
        m_spans->hide();
        return;
    }
    QList<ShownSpan> shown;
    QStringList chips;
    for (const core::Span& span : m_session.pendingSpans()) {
        const auto start = core::textoffsets::codePointToUtf16(record->textUtf8, span.start);
        const auto end = core::textoffsets::codePointToUtf16(record->textUtf8, span.end);
        if (!start || !end)
            continue; // validated by the store; a stale span of an edited record is not drawn
        const core::Label* label = m_session.labelByName(span.label);
        const QColor color = label ? LabelButtonBar::labelColor(*label) : QColor(Qt::gray);
        const QString name = labelName(span.label);
        shown.push_back(ShownSpan{static_cast<int>(*start), static_cast<int>(*end), color, name});
        chips << LabelButtonBar::chipHtml(
            QStringLiteral("%1: %2").arg(name, record->text.mid(*start, *end - *start)), color);
    }
    m_text->setSpans(shown);
    m_spans->setText(chips.isEmpty() ? tr("<i>No spans yet.</i>") : chips.join(QStringLiteral(" ")));
    m_spans->show();
}

} // namespace bankbench::ui
