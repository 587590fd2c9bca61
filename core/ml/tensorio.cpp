#include "ml/tensorio.h"

#include <cstring>

namespace bankbench::ml {

using core::Error;
using core::ErrorCode;

namespace {

struct TypePair {
    torch::ScalarType torch;
    DType dtype;
};

constexpr TypePair kTypes[] = {
    {torch::kFloat64, DType::F64},   {torch::kFloat32, DType::F32}, {torch::kFloat16, DType::F16},
    {torch::kBFloat16, DType::BF16}, {torch::kInt64, DType::I64},   {torch::kInt32, DType::I32},
    {torch::kInt16, DType::I16},     {torch::kInt8, DType::I8},     {torch::kUInt8, DType::U8},
    {torch::kBool, DType::Bool},
};

std::string shapeText(torch::IntArrayRef sizes) {
    std::string out = "[";
    for (std::size_t i = 0; i < sizes.size(); ++i)
        out += (i ? ", " : "") + std::to_string(sizes[i]);
    return out + "]";
}

} // namespace

std::optional<DType> safetensorsDType(torch::ScalarType type) {
    for (const auto& pair : kTypes)
        if (pair.torch == type)
            return pair.dtype;
    return std::nullopt;
}

torch::ScalarType torchScalarType(DType dtype) {
    for (const auto& pair : kTypes)
        if (pair.dtype == dtype)
            return pair.torch;
    return torch::kFloat32;
}

core::Status addTensor(SafetensorsWriter& writer, const std::string& name, const torch::Tensor& tensor) {
    const auto dtype = safetensorsDType(tensor.scalar_type());
    if (!dtype)
        return Error{ErrorCode::InvalidArgument,
                     "tensor \"" + name + "\" has a type safetensors cannot hold: " +
                         std::string(c10::toString(tensor.scalar_type())),
                     {}};
    auto cpu = tensor.detach();
    if (cpu.is_sparse())
        cpu = cpu.to_dense();
    cpu = cpu.to(torch::kCPU).contiguous();
    std::vector<std::int64_t> shape(cpu.sizes().begin(), cpu.sizes().end());
    return writer.add(name, *dtype, shape, cpu.data_ptr(), static_cast<std::size_t>(cpu.nbytes()));
}

torch::Tensor toTensor(const TensorView& view) {
    auto tensor = torch::empty(view.shape, torch::TensorOptions().dtype(torchScalarType(view.dtype)));
    if (view.byteSize > 0)
        std::memcpy(tensor.data_ptr(), view.data, view.byteSize);
    return tensor;
}

core::Status saveTensors(const std::string& path, const NamedTensors& tensors,
                         const std::map<std::string, std::string>& metadata) {
    SafetensorsWriter writer;
    for (const auto& [key, value] : metadata)
        writer.setMetadata(key, value);
    for (const auto& [name, tensor] : tensors)
        if (auto status = addTensor(writer, name, tensor); !status)
            return status;
    return writer.write(path);
}

core::Result<std::map<std::string, torch::Tensor>> loadTensors(const std::string& path) {
    auto reader = SafetensorsReader::open(path);
    if (!reader)
        return reader.error();
    std::map<std::string, torch::Tensor> out;
    for (const auto& name : (*reader)->names())
        out.emplace(name, toTensor((*reader)->tensor(name).value()));
    return out;
}

core::Status copyInto(const std::map<std::string, torch::Tensor>& tensors, const NamedTensors& targets,
                      const std::string& source) {
    torch::NoGradGuard noGrad;
    for (const auto& [name, target] : targets) {
        const auto found = tensors.find(name);
        if (found == tensors.end())
            return Error{ErrorCode::Parse, "no tensor named \"" + name + "\"", {source, 0, 0}};
        if (found->second.sizes() != target.sizes())
            return Error{ErrorCode::Parse,
                         "tensor \"" + name + "\" has shape " + shapeText(found->second.sizes()) +
                             ", expected " + shapeText(target.sizes()),
                         {source, 0, 0}};
        auto destination = target;
        destination.copy_(found->second);
    }
    return {};
}

} // namespace bankbench::ml
