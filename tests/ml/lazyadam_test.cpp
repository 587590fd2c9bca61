#include "ml/lazyadam.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace bankbench;

namespace {

// Tensors agree to float rounding (LibTorch's own tests compare with allclose the same way).
void expectClose(const torch::Tensor& a, const torch::Tensor& b, double tolerance = 1e-6) {
    ASSERT_EQ(a.sizes(), b.sizes());
    EXPECT_TRUE(torch::allclose(a.to(torch::kFloat64), b.to(torch::kFloat64), tolerance, tolerance))
        << "max difference " << (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

torch::Tensor sparseRowGrad(std::int64_t rows, std::int64_t width, const std::vector<std::int64_t>& ids,
                            const torch::Tensor& values) {
    auto indices = torch::tensor(ids, torch::kInt64).unsqueeze(0);
    return torch::sparse_coo_tensor(indices, values, {rows, width});
}

} // namespace

// Dense parameters get ordinary Adam: the same trajectory as torch::optim::Adam, learning rate per step.
TEST(LazyAdam, DenseParametersFollowTorchAdam) {
    torch::manual_seed(3);
    auto ours = torch::randn({4, 3}).requires_grad_();
    auto reference = ours.detach().clone().requires_grad_();
    ml::LazyAdam optimizer({{"w", ours, false, true}}, {0.9, 0.999, 1e-8, 0.0});
    torch::optim::Adam torchAdam({reference}, torch::optim::AdamOptions(0.01));
    for (int step = 0; step < 25; ++step) {
        auto target = torch::randn({4, 3});
        (ours - target).pow(2).sum().backward();
        (reference - target).pow(2).sum().backward();
        optimizer.step(0.01);
        optimizer.zeroGrad();
        torchAdam.step();
        torchAdam.zero_grad();
    }
    expectClose(ours, reference, 1e-5);
}

TEST(LazyAdam, WeightDecayIsDecoupledAndSkipsExcludedParameters) {
    auto decayed = torch::ones({2}).requires_grad_();
    auto kept = torch::ones({2}).requires_grad_();
    ml::LazyAdam optimizer({{"decayed", decayed, false, true}, {"kept", kept, false, false}},
                           {0.9, 0.999, 1e-8, 0.5});
    decayed.mutable_grad() = torch::zeros({2});
    kept.mutable_grad() = torch::zeros({2});
    optimizer.step(0.1);
    // A zero gradient moves nothing; decoupled decay alone shrinks by lr * wd = 5%.
    expectClose(decayed, torch::full({2}, 0.95));
    expectClose(kept, torch::ones({2}));
}

// The decay is fused into the update loop; it must round as the separate p.mul_(1 - lr * wd) it replaced.
TEST(LazyAdam, FusedWeightDecayRoundsLikeASeparateMultiply) {
    torch::manual_seed(5);
    auto decayed = torch::randn({64}).requires_grad_();
    const auto expected = decayed.detach().clone().mul_(1.0 - 0.003 * 0.01);
    ml::LazyAdam optimizer({{"w", decayed, false, true}}, {0.9, 0.999, 1e-8, 0.01});
    decayed.mutable_grad() = torch::zeros({64}); // no Adam move: only the decay changes the weights
    optimizer.step(0.003);
    EXPECT_TRUE(torch::equal(decayed.detach(), expected));
}

// The trainers pass clip_grad_norm_'s factor to step() instead of calling it: same weights bit for bit, with
// and without clipping, and sparse tables are left out of the norm and the scaling as before.
TEST(LazyAdam, ClipFactorInTheStepEqualsClipGradNormThenStep) {
    for (const double maxNorm : {0.5, 1e6}) {
        torch::manual_seed(9);
        auto denseA = torch::randn({16, 8}).requires_grad_();
        auto biasA = torch::randn({8}).requires_grad_();
        auto tableA = torch::randn({10, 8}).requires_grad_();
        auto denseB = denseA.detach().clone().requires_grad_();
        auto biasB = biasA.detach().clone().requires_grad_();
        auto tableB = tableA.detach().clone().requires_grad_();
        const ml::LazyAdamOptions options{0.9, 0.999, 1e-8, 0.01};
        ml::LazyAdam a({{"w", denseA, false, true}, {"b", biasA, false, false}, {"t", tableA, true, false}},
                       options);
        ml::LazyAdam b({{"w", denseB, false, true}, {"b", biasB, false, false}, {"t", tableB, true, false}},
                       options);
        for (int step = 0; step < 6; ++step) {
            const auto gradW = torch::randn({16, 8}) * 3.0;
            const auto gradBias = torch::randn({8});
            const auto gradTable = sparseRowGrad(10, 8, {1, 4, 4}, torch::randn({3, 8}) * 50.0);
            denseA.mutable_grad() = gradW.clone();
            biasA.mutable_grad() = gradBias.clone();
            tableA.mutable_grad() = gradTable.clone();
            denseB.mutable_grad() = gradW.clone();
            biasB.mutable_grad() = gradBias.clone();
            tableB.mutable_grad() = gradTable.clone();
            torch::nn::utils::clip_grad_norm_(std::vector<torch::Tensor>{denseA, biasA}, maxNorm);
            a.step(0.01);
            const float factor = b.denseClipFactor(maxNorm);
            if (maxNorm > 1e5)
                EXPECT_EQ(factor, 1.0F);
            else
                EXPECT_LT(factor, 1.0F);
            b.step(0.01, factor);
            a.zeroGrad();
            b.zeroGrad();
        }
        EXPECT_TRUE(torch::equal(denseA.detach(), denseB.detach())) << "max norm " << maxNorm;
        EXPECT_TRUE(torch::equal(biasA.detach(), biasB.detach())) << "max norm " << maxNorm;
        EXPECT_TRUE(torch::equal(tableA.detach(), tableB.detach())) << "max norm " << maxNorm;
    }
}

// Only rows present in the sparse gradient change, and each row's bias correction counts its own updates:
// a row first touched at step 3 moves exactly like a fresh Adam's first step.
TEST(LazyAdam, SparseRowsUpdateLazilyWithPerRowStepCounts) {
    const std::int64_t rows = 6, width = 3;
    auto table = torch::zeros({rows, width}).requires_grad_();
    ml::LazyAdam optimizer({{"table", table, true, false}}, {0.9, 0.999, 1e-8, 0.0});
    const double lr = 0.1;
    auto gradA = torch::tensor({{1.0F, -2.0F, 0.5F}});
    for (int step = 0; step < 2; ++step) {
        table.mutable_grad() = sparseRowGrad(rows, width, {1}, gradA);
        optimizer.step(lr);
        optimizer.zeroGrad();
    }
    auto snapshot = table.detach().clone();
    EXPECT_TRUE(torch::equal(snapshot.index({torch::indexing::Slice(2, 6)}), torch::zeros({4, width})));

    // Step 3 touches row 4 for the first time; row 1 is not in this batch and must not move (no decay of
    // its moments either: lazy).
    auto gradB = torch::tensor({{0.3F, 0.0F, -4.0F}});
    table.mutable_grad() = sparseRowGrad(rows, width, {4}, gradB);
    optimizer.step(lr);
    optimizer.zeroGrad();
    expectClose(table.detach()[1], snapshot[1]);
    // Fresh Adam, first step: m = (1-b1) g, v = (1-b2) g^2, update = lr * g / (|g| + eps') = lr * sign(g).
    const auto expected = -lr * torch::sign(gradB[0]);
    expectClose(table.detach()[4], expected, 1e-5);

    const auto state = optimizer.state();
    ASSERT_EQ(state.size(), 3u);
    EXPECT_EQ(state[2].first, "table.step");
    EXPECT_TRUE(torch::equal(state[2].second, torch::tensor({0L, 2L, 0L, 0L, 1L, 0L})));
}

TEST(LazyAdam, RepeatedIdsInOneBatchAreSummedBeforeTheUpdate) {
    auto once = torch::zeros({3, 2}).requires_grad_();
    auto twice = torch::zeros({3, 2}).requires_grad_();
    ml::LazyAdam a({{"t", once, true, false}}, {});
    ml::LazyAdam b({{"t", twice, true, false}}, {});
    once.mutable_grad() = sparseRowGrad(3, 2, {2}, torch::tensor({{2.0F, -1.0F}}));
    twice.mutable_grad() = sparseRowGrad(3, 2, {2, 2}, torch::tensor({{1.0F, -0.5F}, {1.0F, -0.5F}}));
    a.step(0.05);
    b.step(0.05);
    expectClose(once, twice);
    EXPECT_EQ(b.state()[2].second[2].item<std::int64_t>(), 1); // one update, not two
}

// The fused CPU float loop and the tensor-operation path (used on CUDA and for other dtypes) agree.
TEST(LazyAdam, FusedCpuLoopMatchesTensorPath) {
    torch::manual_seed(11);
    const std::int64_t rows = 50, width = 8;
    auto fused = torch::randn({rows, width}).requires_grad_();
    auto generic = fused.detach().to(torch::kFloat64).requires_grad_();
    ml::LazyAdam a({{"t", fused, true, false}}, {});
    ml::LazyAdam b({{"t", generic, true, false}}, {});
    for (int step = 0; step < 20; ++step) {
        auto ids = torch::randint(0, rows, {12}, torch::kInt64);
        auto values = torch::randn({12, width});
        std::vector<std::int64_t> idList(ids.data_ptr<std::int64_t>(), ids.data_ptr<std::int64_t>() + 12);
        fused.mutable_grad() = sparseRowGrad(rows, width, idList, values);
        generic.mutable_grad() = sparseRowGrad(rows, width, idList, values.to(torch::kFloat64));
        const double lr = 0.01 * (step + 1);
        a.step(lr);
        b.step(lr);
        a.zeroGrad();
        b.zeroGrad();
    }
    expectClose(fused, generic, 1e-5);
    EXPECT_TRUE(torch::equal(a.state()[2].second, b.state()[2].second.cpu()));
}

TEST(LazyAdam, StateRoundTripsAndRejectsMismatchedShapes) {
    auto table = torch::zeros({4, 2}).requires_grad_();
    ml::LazyAdam optimizer({{"t", table, true, false}}, {});
    table.mutable_grad() = sparseRowGrad(4, 2, {0, 3}, torch::ones({2, 2}));
    optimizer.step(0.1);
    std::map<std::string, torch::Tensor> saved;
    for (const auto& [name, tensor] : optimizer.state())
        saved[name] = tensor.clone();

    auto copy = torch::zeros({4, 2}).requires_grad_();
    ml::LazyAdam restored({{"t", copy, true, false}}, {});
    EXPECT_EQ(restored.loadState(saved), "");
    for (const auto& [name, tensor] : restored.state())
        EXPECT_TRUE(torch::equal(tensor, saved[name])) << name;

    const auto good = saved["t.exp_avg"];
    saved["t.exp_avg"] = torch::zeros({5, 2});
    EXPECT_NE(restored.loadState(saved).find("wrong shape"), std::string::npos);
    saved["t.exp_avg"] = good;
    saved.erase("t.step");
    EXPECT_NE(restored.loadState(saved).find("t.step"), std::string::npos);
}

// A resumed optimizer holds rows with large step counts; their bias correction must use those counts
// (regression: the lookup table once covered only the steps of the current session).
TEST(LazyAdam, RestoredStepCountsDriveTheBiasCorrection) {
    auto table = torch::zeros({3, 2}).requires_grad_();
    ml::LazyAdam optimizer({{"t", table, true, false}}, {0.9, 0.999, 1e-8, 0.0});
    std::map<std::string, torch::Tensor> state = {{"t.exp_avg", torch::zeros({3, 2})},
                                                  {"t.exp_avg_sq", torch::zeros({3, 2})},
                                                  {"t.step", torch::tensor({500L, 0L, 0L})}};
    ASSERT_EQ(optimizer.loadState(state), "");
    table.mutable_grad() = sparseRowGrad(3, 2, {0}, torch::tensor({{2.0F, -1.0F}}));
    optimizer.step(0.01);
    // t = 501: m = 0.1 g, v = 0.001 g^2, update = lr * (m / bc1) / (sqrt(v / bc2) + eps).
    const double bc1 = 1 - std::pow(0.9, 501), bc2 = 1 - std::pow(0.999, 501);
    for (int j = 0; j < 2; ++j) {
        const double g = j == 0 ? 2.0 : -1.0;
        const double expected = -0.01 * (0.1 * g / bc1) / (std::sqrt(0.001 * g * g / bc2) + 1e-8);
        EXPECT_NEAR(table.detach()[0][j].item<double>(), expected, 1e-6);
    }
    EXPECT_EQ(optimizer.state()[2].second[0].item<std::int64_t>(), 501);
}

// A refit reuses its optimizer through resetState(): afterwards it must update exactly as a new LazyAdam does
// (moments, per-row step counts and the sparse step count that bounds them all back at zero).
TEST(LazyAdam, ResetStateUpdatesLikeANewOptimizer) {
    const std::int64_t rows = 5, width = 3;
    auto reused = torch::zeros({rows, width}).requires_grad_();
    auto fresh = torch::zeros({rows, width}).requires_grad_();
    ml::LazyAdam reusedOptimizer({{"table", reused, true, false}}, {0.9, 0.999, 1e-8, 0.0});
    const auto values = torch::tensor({{1.0F, -2.0F, 0.5F}, {0.25F, 0.5F, -1.0F}});
    for (int step = 0; step < 4; ++step) {
        reused.mutable_grad() = sparseRowGrad(rows, width, {1, 3}, values * (step + 1));
        reusedOptimizer.step(0.1);
        reusedOptimizer.zeroGrad();
    }
    reusedOptimizer.resetState();
    {
        torch::NoGradGuard noGrad;
        reused.zero_();
    }
    ml::LazyAdam freshOptimizer({{"table", fresh, true, false}}, {0.9, 0.999, 1e-8, 0.0});
    for (int step = 0; step < 2; ++step) {
        reused.mutable_grad() = sparseRowGrad(rows, width, {3, 4}, values);
        fresh.mutable_grad() = sparseRowGrad(rows, width, {3, 4}, values);
        reusedOptimizer.step(0.1);
        freshOptimizer.step(0.1);
        reusedOptimizer.zeroGrad();
        freshOptimizer.zeroGrad();
    }
    EXPECT_TRUE(torch::equal(reused, fresh));
    const auto a = reusedOptimizer.state();
    const auto b = freshOptimizer.state();
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
}
