#pragma once

// Private to LazyAdam (lazyadam.cpp) and the fast model's fused step (fasttextstep.cpp): the Adam update of
// one row, inline so that each caller's AVX2 and baseline clones (GCC target_clones) vectorise it for their
// own instruction set instead of calling a separate function per row. Element-wise only (no reassociation,
// no FMA in either clone), so every caller rounds the same. Callers are compiled with -fno-math-errno
// (core/ml/CMakeLists.txt): std::sqrt then vectorises; with errno semantics GCC keeps a scalar call.

#include <cmath>
#include <cstdint>

namespace bankbench::ml::detail {

/// One Adam update of `count` contiguous floats; `stepSize` = lr / (1 - beta1^t), `bc2Sqrt` =
/// sqrt(1 - beta2^t).
[[gnu::always_inline]] inline void adamRow(float* __restrict p, float* __restrict m, float* __restrict v,
                                           const float* __restrict g, std::int64_t count, float beta1,
                                           float beta2, float stepSize, float bc2Sqrt, float eps) {
    const float oneMinusBeta1 = 1.0F - beta1;
    const float oneMinusBeta2 = 1.0F - beta2;
    const float invBc2Sqrt = 1.0F / bc2Sqrt;
    for (std::int64_t j = 0; j < count; ++j) {
        const float grad = g[j];
        const float mj = beta1 * m[j] + oneMinusBeta1 * grad;
        const float vj = beta2 * v[j] + oneMinusBeta2 * grad * grad;
        m[j] = mj;
        v[j] = vj;
        p[j] -= stepSize * mj / (std::sqrt(vj) * invBc2Sqrt + eps);
    }
}

/// One AdamW update of a whole dense parameter: adamRow() with the decoupled weight decay (`decayFactor` =
/// 1 - lr * weight decay) and the gradient-clipping factor (`gradScale`) applied in the same pass, each
/// rounded exactly as the separate `p.mul_(decayFactor)` and `grad.mul_(gradScale)` passes round it.
[[gnu::always_inline]] inline void adamWDense(float* __restrict p, float* __restrict m, float* __restrict v,
                                              const float* __restrict g, std::int64_t count, float beta1,
                                              float beta2, float stepSize, float bc2Sqrt, float eps,
                                              float decayFactor, float gradScale) {
    const float oneMinusBeta1 = 1.0F - beta1;
    const float oneMinusBeta2 = 1.0F - beta2;
    const float invBc2Sqrt = 1.0F / bc2Sqrt;
    for (std::int64_t j = 0; j < count; ++j) {
        const float grad = g[j] * gradScale;
        const float mj = beta1 * m[j] + oneMinusBeta1 * grad;
        const float vj = beta2 * v[j] + oneMinusBeta2 * grad * grad;
        m[j] = mj;
        v[j] = vj;
        const float decayed = p[j] * decayFactor;
        p[j] = decayed - stepSize * mj / (std::sqrt(vj) * invBc2Sqrt + eps);
    }
}

/// One lazy sparse step of a table (LazyAdam::beginRowStep): updates any touched row from its summed
/// gradient with that row's own bias correction. Points into the optimizer's state; valid until the
/// optimizer's next step. Rows must be distinct within a step (threads may then update rows concurrently).
struct AdamRowStep {
    float* param = nullptr;
    float* expAvg = nullptr;
    float* expAvgSq = nullptr;
    std::int64_t* steps = nullptr;     ///< per row
    const float* inverseBc1 = nullptr; ///< 1 / (1 - beta1^t), by a row's step count t
    const float* sqrtBc2 = nullptr;    ///< sqrt(1 - beta2^t)
    std::int64_t width = 0;
    float learningRate = 0;
    float beta1 = 0;
    float beta2 = 0;
    float epsilon = 0;

    /// Starts fetching `row`'s parameters, moments and step count: rows are scattered over the table.
    /// Always inlined: out of line, GCC (12, -O1 and up) finds this function free of side effects (prefetches
    /// do not count) and deletes its calls, so nothing was fetched ahead.
    [[gnu::always_inline]] void prefetch(std::int64_t row) const {
        const std::int64_t offset = row * width;
        for (std::int64_t j = 0; j < width; j += 16) {
            __builtin_prefetch(param + offset + j, 1);
            __builtin_prefetch(expAvg + offset + j, 1);
            __builtin_prefetch(expAvgSq + offset + j, 1);
        }
        __builtin_prefetch(steps + row, 1);
    }

    void apply(std::int64_t row, const float* grad) const {
        const auto t = static_cast<std::size_t>(++steps[row]);
        const std::int64_t offset = row * width;
        adamRow(param + offset, expAvg + offset, expAvgSq + offset, grad, width, beta1, beta2,
                learningRate * inverseBc1[t], sqrtBc2[t], epsilon);
    }
};

} // namespace bankbench::ml::detail
