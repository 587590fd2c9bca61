#include "ml/trainablemodel.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace bankbench;

namespace {

class FixedLengths : public ml::EncodedTexts {
public:
    explicit FixedLengths(std::vector<std::int64_t> lengths) : m_lengths(std::move(lengths)) {}
    std::int64_t size() const override { return static_cast<std::int64_t>(m_lengths.size()); }
    std::int64_t length(std::int64_t index) const override {
        return m_lengths[static_cast<std::size_t>(index)];
    }

private:
    std::vector<std::int64_t> m_lengths;
};

} // namespace

// Batches hold inputs of similar length (shortest first), and the rows come back in the callers' order.
TEST(LengthSortedBatches, BatchesBySimilarLengthAndReturnsRowsInTheCallersOrder) {
    const FixedLengths inputs({9, 2, 7, 2, 30, 5, 1, 8});
    std::vector<std::vector<std::int64_t>> batches;
    const auto rows = ml::inLengthSortedBatches(
        inputs, {4, 0, 6, 1, 5, 2}, 2, nullptr, [&](const std::vector<std::int64_t>& batch) {
            batches.push_back(batch);
            return torch::tensor(batch, torch::kInt64).to(torch::kFloat32).unsqueeze(1);
        });
    EXPECT_EQ(batches, (std::vector<std::vector<std::int64_t>>{{6, 1}, {5, 2}, {0, 4}}));
    ASSERT_EQ(rows.sizes(), (std::vector<std::int64_t>{6, 1}));
    const std::vector<float> values(rows.data_ptr<float>(), rows.data_ptr<float>() + 6);
    EXPECT_EQ(values, (std::vector<float>{4, 0, 6, 1, 5, 2}));

    // No indices = every input; a cancelled token stops before the first batch.
    EXPECT_EQ(ml::inLengthSortedBatches(inputs, {}, 3, nullptr,
                                        [](const std::vector<std::int64_t>& batch) {
                                            return torch::zeros({static_cast<std::int64_t>(batch.size()), 2});
                                        })
                  .size(0),
              8);
    core::CancelToken cancel;
    cancel.cancel();
    EXPECT_FALSE(
        ml::inLengthSortedBatches(inputs, {}, 3, &cancel, [](const std::vector<std::int64_t>& batch) {
            return torch::zeros({static_cast<std::int64_t>(batch.size()), 2});
        }).defined());
}
