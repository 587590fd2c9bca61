#pragma once

// Torch-free: the CLI, the GUI and the MlModule interface use these types without LibTorch.

#include "text/hashedfeatures.h"
#include "text/textaugment.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace bankbench::ml {

enum class ModelKind { Fast, Transformer };
const char* modelKindName(ModelKind kind);

enum class DevicePreference { Auto, Cpu, Cuda };

/// What a run learns: one label (or several) per text, or slot spans inside texts as BIO tags on the
/// transformer's WordPiece tokens (tokenjob.h; transformer only).
enum class TaskKind { Classify, Tokens };
const char* taskKindName(TaskKind task); ///< "classify", "tokens"
const char* devicePreferenceName(DevicePreference device);

/// How rare classes are weighted in the loss.
enum class ClassWeighting {
    None,
    Balanced, ///< n / (classes * count), as scikit-learn's class_weight="balanced"
};

/// The fast model's n-gram defaults: 2^15 buckets (a 6.3 MB table at dim 48; 2^15 to 2^18 scored the same on
/// the Banking77 validation splits of three seeds, and a small table and its Adam moments stay in cache),
/// character 3- to 6-grams (fastText's range), word uni- and bigrams.
core::HashedFeatureOptions defaultFastFeatures();

/// The fastText-style model: hashed word and character n-grams (core/text/hashedfeatures.h), averaged,
/// then a linear layer.
struct FastModelConfig {
    int dim = 48; ///< embedding width (48 floats = three whole cache lines per row)
    core::HashedFeatureOptions features = defaultFastFeatures(); ///< n-grams, buckets, text normalisation
};

/// How the transformer turns token states into one sentence vector.
enum class Pooling {
    Cls,  ///< BERT's pooler: dense + tanh over the [CLS] state (what Hugging Face's classifier reads)
    Mean, ///< mean of the non-padding token states (no pooler weights used)
};

/// The BERT encoder (core/ml/bertmodel.h). The size fields apply to a model trained from scratch; with
/// `initFrom` the checkpoint's config.json decides them.
struct TransformerModelConfig {
    int layers = 4;
    int hidden = 256;
    int heads = 4;
    int ffn = 1024;       ///< intermediate (feed-forward) width
    int maxLength = 64;   ///< tokens per text including [CLS] and [SEP]; longer texts are truncated
    int vocabSize = 8000; ///< WordPiece vocabulary learned from the dataset's texts (bertvocab.h)
    Pooling pooling = Pooling::Cls;
    /// A BERT folder (config.json + model.safetensors + vocab.txt, or a `pretrain` output) to start from;
    /// empty = random initialisation and a WordPiece vocabulary learned from the run's dataset.
    std::string initFrom;
};

/// Everything that determines a training run. Serialised with the run, so a run can be repeated exactly;
/// every field has a default, and a JSON config file needs only the fields it changes.
struct TrainConfig {
    ModelKind model = ModelKind::Fast;
    TaskKind task = TaskKind::Classify;
    /// Tokens: the span label set whose annotations are trained on; empty = the dataset's own label set.
    std::string labelSet;
    FastModelConfig fast;
    TransformerModelConfig transformer;

    // Defaults tuned on a validation split of Banking77's train.csv (BENCHMARKS.md, "Training: fast model"):
    // 8 epochs of batch 128 at lr 0.08 and dim 48 score like 19 + 14 epochs of batch 32 at dim 100 in a tenth
    // of the time.
    std::uint64_t seed = 42;
    int epochs = 8;
    int batchSize = 128;
    double learningRate = 0.08;   ///< peak learning rate (after warm-up)
    double warmupFraction = 0.05; ///< share of all steps spent warming up linearly from 0
    bool linearDecay = true;      ///< decay linearly to 0 at the last step after warm-up
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    double weightDecay = 0.0;    ///< decoupled (AdamW); applied to dense parameters only
    double dropout = 0.5;        ///< on the pooled representation
    double labelSmoothing = 0.0; ///< single-label only
    /// Clip the global L2 norm of the dense parameters' gradients to this value; 0 = off.
    double gradientClip = 0.0;
    /// Batches of similar-length texts (less padding): sorted by length within windows of 50 batches of
    /// the shuffled order, then the batches themselves shuffled. Seeded like the plain order.
    bool bucketByLength = false;
    /// On CUDA, run forward passes under bfloat16 autocast (weights and optimizer stay float32).
    bool bf16Autocast = true;
    ClassWeighting classWeighting = ClassWeighting::None;
    /// Text augmentation of training batches (core/text/textaugment.h: random deletion and swap of words, or
    /// of characters in Chinese, and synonym replacement): every time a training example enters a batch it is
    /// a fresh variant, seeded by the run's seed and the step. Validation, evaluation and prediction see the
    /// texts unchanged. Off by default; classification only.
    core::AugmentOptions augment;

    double validationFraction = 0.1; ///< stratified by label, seeded by `seed`
    int earlyStoppingPatience = 5;   ///< epochs without a better validation macro-F1; 0 = never stop early
    /// After the validation split has chosen the best epoch count, train a fresh model on all labelled
    /// examples (training + validation) for that many epochs and keep it as the final model. The stored
    /// validation numbers stay those of the selection model (the refit one has seen the validation split).
    bool refit = true;
    std::int64_t checkpointEverySteps = 0; ///< 0 = by time only (below) and on cancel
    /// Also checkpoint after this much training time; 0 = off. A fast-model run on Banking77 takes seconds
    /// and writes none (each checkpoint of its 2^15 x 48 table and Adam moments is ~20 MB).
    double checkpointEveryMinutes = 10;
    float defaultThreshold = 0.5F; ///< multi-label: for labels that validation cannot tune

    int threads = 0; ///< CPU threads; 0 = every usable core
    DevicePreference device = DevicePreference::Auto;
};

/// The defaults for one model kind: TrainConfig{} is the fast model's; the transformer's use AdamW at 3e-4
/// with warm-up, weight decay 0.01, gradient clipping 1.0, dropout 0.1 and length-bucketed batches
/// (BENCHMARKS.md, "Training: transformer").
TrainConfig defaultTrainConfig(ModelKind kind);

/// Every field, including defaults (what a run stores).
nlohmann::json toJson(const TrainConfig& config);
/// Applies the keys present in `json` over `base`. When `json` names a "model" other than base.model, the
/// keys apply over defaultTrainConfig() of that model instead (keeping base's threads and device). Unknown
/// keys, wrong types and out-of-range values are InvalidArgument naming the key (and `source`, the file they
/// came from, when given).
core::Result<TrainConfig> trainConfigFromJson(const nlohmann::json& json, const TrainConfig& base = {},
                                              const std::string& source = {});
/// Reads a JSON config file; a syntax error names the file, line and column.
core::Result<TrainConfig> loadTrainConfig(const std::string& path, const TrainConfig& base = {});
/// Range checks shared by the JSON reader and programmatic callers.
core::Status validate(const TrainConfig& config);

} // namespace bankbench::ml
