#include "label/labelschemadialog.h"

#include "common/qtconvert.h"
#include "label/labelbuttonbar.h"
#include "label/labeleditdialog.h"
#include "label/labelsession.h"
#include "label/labelsetdialog.h"

#include <labeling/labellist.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace bankbench::ui {

namespace {

enum Column {
    ColorColumn,
    NameColumn,
    ZhColumn,
    EnColumn,
    HotkeyColumn,
    CountColumn,
    GuidelineColumn,
    ColumnCount
};

QString kindText(core::LabelSetKind kind) {
    switch (kind) {
    case core::LabelSetKind::SingleLabel:
        return LabelSchemaDialog::tr("one label per record");
    case core::LabelSetKind::MultiLabel:
        return LabelSchemaDialog::tr("any number of labels per record");
    case core::LabelSetKind::Span:
        return LabelSchemaDialog::tr("spans of text (slots)");
    }
    return {};
}

} // namespace

LabelSchemaDialog::LabelSchemaDialog(LabelSession& session, QString language, QWidget* parent)
    : QDialog(parent), m_session(session), m_language(std::move(language)), m_set(new QComboBox(this)),
      m_kind(new QLabel(this)), m_table(new QTableWidget(this)), m_add(new QPushButton(tr("Add…"), this)),
      m_edit(new QPushButton(tr("Edit…"), this)), m_merge(new QPushButton(tr("Merge Into…"), this)),
      m_up(new QPushButton(tr("Move Up"), this)), m_down(new QPushButton(tr("Move Down"), this)),
      m_delete(new QPushButton(tr("Delete…"), this)), m_import(new QPushButton(tr("Import List…"), this)) {
    setObjectName(QStringLiteral("labelSchemaDialog"));
    setWindowTitle(tr("Labels"));
    m_set->setObjectName(QStringLiteral("schemaLabelSet"));
    auto* newSet = new QPushButton(tr("New Label Set…"), this);
    auto* setRow = new QHBoxLayout;
    setRow->addWidget(new QLabel(tr("Label set:"), this));
    setRow->addWidget(m_set, 1);
    setRow->addWidget(m_kind);
    setRow->addWidget(newSet);

    m_table->setObjectName(QStringLiteral("schemaTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({QString(), tr("Key name"), tr("Chinese"), tr("English"), tr("Hotkey"),
                                        tr("Records"), tr("Guideline")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumSize(720, 300);

    auto* buttons = new QVBoxLayout;
    for (QPushButton* button : {m_add, m_edit, m_merge, m_up, m_down, m_delete, m_import})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto* undo = new QToolButton(this);
    undo->setDefaultAction(m_session.undoStack()->createUndoAction(this, tr("Undo")));
    undo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* redo = new QToolButton(this);
    redo->setDefaultAction(m_session.undoStack()->createRedoAction(this, tr("Redo")));
    redo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buttons->addWidget(undo);
    buttons->addWidget(redo);
    auto* middle = new QHBoxLayout;
    middle->addWidget(m_table, 1);
    middle->addLayout(buttons);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(setRow);
    layout->addLayout(middle, 1);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &LabelSchemaDialog::promptAdd);
    connect(m_edit, &QPushButton::clicked, this, &LabelSchemaDialog::promptEdit);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &LabelSchemaDialog::promptEdit);
    connect(m_merge, &QPushButton::clicked, this, &LabelSchemaDialog::promptMerge);
    connect(m_up, &QPushButton::clicked, this, [this] {
        if (const auto name = selectedLabel())
            moveLabel(*name, -1);
    });
    connect(m_down, &QPushButton::clicked, this, [this] {
        if (const auto name = selectedLabel())
            moveLabel(*name, +1);
    });
    connect(m_delete, &QPushButton::clicked, this, &LabelSchemaDialog::promptDelete);
    connect(m_import, &QPushButton::clicked, this, &LabelSchemaDialog::promptImport);
    connect(newSet, &QPushButton::clicked, this, &LabelSchemaDialog::promptNewSet);
    connect(m_set, &QComboBox::activated, this, &LabelSchemaDialog::chooseSet);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &LabelSchemaDialog::updateButtons);
    connect(&m_session, &LabelSession::schemaChanged, this, &LabelSchemaDialog::refresh);
    connect(&m_session, &LabelSession::statsChanged, this, &LabelSchemaDialog::refresh);
    refresh();
}

const core::Label* LabelSchemaDialog::find(const std::string& name) const {
    return m_session.labelByName(name);
}

QString LabelSchemaDialog::display(const core::Label& label) const {
    return LabelButtonBar::displayName(label, m_language);
}

std::optional<std::string> LabelSchemaDialog::selectedLabel() const {
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, NameColumn) || m_table->selectedItems().isEmpty())
        return std::nullopt;
    return toStdString(m_table->item(row, NameColumn)->text());
}

void LabelSchemaDialog::selectLabel(const std::string& name) {
    const auto& labels = m_session.schema().labels;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].name == name)
            m_table->selectRow(static_cast<int>(i));
    }
}

void LabelSchemaDialog::refresh() {
    const auto& schema = m_session.schema();
    {
        const QSignalBlocker blocker(m_set);
        m_set->clear();
        for (const auto& set : schema.allSets) {
            m_set->addItem(toQString(set.name), QVariant::fromValue<qlonglong>(set.id));
            if (schema.labelSet && set.id == schema.labelSet->id)
                m_set->setCurrentIndex(m_set->count() - 1);
        }
        if (!schema.labelSet)
            m_set->setCurrentIndex(-1);
    }
    m_kind->setText(schema.labelSet ? kindText(schema.labelSet->kind) : tr("no label set yet"));

    const std::optional<std::string> selected = selectedLabel();
    QHash<QString, qint64> counts;
    if (const auto& stats = m_session.stats()) {
        for (const auto& usage : stats->progress.labels)
            counts.insert(toQString(usage.name), usage.count);
    }
    const std::vector<QString> keys = LabelButtonBar::effectiveHotkeys(schema.labels);
    m_table->setRowCount(static_cast<int>(schema.labels.size()));
    for (int row = 0; row < static_cast<int>(schema.labels.size()); ++row) {
        const core::Label& label = schema.labels[static_cast<std::size_t>(row)];
        auto* color = new QTableWidgetItem;
        color->setBackground(LabelButtonBar::labelColor(label));
        m_table->setItem(row, ColorColumn, color);
        m_table->setItem(row, NameColumn, new QTableWidgetItem(toQString(label.name)));
        m_table->setItem(row, ZhColumn, new QTableWidgetItem(toQString(label.displayZh)));
        m_table->setItem(row, EnColumn, new QTableWidgetItem(toQString(label.displayEn)));
        auto* hotkey = new QTableWidgetItem(keys[static_cast<std::size_t>(row)].toUpper());
        if (label.hotkey.empty())
            hotkey->setToolTip(tr("Given automatically; set one in Edit…"));
        m_table->setItem(row, HotkeyColumn, hotkey);
        const auto count = counts.constFind(toQString(label.name));
        m_table->setItem(
            row, CountColumn,
            new QTableWidgetItem(count == counts.constEnd() ? QString() : QLocale().toString(*count)));
        auto* guideline = new QTableWidgetItem(singleLine(toQString(label.description), 120));
        guideline->setToolTip(toQString(label.description));
        m_table->setItem(row, GuidelineColumn, guideline);
    }
    if (selected)
        selectLabel(*selected);
    updateButtons();
}

void LabelSchemaDialog::updateButtons() {
    const bool hasSet = m_session.schema().labelSet.has_value();
    const bool selected = selectedLabel().has_value();
    const int row = m_table->currentRow();
    m_add->setEnabled(hasSet);
    m_import->setEnabled(hasSet);
    m_edit->setEnabled(selected);
    m_merge->setEnabled(selected && m_session.schema().labels.size() > 1);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_table->rowCount());
    m_delete->setEnabled(selected);
}

void LabelSchemaDialog::addLabel(const core::Label& label) {
    if (!m_session.schema().labelSet)
        return;
    SchemaEdit edit;
    edit.kind = SchemaEdit::Kind::Create;
    edit.labelSetId = m_session.schema().labelSet->id;
    edit.label = label;
    m_session.editSchema(edit, tr("Add label “%1”").arg(toQString(label.name)));
}

void LabelSchemaDialog::editLabel(const core::Label& before, const core::Label& after) {
    if (!m_session.schema().labelSet)
        return;
    const core::LabelSetId set = m_session.schema().labelSet->id;
    m_session.undoStack()->beginMacro(tr("Edit label “%1”").arg(toQString(before.name)));
    if (after.name != before.name) {
        SchemaEdit rename;
        rename.kind = SchemaEdit::Kind::Rename;
        rename.labelSetId = set;
        rename.label = before;
        rename.oldName = before.name;
        rename.newName = after.name;
        m_session.editSchema(rename, tr("Rename label “%1”").arg(toQString(before.name)));
    }
    if (after.displayZh != before.displayZh || after.displayEn != before.displayEn ||
        after.description != before.description || after.color != before.color ||
        after.hotkey != before.hotkey) {
        SchemaEdit update;
        update.kind = SchemaEdit::Kind::Update;
        update.labelSetId = set;
        update.label = after;
        update.previous = before;
        update.previous.name = after.name; // updateLabel leaves the name alone
        m_session.editSchema(update, tr("Edit label “%1”").arg(toQString(after.name)));
    }
    m_session.undoStack()->endMacro();
}

void LabelSchemaDialog::mergeLabel(const std::string& source, const std::string& target) {
    const core::Label* from = find(source);
    const core::Label* into = find(target);
    if (!from || !into || from->id == into->id)
        return;
    SchemaEdit edit;
    edit.kind = SchemaEdit::Kind::Merge;
    edit.labelSetId = from->labelSetId;
    edit.label = *from;
    edit.targetId = into->id;
    m_session.editSchema(edit, tr("Merge “%1” into “%2”").arg(toQString(source), toQString(target)));
}

void LabelSchemaDialog::moveLabel(const std::string& name, int delta) {
    const auto& labels = m_session.schema().labels;
    std::vector<core::LabelId> order;
    int index = -1;
    for (const auto& label : labels) {
        if (label.name == name)
            index = static_cast<int>(order.size());
        order.push_back(label.id);
    }
    const int target = index + delta;
    if (index < 0 || target < 0 || target >= static_cast<int>(order.size()))
        return;
    SchemaEdit edit;
    edit.kind = SchemaEdit::Kind::Reorder;
    edit.labelSetId = m_session.schema().labelSet->id;
    edit.previousOrder = order;
    std::swap(order[static_cast<std::size_t>(index)], order[static_cast<std::size_t>(target)]);
    edit.order = order;
    m_session.editSchema(edit, tr("Move label “%1”").arg(toQString(name)));
}

void LabelSchemaDialog::deleteLabel(const std::string& name) {
    const core::Label* label = find(name);
    if (!label)
        return;
    SchemaEdit edit;
    edit.kind = SchemaEdit::Kind::Delete;
    edit.labelSetId = label->labelSetId;
    edit.label = *label;
    m_session.editSchema(edit, tr("Delete label “%1”").arg(toQString(name)));
}

void LabelSchemaDialog::promptAdd() {
    LabelEditDialog dialog(core::Label{}, m_session.schema().labels, this);
    if (dialog.exec() == QDialog::Accepted)
        addLabel(dialog.label());
}

void LabelSchemaDialog::promptEdit() {
    const auto name = selectedLabel();
    const core::Label* label = name ? find(*name) : nullptr;
    if (!label)
        return;
    const core::Label before = *label;
    LabelEditDialog dialog(before, m_session.schema().labels, this);
    if (dialog.exec() == QDialog::Accepted)
        editLabel(before, dialog.label());
}

void LabelSchemaDialog::promptMerge() {
    const auto name = selectedLabel();
    const core::Label* source = name ? find(*name) : nullptr;
    if (!source)
        return;
    QStringList choices;
    std::vector<std::string> names;
    for (const auto& label : m_session.schema().labels) {
        if (label.id == source->id)
            continue;
        choices << QStringLiteral("%1 (%2)").arg(display(label), toQString(label.name));
        names.push_back(label.name);
    }
    bool ok = false;
    const QString choice = QInputDialog::getItem(
        this, tr("Merge Label"),
        tr("Merge “%1” into which label? Its annotations move there; you can undo this.")
            .arg(display(*source)),
        choices, 0, false, &ok);
    if (ok && !choice.isEmpty())
        mergeLabel(source->name, names[static_cast<std::size_t>(choices.indexOf(choice))]);
}

void LabelSchemaDialog::promptDelete() {
    const auto name = selectedLabel();
    const core::Label* label = name ? find(*name) : nullptr;
    if (!label)
        return;
    const QString count = m_table->item(m_table->currentRow(), CountColumn)->text();
    QMessageBox box(QMessageBox::Warning, tr("Delete Label"),
                    tr("Delete the label “%1”?").arg(display(*label)), QMessageBox::NoButton, this);
    box.setInformativeText(count.isEmpty() || count == QStringLiteral("0")
                               ? tr("No record carries it. You can undo this with Ctrl+Z.")
                               : tr("Its annotations on %1 records are deleted with it. You can undo this "
                                    "with Ctrl+Z.")
                                     .arg(count));
    QPushButton* remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == remove)
        deleteLabel(label->name);
}

void LabelSchemaDialog::promptImport() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Labels"), QString(),
                                                      tr("Label lists (*.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    auto labels = core::readLabelList(toStdString(path));
    if (!labels) {
        QMessageBox::warning(this, tr("Import Labels"), toQString(labels.error().what()));
        return;
    }
    m_session.importLabels(labels.value());
}

void LabelSchemaDialog::promptNewSet() {
    if (!m_session.dataset())
        return;
    LabelSetDialog dialog(*m_session.dataset(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_session.createLabelSet(dialog.setName(), dialog.kind(), dialog.column(), dialog.separator(),
                             dialog.labels());
}

void LabelSchemaDialog::chooseSet(int index) {
    const core::LabelSetId id = m_set->itemData(index).toLongLong();
    if (m_session.schema().labelSet && m_session.schema().labelSet->id == id)
        return;
    m_session.assignLabelSet(id);
}

} // namespace bankbench::ui
