#include "data/recorddetailpane.h"

#include "common/qtconvert.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bankbench::ui {

RecordDetailPane::RecordDetailPane(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_labelsView(new QLabel(this)),
      m_text(new QPlainTextEdit(this)), m_fields(new QTableWidget(this)) {
    setObjectName(QStringLiteral("recordDetailPane"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    m_labelsView->setObjectName(QStringLiteral("detailLabels"));
    m_labelsView->setTextFormat(Qt::RichText);
    m_labelsView->setWordWrap(true);

    m_text->setObjectName(QStringLiteral("detailText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont textFont = m_text->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.3);
    m_text->setFont(textFont);

    m_fields->setObjectName(QStringLiteral("detailFields"));
    m_fields->setColumnCount(2);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setWordWrap(true);
    m_fields->setAlternatingRowColors(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_labelsView);
    layout->addWidget(m_text, 2);
    auto* fieldsTitle = new QLabel(tr("Fields"), this);
    fieldsTitle->setFont(titleFont);
    layout->addWidget(fieldsTitle);
    layout->addWidget(m_fields, 2);
    clear();
}

void RecordDetailPane::setDataset(const std::optional<core::DatasetInfo>& dataset) {
    m_columns = dataset ? toQStringList(dataset->columns) : QStringList();
    clear();
}

void RecordDetailPane::showRecord(int displayRow, const RecordRow& row) {
    m_title->setText(tr("Record %1 · source line %2")
                         .arg(QLocale().toString(displayRow + 1), QLocale().toString(row.sourceLine)));
    m_labels = row.labels;
    if (row.labels.isEmpty()) {
        m_labelsView->setText(tr("<i>No label</i>"));
    } else {
        QStringList chips;
        for (const QString& label : row.labels) {
            chips.push_back(QStringLiteral("<span style=\"background-color:#dbe8f7; color:#1d3f66;\">"
                                           "&nbsp;%1&nbsp;</span>")
                                .arg(label.toHtmlEscaped()));
        }
        m_labelsView->setText(tr("Labels: %1").arg(chips.join(QStringLiteral("&nbsp; "))));
    }
    m_text->setPlainText(row.text);

    m_fields->setRowCount(static_cast<int>(m_columns.size()));
    for (int i = 0; i < m_columns.size(); ++i) {
        auto* name = new QTableWidgetItem(m_columns.at(i));
        auto* value = new QTableWidgetItem(i < row.fields.size() ? row.fields.at(i) : QString());
        value->setToolTip(value->text().left(2000));
        m_fields->setItem(i, 0, name);
        m_fields->setItem(i, 1, value);
    }
    m_fields->resizeRowsToContents();
}

void RecordDetailPane::showLoading(int displayRow) {
    clear();
    m_title->setText(tr("Record %1 · loading…").arg(QLocale().toString(displayRow + 1)));
}

void RecordDetailPane::clear() {
    m_title->setText(tr("No record selected"));
    m_labels.clear();
    m_labelsView->setText(tr("<i>Select a row to see the full record here.</i>"));
    m_text->clear();
    m_fields->setRowCount(0);
}

QString RecordDetailPane::shownText() const {
    return m_text->toPlainText();
}

} // namespace bankbench::ui
