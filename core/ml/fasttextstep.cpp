#include "ml/fasttextstep.h"

#include "ml/lazyadam.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <numeric>

// Loops are written so that every inner loop runs over contiguous floats element-wise (the compiler
// vectorises them without reassociating sums), and every sum over examples runs in batch order, whichever
// thread computes it: the step gives the same bits for any thread count.

namespace bankbench::ml {

namespace {

constexpr std::int64_t kPrefetchIds = 6; ///< rows fetched ahead while summing a text's embeddings

template <typename T> void ensureSize(std::vector<T>& buffer, std::size_t size) {
    if (buffer.size() < size)
        buffer.resize(size);
}

// The element-wise kernels, in an AVX2 and a baseline version picked once at load time (GCC target_clones).
// Element-wise float operations round the same at any vector width (no reassociation, no FMA contraction:
// the AVX2 clone does not enable FMA), so both versions give the same bits.
#define BANKBENCH_KERNEL __attribute__((target_clones("avx2", "default"))) static
BANKBENCH_KERNEL void addTo(float* __restrict y, const float* __restrict x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] += x[j];
}
BANKBENCH_KERNEL void addScaled(float* __restrict y, float a, const float* __restrict x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] += a * x[j];
}
BANKBENCH_KERNEL void multiplyBy(float* __restrict y, const float* __restrict x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] *= x[j];
}
BANKBENCH_KERNEL void scaleBy(float* __restrict y, float a, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j)
        y[j] *= a;
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

    torch::NoGradGuard noGrad;
    // Dropout masks from the run's generator exactly as FastTextImpl::forward draws them, so the fused and
    // the autograd path consume the same random stream (and a checkpointed generator resumes both).
    torch::Tensor mask;
    if (options.dropout > 0 && request.generator) {
        const double keep = 1.0 - options.dropout;
        mask = torch::empty({batch, dim}, torch::kFloat32).bernoulli_(keep, *request.generator).div_(keep);
    }
    const float* maskData = mask.defined() ? mask.data_ptr<float>() : nullptr;
    const float* cw = classWeights.defined() ? classWeights.data_ptr<float>() : nullptr;
    const float* tableData = table.data_ptr<float>();
    const float* weightData = weight.data_ptr<float>();
    const float* biasData = bias.data_ptr<float>();
    const auto& targets = *request.targets;
    for (const auto target : targets)
        if (target < 0 || target >= classes)
            return std::nullopt;

    const auto bd = static_cast<std::size_t>(batch * dim);
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
    double denominator = 0;
    for (const auto target : targets)
        denominator += cw ? cw[target] : 1.0;
    const double totalClassWeight = cw ? std::accumulate(cw, cw + classes, 0.0) : static_cast<double>(classes);
    const double smoothing = request.labelSmoothing;
    const double scale = denominator > 0 ? 1.0 / denominator : 0.0;

    const std::int64_t* ids = texts.ids.data();
    const std::int64_t* starts = texts.starts.data();
    float* hiddenAll = m_hidden.data();
    float* rowGradAll = m_rowGrad.data();
    float* logitsAll = m_logitGrad.data();
    const float* transposed = m_transposed.data();

    // Forward and the gradients of each example, independently.
    at::parallel_for(0, batch, 4, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const auto example = indices[static_cast<std::size_t>(i)];
            const std::int64_t first = starts[example];
            const std::int64_t count = starts[example + 1] - first;
            float* __restrict h = hiddenAll + i * dim;
            std::fill(h, h + dim, 0.0F);
            for (std::int64_t k = 0; k < count; ++k) {
                if (k + kPrefetchIds < count)
                    for (std::int64_t d = 0; d < dim; d += 16)
                        __builtin_prefetch(tableData + ids[first + k + kPrefetchIds] * dim + d);
                const float* __restrict row = tableData + ids[first + k] * dim;
                addTo(h, row, dim);
            }
            const float inverseCount = count > 0 ? 1.0F / static_cast<float>(count) : 0.0F;
            scaleBy(h, inverseCount, dim);
            if (maskData) {
                const float* __restrict m = maskData + i * dim;
                multiplyBy(h, m, dim);
            }
            float* __restrict z = logitsAll + i * classes;
            std::copy(biasData, biasData + classes, z);
            for (std::int64_t d = 0; d < dim; ++d)
                addScaled(z, h[d], transposed + d * classes, classes);
            float maxLogit = z[0];
            for (std::int64_t c = 1; c < classes; ++c)
                maxLogit = std::max(maxLogit, z[c]);
            double sum = 0;
            for (std::int64_t c = 0; c < classes; ++c)
                sum += std::exp(static_cast<double>(z[c] - maxLogit));
            const double logSum = std::log(sum);
            const auto target = targets[static_cast<std::size_t>(i)];
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
                    grad += smoothing / static_cast<double>(classes) * (totalClassWeight * p - wc);
                z[c] = static_cast<float>(grad * scale);
            }
            m_losses[static_cast<std::size_t>(i)] =
                (1.0 - smoothing) * targetWeight * targetLoss + smoothing / static_cast<double>(classes) * smoothLoss;
            // Back through the linear layer, dropout and the mean: what each of the example's ids receives.
            float* __restrict r = rowGradAll + i * dim;
            std::fill(r, r + dim, 0.0F);
            for (std::int64_t c = 0; c < classes; ++c) {
                const float gc = z[c];
                const float* __restrict w = weightData + c * dim;
                addScaled(r, gc, w, dim);
            }
            if (maskData) {
                const float* __restrict m = maskData + i * dim;
                multiplyBy(r, m, dim);
            }
            scaleBy(r, inverseCount, dim);
        }
    });
    double loss = 0;
    for (std::int64_t i = 0; i < batch; ++i)
        loss += m_losses[static_cast<std::size_t>(i)];
    loss *= scale;

    // Output layer gradients, each class's row by one thread, examples in batch order.
    float* weightGrad = m_weightGrad.data();
    float* biasGrad = m_biasGrad.data();
    at::parallel_for(0, classes, 8, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t c = begin; c < end; ++c) {
            float* __restrict gw = weightGrad + c * dim;
            std::fill(gw, gw + dim, 0.0F);
            float gb = 0;
            for (std::int64_t i = 0; i < batch; ++i) {
                const float g = logitsAll[i * classes + c];
                gb += g;
                const float* __restrict h = hiddenAll + i * dim;
                addScaled(gw, g, h, dim);
            }
            biasGrad[c] = gb;
        }
    });

    // The distinct rows the batch touches, in first-seen order, and the slot of every id occurrence.
    const auto buckets = static_cast<std::size_t>(table.size(0));
    if (m_slotOfRow.size() != buckets)
        m_slotOfRow.assign(buckets, -1);
    m_rows.clear();
    m_slotOfId.clear();
    m_exampleOfId.clear();
    for (std::int64_t i = 0; i < batch; ++i) {
        const auto example = indices[static_cast<std::size_t>(i)];
        for (std::int64_t k = starts[example]; k < starts[example + 1]; ++k) {
            auto& slot = m_slotOfRow[static_cast<std::size_t>(ids[k])];
            if (slot < 0) {
                slot = static_cast<std::int32_t>(m_rows.size());
                m_rows.push_back(ids[k]);
            }
            m_slotOfId.push_back(slot);
            m_exampleOfId.push_back(static_cast<std::int32_t>(i));
        }
    }
    const auto rows = static_cast<std::int64_t>(m_rows.size());
    ensureSize(m_sums, static_cast<std::size_t>(rows * dim));
    float* sums = m_sums.data();
    const auto occurrences = static_cast<std::int64_t>(m_slotOfId.size());
    // Each thread owns a range of slots and adds their occurrences in batch order.
    at::parallel_for(0, rows, 512, [&](std::int64_t begin, std::int64_t end) {
        std::fill(sums + begin * dim, sums + end * dim, 0.0F);
        for (std::int64_t k = 0; k < occurrences; ++k) {
            const std::int64_t slot = m_slotOfId[static_cast<std::size_t>(k)];
            if (slot < begin || slot >= end)
                continue;
            float* __restrict target = sums + slot * dim;
            const float* __restrict source = rowGradAll + m_exampleOfId[static_cast<std::size_t>(k)] * dim;
            addTo(target, source, dim);
        }
    });

    optimizer->stepRows(0, m_rows.data(), rows, sums, request.learningRate);
    optimizer->stepDense(1, weightGrad, request.learningRate);
    optimizer->stepDense(2, biasGrad, request.learningRate);
    for (const auto row : m_rows)
        m_slotOfRow[static_cast<std::size_t>(row)] = -1;
    return loss;
}

} // namespace bankbench::ml
