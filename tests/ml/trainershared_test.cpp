// The trainer's weight bookkeeping (trainershared.h): the best epoch's copies reuse their memory, and the
// selection model borrows them by exchanging storage, without copies.

#include "ml/trainershared.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace bankbench;

namespace {

ml::NamedTensors makeWeights(float value) {
    return {{"table", torch::full({4, 3}, value).requires_grad_()}, {"bias", torch::full({2}, value + 1)}};
}

} // namespace

TEST(TrainerWeights, CopyWeightsIntoReusesTheCopiesMemory) {
    auto weights = makeWeights(1.0F);
    ml::NamedTensors copies;
    ml::detail::copyWeightsInto(weights, copies); // the first copy is a clone
    ASSERT_EQ(copies.size(), 2U);
    const void* table = copies[0].second.data_ptr();
    EXPECT_NE(table, weights[0].second.data_ptr());
    {
        torch::NoGradGuard noGrad;
        weights[0].second.fill_(7.0F);
    }
    ml::detail::copyWeightsInto(weights, copies);
    EXPECT_EQ(copies[0].second.data_ptr(), table); // the next better epoch copies into the same memory
    EXPECT_TRUE(torch::equal(copies[0].second, torch::full({4, 3}, 7.0F)));
    EXPECT_FALSE(copies[0].second.requires_grad());

    ml::NamedTensors other = {{"table", torch::zeros({2, 3})}}; // another shape: cloned afresh
    ml::detail::copyWeightsInto(weights, other);
    ASSERT_EQ(other.size(), 2U);
    EXPECT_TRUE(torch::equal(other[1].second, weights[1].second));
}

TEST(TrainerWeights, BorrowedWeightsExchangeStorageAndGiveItBack) {
    auto weights = makeWeights(1.0F);
    auto best = ml::detail::cloneWeights(makeWeights(5.0F));
    const void* ownTable = weights[0].second.data_ptr();
    const void* bestTable = best[0].second.data_ptr();
    {
        ml::detail::BorrowedWeights borrowed(weights, best);
        // The parameters (the same tensors the model and its optimizer hold) now read the best values.
        EXPECT_EQ(weights[0].second.data_ptr(), bestTable);
        EXPECT_TRUE(torch::equal(weights[0].second, torch::full({4, 3}, 5.0F)));
        EXPECT_TRUE(torch::equal(weights[1].second, torch::full({2}, 6.0F)));
        EXPECT_TRUE(weights[0].second.requires_grad());
        borrowed.giveBack();
        EXPECT_EQ(weights[0].second.data_ptr(), ownTable);
        borrowed.giveBack(); // once only
        EXPECT_EQ(weights[0].second.data_ptr(), ownTable);
    }
    EXPECT_TRUE(torch::equal(weights[0].second, torch::full({4, 3}, 1.0F)));
    EXPECT_EQ(best[0].second.data_ptr(), bestTable);
    EXPECT_TRUE(torch::equal(best[0].second, torch::full({4, 3}, 5.0F)));
    { // and the destructor gives back what was not given back explicitly
        ml::detail::BorrowedWeights borrowed(weights, best);
    }
    EXPECT_EQ(weights[0].second.data_ptr(), ownTable);
    EXPECT_EQ(best[0].second.data_ptr(), bestTable);
}
