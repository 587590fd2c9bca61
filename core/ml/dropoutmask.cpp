#include "ml/dropoutmask.h"

#include "util/seededrandom.h"

#include <cmath>

namespace bankbench::ml {

void fillDropoutMask(float* out, std::int64_t count, double keep, std::uint64_t seed) {
    // Kept when a uniform 32-bit draw is below keep * 2^32.
    const double scaled = std::floor(keep * 4294967296.0);
    const std::uint64_t threshold =
        scaled >= 4294967296.0 ? (1ULL << 32) : static_cast<std::uint64_t>(scaled);
    const float kept = keep > 0 ? static_cast<float>(1.0 / keep) : 0.0F;
    core::SeededRandom random(seed);
    std::int64_t i = 0;
    for (; i + 1 < count; i += 2) {
        const std::uint64_t bits = random.next();
        out[i] = (bits & 0xFFFFFFFFULL) < threshold ? kept : 0.0F;
        out[i + 1] = (bits >> 32) < threshold ? kept : 0.0F;
    }
    if (i < count)
        out[i] = (random.next() & 0xFFFFFFFFULL) < threshold ? kept : 0.0F;
}

} // namespace bankbench::ml
