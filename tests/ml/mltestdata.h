#pragma once

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

} // namespace bankbench::test
