// The fast model's fused training step (fasttextstep.cpp) against the autograd path it replaces: same loss,
// same parameters and optimizer state after several steps, and the same bits for any thread count.

#include "ml/fasttextmodel.h"
#include "ml/lazyadam.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace bankbench;

namespace {

namespace F = torch::nn::functional;

const std::vector<std::string> kTexts = {"my card was lost yesterday",
                                         "what is my balance",
                                         "card lost card lost",
                                         "top up failed again",
                                         "",
                                         "余额 查询 怎么 做",
                                         "how do I top up",
                                         "lost"};
const std::vector<std::int64_t> kTargets = {0, 1, 0, 2, 3, 1, 2, 0};

std::unique_ptr<ml::FastTextClassifier> makeModel(double dropout) {
    core::HashedFeatureOptions features;
    features.bucketBits = 7; // 128 rows: many collisions, so repeated rows within a batch are exercised
    ml::FastTextOptions options;
    options.dim = 12;
    options.numClasses = 4;
    options.dropout = dropout;
    options.seed = 5;
    auto model = std::make_unique<ml::FastTextClassifier>(features, options);
    // A non-zero output layer, so the first step already sends gradients into the embedding rows.
    torch::NoGradGuard noGrad;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(11);
    model->module()->fc->weight.normal_(0, 0.3, generator);
    model->module()->fc->bias.normal_(0, 0.3, generator);
    return model;
}

std::unique_ptr<ml::LazyAdam> makeOptimizer(ml::FastTextClassifier& model, double weightDecay) {
    std::vector<ml::LazyAdam::Param> params;
    for (auto& p : model.parameters())
        params.push_back({p.name, p.tensor, p.sparseGradient, p.weightDecay});
    return std::make_unique<ml::LazyAdam>(std::move(params),
                                          ml::LazyAdamOptions{0.9, 0.999, 1e-8, weightDecay});
}

void expectClose(const torch::Tensor& a, const torch::Tensor& b, const std::string& what) {
    ASSERT_EQ(a.sizes(), b.sizes()) << what;
    EXPECT_TRUE(torch::allclose(a.to(torch::kFloat64), b.to(torch::kFloat64), 1e-5, 1e-6))
        << what << ": max difference "
        << (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

struct Case {
    double dropout = 0;
    double labelSmoothing = 0;
    bool classWeights = false;
    double weightDecay = 0;
};

void compareWithAutograd(const Case& c) {
    auto reference = makeModel(c.dropout);
    auto fused = makeModel(c.dropout);
    auto referenceOptimizer = makeOptimizer(*reference, c.weightDecay);
    auto fusedOptimizer = makeOptimizer(*fused, c.weightDecay);
    auto inputs = reference->encode(kTexts);
    auto referenceGenerator = at::make_generator<at::CPUGeneratorImpl>(99);
    auto fusedGenerator = at::make_generator<at::CPUGeneratorImpl>(99);
    const auto weights = torch::tensor({1.0F, 2.0F, 0.5F, 1.5F});
    const std::vector<std::vector<std::int64_t>> batches = {{0, 1, 2, 3}, {4, 5, 6, 7}, {2, 0, 7, 5, 1}};
    for (int step = 0; step < 6; ++step) {
        const auto& batch = batches[static_cast<std::size_t>(step) % batches.size()];
        std::vector<std::int64_t> targets;
        for (auto index : batch)
            targets.push_back(kTargets[static_cast<std::size_t>(index)]);
        const double lr = 0.05 * (step + 1);

        auto logits = reference->forward(*inputs, batch, ml::ForwardContext{true, &referenceGenerator});
        auto options = F::CrossEntropyFuncOptions().label_smoothing(c.labelSmoothing);
        if (c.classWeights)
            options.weight(weights);
        auto loss = F::cross_entropy(logits, torch::tensor(targets), options);
        loss.backward();
        referenceOptimizer->step(lr);
        referenceOptimizer->zeroGrad();

        ml::FusedStepRequest request;
        request.targets = &targets;
        if (c.classWeights)
            request.classWeights = weights;
        request.labelSmoothing = c.labelSmoothing;
        request.learningRate = lr;
        request.optimizer = fusedOptimizer.get();
        request.generator = &fusedGenerator;
        const auto fusedLoss = fused->fusedTrainStep(*inputs, batch, request);
        ASSERT_TRUE(fusedLoss.has_value());
        EXPECT_NEAR(*fusedLoss, loss.item<double>(), 1e-5) << "step " << step;
        // The fused step draws its dropout masks from a copy of the generator's engine: it must leave the
        // generator exactly where the autograd path leaves it (the next batch's masks, a checkpoint's RNG).
        EXPECT_TRUE(torch::equal(fusedGenerator.get_state(), referenceGenerator.get_state()))
            << "step " << step;
    }
    auto a = reference->parameters();
    auto b = fused->parameters();
    for (std::size_t i = 0; i < a.size(); ++i)
        expectClose(a[i].tensor, b[i].tensor, a[i].name);
    auto stateA = referenceOptimizer->state();
    auto stateB = fusedOptimizer->state();
    for (std::size_t i = 0; i < stateA.size(); ++i) {
        if (stateA[i].second.scalar_type() == torch::kInt64)
            EXPECT_TRUE(torch::equal(stateA[i].second, stateB[i].second)) << stateA[i].first;
        else
            expectClose(stateA[i].second, stateB[i].second, stateA[i].first);
    }
}

} // namespace

TEST(FastTextStep, MatchesTheAutogradStepPlain) {
    compareWithAutograd({});
}

TEST(FastTextStep, MatchesTheAutogradStepWithDropoutFromTheSameGenerator) {
    compareWithAutograd({0.4, 0, false, 0});
}

TEST(FastTextStep, MatchesTheAutogradStepWithLabelSmoothingClassWeightsAndWeightDecay) {
    compareWithAutograd({0.2, 0.1, true, 0.01});
}

TEST(FastTextStep, GivesTheSameBitsForAnyThreadCount) {
    const int before = at::get_num_threads();
    std::vector<torch::Tensor> results[2];
    for (int run = 0; run < 2; ++run) {
        at::set_num_threads(run == 0 ? 1 : 2);
        auto model = makeModel(0.3);
        auto optimizer = makeOptimizer(*model, 0);
        auto inputs = model->encode(kTexts);
        auto generator = at::make_generator<at::CPUGeneratorImpl>(7);
        std::vector<std::int64_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
        std::vector<std::int64_t> targets = kTargets;
        for (int step = 0; step < 4; ++step) {
            ml::FusedStepRequest request;
            request.targets = &targets;
            request.learningRate = 0.1;
            request.optimizer = optimizer.get();
            request.generator = &generator;
            ASSERT_TRUE(model->fusedTrainStep(*inputs, batch, request).has_value());
        }
        for (auto& p : model->parameters())
            results[run].push_back(p.tensor.detach().clone());
    }
    at::set_num_threads(before);
    for (std::size_t i = 0; i < results[0].size(); ++i)
        EXPECT_TRUE(torch::equal(results[0][i], results[1][i])) << i;
}

TEST(FastTextStep, DeclinesWhatItCannotComputeSoTheTrainerUsesAutograd) {
    auto model = makeModel(0);
    auto inputs = model->encode(kTexts);
    std::vector<std::int64_t> batch = {0, 1};
    std::vector<std::int64_t> targets = {0, 1};
    ml::FusedStepRequest request;
    request.targets = &targets;
    request.learningRate = 0.1;
    EXPECT_FALSE(model->fusedTrainStep(*inputs, batch, request).has_value()); // no optimizer
    // An optimizer over other tensors than the model's.
    auto other = makeModel(0);
    auto otherOptimizer = makeOptimizer(*other, 0);
    request.optimizer = otherOptimizer.get();
    EXPECT_FALSE(model->fusedTrainStep(*inputs, batch, request).has_value());
    auto optimizer = makeOptimizer(*model, 0);
    request.optimizer = optimizer.get();
    std::vector<std::int64_t> outOfRange = {0, 9};
    request.targets = &outOfRange;
    EXPECT_FALSE(model->fusedTrainStep(*inputs, batch, request).has_value());
    request.targets = &targets;
    EXPECT_TRUE(model->fusedTrainStep(*inputs, batch, request).has_value());
}

// The refit resets the selection model in place (Trainer::resetModel): same values as a new model, same
// memory.
TEST(FastTextStep, ResetParametersRestoresTheInitialModelInTheSameMemory) {
    core::HashedFeatureOptions features;
    features.bucketBits = 7;
    ml::FastTextOptions options;
    options.dim = 12;
    options.numClasses = 4;
    options.seed = 5;
    ml::FastTextClassifier fresh(features, options);
    ml::FastTextClassifier trained(features, options);
    auto optimizer = makeOptimizer(trained, 0);
    auto inputs = trained.encode(kTexts);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(3);
    std::vector<std::int64_t> batch = {0, 1, 2, 3, 4, 5, 6, 7};
    std::vector<std::int64_t> targets = kTargets;
    for (int step = 0; step < 3; ++step) {
        ml::FusedStepRequest request;
        request.targets = &targets;
        request.learningRate = 0.1;
        request.optimizer = optimizer.get();
        request.generator = &generator;
        ASSERT_TRUE(trained.fusedTrainStep(*inputs, batch, request).has_value());
    }
    std::vector<void*> storage;
    for (auto& p : trained.parameters())
        storage.push_back(p.tensor.data_ptr());
    ASSERT_FALSE(torch::equal(trained.parameters()[0].tensor, fresh.parameters()[0].tensor));

    ASSERT_TRUE(trained.resetParameters());
    optimizer->resetState();
    const auto a = trained.parameters();
    const auto b = fresh.parameters();
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_TRUE(torch::equal(a[i].tensor, b[i].tensor)) << a[i].name;
        EXPECT_EQ(a[i].tensor.data_ptr(), storage[i]) << a[i].name;
    }
    for (const auto& [name, tensor] : optimizer->state())
        EXPECT_EQ(tensor.abs().max().item<double>(), 0.0) << name;
}
