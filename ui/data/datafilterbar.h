#pragma once

#include <store/records.h>

#include <QList>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QTimer;

namespace bankbench::ui {

/// The row above the Data table: dataset chooser, search box (debounced), label filter and
/// labelled/unlabelled filter. Emits what the user chose; knows nothing of the store. GUI thread.
class DataFilterBar : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 300;

    explicit DataFilterBar(QWidget* parent = nullptr);

    /// Fills the dataset chooser and selects `current` (or the first dataset) without emitting.
    void setDatasets(const QList<core::DatasetInfo>& datasets, std::optional<core::DatasetId> current);
    std::optional<core::DatasetId> currentDatasetId() const;
    void setLabelCounts(const std::vector<core::LabelCount>& counts);
    /// Back to no search and no filters, without emitting.
    void resetFilters();

    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* datasetCombo() const { return m_dataset; }
    QComboBox* labelCombo() const { return m_label; }
    QComboBox* labelledCombo() const { return m_labelled; }

signals:
    void datasetChosen(bankbench::core::DatasetId id);
    void searchChanged(const QString& text);
    void labelFilterChanged(const std::optional<QString>& label);
    void labelledFilterChanged(bankbench::core::LabelledFilter filter);

private:
    void emitSearch();

    QComboBox* m_dataset;
    QLineEdit* m_search;
    QComboBox* m_label;
    QComboBox* m_labelled;
    QTimer* m_searchTimer;
};

} // namespace bankbench::ui
