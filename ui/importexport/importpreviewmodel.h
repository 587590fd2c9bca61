#pragma once

#include <io/importoptions.h>

#include <QAbstractTableModel>
#include <QStringList>

namespace bankbench::ui {

/// The first rows of a file as they will be imported, with the columns chosen as text and label marked
/// in the header. GUI thread.
class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit ImportPreviewModel(QObject* parent = nullptr);

    void setPreview(const core::ImportPreview& preview);
    void clear();
    void setMapping(const QString& textColumn, const QString& labelColumn);

    QStringList columns() const { return m_columns; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
    QString m_textColumn;
    QString m_labelColumn;
};

} // namespace bankbench::ui
