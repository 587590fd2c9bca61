#pragma once

#include <ml/trainconfig.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace bankbench::ui {

/// The Advanced section of the Train workspace: every TrainConfig setting as an editor with its range and
/// a tooltip that says what it does. setConfig() fills it, config() reads it back over the preset's config
/// (so settings without an editor keep the preset's values). GUI thread.
class TrainSettingsForm : public QWidget {
    Q_OBJECT

public:
    explicit TrainSettingsForm(QWidget* parent = nullptr);

    void setConfig(const ml::TrainConfig& config);
    ml::TrainConfig config() const;
    /// Reads a synonym list file (core::readSynonymFile) into the config's augmentation; the synonym rate
    /// becomes 0.3 when it was 0. Returns the error message, empty when the list was loaded.
    QString loadSynonymList(const QString& path);
    /// Lays the groups out in two columns when `width` (what the setup panel can give the form) fits them,
    /// else in one, so that the narrow setup panel never scrolls sideways.
    void setAvailableWidth(int width);
    int columns() const { return m_columns; }

signals:
    /// Any editor changed (the workspace re-estimates).
    void changed();

private:
    QSpinBox* intEditor(int min, int max, const QString& tip);
    QDoubleSpinBox* doubleEditor(double min, double max, int decimals, double step, const QString& tip);
    QCheckBox* boolEditor(const QString& text, const QString& tip);
    void addRow(QFormLayout* form, const QString& label, QWidget* editor);
    void chooseSynonymList();
    void showSynonyms();
    int twoColumnWidth() const;
    void placeGroups(int columns);

    ml::TrainConfig m_base;
    QSpinBox* m_epochs;
    QSpinBox* m_batchSize;
    QDoubleSpinBox* m_learningRate;
    QDoubleSpinBox* m_warmup;
    QCheckBox* m_linearDecay;
    QDoubleSpinBox* m_beta1;
    QDoubleSpinBox* m_beta2;
    QDoubleSpinBox* m_epsilon;
    QDoubleSpinBox* m_weightDecay;
    QDoubleSpinBox* m_dropout;
    QDoubleSpinBox* m_labelSmoothing;
    QDoubleSpinBox* m_augmentDelete;
    QDoubleSpinBox* m_augmentSwap;
    QDoubleSpinBox* m_augmentSynonym;
    QPushButton* m_synonymButton;
    QLabel* m_synonymSummary;
    std::vector<std::vector<std::string>> m_synonyms;
    QComboBox* m_classWeighting;
    QDoubleSpinBox* m_validation;
    QSpinBox* m_patience;
    QCheckBox* m_refit;
    QSpinBox* m_checkpointSteps;
    QDoubleSpinBox* m_checkpointMinutes;
    QDoubleSpinBox* m_threshold;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QComboBox* m_device;
    QSpinBox* m_dim;
    QSpinBox* m_bucketBits;
    QCheckBox* m_wordBigrams;
    QSpinBox* m_charMin;
    QSpinBox* m_charMax;
    QDoubleSpinBox* m_gradientClip;
    QCheckBox* m_bucketByLength;
    QCheckBox* m_bf16;
    QGridLayout* m_grid = nullptr;
    int m_columns = 0;
    QWidget* m_scheduleGroup;
    QWidget* m_optimizerGroup;
    QWidget* m_dataGroup;
    QWidget* m_fastGroup;
    QWidget* m_transformerGroup;
    QSpinBox* m_layers;
    QSpinBox* m_hidden;
    QSpinBox* m_heads;
    QSpinBox* m_ffn;
    QSpinBox* m_maxLength;
    QSpinBox* m_vocabSize;
    QComboBox* m_pooling;
};

} // namespace bankbench::ui
