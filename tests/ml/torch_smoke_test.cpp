// Real computations through LibTorch and the BLAS that runtimeInfo() reports (the only torch TU here).
#include <torch/torch.h>

#include "ml/runtime.h"

#include <gtest/gtest.h>

#include <vector>

namespace bankbench::ml {
namespace {

TEST(TorchSmoke, SmallMatmulMatchesHandComputedValues) {
    const auto a = torch::tensor({1.0f, 2.0f, 3.0f, 4.0f}).reshape({2, 2});
    const auto b = torch::tensor({5.0f, 6.0f, 7.0f, 8.0f}).reshape({2, 2});
    const auto c = torch::mm(a, b);
    // [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50]
    EXPECT_FLOAT_EQ(c[0][0].item<float>(), 19.0f);
    EXPECT_FLOAT_EQ(c[0][1].item<float>(), 22.0f);
    EXPECT_FLOAT_EQ(c[1][0].item<float>(), 43.0f);
    EXPECT_FLOAT_EQ(c[1][1].item<float>(), 50.0f);
}

// Big enough for the BLAS to block and thread the product; checked against a plain triple loop.
TEST(TorchSmoke, ThreadedSgemmMatchesNaiveProduct) {
    const int previous = runtimeInfo().intraOpThreads;
    configureThreads(2);
    const int m = 96, k = 80, n = 72;
    std::vector<float> av(m * k), bv(k * n);
    for (int i = 0; i < m * k; ++i)
        av[i] = static_cast<float>((i * 7) % 13) - 6.0f;
    for (int i = 0; i < k * n; ++i)
        bv[i] = static_cast<float>((i * 5) % 11) * 0.5f - 2.0f;
    const auto a = torch::from_blob(av.data(), {m, k}).clone();
    const auto b = torch::from_blob(bv.data(), {k, n}).clone();
    const auto c = torch::matmul(a, b).contiguous();
    const float* cv = c.data_ptr<float>();
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            double expected = 0;
            for (int p = 0; p < k; ++p)
                expected += static_cast<double>(av[i * k + p]) * bv[p * n + j];
            // Inputs are small integers and halves: every partial sum is exact in float.
            ASSERT_EQ(cv[i * n + j], static_cast<float>(expected)) << "at " << i << "," << j;
        }
    }
    configureThreads(previous);
}

TEST(TorchSmoke, LinearLayerGradientIsAnalytic) {
    torch::manual_seed(7);
    torch::nn::Linear layer(3, 1);
    const auto x = torch::tensor({1.0f, -2.0f, 0.5f}).reshape({1, 3});
    const auto y = layer(x).sum();
    y.backward();
    // d(w.x + b)/dw = x, d/db = 1
    const auto grad = layer->weight.grad();
    EXPECT_TRUE(torch::allclose(grad, x)) << grad;
    EXPECT_FLOAT_EQ(layer->bias.grad().item<float>(), 1.0f);
}

} // namespace
} // namespace bankbench::ml
