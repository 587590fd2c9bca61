#include "train/trainpresets.h"

#include <QCoreApplication>

namespace bankbench::ui {

namespace {

struct PresetText {
    Q_DECLARE_TR_FUNCTIONS(TrainPreset)
};

} // namespace

QList<TrainPreset> trainPresets() {
    QList<TrainPreset> presets;
    TrainPreset fast;
    fast.id = QStringLiteral("fast");
    fast.title = PresetText::tr("Fast — seconds on CPU");
    fast.description = PresetText::tr(
        "Averaged word and character n-gram embeddings with a linear layer (fastText style). Trains in "
        "seconds to minutes on a CPU and is a strong baseline for intent classification.");
    fast.available = true;
    fast.config.model = ml::ModelKind::Fast;
    // threads stays 0 (automatic) in every preset: the worker then leaves one core to the window
    // (automaticTrainingThreads(), trainworker.h).
    presets << fast;

    TrainPreset transformer;
    transformer.id = QStringLiteral("transformer");
    transformer.title = PresetText::tr("Transformer");
    transformer.description = PresetText::tr(
        "A small BERT-style encoder trained from scratch on your data, with its own subword vocabulary. "
        "Slower than the fast model (use a GPU for large datasets) and better on subtle wording.");
    transformer.available = true;
    transformer.config = ml::defaultTrainConfig(ml::ModelKind::Transformer);
    presets << transformer;

    TrainPreset pretrain = transformer;
    pretrain.id = QStringLiteral("transformer-pretrain");
    pretrain.title = PresetText::tr("Transformer with domain pretraining");
    pretrain.description = PresetText::tr(
        "First pretrains the encoder on every text of the dataset, labelled or not (masked language "
        "model), then fine-tunes it on the labelled ones. Helps when few records are labelled.");
    pretrain.pretrain = true;
    presets << pretrain;

    TrainPreset bert = transformer;
    bert.id = QStringLiteral("bert-import");
    bert.title = PresetText::tr("Import BERT checkpoint…");
    bert.description = PresetText::tr(
        "Fine-tunes a BERT checkpoint folder you choose (config.json, model.safetensors and vocab.txt, "
        "e.g. a Hugging Face download or a pretraining output); its config decides the encoder's size.");
    bert.needsCheckpoint = true;
    presets << bert;
    return presets;
}

QString presetIdFor(const ml::TrainConfig& config) {
    if (config.model == ml::ModelKind::Fast)
        return QStringLiteral("fast");
    return config.transformer.initFrom.empty() ? QStringLiteral("transformer")
                                               : QStringLiteral("bert-import");
}

} // namespace bankbench::ui
