#pragma once

// Private to the fast model (fasttextmodel.cpp): its fused CPU training step. Includes torch.

#include "ml/fasttextmodel.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace bankbench::ml {

/// One training step of FastText written over the raw tensor memory: mean of the n-gram embeddings,
/// dropout, linear layer, softmax cross-entropy (class weights and label smoothing as
/// torch::nn::functional::cross_entropy computes them), the gradients by hand, then LazyAdam's update of
/// the touched embedding rows and of the dense layer. No autograd graph, no sparse gradient tensor, no
/// per-step allocations once the buffers have grown: each touched row's gradient is summed in L1 and the row
/// updated at once (LazyAdam::beginRowStep). Keeps its buffers between steps; one training loop
/// owns it.
class FastTextStep {
public:
    /// nullopt when the step does not apply (not a CPU float32 model, optimizer over other parameters, no
    /// targets); the caller then takes the autograd path.
    std::optional<double> run(const FastTextInputs& texts, const std::vector<std::int64_t>& indices,
                              FastTextImpl& module, const FusedStepRequest& request);

private:
    std::vector<float> m_mask;             ///< [batch x dim] dropout mask (0 or 1 / keep)
    std::vector<float> m_hidden;           ///< [batch x dim] pooled embeddings after dropout
    std::vector<float> m_rowGrad;          ///< [batch x dim] gradient each n-gram id of the example receives
    std::vector<float> m_logitGrad;        ///< [batch x classes] logits, then their gradient
    std::vector<float> m_transposed;       ///< [dim x classes] the output weights transposed (forward)
    std::vector<float> m_weightGrad;       ///< [classes x dim]
    std::vector<float> m_biasGrad;         ///< [classes]
    std::vector<double> m_losses;          ///< per example, before the batch's normalisation
    std::vector<std::int32_t> m_slotOfRow; ///< -1, or the row's slot in m_rows during a step
    std::vector<std::int64_t> m_rows;      ///< distinct embedding rows the batch touches, first seen first
    std::vector<std::int32_t> m_slotOfId;  ///< slot of each id occurrence of the batch, in batch order
    /// The batch examples each touched row's gradient comes from (one entry per occurrence, batch order),
    /// grouped by slot: slot s has m_examples[m_slotStarts[s] .. m_slotStarts[s + 1]).
    std::vector<std::int32_t> m_slotStarts;
    std::vector<std::int32_t> m_examples;
};

} // namespace bankbench::ml
