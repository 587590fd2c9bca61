#include "train/runhistorymodel.h"

#include "common/formatting.h"
#include "common/qtconvert.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace bankbench::ui {

RunHistoryModel::RunHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunHistoryModel::setRuns(const QList<RunRow>& runs, const QString& activeModel) {
    beginResetModel();
    m_runs = runs;
    m_active = activeModel;
    endResetModel();
}

const RunRow* RunHistoryModel::row(int index) const {
    return index >= 0 && index < m_runs.size() ? &m_runs.at(index) : nullptr;
}

int RunHistoryModel::rowOf(const QString& name) const {
    for (int i = 0; i < m_runs.size(); ++i)
        if (toQString(m_runs.at(i).info.name) == name)
            return i;
    return -1;
}

const RunRow* RunHistoryModel::run(const QString& name) const {
    return row(rowOf(name));
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::statusText(core::RunStatus status) {
    switch (status) {
    case core::RunStatus::Running:
        return tr("running");
    case core::RunStatus::Finished:
        return tr("finished");
    case core::RunStatus::Cancelled:
        return tr("cancelled (resumable)");
    case core::RunStatus::Failed:
        return tr("failed");
    }
    return {};
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    const RunRow* run = index.isValid() ? row(index.row()) : nullptr;
    if (!run)
        return {};
    const core::RunInfo& info = run->info;
    const QString name = toQString(info.name);
    const bool active = name == m_active;
    if (role == RunNameRole)
        return name;
    if (role == Qt::FontRole && active) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole && index.column() == Status && info.status == core::RunStatus::Failed)
        return QBrush(QColor(0xc0, 0x39, 0x2b));
    if (role == Qt::ToolTipRole) {
        if (index.column() == Status && !info.error.empty())
            return toQString(info.error);
        if (index.column() == Name && active)
            return tr("The project's active model: labeling suggestions come from it.");
        return {};
    }
    if (role == Qt::TextAlignmentRole && (index.column() == BestMetric || index.column() == Duration))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Date: {
        const QDateTime created = QDateTime::fromString(toQString(info.createdAt), Qt::ISODateWithMs);
        return created.isValid() ? locale.toString(created.toLocalTime(), QLocale::ShortFormat)
                                 : toQString(info.createdAt);
    }
    case Name:
        return active ? tr("%1 ★").arg(name) : name;
    case Model:
        return toQString(info.model);
    case Data:
        return tr("%1 · %n label(s)", "", static_cast<int>(info.labels.size()))
            .arg(toQString(info.datasetName));
    case BestMetric:
        return run->bestMacroF1 ? locale.toString(*run->bestMacroF1, 'f', 3) : QStringLiteral("—");
    case Duration:
        if (run->trainSeconds < 0)
            return QStringLiteral("—");
        // A fast-model run on a small dataset trains in milliseconds: not "0:00", which reads as nothing.
        return run->trainSeconds < 0.5 ? QStringLiteral("< 0:01") : formatDuration(run->trainSeconds);
    case Device:
        return toQString(info.device);
    case Status:
        return statusText(info.status);
    }
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Date");
    case Name:
        return tr("Run");
    case Model:
        return tr("Model");
    case Data:
        return tr("Data");
    case BestMetric:
        return tr("Best macro-F1");
    case Duration:
        return tr("Duration");
    case Device:
        return tr("Device");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace bankbench::ui
