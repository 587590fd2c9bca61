#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include "ml/safetensors.h"
#include "util/result.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bankbench::ml {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

std::optional<DType> safetensorsDType(torch::ScalarType type);
torch::ScalarType torchScalarType(DType dtype);

/// Adds a tensor of any device and layout (copied to a contiguous CPU buffer first).
core::Status addTensor(SafetensorsWriter& writer, const std::string& name, const torch::Tensor& tensor);
/// A new CPU tensor holding a copy of the view's data.
torch::Tensor toTensor(const TensorView& view);

/// Writes `tensors` (and string `metadata`) as one safetensors file, atomically.
core::Status saveTensors(const std::string& path, const NamedTensors& tensors,
                         const std::map<std::string, std::string>& metadata = {});
/// Reads every tensor of a safetensors file into CPU tensors.
core::Result<std::map<std::string, torch::Tensor>> loadTensors(const std::string& path);

/// Copies `tensors[name]` into each target (shapes must match; dtype and device are converted).
/// Parse error naming the file and the tensor when one is missing or mis-shaped.
core::Status copyInto(const std::map<std::string, torch::Tensor>& tensors, const NamedTensors& targets,
                      const std::string& source);

} // namespace bankbench::ml
