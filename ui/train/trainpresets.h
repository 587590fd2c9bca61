#pragma once

#include <ml/trainconfig.h>

#include <QList>
#include <QString>

namespace bankbench::ui {

/// A starting point for a run, offered in the Train workspace's model list. Presets whose engine is not
/// in this build are listed disabled with the reason, never approximated by another model.
struct TrainPreset {
    QString id;          ///< "fast", "transformer", "transformer-pretrain", "bert-import"
    QString title;       ///< translated
    QString description; ///< translated tooltip
    bool available = false;
    QString unavailableReason; ///< translated; "" when available
    ml::TrainConfig config;    ///< the preset's settings (the Advanced section starts from these)
    /// Domain pretraining (masked language model on all of the dataset's texts) before fine-tuning.
    bool pretrain = false;
    /// Starts from a BERT checkpoint folder the user chooses (TransformerModelConfig::initFrom).
    bool needsCheckpoint = false;
};

/// Every preset in display order. GUI thread (translated strings).
QList<TrainPreset> trainPresets();

/// The preset a stored run config belongs to ("fast", "transformer", or "bert-import" when it starts
/// from a checkpoint).
QString presetIdFor(const ml::TrainConfig& config);

} // namespace bankbench::ui
