#include "ml/dropoutmask.h"

#include <cmath>

namespace bankbench::ml {

namespace {

std::uint64_t splitMix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t rotateLeft(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

/// xoshiro256++ (Blackman and Vigna), seeded through SplitMix64 as its authors recommend.
class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed) {
        for (auto& word : m_state)
            word = splitMix64(seed);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotateLeft(m_state[0] + m_state[3], 23) + m_state[0];
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotateLeft(m_state[3], 45);
        return result;
    }

private:
    std::uint64_t m_state[4];
};

} // namespace

void fillDropoutMask(float* out, std::int64_t count, double keep, std::uint64_t seed) {
    // Kept when a uniform 32-bit draw is below keep * 2^32.
    const double scaled = std::floor(keep * 4294967296.0);
    const std::uint64_t threshold =
        scaled >= 4294967296.0 ? (1ULL << 32) : static_cast<std::uint64_t>(scaled);
    const float kept = keep > 0 ? static_cast<float>(1.0 / keep) : 0.0F;
    Xoshiro256 random(seed);
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
