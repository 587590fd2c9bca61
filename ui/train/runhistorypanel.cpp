#include "train/runhistorypanel.h"

#include "common/qtconvert.h"
#include "train/runcomparechart.h"
#include "train/runhistorymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace bankbench::ui {

RunHistoryPanel::RunHistoryPanel(QWidget* parent)
    : QWidget(parent), m_model(new RunHistoryModel(this)), m_table(new QTableView(this)),
      m_compare(new RunCompareChart(this)), m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("runHistory"));
    m_table->setObjectName(QStringLiteral("runTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_hint->setObjectName(QStringLiteral("runHistoryHint"));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Select several runs (Ctrl or Shift + click) to overlay their curves."));

    m_resume = button(QStringLiteral("runResume"), tr("Resume"),
                      tr("Continue a cancelled run from its last checkpoint."));
    m_retrain = button(QStringLiteral("runRetrain"), tr("Retrain"),
                       tr("Start a new run with the same settings on the current labels."));
    m_rename = button(QStringLiteral("runRename"), tr("Rename…"), tr("Rename the run and its model folder."));
    m_delete = button(QStringLiteral("runDelete"), tr("Delete…"), tr("Delete the run and its model folder."));
    m_export = button(QStringLiteral("runExport"), tr("Export…"),
                      tr("Copy the model folder and a report (settings, per-epoch metrics) to a folder."));
    m_activate = button(QStringLiteral("runActivate"), tr("Make Active Model"),
                        tr("Labeling suggestions (and the chatbot) use the project's active model."));
    connect(m_resume, &QPushButton::clicked, this, [this] { emit resumeRequested(current()); });
    connect(m_retrain, &QPushButton::clicked, this, [this] { emit retrainRequested(current()); });
    connect(m_rename, &QPushButton::clicked, this, [this] { emit renameRequested(current()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { emit deleteRequested(current()); });
    connect(m_export, &QPushButton::clicked, this, [this] { emit exportRequested(current()); });
    connect(m_activate, &QPushButton::clicked, this, [this] { emit activateRequested(current()); });

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_resume, m_retrain, m_rename, m_delete, m_export, m_activate})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_hint);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_compare);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        emit selectionChanged(selectedRuns());
    });
    updateButtons();
}

QPushButton* RunHistoryPanel::button(const QString& name, const QString& text, const QString& tip) {
    auto* b = new QPushButton(text, this);
    b->setObjectName(name);
    b->setToolTip(tip);
    return b;
}

void RunHistoryPanel::setRuns(const QList<RunRow>& runs, const QString& activeModel) {
    const QStringList selected = selectedRuns();
    m_model->setRuns(runs, activeModel);
    selectRuns(selected);
    updateButtons();
}

void RunHistoryPanel::setOverlay(const RunMetricsMap& metrics) {
    m_compare->setRuns(selectedRuns(), metrics);
}

void RunHistoryPanel::setTrainingRun(const QString& runName) {
    m_trainingRun = runName;
    updateButtons();
}

QStringList RunHistoryPanel::selectedRuns() const {
    QStringList names;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<int> order;
    for (const QModelIndex& index : rows)
        order << index.row();
    std::sort(order.begin(), order.end());
    for (int row : order)
        names << m_model->index(row, 0).data(RunHistoryModel::RunNameRole).toString();
    return names;
}

void RunHistoryPanel::selectRuns(const QStringList& names) {
    QItemSelection selection;
    for (const QString& name : names) {
        const int row = m_model->rowOf(name);
        if (row >= 0)
            selection.select(m_model->index(row, 0), m_model->index(row, RunHistoryModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QString RunHistoryPanel::current() const {
    const QStringList names = selectedRuns();
    return names.size() == 1 ? names.first() : QString();
}

void RunHistoryPanel::updateButtons() {
    const RunRow* run = m_model->run(current());
    const bool one = run != nullptr;
    const bool busy = one && toQString(run->info.name) == m_trainingRun;
    const bool ended = one && run->info.status != core::RunStatus::Running;
    const bool trainingNow = !m_trainingRun.isEmpty();
    m_resume->setEnabled(
        one && !trainingNow &&
        (run->info.status == core::RunStatus::Cancelled || run->info.status == core::RunStatus::Failed));
    m_retrain->setEnabled(one && !trainingNow);
    m_rename->setEnabled(ended && !busy);
    m_delete->setEnabled(ended && !busy);
    m_export->setEnabled(ended && !busy);
    m_activate->setEnabled(one && !busy && (run->bestMacroF1.has_value()) &&
                           toQString(run->info.name) != m_model->activeModel());
}

} // namespace bankbench::ui
