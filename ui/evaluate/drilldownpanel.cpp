#include "evaluate/drilldownpanel.h"

#include "evaluate/cellexamplesmodel.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bankbench::ui {

DrillDownPanel::DrillDownPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_model(new CellExamplesModel(this)),
      m_table(new QTableView(this)), m_labels(new QComboBox(this)),
      m_relabel(new QPushButton(tr("Relabel"), this)), m_undo(new QPushButton(tr("Undo"), this)),
      m_open(new QPushButton(tr("Open in Label Workspace"), this)),
      m_retrain(new QPushButton(tr("Retrain with Corrected Labels"), this)), m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("drillDownPanel"));
    m_title->setObjectName(QStringLiteral("drillDownTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // The confidence right after the text: in a narrow panel the two that differ between rows come first
    // (every row of a cell shares its true and predicted label, which the title names).
    m_table->horizontalHeader()->moveSection(CellExamplesModel::ConfidenceColumn, 1);
    m_table->setColumnWidth(CellExamplesModel::TextColumn, 260);
    m_table->setColumnWidth(CellExamplesModel::ConfidenceColumn, 80);
    m_table->setColumnWidth(CellExamplesModel::TrueColumn, 150);
    m_table->setColumnWidth(CellExamplesModel::PredictedColumn, 150);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DrillDownPanel::onSelectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (const ml::EvalExample* example = selectedExample())
            emit openRequested(*example);
    });

    m_labels->setObjectName(QStringLiteral("relabelChoice"));
    m_labels->setEditable(true); // type to find one of many labels
    m_labels->setInsertPolicy(QComboBox::NoInsert);
    m_labels->completer()->setFilterMode(Qt::MatchContains);
    m_labels->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_labels->setMinimumContentsLength(18);
    m_labels->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_relabel->setObjectName(QStringLiteral("relabelButton"));
    m_relabel->setToolTip(
        tr("Store the chosen label for the selected example, as a decision in the label workspace"));
    m_undo->setObjectName(QStringLiteral("undoRelabelButton"));
    m_open->setObjectName(QStringLiteral("openInLabelButton"));
    m_retrain->setObjectName(QStringLiteral("retrainButton"));
    m_retrain->setToolTip(tr("Start a new run with the same settings on the data as it is labelled now"));
    m_status->setWordWrap(true);

    connect(m_relabel, &QPushButton::clicked, this, [this] {
        const ml::EvalExample* example = selectedExample();
        if (!example || !m_result)
            return;
        const QString label = m_labels->currentText().trimmed();
        if (!m_result->labels.contains(label)) {
            setStatus(tr("“%1” is not a label of this data; choose one from the list.").arg(label), true);
            return;
        }
        emit relabelRequested(*example, label);
    });
    connect(m_undo, &QPushButton::clicked, this, &DrillDownPanel::undoRequested);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const ml::EvalExample* example = selectedExample())
            emit openRequested(*example);
    });
    connect(m_retrain, &QPushButton::clicked, this, &DrillDownPanel::retrainRequested);

    auto* actions = new QHBoxLayout;
    actions->addWidget(new QLabel(tr("Correct label:"), this));
    actions->addWidget(m_labels, 1);
    actions->addWidget(m_relabel);
    actions->addWidget(m_undo);
    auto* more = new QHBoxLayout;
    more->addWidget(m_open);
    more->addStretch(1);
    more->addWidget(m_retrain);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addLayout(more);
    layout->addWidget(m_status);
    clear();
}

void DrillDownPanel::clear() {
    m_result.reset();
    m_model->setExamples(nullptr, {});
    m_title->setText(
        tr("Click a cell of the confusion matrix (or a line of the top confusions) to see its examples."));
    m_labels->clear();
    setStatus(QString());
    updateButtons();
}

void DrillDownPanel::showCell(std::shared_ptr<const EvaluationResult> result, int trueClass,
                              int predictedClass) {
    m_result = result;
    const auto examples = ml::confusionCellExamples(*result->detail, trueClass, predictedClass);
    const int count = static_cast<int>(examples.size());
    m_model->setExamples(result, examples);
    m_title->setText(
        trueClass == predictedClass
            ? tr("%n example(s) of “%1” predicted correctly", nullptr, count).arg(result->labels[trueClass])
            : tr("%n example(s) of “%1” predicted as “%2”", nullptr, count)
                  .arg(result->labels[trueClass], result->labels[predictedClass]));
    const QString previous = m_labels->currentText();
    m_labels->clear();
    m_labels->addItems(result->labels);
    m_labels->setCurrentIndex(std::max(0, static_cast<int>(result->labels.indexOf(previous))));
    setStatus(QString());
    if (count > 0)
        m_table->selectRow(0);
    updateButtons();
}

QString DrillDownPanel::title() const {
    return m_title->text();
}

const ml::EvalExample* DrillDownPanel::selectedExample() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->example(rows.first().row());
}

void DrillDownPanel::onSelectionChanged() {
    // The model's prediction is the likeliest correction when the data is wrong: offer it.
    if (const ml::EvalExample* example = selectedExample(); example && !example->predictedClasses.empty())
        m_labels->setCurrentIndex(example->predictedClasses.front());
    updateButtons();
}

void DrillDownPanel::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_status->setVisible(!text.isEmpty());
}

void DrillDownPanel::setUndoText(const QString& text) {
    m_undo->setToolTip(text);
}

void DrillDownPanel::setUndoEnabled(bool enabled) {
    m_undo->setEnabled(enabled);
}

void DrillDownPanel::setRelabelAvailable(bool available) {
    m_relabelAvailable = available;
    updateButtons();
}

void DrillDownPanel::updateButtons() {
    const bool selected = selectedExample() != nullptr;
    m_relabel->setEnabled(selected && m_relabelAvailable);
    m_labels->setEnabled(m_result != nullptr && m_relabelAvailable);
    m_open->setEnabled(selected && m_relabelAvailable);
    m_retrain->setEnabled(m_result != nullptr);
}

} // namespace bankbench::ui
