#pragma once

#include "label/labelmessages.h"

#include <store/records.h>

#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace bankbench::ui {

/// The row above the labeling view: dataset, queue order (unlabelled first, random with a seed, search
/// and filter, model uncertainty: offered only once a model can make suggestions), review mode, the
/// annotator's name and the label schema button. Emits what the user chose; knows nothing of the store.
/// GUI thread.
class LabelQueueBar : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSearchDelayMs = 400;

    explicit LabelQueueBar(QWidget* parent = nullptr);

    /// Fills the dataset chooser and selects `current` (or the first) without emitting.
    void setDatasets(const QList<core::DatasetInfo>& datasets, std::optional<core::DatasetId> current);
    std::optional<core::DatasetId> currentDatasetId() const;
    /// Label key names for the filter's label chooser.
    void setLabels(const std::vector<core::Label>& labels, const QString& language);
    /// Enables the uncertainty order (and says why it is off when it is).
    void setUncertaintyAvailable(bool available);
    void setAnnotator(const QString& name);
    QString annotator() const;
    /// Without emitting.
    void setRequest(const QueueRequest& request);
    QueueRequest request() const;
    bool isReviewMode() const;
    void setReviewMode(bool review);

    QComboBox* datasetCombo() const { return m_dataset; }
    QComboBox* orderCombo() const { return m_order; }
    QSpinBox* seedSpin() const { return m_seed; }
    QLineEdit* searchEdit() const { return m_search; }
    QLineEdit* annotatorEdit() const { return m_annotator; }
    QPushButton* reviewButton() const { return m_review; }
    QPushButton* schemaButton() const { return m_schema; }

signals:
    void datasetChosen(bankbench::core::DatasetId id);
    void requestChanged();
    void reviewModeChanged(bool review);
    void annotatorChanged(const QString& name);
    void schemaRequested();

private:
    void updateVisibility();

    QComboBox* m_dataset;
    QComboBox* m_order;
    QSpinBox* m_seed;
    QLineEdit* m_search;
    QComboBox* m_label;
    QComboBox* m_measure;
    QPushButton* m_review;
    QLineEdit* m_annotator;
    QPushButton* m_schema;
    QTimer* m_searchTimer;
};

} // namespace bankbench::ui
