#include "ml/fasttextstep.h"

#include "ml/lazyadam.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/core/DistributionsHelper.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>

// Loops are written so that every inner loop runs over contiguous floats element-wise (the compiler
// vectorises them without reassociating sums), and every sum over examples runs in batch order, whichever
// thread computes it: the step gives the same bits for any thread count.

namespace bankbench::ml {

namespace {

constexpr std::int64_t kPrefetchIds = 6;  ///< rows fetched ahead while summing a text's embeddings
constexpr std::int64_t kPrefetchRows = 6; ///< rows fetched ahead while updating the touched rows

/// The run generator's Mersenne Twister, copied out for one batch's dropout draws so they are inline calls
/// instead of one call into LibTorch per draw: random64() as CPUGeneratorImpl::random64() makes it (two
/// 32-bit draws, the first as the high half), so the stream and the values are the same.
struct LocalEngine {
    at::mt19937 engine;
    std::uint64_t random64() {
        const std::uint32_t high = engine();
        const std::uint32_t low = engine();
        return (static_cast<std::uint64_t>(high) << 32) | low;
    }
    std::uint32_t random() { return engine(); } // as CPUGeneratorImpl::random(); double draws use random64()
};

template <typename T> void ensureSize(std::vector<T>& buffer, std::size_t size) {
    if (buffer.size() < size)
        buffer.resize(size);
}

// Element-wise helpers, inline into the kernels below. The kernels come in an AVX2 and a baseline version
// picked once at load time (GCC target_clones), one call per thread and phase of a step (a call per row
// through the clones' dispatch cost more than the sums themselves). Element-wise float operations round
// the same at any vector width (no reassociation, no FMA contraction: the AVX2 clone does not enable FMA),
// so both versions give the same bits.
inline void addTo(float* __restrict y, const float* __restrict x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] += x[j];
}
inline void addScaled(float* __restrict y, float a, const float* __restrict x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] += a * x[j];
}
inline void multiplyBy(float* __restrict y, const float* __restrict x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] *= x[j];
}
inline void scaleBy(float* __restrict y, float a, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] *= a;
}
// Always inlined, as AdamRowStep::prefetch (adamrow.h): a call GCC may delete as free of side effects.
[[gnu::always_inline]] inline void prefetchRow(const float* row, std::int64_t dim) {
    for (std::int64_t d = 0; d < dim; d += 16)
        __builtin_prefetch(row + d);
}

/// What the per-example kernel reads and writes (the step's tensors and buffers, raw).
struct ExampleKernel {
    const std::int64_t* indices;
    const std::int64_t* ids;
    const std::int64_t* starts;
    const std::int64_t* targets;
    const float* table;
    const float* weight;
    const float* bias;
    const float* transposed;   ///< [dim x classes]
    const float* mask;         ///< null: no dropout
    const float* classWeights; ///< null: none
    float* hidden;
    float* rowGrad;
    float* logits;
    double* losses;
    std::int64_t dim;
    std::int64_t classes;
    double smoothing;
    double scale;
    double totalClassWeight;
};

#define BANKBENCH_KERNEL __attribute__((target_clones("avx2", "default")))

// The forward body is a template over the embedding width: `Width` > 0 is a width known at compile time (the
// common ones, dispatched below), so a text's sum of rows stays in registers; 0 reads the width at run time.
// Either way every float operation is the same, in the same order.

// Forward and the gradients of examples [begin, end), each independently.
template <std::int64_t Width>
[[gnu::always_inline]] inline void forwardBackwardRows(const ExampleKernel& k, std::int64_t begin,
                                                       std::int64_t end) {
    const std::int64_t dim = Width > 0 ? Width : k.dim;
    const std::int64_t classes = k.classes;
    const double smoothing = k.smoothing;
    const float* cw = k.classWeights;
    for (std::int64_t i = begin; i < end; ++i) {
        const auto example = k.indices[i];
        const std::int64_t first = k.starts[example];
        const std::int64_t count = k.starts[example + 1] - first;
        const std::int64_t* ids = k.ids + first;
        float* __restrict h = k.hidden + i * dim;
        if constexpr (Width > 0) {
            float sum[Width] = {};
            for (std::int64_t n = 0; n < count; ++n) {
                if (n + kPrefetchIds < count)
                    prefetchRow(k.table + ids[n + kPrefetchIds] * Width, Width);
                addTo(sum, k.table + ids[n] * Width, Width);
            }
            std::copy(sum, sum + Width, h);
        } else {
            std::fill(h, h + dim, 0.0F);
            for (std::int64_t n = 0; n < count; ++n) {
                if (n + kPrefetchIds < count)
                    prefetchRow(k.table + ids[n + kPrefetchIds] * dim, dim);
                addTo(h, k.table + ids[n] * dim, dim);
            }
        }
        // The next text's first rows load while this one's logits are computed.
        if (i + 1 < end) {
            const auto next = k.indices[i + 1];
            const std::int64_t nextFirst = k.starts[next];
            const std::int64_t ahead = std::min(kPrefetchIds, k.starts[next + 1] - nextFirst);
            for (std::int64_t n = 0; n < ahead; ++n)
                prefetchRow(k.table + k.ids[nextFirst + n] * dim, dim);
        }
        const float inverseCount = count > 0 ? 1.0F / static_cast<float>(count) : 0.0F;
        scaleBy(h, inverseCount, dim);
        if (k.mask)
            multiplyBy(h, k.mask + i * dim, dim);
        float* __restrict z = k.logits + i * classes;
        std::copy(k.bias, k.bias + classes, z);
        for (std::int64_t d = 0; d < dim; ++d)
            addScaled(z, h[d], k.transposed + d * classes, classes);
        float maxLogit = z[0];
        for (std::int64_t c = 1; c < classes; ++c)
            maxLogit = std::max(maxLogit, z[c]);
        double sum = 0;
        for (std::int64_t c = 0; c < classes; ++c)
            sum += std::exp(static_cast<double>(z[c] - maxLogit));
        const double logSum = std::log(sum);
        const auto target = k.targets[i];
        const double targetWeight = cw ? cw[target] : 1.0;
        // loss = (1 - s) w_y (-log p_y) + s / C * sum_c w_c (-log p_c), summed over the batch / denominator;
        // d/dz_c = [(1 - s) w_y (p_c - [c = y]) + s / C (W p_c - w_c)] / denominator, W = sum_c w_c.
        double smoothLoss = 0;
        double targetLoss = 0;
        for (std::int64_t c = 0; c < classes; ++c) {
            const double logP = static_cast<double>(z[c] - maxLogit) - logSum;
            const double p = std::exp(logP);
            const double wc = cw ? cw[c] : 1.0;
            smoothLoss -= wc * logP;
            if (c == target)
                targetLoss = -logP;
            double grad = (1.0 - smoothing) * targetWeight * (p - (c == target ? 1.0 : 0.0));
            if (smoothing > 0)
                grad += smoothing / static_cast<double>(classes) * (k.totalClassWeight * p - wc);
            z[c] = static_cast<float>(grad * k.scale);
        }
        k.losses[i] = (1.0 - smoothing) * targetWeight * targetLoss +
                      smoothing / static_cast<double>(classes) * smoothLoss;
        // Back through the linear layer, dropout and the mean: what each of the example's ids receives.
        float* __restrict r = k.rowGrad + i * dim;
        std::fill(r, r + dim, 0.0F);
        for (std::int64_t c = 0; c < classes; ++c)
            addScaled(r, z[c], k.weight + c * dim, dim);
        if (k.mask)
            multiplyBy(r, k.mask + i * dim, dim);
        scaleBy(r, inverseCount, dim);
    }
}

BANKBENCH_KERNEL void forwardBackward(const ExampleKernel& k, std::int64_t begin, std::int64_t end) {
    switch (k.dim) {
    case 32:
        return forwardBackwardRows<32>(k, begin, end);
    case 48:
        return forwardBackwardRows<48>(k, begin, end);
    case 64:
        return forwardBackwardRows<64>(k, begin, end);
    default:
        return forwardBackwardRows<0>(k, begin, end);
    }
}

// Output layer gradients of classes [begin, end), each class's row by one thread, examples in batch order.
BANKBENCH_KERNEL void outputGradients(const ExampleKernel& k, std::int64_t batch, float* weightGrad,
                                      float* biasGrad, std::int64_t begin, std::int64_t end) {
    const std::int64_t dim = k.dim;
    for (std::int64_t c = begin; c < end; ++c) {
        float* __restrict gw = weightGrad + c * dim;
        std::fill(gw, gw + dim, 0.0F);
        float gb = 0;
        for (std::int64_t i = 0; i < batch; ++i) {
            const float g = k.logits[i * k.classes + c];
            gb += g;
            addScaled(gw, g, k.hidden + i * dim, dim);
        }
        biasGrad[c] = gb;
    }
}

// Slots [begin, end): each touched row's gradient summed over its occurrences in batch order (in `sum`, dim
// floats that stay in L1 like the batch's row gradients), then the row's Adam update.
BANKBENCH_KERNEL void updateTouchedRows(const detail::AdamRowStep& step, const std::int64_t* rows,
                                        const std::int32_t* slotStarts, const std::int32_t* examples,
                                        const float* rowGrad, float* __restrict sum, std::int64_t begin,
                                        std::int64_t end) {
    const std::int64_t dim = step.width;
    for (std::int64_t s = begin; s < end; ++s) {
        if (s + kPrefetchRows < end)
            step.prefetch(rows[s + kPrefetchRows]);
        std::fill(sum, sum + dim, 0.0F);
        for (std::int32_t o = slotStarts[s]; o < slotStarts[s + 1]; ++o)
            addTo(sum, rowGrad + static_cast<std::int64_t>(examples[o]) * dim, dim);
        step.apply(rows[s], sum);
    }
}

#undef BANKBENCH_KERNEL

} // namespace

std::optional<double> FastTextStep::run(const FastTextInputs& texts, const std::vector<std::int64_t>& indices,
                                        FastTextImpl& module, const FusedStepRequest& request) {
    auto& table = module.embedding->weight;
    auto& weight = module.fc->weight;
    auto& bias = module.fc->bias;
    auto* optimizer = request.optimizer;
    if (!request.targets || request.targets->size() != indices.size() || !optimizer ||
        !optimizer->fusable() || optimizer->params().size() != 3 ||
        !optimizer->params()[0].tensor.is_same(table) || !optimizer->params()[1].tensor.is_same(weight) ||
        !optimizer->params()[2].tensor.is_same(bias) || !optimizer->params()[0].sparse)
        return std::nullopt;
    torch::Tensor classWeights;
    if (request.classWeights.defined()) {
        classWeights = request.classWeights.to(torch::kCPU, torch::kFloat32).contiguous();
        if (classWeights.numel() != weight.size(0))
            return std::nullopt;
    }

    const auto batch = static_cast<std::int64_t>(indices.size());
    const std::int64_t dim = table.size(1);
    const std::int64_t classes = weight.size(0);
    const auto& options = module.options();
    if (batch == 0)
        return std::nullopt;
    const auto& targets = *request.targets;
    for (const auto target : targets)
        if (target < 0 || target >= classes)
            return std::nullopt;

    torch::NoGradGuard noGrad;
    const auto bd = static_cast<std::size_t>(batch * dim);
    // Dropout masks from the run's generator exactly as FastTextImpl::forward draws them (its
    // bernoulli_(keep, generator).div_(keep): the same draws in the same order, the same floats), so the
    // fused and the autograd path consume the same random stream and a checkpointed generator resumes both.
    // Drawn here without a tensor and its dispatch, which cost more than the draws themselves.
    const float* maskData = nullptr;
    if (options.dropout > 0 && request.generator) {
        const double keep = 1.0 - options.dropout;
        const float kept = 1.0F / static_cast<float>(keep);
        ensureSize(m_mask, bd);
        auto* generator = at::check_generator<at::CPUGeneratorImpl>(*request.generator);
        std::lock_guard<std::mutex> lock(generator->mutex_);
        LocalEngine local{generator->engine()};
        at::bernoulli_distribution<double> bernoulli(keep);
        for (std::size_t j = 0; j < bd; ++j)
            m_mask[j] = bernoulli(&local) != 0 ? kept : 0.0F;
        generator->set_engine(local.engine);
        maskData = m_mask.data();
    }
    const float* weightData = weight.data_ptr<float>();

    ensureSize(m_hidden, bd);
    ensureSize(m_rowGrad, bd);
    ensureSize(m_logitGrad, static_cast<std::size_t>(batch * classes));
    ensureSize(m_transposed, static_cast<std::size_t>(dim * classes));
    ensureSize(m_weightGrad, static_cast<std::size_t>(classes * dim));
    ensureSize(m_biasGrad, static_cast<std::size_t>(classes));
    ensureSize(m_losses, static_cast<std::size_t>(batch));
    for (std::int64_t c = 0; c < classes; ++c)
        for (std::int64_t d = 0; d < dim; ++d)
            m_transposed[d * classes + c] = weightData[c * dim + d];

    // cross_entropy's normalisation: the mean over examples, weighted by their classes' weights.
    const float* cw = classWeights.defined() ? classWeights.data_ptr<float>() : nullptr;
    double denominator = 0;
    for (const auto target : targets)
        denominator += cw ? cw[target] : 1.0;

    const ExampleKernel kernel{indices.data(),
                               texts.ids.data(),
                               texts.starts.data(),
                               targets.data(),
                               table.data_ptr<float>(),
                               weightData,
                               bias.data_ptr<float>(),
                               m_transposed.data(),
                               maskData,
                               cw,
                               m_hidden.data(),
                               m_rowGrad.data(),
                               m_logitGrad.data(),
                               m_losses.data(),
                               dim,
                               classes,
                               request.labelSmoothing,
                               denominator > 0 ? 1.0 / denominator : 0.0,
                               cw ? std::accumulate(cw, cw + classes, 0.0) : static_cast<double>(classes)};

    at::parallel_for(0, batch, 4,
                     [&](std::int64_t begin, std::int64_t end) { forwardBackward(kernel, begin, end); });
    double loss = 0;
    for (std::int64_t i = 0; i < batch; ++i)
        loss += m_losses[static_cast<std::size_t>(i)];
    loss *= kernel.scale;

    float* weightGrad = m_weightGrad.data();
    float* biasGrad = m_biasGrad.data();
    at::parallel_for(0, classes, 8, [&](std::int64_t begin, std::int64_t end) {
        outputGradients(kernel, batch, weightGrad, biasGrad, begin, end);
    });

    // The distinct rows the batch touches, in first-seen order, then the batch examples of each row's
    // occurrences grouped by row (a counting sort that keeps batch order within a row).
    const std::int64_t* ids = texts.ids.data();
    const std::int64_t* starts = texts.starts.data();
    std::int64_t occurrences = 0;
    for (const auto example : indices)
        occurrences += starts[example + 1] - starts[example];
    const auto buckets = static_cast<std::size_t>(table.size(0));
    if (m_slotOfRow.size() != buckets)
        m_slotOfRow.assign(buckets, -1);
    ensureSize(m_rows, static_cast<std::size_t>(occurrences));
    ensureSize(m_slotOfId, static_cast<std::size_t>(occurrences));
    ensureSize(m_slotStarts, static_cast<std::size_t>(occurrences) + 1);
    ensureSize(m_examples, static_cast<std::size_t>(occurrences));
    std::int32_t* slotOfRow = m_slotOfRow.data();
    std::int64_t* rowIds = m_rows.data();
    std::int32_t* slotOfId = m_slotOfId.data();
    std::int32_t* slotStarts = m_slotStarts.data();
    std::int32_t rows = 0;
    std::int64_t at = 0;
    for (const auto example : indices) {
        for (std::int64_t k = starts[example]; k < starts[example + 1]; ++k) {
            std::int32_t slot = slotOfRow[ids[k]];
            if (slot < 0) {
                slot = rows++;
                slotOfRow[ids[k]] = slot;
                rowIds[slot] = ids[k];
                slotStarts[slot + 1] = 0;
            }
            slotOfId[at++] = slot;
            ++slotStarts[slot + 1];
        }
    }
    slotStarts[0] = 0;
    for (std::int32_t s = 0; s < rows; ++s) {
        slotStarts[s + 1] += slotStarts[s];
        slotOfRow[rowIds[s]] = -1;
    }
    // Each slot's start serves as its write cursor, which ends at the next slot's start: shift back after.
    std::int32_t* examples = m_examples.data();
    at = 0;
    for (std::int64_t i = 0; i < batch; ++i) {
        const auto example = indices[static_cast<std::size_t>(i)];
        for (std::int64_t k = starts[example]; k < starts[example + 1]; ++k)
            examples[slotStarts[slotOfId[at++]]++] = static_cast<std::int32_t>(i);
    }
    for (std::int32_t s = rows; s > 0; --s)
        slotStarts[s] = slotStarts[s - 1];
    slotStarts[0] = 0;

    const auto rowStep = optimizer->beginRowStep(0, request.learningRate);
    const float* rowGrad = m_rowGrad.data();
    at::parallel_for(0, rows, 256, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> sum(static_cast<std::size_t>(dim));
        updateTouchedRows(rowStep, rowIds, slotStarts, examples, rowGrad, sum.data(), begin, end);
    });
    optimizer->stepDense(1, weightGrad, request.learningRate);
    optimizer->stepDense(2, biasGrad, request.learningRate);
    return loss;
}

} // namespace bankbench::ml
