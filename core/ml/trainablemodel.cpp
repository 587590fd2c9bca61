#include "ml/trainablemodel.h"

#include "ml/fasttextmodel.h"
#include "ml/transformermodel.h"

#include <algorithm>
#include <numeric>

// The model registry: each model kind the trainer can drive is built here.

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

core::Result<std::unique_ptr<TrainableModel>> createModel(const TrainConfig& config, std::int64_t numClasses,
                                                          const std::string& assetsDir) {
    switch (config.model) {
    case ModelKind::Fast: {
        FastTextOptions options;
        options.dim = config.fast.dim;
        options.numClasses = numClasses;
        options.dropout = config.dropout;
        options.seed = config.seed;
        return std::unique_ptr<TrainableModel>(
            std::make_unique<FastTextClassifier>(config.fast.features, options));
    }
    case ModelKind::Transformer: {
        auto model = TransformerClassifier::create(config, numClasses, assetsDir);
        if (!model)
            return model.error();
        return std::unique_ptr<TrainableModel>(std::move(*model));
    }
    }
    return Error{ErrorCode::InvalidArgument, "unknown model kind", {}};
}

core::Result<std::unique_ptr<TrainableModel>> createModel(ModelKind kind, const nlohmann::json& architecture,
                                                          std::int64_t numClasses,
                                                          const std::string& assetsDir) {
    if (kind == ModelKind::Fast) {
        auto model = FastTextClassifier::fromArchitecture(architecture, numClasses);
        if (!model)
            return model.error();
        return std::unique_ptr<TrainableModel>(std::move(*model));
    }
    auto model = TransformerClassifier::fromArchitecture(architecture, numClasses, assetsDir);
    if (!model)
        return model.error();
    return std::unique_ptr<TrainableModel>(std::move(*model));
}

torch::Tensor
inLengthSortedBatches(const EncodedTexts& inputs, std::vector<std::int64_t> indices, int batchSize,
                      const core::CancelToken* cancel,
                      const std::function<torch::Tensor(const std::vector<std::int64_t>&)>& perBatch) {
    if (indices.empty()) {
        indices.resize(static_cast<std::size_t>(inputs.size()));
        std::iota(indices.begin(), indices.end(), 0);
    }
    // In index order one long text made the transformer compute up to 511 others at its length: validation
    // took a third as long as a training epoch.
    std::vector<std::int64_t> positions(indices.size());
    std::iota(positions.begin(), positions.end(), 0);
    std::stable_sort(positions.begin(), positions.end(), [&](std::int64_t a, std::int64_t b) {
        return inputs.length(indices[static_cast<std::size_t>(a)]) <
               inputs.length(indices[static_cast<std::size_t>(b)]);
    });
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> parts;
    for (std::size_t begin = 0; begin < positions.size(); begin += static_cast<std::size_t>(batchSize)) {
        if (cancel && cancel->isCancelled())
            return {};
        const auto end = std::min(positions.size(), begin + static_cast<std::size_t>(batchSize));
        std::vector<std::int64_t> batch;
        batch.reserve(end - begin);
        for (auto i = begin; i < end; ++i)
            batch.push_back(indices[static_cast<std::size_t>(positions[i])]);
        parts.push_back(perBatch(batch).to(torch::kCPU, torch::kFloat32));
    }
    if (parts.empty())
        return {};
    const auto sorted = torch::cat(parts);
    // Row positions[i] of the result is row i of `sorted`.
    const auto rows =
        torch::from_blob(positions.data(), {static_cast<std::int64_t>(positions.size())}, torch::kInt64);
    return torch::empty_like(sorted).index_copy_(0, rows, sorted);
}

torch::Tensor predictLogits(TrainableModel& model, const EncodedTexts& inputs,
                            std::vector<std::int64_t> indices, int batchSize,
                            const core::CancelToken* cancel) {
    if (indices.empty() && inputs.size() == 0)
        return torch::zeros({0, model.numClasses()});
    if (cancel && cancel->isCancelled())
        return {};
    return inLengthSortedBatches(inputs, std::move(indices), batchSize, cancel,
                                 [&](const std::vector<std::int64_t>& batch) {
                                     return model.forward(inputs, batch, ForwardContext{});
                                 });
}

core::Result<torch::Device> chooseDevice(DevicePreference preference) {
    const bool cuda = torch::cuda::is_available();
    if (preference == DevicePreference::Cuda && !cuda)
        return Error{
            ErrorCode::InvalidArgument,
            "--device cuda: no CUDA device is available to this LibTorch build (use --device cpu or auto)",
            {}};
    if (preference != DevicePreference::Cpu && cuda)
        return torch::Device(torch::kCUDA, 0);
    return torch::Device(torch::kCPU);
}

} // namespace bankbench::ml
