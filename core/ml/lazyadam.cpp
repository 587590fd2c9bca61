#include "ml/lazyadam.h"

#include "ml/largetensor.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>

namespace bankbench::ml {

namespace {

constexpr std::int64_t kPrefetchRows = 6;

bool fusedCpu(const torch::Tensor& tensor) {
    return tensor.device().is_cpu() && tensor.scalar_type() == torch::kFloat32 && tensor.is_contiguous();
}

// The loops over rows and over a dense parameter, in AVX2 and baseline clones (GCC target_clones) with the
// row update inlined (adamrow.h); element-wise, so both clones round the same.
__attribute__((target_clones("avx2", "default"))) void updateRows(const detail::AdamRowStep& step,
                                                                  const std::int64_t* rowIds,
                                                                  const float* sums, std::int64_t begin,
                                                                  std::int64_t end) {
    for (std::int64_t i = begin; i < end; ++i) {
        if (i + kPrefetchRows < end)
            step.prefetch(rowIds[i + kPrefetchRows]);
        step.apply(rowIds[i], sums + i * step.width);
    }
}

__attribute__((target_clones("avx2", "default"))) void
updateDense(float* p, float* m, float* v, const float* g, std::int64_t count, float beta1, float beta2,
            float stepSize, float bc2Sqrt, float eps, float decayFactor, float gradScale) {
    detail::adamWDense(p, m, v, g, count, beta1, beta2, stepSize, bc2Sqrt, eps, decayFactor, gradScale);
}

} // namespace

LazyAdam::LazyAdam(std::vector<Param> params, LazyAdamOptions options)
    : m_params(std::move(params)), m_options(options) {
    torch::NoGradGuard noGrad;
    for (const auto& param : m_params) {
        State state;
        if (fusedCpu(param.tensor)) {
            // Moments of a large table are read at random rows like the table itself (largetensor.h).
            state.expAvg = largeZeros(param.tensor.sizes(), torch::kFloat32);
            state.expAvgSq = largeZeros(param.tensor.sizes(), torch::kFloat32);
        } else {
            state.expAvg = torch::zeros_like(param.tensor, torch::MemoryFormat::Contiguous);
            state.expAvgSq = torch::zeros_like(param.tensor, torch::MemoryFormat::Contiguous);
        }
        const auto counts = param.sparse ? param.tensor.size(0) : 1;
        // Step counts stay on the CPU for the fused path; the tensor path moves them with the parameter.
        state.steps =
            torch::zeros({counts}, torch::TensorOptions()
                                       .dtype(torch::kInt64)
                                       .device(fusedCpu(param.tensor) ? torch::kCPU : param.tensor.device()));
        m_state.push_back(std::move(state));
    }
}

void LazyAdam::step(double learningRate, float denseGradientScale) {
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        auto& param = m_params[i];
        if (!param.tensor.grad().defined())
            continue;
        if (param.sparse && param.tensor.grad().is_sparse())
            sparseStep(i, learningRate);
        else
            denseStep(param, m_state[i], learningRate, param.sparse ? 1.0F : denseGradientScale);
    }
}

float LazyAdam::denseClipFactor(double maxNorm) const {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> norms;
    for (const auto& param : m_params)
        if (!param.sparse && param.tensor.grad().defined())
            norms.push_back(param.tensor.grad().norm(2));
    if (norms.empty())
        return 1.0F;
    // The operations of torch::nn::utils::clip_grad_norm_ (LibTorch 1.13), in its order.
    const auto total = norms.size() == 1 ? norms[0] : torch::stack(norms).norm(2);
    const auto factor = torch::clamp(maxNorm / (total + 1e-6), c10::nullopt, 1.0);
    return factor.to(torch::kCPU).to(torch::kFloat32).item<float>();
}

// 1 / (1 - beta1^t) and sqrt(1 - beta2^t) for t = 0..maxStep: one table lookup per row instead of two
// pow() calls. A row's own step count never exceeds the number of step() calls.
void LazyAdam::growBiasCorrections(std::int64_t maxStep) {
    for (auto t = static_cast<std::int64_t>(m_inverseBc1.size()); t <= maxStep; ++t) {
        const auto td = static_cast<double>(t);
        m_inverseBc1.push_back(t == 0 ? 0.0F
                                      : static_cast<float>(1.0 / (1.0 - std::pow(m_options.beta1, td))));
        m_sqrtBc2.push_back(static_cast<float>(std::sqrt(1.0 - std::pow(m_options.beta2, td))));
    }
}

void LazyAdam::zeroGrad() {
    for (auto& param : m_params)
        if (param.tensor.grad().defined())
            param.tensor.mutable_grad() = torch::Tensor();
}

void LazyAdam::denseStep(Param& param, State& state, double learningRate, float gradientScale) {
    auto grad = param.tensor.grad();
    if (grad.is_sparse())
        grad = grad.to_dense();
    const double beta1 = m_options.beta1, beta2 = m_options.beta2;
    const bool decays = param.decay && m_options.weightDecay > 0;
    // A table whose gradient came dense (a model built without sparse gradients) updates every row and
    // counts a step for each, so its per-row bias correction stays consistent.
    state.steps.add_(1);
    if (fusedCpu(param.tensor) && grad.is_contiguous() && grad.scalar_type() == torch::kFloat32 &&
        !param.sparse) {
        // Decay, gradient scale and update in one pass: this loop reads and writes every parameter, moment
        // and gradient once per step, and separate mul_ passes cost as much again on a transformer.
        const auto t = static_cast<double>(state.steps.item<std::int64_t>());
        const float stepSize = static_cast<float>(learningRate / (1.0 - std::pow(beta1, t)));
        const float bc2Sqrt = static_cast<float>(std::sqrt(1.0 - std::pow(beta2, t)));
        const float decayFactor =
            decays ? static_cast<float>(1.0 - learningRate * m_options.weightDecay) : 1.0F;
        updateDense(param.tensor.data_ptr<float>(), state.expAvg.data_ptr<float>(),
                    state.expAvgSq.data_ptr<float>(), grad.data_ptr<float>(), param.tensor.numel(),
                    static_cast<float>(beta1), static_cast<float>(beta2), stepSize, bc2Sqrt,
                    static_cast<float>(m_options.epsilon), decayFactor, gradientScale);
        return;
    }
    if (decays)
        param.tensor.mul_(1.0 - learningRate * m_options.weightDecay);
    if (gradientScale != 1.0F)
        grad = grad * gradientScale;
    state.expAvg.mul_(beta1).add_(grad, 1.0 - beta1);
    state.expAvgSq.mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);
    if (param.sparse) {
        auto t = state.steps.to(torch::kFloat64).view({-1, 1});
        auto bc1 = (1.0 - torch::pow(beta1, t)).to(param.tensor.scalar_type());
        auto bc2Sqrt = torch::sqrt(1.0 - torch::pow(beta2, t)).to(param.tensor.scalar_type());
        auto denom = state.expAvgSq.sqrt().div_(bc2Sqrt.to(param.tensor.device())).add_(m_options.epsilon);
        param.tensor.sub_(state.expAvg.div(bc1.to(param.tensor.device())).div_(denom).mul_(learningRate));
        return;
    }
    const auto t = static_cast<double>(state.steps.item<std::int64_t>());
    const double bc1 = 1.0 - std::pow(beta1, t);
    const double bc2Sqrt = std::sqrt(1.0 - std::pow(beta2, t));
    auto denom = state.expAvgSq.sqrt().div_(bc2Sqrt).add_(m_options.epsilon);
    param.tensor.addcdiv_(state.expAvg, denom, -learningRate / bc1);
}

void LazyAdam::sparseStep(std::size_t index, double learningRate) {
    auto& param = m_params[index];
    auto& state = m_state[index];
    auto grad = param.tensor.grad();

    if (fusedCpu(param.tensor) && grad._values().scalar_type() == torch::kFloat32 && grad.device().is_cpu()) {
        // Sums the gradient rows of repeated ids (a bigram seen twice in a batch) into one slot per row, in
        // reused buffers: what coalesce() does, without its sort and its fresh allocations every step.
        auto ids = grad._indices()[0].contiguous();
        auto values = grad._values().contiguous();
        const std::int64_t width = param.tensor.numel() / param.tensor.size(0);
        const std::int64_t* idData = ids.data_ptr<std::int64_t>();
        const float* valueData = values.data_ptr<float>();
        auto& scratch = state.scratch;
        if (scratch.slotOfRow.size() != static_cast<std::size_t>(param.tensor.size(0)))
            scratch.slotOfRow.assign(static_cast<std::size_t>(param.tensor.size(0)), -1);
        scratch.rows.clear();
        for (std::int64_t i = 0, n = ids.size(0); i < n; ++i) {
            const std::int64_t row = idData[i];
            auto& slot = scratch.slotOfRow[static_cast<std::size_t>(row)];
            const float* source = valueData + i * width;
            if (slot < 0) {
                slot = static_cast<std::int32_t>(scratch.rows.size());
                scratch.rows.push_back(row);
                if (scratch.sums.size() < scratch.rows.size() * static_cast<std::size_t>(width))
                    scratch.sums.resize(scratch.rows.size() * static_cast<std::size_t>(width) * 2);
                std::copy(source, source + width,
                          scratch.sums.data() + static_cast<std::size_t>(slot) * width);
            } else {
                float* target = scratch.sums.data() + static_cast<std::size_t>(slot) * width;
                for (std::int64_t j = 0; j < width; ++j)
                    target[j] += source[j];
            }
        }
        stepRows(index, scratch.rows.data(), static_cast<std::int64_t>(scratch.rows.size()),
                 scratch.sums.data(), learningRate);
        for (const auto row : scratch.rows)
            scratch.slotOfRow[static_cast<std::size_t>(row)] = -1;
        return;
    }

    grad = grad.coalesce();
    auto rows = grad._indices()[0].contiguous();
    auto values = grad._values().contiguous();
    if (rows.size(0) == 0)
        return;
    // Tensor path (CUDA, other dtypes): the same maths on gathered rows.
    state.steps.index_add_(0, rows, torch::ones_like(rows));
    auto t = state.steps.index_select(0, rows).to(torch::kFloat64).unsqueeze(1);
    auto bc1 = (1.0 - torch::pow(m_options.beta1, t)).to(values.scalar_type());
    auto bc2Sqrt = torch::sqrt(1.0 - torch::pow(m_options.beta2, t)).to(values.scalar_type());
    auto mRows = state.expAvg.index_select(0, rows).mul_(m_options.beta1).add_(values, 1.0 - m_options.beta1);
    auto vRows = state.expAvgSq.index_select(0, rows)
                     .mul_(m_options.beta2)
                     .addcmul_(values, values, 1.0 - m_options.beta2);
    state.expAvg.index_copy_(0, rows, mRows);
    state.expAvgSq.index_copy_(0, rows, vRows);
    auto update = mRows.div(bc1).div_(vRows.sqrt().div_(bc2Sqrt).add_(m_options.epsilon)).mul_(-learningRate);
    param.tensor.index_add_(0, rows, update);
}

bool LazyAdam::fusable() const {
    return std::all_of(m_params.begin(), m_params.end(), [](const Param& p) { return fusedCpu(p.tensor); });
}

detail::AdamRowStep LazyAdam::beginRowStep(std::size_t index, double learningRate) {
    auto& param = m_params[index];
    auto& state = m_state[index];
    ++m_stepCalls;
    growBiasCorrections(m_stepCalls);
    detail::AdamRowStep step;
    step.param = param.tensor.data_ptr<float>();
    step.expAvg = state.expAvg.data_ptr<float>();
    step.expAvgSq = state.expAvgSq.data_ptr<float>();
    step.steps = state.steps.data_ptr<std::int64_t>();
    step.inverseBc1 = m_inverseBc1.data();
    step.sqrtBc2 = m_sqrtBc2.data();
    step.width = param.tensor.numel() / param.tensor.size(0);
    step.learningRate = static_cast<float>(learningRate);
    step.beta1 = static_cast<float>(m_options.beta1);
    step.beta2 = static_cast<float>(m_options.beta2);
    step.epsilon = static_cast<float>(m_options.epsilon);
    return step;
}

void LazyAdam::stepRows(std::size_t index, const std::int64_t* rowIds, std::int64_t count, const float* sums,
                        double learningRate) {
    const auto step = beginRowStep(index, learningRate);
    // Rows are distinct, so threads never write the same row.
    at::parallel_for(0, count, 256, [&](std::int64_t begin, std::int64_t end) {
        updateRows(step, rowIds, sums, begin, end);
    });
}

void LazyAdam::stepDense(std::size_t index, const float* grad, double learningRate) {
    auto& param = m_params[index];
    auto& state = m_state[index];
    const std::int64_t numel = param.tensor.numel();
    float* p = param.tensor.data_ptr<float>();
    const float decayFactor = param.decay && m_options.weightDecay > 0
                                  ? static_cast<float>(1.0 - learningRate * m_options.weightDecay)
                                  : 1.0F;
    auto* steps = state.steps.data_ptr<std::int64_t>();
    const auto count = state.steps.numel();
    for (std::int64_t i = 0; i < count; ++i)
        ++steps[i];
    const auto t = static_cast<double>(steps[0]);
    const double beta1 = m_options.beta1, beta2 = m_options.beta2;
    updateDense(p, state.expAvg.data_ptr<float>(), state.expAvgSq.data_ptr<float>(), grad, numel,
                static_cast<float>(beta1), static_cast<float>(beta2),
                static_cast<float>(learningRate / (1.0 - std::pow(beta1, t))),
                static_cast<float>(std::sqrt(1.0 - std::pow(beta2, t))),
                static_cast<float>(m_options.epsilon), decayFactor, 1.0F);
}

void LazyAdam::resetState() {
    torch::NoGradGuard noGrad;
    for (auto& state : m_state) {
        state.expAvg.zero_();
        state.expAvgSq.zero_();
        state.steps.zero_();
    }
    m_stepCalls = 0;
}

std::vector<std::pair<std::string, torch::Tensor>> LazyAdam::state() const {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        out.emplace_back(m_params[i].name + ".exp_avg", m_state[i].expAvg);
        out.emplace_back(m_params[i].name + ".exp_avg_sq", m_state[i].expAvgSq);
        out.emplace_back(m_params[i].name + ".step", m_state[i].steps);
    }
    return out;
}

std::string LazyAdam::loadState(const std::map<std::string, torch::Tensor>& tensors) {
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        auto& state = m_state[i];
        for (auto [suffix, target] :
             {std::pair{".exp_avg", &state.expAvg}, std::pair{".exp_avg_sq", &state.expAvgSq},
              std::pair{".step", &state.steps}}) {
            const auto name = m_params[i].name + suffix;
            const auto found = tensors.find(name);
            if (found == tensors.end())
                return "optimizer state has no tensor \"" + name + "\"";
            if (found->second.sizes() != target->sizes())
                return "optimizer state \"" + name + "\" has the wrong shape";
            target->copy_(found->second);
        }
        if (m_params[i].sparse && state.steps.numel() > 0)
            m_stepCalls = std::max(m_stepCalls, state.steps.max().item<std::int64_t>());
    }
    return {};
}

} // namespace bankbench::ml
