#include "importexport/importpreviewmodel.h"

#include "common/qtconvert.h"

#include <QFont>

namespace bankbench::ui {

ImportPreviewModel::ImportPreviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportPreviewModel::setPreview(const core::ImportPreview& preview) {
    beginResetModel();
    m_columns = toQStringList(preview.columns);
    m_rows.clear();
    for (const auto& row : preview.rows)
        m_rows.push_back(toQStringList(row));
    endResetModel();
}

void ImportPreviewModel::clear() {
    beginResetModel();
    m_columns.clear();
    m_rows.clear();
    endResetModel();
}

void ImportPreviewModel::setMapping(const QString& textColumn, const QString& labelColumn) {
    m_textColumn = textColumn;
    m_labelColumn = labelColumn;
    if (!m_columns.isEmpty())
        emit headerDataChanged(Qt::Horizontal, 0, static_cast<int>(m_columns.size()) - 1);
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QStringList& row = m_rows.at(index.row());
    const QString value = index.column() < row.size() ? row.at(index.column()) : QString();
    if (role == Qt::DisplayRole)
        return singleLine(value, 200);
    if (role == Qt::ToolTipRole)
        return value.left(1000);
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    const QString& name = m_columns.at(section);
    const bool isText = name == m_textColumn;
    const bool isLabel = !m_labelColumn.isEmpty() && name == m_labelColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (isText)
            return tr("%1 [text]").arg(name);
        if (isLabel)
            return tr("%1 [label]").arg(name);
        return name;
    case Qt::FontRole:
        if (isText || isLabel) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (isText)
            return tr("Imported as the record text");
        if (isLabel)
            return tr("Imported as the record's label(s)");
        return tr("Kept as a metadata column");
    default:
        return {};
    }
}

} // namespace bankbench::ui
