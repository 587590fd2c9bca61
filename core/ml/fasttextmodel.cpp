#include "ml/fasttextmodel.h"

#include "ml/fasttextstep.h"
#include "ml/largetensor.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cstring>

namespace bankbench::ml {

FastTextImpl::FastTextImpl(const FastTextOptions& options) : m_options(options) {
    // The table's storage comes from largeZeros (huge pages: lazy Adam touches rows all over it). Handing it
    // to the options as `_weight` also spares EmbeddingBag its own default table (another allocation of the
    // table's size, filled with normal samples only to be replaced).
    embedding = register_module(
        "embedding",
        torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(options.buckets, options.dim)
                                    .mode(torch::kMean)
                                    .sparse(true)
                                    ._weight(largeZeros({options.buckets, options.dim}, torch::kFloat32))));
    fc = register_module("fc", torch::nn::Linear(options.dim, options.numClasses));
    resetParameters();
}

void FastTextImpl::resetParameters() {
    torch::NoGradGuard noGrad;
    const double bound = 1.0 / static_cast<double>(m_options.dim);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(m_options.seed);
    embedding->weight.uniform_(-bound, bound, generator);
    fc->weight.zero_();
    fc->bias.zero_();
}

torch::Tensor FastTextImpl::forward(const torch::Tensor& ids, const torch::Tensor& offsets, bool training,
                                    at::Generator* generator) {
    auto hidden = embedding->forward(ids, offsets);
    if (training && m_options.dropout > 0 && generator) {
        // Masks drawn on the CPU from the run's own generator, so they are reproducible and checkpointable
        // whatever the device (the mask is batch x dim: small).
        const double keep = 1.0 - m_options.dropout;
        auto mask = torch::empty(hidden.sizes(), torch::kFloat32).bernoulli_(keep, *generator).div_(keep);
        hidden = hidden * mask.to(hidden.device(), hidden.scalar_type());
    }
    return fc->forward(hidden);
}

FastTextClassifier::FastTextClassifier(core::HashedFeatureOptions features, const FastTextOptions& options)
    : m_featurizer(features), m_module([&] {
          FastTextOptions resolved = options;
          resolved.buckets = core::HashedFeaturizer(features).numBuckets();
          return FastText(resolved);
      }()) {}

FastTextClassifier::~FastTextClassifier() = default;

std::optional<double> FastTextClassifier::fusedTrainStep(const EncodedTexts& inputs,
                                                         const std::vector<std::int64_t>& indices,
                                                         const FusedStepRequest& request) {
    if (!m_device.is_cpu())
        return std::nullopt;
    if (!m_step)
        m_step = std::make_unique<FastTextStep>();
    return m_step->run(static_cast<const FastTextInputs&>(inputs), indices, *m_module, request);
}

nlohmann::json FastTextClassifier::architecture() const {
    const auto& options = m_module->options();
    return {{"dim", options.dim},
            {"buckets", options.buckets},
            {"dropout", options.dropout},
            {"seed", options.seed},
            {"features", core::toJson(m_featurizer.options())}};
}

std::unique_ptr<EncodedTexts> FastTextClassifier::encode(const std::vector<std::string>& texts) const {
    auto encoded = std::make_unique<FastTextInputs>();
    encoded->starts.reserve(texts.size() + 1);
    for (const auto& text : texts) {
        m_featurizer.featurize(text, encoded->ids);
        encoded->starts.push_back(static_cast<std::int64_t>(encoded->ids.size()));
    }
    return encoded;
}

std::pair<torch::Tensor, torch::Tensor>
FastTextClassifier::batchInputs(const EncodedTexts& inputs, const std::vector<std::int64_t>& indices) const {
    const auto& texts = static_cast<const FastTextInputs&>(inputs);
    std::int64_t total = 0;
    for (const auto index : indices)
        total += texts.length(index);
    auto ids = torch::empty({total}, torch::kInt64);
    auto offsets = torch::empty({static_cast<std::int64_t>(indices.size())}, torch::kInt64);
    auto* idData = ids.data_ptr<std::int64_t>();
    auto* offsetData = offsets.data_ptr<std::int64_t>();
    std::int64_t at = 0;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        offsetData[i] = at;
        const auto begin = texts.starts[indices[i]];
        const auto count = texts.length(indices[i]);
        if (count > 0)
            std::memcpy(idData + at, texts.ids.data() + begin,
                        static_cast<std::size_t>(count) * sizeof(std::int64_t));
        at += count;
    }
    if (!m_device.is_cpu()) {
        ids = ids.to(m_device);
        offsets = offsets.to(m_device);
    }
    return {ids, offsets};
}

torch::Tensor FastTextClassifier::forward(const EncodedTexts& inputs,
                                          const std::vector<std::int64_t>& indices,
                                          const ForwardContext& context) {
    auto [ids, offsets] = batchInputs(inputs, indices);
    return m_module->forward(ids, offsets, context.training, context.generator);
}

torch::Tensor FastTextClassifier::embed(const EncodedTexts& inputs,
                                        const std::vector<std::int64_t>& indices) {
    auto [ids, offsets] = batchInputs(inputs, indices);
    return m_module->embedding->forward(ids, offsets);
}

std::vector<TrainableModel::Parameter> FastTextClassifier::parameters() {
    return {
        {"embedding.weight", m_module->embedding->weight, /*sparseGradient=*/true, /*weightDecay=*/false},
        {"fc.weight", m_module->fc->weight, false, true},
        {"fc.bias", m_module->fc->bias, false, false},
    };
}

bool FastTextClassifier::resetParameters() {
    m_module->resetParameters();
    return true;
}

void FastTextClassifier::to(const torch::Device& device) {
    m_module->to(device);
    m_device = device;
}

core::Result<std::unique_ptr<FastTextClassifier>>
FastTextClassifier::fromArchitecture(const nlohmann::json& architecture, std::int64_t numClasses) {
    auto invalid = [](const std::string& message) {
        return core::Error{core::ErrorCode::Parse, "fast model config: " + message, {}};
    };
    if (!architecture.is_object() || !architecture.contains("dim") ||
        !architecture["dim"].is_number_integer())
        return invalid("missing integer \"dim\"");
    auto features =
        core::hashedFeatureOptionsFromJson(architecture.value("features", nlohmann::json::object()));
    if (!features)
        return invalid(features.error().message);
    FastTextOptions options;
    options.dim = architecture["dim"].get<std::int64_t>();
    options.dropout = architecture.value("dropout", 0.0);
    options.seed = architecture.value("seed", std::uint64_t{42});
    options.numClasses = numClasses;
    if (options.dim < 1 || numClasses < 1)
        return invalid("dim and the number of classes must be positive");
    return std::make_unique<FastTextClassifier>(*features, options);
}

} // namespace bankbench::ml
