#pragma once

#include "ml/trainconfig.h"
#include "ml/trainjob.h"
#include "store/project.h"

#include <cstdint>
#include <memory>
#include <string>

namespace bankbench::test {

/// A generated intent dataset a fast model learns to near-perfect accuracy in a few epochs: each text
/// mixes filler words with one (single-label) or one or two (multi-label) class keywords, English and
/// Chinese. Seeded, so every run of a test sees the same records.
struct SyntheticIntents {
    int perClass = 40;
    bool multiLabel = false;
    std::uint64_t seed = 1;
};

/// Creates `path` with dataset `name`; fails the calling test on any error.
std::unique_ptr<core::Project> createSyntheticProject(const std::string& path, const std::string& name,
                                                      const SyntheticIntents& options);
/// Adds another dataset (e.g. a test set with a different seed) to an open project.
void addSyntheticDataset(core::Project& project, const std::string& name, const SyntheticIntents& options);

/// The transformer the ML tests train in seconds: 1 layer, width 32, 2 heads, 120-piece vocabulary,
/// 30 epochs of batch 8 on 1 thread, a quarter held out, no early stopping and no timed checkpoints.
ml::TrainConfig tinyTransformerConfig();
/// A training job on dataset "train" of `project`, stored as run `run` ("" = a generated name).
ml::TrainJobRequest trainRequest(const std::string& project, const std::string& run, const ml::TrainConfig& config);

} // namespace bankbench::test
