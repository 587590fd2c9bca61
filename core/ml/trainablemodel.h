#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include "ml/trainconfig.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::ml {

/// Texts turned into model inputs once (hashed n-gram ids, token ids...). The trainer only picks
/// examples by index, so models keep whatever representation suits them.
class EncodedTexts {
public:
    virtual ~EncodedTexts() = default;
    virtual std::int64_t size() const = 0;
    /// Input length of one example (ids, tokens): lets a trainer bucket batches by length.
    virtual std::int64_t length(std::int64_t index) const = 0;
};

/// What the trainer passes to forward(): training mode, and the generator that dropout must draw from
/// (checkpointed with the run, so a resumed run draws the same masks).
struct ForwardContext {
    bool training = false;
    at::Generator* generator = nullptr;
};

class LazyAdam;

/// What a fused training step needs besides the batch (see TrainableModel::fusedTrainStep).
struct FusedStepRequest {
    const std::vector<std::int64_t>* targets = nullptr; ///< class id of each batch example (single-label)
    torch::Tensor classWeights;                         ///< per class; undefined = none
    double labelSmoothing = 0;
    double learningRate = 0;
    LazyAdam* optimizer = nullptr;      ///< built over parameters(), in that order
    at::Generator* generator = nullptr; ///< dropout masks, drawn as forward() draws them
};

/// A text classifier the generic trainer can drive: the fast model now, the BERT encoder later. Owns its
/// torch module; used by one thread at a time.
class TrainableModel {
public:
    struct Parameter {
        std::string name; ///< stable name used in safetensors files ("embedding.weight")
        torch::Tensor tensor;
        bool sparseGradient = false; ///< embedding tables trained through sparse gradients (lazy Adam)
        bool weightDecay = true;     ///< biases and norms set false
    };

    virtual ~TrainableModel() = default;

    virtual ModelKind kind() const = 0;
    /// Architecture and featurisation settings, stored in the model folder's config.json so that
    /// loadTrainedModel() can rebuild the same model.
    virtual nlohmann::json architecture() const = 0;
    virtual std::int64_t numClasses() const = 0;

    virtual std::unique_ptr<EncodedTexts> encode(const std::vector<std::string>& texts) const = 0;
    /// Logits [indices.size(), numClasses] on the model's device.
    virtual torch::Tensor forward(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices,
                                  const ForwardContext& context) = 0;

    /// Sentence embeddings [indices.size(), embeddingDim()] on the model's device, in eval mode (no dropout):
    /// the pooled representation the output layer reads. Used for retrieval re-ranking (chatbot) and
    /// similarity; callers normalise.
    virtual torch::Tensor embed(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices) = 0;
    virtual std::int64_t embeddingDim() const = 0;

    /// Optional fast path for single-label training: forward, loss, gradients and the optimizer update in one
    /// pass without autograd, the same maths as forward() + cross-entropy + backward() + optimizer step().
    /// Returns the batch's mean loss, or nullopt when the model has no such path for this case (the trainer
    /// then takes the autograd path).
    virtual std::optional<double> fusedTrainStep(const EncodedTexts& inputs,
                                                 const std::vector<std::int64_t>& indices,
                                                 const FusedStepRequest& request) {
        (void)inputs, (void)indices, (void)request;
        return std::nullopt;
    }

    /// Every trainable tensor, in a fixed order.
    virtual std::vector<Parameter> parameters() = 0;
    virtual void to(const torch::Device& device) = 0;
    virtual torch::Device device() const = 0;
    /// Puts every parameter back to the value a newly created model of the same config starts from, in
    /// place (the same tensors and storage, so a refit reuses the selection model's memory). False when the
    /// model cannot; the caller then creates a new model.
    virtual bool resetParameters() { return false; }
};

/// `perBatch` over `indices` (all of `inputs` when empty) without gradients, in batches of inputs of similar
/// length (a batch is padded to its longest input), as one CPU float tensor with a row per index in the
/// callers' order. Returns an undefined tensor when `cancel` is set before it finishes.
torch::Tensor
inLengthSortedBatches(const EncodedTexts& inputs, std::vector<std::int64_t> indices, int batchSize,
                      const core::CancelToken* cancel,
                      const std::function<torch::Tensor(const std::vector<std::int64_t>&)>& perBatch);

/// Logits of `indices` (all of `inputs` when empty) in eval mode without gradients, batch by batch, as a
/// CPU float tensor [n, classes]. Returns an undefined tensor when `cancel` is set before it finishes.
torch::Tensor predictLogits(TrainableModel& model, const EncodedTexts& inputs,
                            std::vector<std::int64_t> indices, int batchSize,
                            const core::CancelToken* cancel = nullptr);

/// Auto picks CUDA device 0 when LibTorch sees one, else the CPU; Cuda without a GPU is InvalidArgument.
core::Result<torch::Device> chooseDevice(DevicePreference preference);

/// Builds an untrained model for `config.model`. `assetsDir` holds the files a model needs besides its
/// weights (the transformer's tokenizer, see prepareTransformerAssets() in transformermodel.h).
core::Result<std::unique_ptr<TrainableModel>> createModel(const TrainConfig& config, std::int64_t numClasses,
                                                          const std::string& assetsDir = {});
/// Rebuilds an untrained model from architecture() output (weights are loaded separately).
core::Result<std::unique_ptr<TrainableModel>> createModel(ModelKind kind, const nlohmann::json& architecture,
                                                          std::int64_t numClasses,
                                                          const std::string& assetsDir = {});

} // namespace bankbench::ml
