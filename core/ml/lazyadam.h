#pragma once

// Includes torch: for bankbench_ml's own sources and tests only (never from Qt code).

#include "ml/adamrow.h"

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bankbench::ml {

struct LazyAdamOptions {
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    double weightDecay = 0.0; ///< decoupled (AdamW), dense parameters only
};

/// Adam for models that mix dense parameters with large embedding tables trained through sparse
/// gradients (EmbeddingBag(sparse=true)). LibTorch has no SparseAdam, and dense Adam over a 2^20-row
/// table touches every row on every step.
///
/// Sparse parameters get the *lazy* update: only the rows present in the batch's gradient change, and
/// their moments decay only when they are touched. Bias correction uses a per-row step count (how many
/// times that row was updated), not the global step: a row seen for the first time at global step 5000
/// is corrected as a fresh Adam state (1 - beta^1), which is what the moments actually hold. PyTorch's
/// SparseAdam and TensorFlow's LazyAdam use the global step instead (an approximation that
/// under-corrects rare rows). Dense parameters get ordinary AdamW.
///
/// The learning rate is passed to each step, so any schedule drives it. CPU float32 tensors take a fused
/// loop; other devices and types go through tensor operations with the same maths. Not thread-safe: one
/// training loop owns it.
class LazyAdam {
public:
    struct Param {
        std::string name;
        torch::Tensor tensor; ///< the parameter (requires_grad); its .grad() is read on step()
        bool sparse = false;  ///< gradient arrives as a sparse COO tensor over rows of a 2-D table
        bool decay = true;    ///< weight decay applies (dense only)
    };

    LazyAdam(std::vector<Param> params, LazyAdamOptions options);

    /// Applies one update from the current gradients, then leaves them for zeroGrad(). The gradients of the
    /// parameters that are not `sparse` are multiplied by `denseGradientScale` first (gradient clipping, see
    /// denseClipFactor()) in the same pass over memory as the update.
    void step(double learningRate, float denseGradientScale = 1.0F);
    /// The factor LibTorch's clip_grad_norm_(params, maxNorm) multiplies the gradients by (computed by the
    /// same tensor operations, so it rounds the same), over the parameters that are not `sparse` and have a
    /// gradient: min(1, maxNorm / (total L2 norm + 1e-6)); 1 when none has one. Passing it to step() gives
    /// clip_grad_norm_ then step() bit for bit, without clip_grad_norm_'s extra read and write of every
    /// gradient.
    float denseClipFactor(double maxNorm) const;
    /// Drops the gradients (sets them undefined), which also frees sparse gradient memory.
    void zeroGrad();

    /// For fused training steps that compute their gradients without autograd (fasttextstep.cpp): true when
    /// every parameter is a contiguous CPU float32 tensor, so the two calls below apply.
    bool fusable() const;
    /// The update step() makes for a sparse gradient, from rows the caller already summed: `rows` are
    /// distinct row ids of parameter `index` and `sums` their gradients, row-major [count x width].
    /// Counts as one sparse step, as step() does. Threads over rows (at::parallel_for).
    void stepRows(std::size_t index, const std::int64_t* rows, std::int64_t count, const float* sums,
                  double learningRate);
    /// The same update as stepRows() for callers that sum each row's gradient themselves, row by row
    /// (fasttextstep.cpp sums a row in L1 and updates it at once, without a buffer of all sums): counts one
    /// sparse step of parameter `index` and returns what updates its rows. Apply it to distinct rows only,
    /// before the optimizer's next step.
    detail::AdamRowStep beginRowStep(std::size_t index, double learningRate);
    /// The update step() makes for the dense gradient of a parameter that is not `sparse` (numel floats, the
    /// parameter's layout), weight decay included.
    void stepDense(std::size_t index, const float* grad, double learningRate);

    /// Back to the state of a new optimizer over the same parameters (moments and step counts at zero),
    /// in place: a refit that resets its model in place keeps the memory of the moments too.
    void resetState();

    const std::vector<Param>& params() const { return m_params; }

    /// State as named tensors ("<param>.exp_avg", "<param>.exp_avg_sq", "<param>.step") for checkpoints;
    /// the tensors are the live state, so copy or write them before the next step.
    std::vector<std::pair<std::string, torch::Tensor>> state() const;
    /// Restores state() output; InvalidArgument-style message in the exception-free return (empty = ok).
    std::string loadState(const std::map<std::string, torch::Tensor>& tensors);

private:
    /// Reused buffers of the fused sparse step (rows touched by the batch and their summed gradients).
    struct Scratch {
        std::vector<std::int32_t> slotOfRow; ///< -1, or the row's slot in `rows`/`sums` during a step
        std::vector<std::int64_t> rows;
        std::vector<float> sums;
    };
    struct State {
        torch::Tensor expAvg;
        torch::Tensor expAvgSq;
        torch::Tensor steps; ///< int64: one count per row (sparse) or a single count (dense)
        Scratch scratch;
    };

    void denseStep(Param& param, State& state, double learningRate, float gradientScale);
    void sparseStep(std::size_t index, double learningRate);
    void growBiasCorrections(std::int64_t maxStep);

    std::vector<Param> m_params;
    std::vector<State> m_state;
    LazyAdamOptions m_options;
    std::int64_t m_stepCalls = 0; ///< sparse steps taken; bounds every row's own step count
    std::vector<float> m_inverseBc1;
    std::vector<float> m_sqrtBc2;
};

} // namespace bankbench::ml
