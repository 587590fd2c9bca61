#pragma once

#include "train/trainpreflight.h"
#include "train/trainpresets.h"

#include <ml/trainconfig.h>

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace bankbench::ui {

class TrainSettingsForm;

/// The left column of the Train workspace: what to train on (dataset and its label set, with the
/// preflight verdict), which model (presets, unavailable ones disabled with the reason), the Advanced
/// settings, the device and the estimate, and Start/Cancel. Holds no logic beyond its widgets: the
/// workspace feeds it facts and reacts to its signals. GUI thread.
class TrainSetupPanel : public QWidget {
    Q_OBJECT

public:
    explicit TrainSetupPanel(QWidget* parent = nullptr);

    void setDatasets(const QStringList& names, const QString& keep);
    QString datasetName() const;
    void setPreflight(const std::optional<TrainPreflight>& preflight, bool checking);
    void setDeviceText(const QString& text, const QString& details);
    void setEstimateText(const QString& text);
    /// Running: Start is disabled and Cancel enabled.
    void setRunning(bool running);
    void setCanStart(bool canStart);

    QString presetId() const;
    bool selectPreset(const QString& id);
    /// The preset's config with the Advanced section's values over it.
    ml::TrainConfig config() const;
    void setConfig(const ml::TrainConfig& config);
    QString runName() const;
    void clearRunName();
    /// The chosen preset pretrains first: its epochs (0 for presets that do not pretrain).
    int pretrainEpochs() const;
    /// Import preset: the checkpoint folder ("" until chosen).
    QString checkpointFolder() const;
    void setCheckpointFolder(const QString& folder);
    /// What keeps Start disabled besides the data ("" when nothing).
    QString missingChoice() const;

    QString preflightText() const;
    QString estimateText() const;
    QString deviceText() const;
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QComboBox* presetBox() const { return m_preset; }
    QComboBox* datasetBox() const { return m_dataset; }
    TrainSettingsForm* settingsForm() const { return m_form; }
    /// The width the panel's scroll area shows (its viewport): the Advanced form picks its columns from it.
    void setAvailableWidth(int width);

signals:
    void datasetChanged(const QString& name);
    void configChanged();
    void startRequested();
    void cancelRequested();

private:
    void onPresetChanged();
    void chooseCheckpoint();
    const TrainPreset* preset() const;

    QList<TrainPreset> m_presets;
    QComboBox* m_dataset;
    QLabel* m_labelSet;
    QLabel* m_preflight;
    QComboBox* m_preset;
    QLabel* m_presetInfo;
    QLineEdit* m_runName;
    QFormLayout* m_modelForm = nullptr;
    QWidget* m_checkpointRow;
    QLineEdit* m_checkpoint;
    QWidget* m_pretrainRow;
    QSpinBox* m_pretrainEpochs;
    QToolButton* m_advancedToggle;
    TrainSettingsForm* m_form;
    QLabel* m_device;
    QLabel* m_estimate;
    QPushButton* m_start;
    QPushButton* m_cancel;
    bool m_running = false;
    bool m_canStart = false;
};

} // namespace bankbench::ui
