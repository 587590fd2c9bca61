#pragma once

#include <cstdint>
#include <vector>

namespace bankbench::core {

/// xoshiro256** seeded through SplitMix64. Our own generator and bounded draws (not <random>'s
/// distributions, whose output differs between standard libraries) so a seed gives the same demo data, text
/// augmentation and dropout masks everywhere. Not thread-safe; one per generator.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) {
        for (auto& word : m_state)
            word = splitMix(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, n), without modulo bias. n > 0.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold)
                return r % n;
        }
    }

    /// Uniform in [low, high].
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    bool chance(double probability) { return unit() < probability; }

    template <typename T> const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

    /// Index drawn with probability proportional to weights[i] (non-negative, not all zero).
    std::size_t weighted(const std::vector<int>& weights) {
        std::uint64_t total = 0;
        for (int w : weights)
            total += static_cast<std::uint64_t>(w);
        std::uint64_t r = below(total);
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < static_cast<std::uint64_t>(weights[i]))
                return i;
            r -= static_cast<std::uint64_t>(weights[i]);
        }
        return weights.size() - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitMix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t m_state[4];
};

} // namespace bankbench::core
