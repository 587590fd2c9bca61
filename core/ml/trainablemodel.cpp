#include "ml/trainablemodel.h"

#include "ml/fasttextmodel.h"
#include "ml/transformermodel.h"

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
                                                          std::int64_t numClasses, const std::string& assetsDir) {
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

torch::Tensor predictLogits(TrainableModel& model, const EncodedTexts& inputs,
                            std::vector<std::int64_t> indices, int batchSize,
                            const core::CancelToken* cancel) {
    if (indices.empty()) {
        indices.resize(static_cast<std::size_t>(inputs.size()));
        std::iota(indices.begin(), indices.end(), 0);
    }
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> parts;
    for (std::size_t begin = 0; begin < indices.size(); begin += static_cast<std::size_t>(batchSize)) {
        if (cancel && cancel->isCancelled())
            return {};
        const auto end = std::min(indices.size(), begin + static_cast<std::size_t>(batchSize));
        std::vector<std::int64_t> batch(indices.begin() + static_cast<long>(begin),
                                        indices.begin() + static_cast<long>(end));
        parts.push_back(model.forward(inputs, batch, ForwardContext{}).to(torch::kCPU, torch::kFloat32));
    }
    if (parts.empty())
        return torch::zeros({0, model.numClasses()});
    return torch::cat(parts);
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
