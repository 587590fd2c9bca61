#pragma once

// The dropout masks of CPU training, drawn from a seeded xoshiro256** stream (core/util/seededrandom.h) with
// 32 bits per element. LibTorch's bernoulli_ draws a double per element through its generator's virtual
// interface: about 6 ns an element, so the 13 dropout sites of the 4-layer transformer cost a tenth of every
// training step on one core. This stream is over ten times faster and as reproducible: the trainer seeds
// every mask from the run's checkpointed generator, so a resumed run draws the masks the uninterrupted one
// would have.

#include <cstdint>

namespace bankbench::ml {

/// Fills `count` floats with 1/keep (kept, with probability `keep`, resolution 2^-32) or 0 (dropped), from
/// the stream that `seed` starts. Deterministic: the same seed gives the same mask.
void fillDropoutMask(float* out, std::int64_t count, double keep, std::uint64_t seed);

} // namespace bankbench::ml
