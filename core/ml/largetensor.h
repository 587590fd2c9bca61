#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include <torch/torch.h>

namespace bankbench::ml {

/// A zero-filled, contiguous CPU tensor for large tables read and written at random rows (the fast model's
/// embedding table and its Adam moments). From 4 MiB up it lives in anonymous memory advised for
/// transparent huge pages: a lazy Adam step touches thousands of rows scattered over hundreds of megabytes,
/// and with 4 KiB pages nearly every row access also misses the TLB. The pages are zero from the kernel, so
/// nothing is written up front either. Smaller tensors, or where the advice is refused, are torch::zeros.
torch::Tensor largeZeros(at::IntArrayRef sizes, torch::ScalarType dtype);

} // namespace bankbench::ml
