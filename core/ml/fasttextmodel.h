#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include "ml/trainablemodel.h"
#include "text/hashedfeatures.h"

#include <torch/torch.h>

namespace bankbench::ml {

struct FastTextOptions {
    std::int64_t buckets = 1 << 20;
    std::int64_t dim = 100;
    std::int64_t numClasses = 2;
    double dropout = 0.0;
    std::uint64_t seed = 42; ///< initialises the embedding table (own generator: no global state)
};

/// fastText's architecture: the mean of the n-gram embeddings of a text (EmbeddingBag, sparse gradients),
/// dropout, one linear layer to class logits. Embeddings start uniform in ±1/dim and the output layer at
/// zero, as fastText initialises them.
class FastTextImpl : public torch::nn::Module {
public:
    explicit FastTextImpl(const FastTextOptions& options);

    /// `ids`: all n-gram ids of the batch, flat (int64); `offsets`: where each text's ids start. Dropout
    /// masks come from `generator` when training (null: no dropout).
    torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& offsets, bool training,
                          at::Generator* generator);

    /// Back to the initial values in place (the table from `seed`, the output layer at zero): what a new
    /// module with the same options holds, without allocating its tables again.
    void resetParameters();

    const FastTextOptions& options() const { return m_options; }
    torch::nn::EmbeddingBag embedding{nullptr};
    torch::nn::Linear fc{nullptr};

private:
    FastTextOptions m_options;
};
TORCH_MODULE(FastText);

class FastTextStep;

/// The fast model's encoded texts: every text's n-gram ids back to back (CSR), built once before training.
class FastTextInputs final : public EncodedTexts {
public:
    std::int64_t size() const override { return static_cast<std::int64_t>(starts.size()) - 1; }
    std::int64_t length(std::int64_t index) const override { return starts[index + 1] - starts[index]; }

    std::vector<std::int64_t> ids;
    std::vector<std::int64_t> starts{0};
};

/// The fast model as a TrainableModel: HashedFeaturizer (core/text) for inputs, FastText for the maths.
class FastTextClassifier final : public TrainableModel {
public:
    FastTextClassifier(core::HashedFeatureOptions features, const FastTextOptions& options);
    ~FastTextClassifier() override;

    ModelKind kind() const override { return ModelKind::Fast; }
    nlohmann::json architecture() const override;
    std::int64_t numClasses() const override { return m_module->options().numClasses; }
    std::unique_ptr<EncodedTexts> encode(const std::vector<std::string>& texts) const override;
    torch::Tensor forward(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices,
                          const ForwardContext& context) override;
    torch::Tensor embed(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices) override;
    /// fasttextstep.cpp: the whole step in one pass over the raw tensors (CPU float32, single-label).
    /// Threads over examples, classes and rows (at::parallel_for); every sum runs in a fixed order, so the
    /// result does not depend on the thread count.
    std::optional<double> fusedTrainStep(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices,
                                         const FusedStepRequest& request) override;
    std::int64_t embeddingDim() const override { return m_module->options().dim; }
    std::vector<Parameter> parameters() override;
    void to(const torch::Device& device) override;
    torch::Device device() const override { return m_device; }
    bool resetParameters() override;

    FastText& module() { return m_module; }

    /// Rebuilds from architecture() output.
    static core::Result<std::unique_ptr<FastTextClassifier>>
    fromArchitecture(const nlohmann::json& architecture, std::int64_t numClasses);

private:
    /// The batch's n-gram ids, flat, and where each text starts (EmbeddingBag's inputs), on the device.
    std::pair<torch::Tensor, torch::Tensor> batchInputs(const EncodedTexts& inputs,
                                                        const std::vector<std::int64_t>& indices) const;

    core::HashedFeaturizer m_featurizer;
    FastText m_module;
    torch::Device m_device = torch::kCPU;
    std::unique_ptr<FastTextStep> m_step; ///< fusedTrainStep()'s reused buffers, made on first use
};

} // namespace bankbench::ml
