#pragma once

#include "io/importer.h"

#include <chrono>

namespace bankbench::core {

/// Throttles import progress callbacks to one per interval and fills in throughput and an ETA
/// estimated from the share of the file's bytes read. Lives on the importing thread.
class ProgressMeter {
public:
    ProgressMeter(const ImportProgressSink& sink, int intervalMs);

    double elapsedSeconds() const;
    /// Calls the sink when the interval has passed since the last call, or always when `force`.
    void report(std::int64_t bytesRead, std::int64_t bytesTotal, std::int64_t rows, std::int64_t skipped, bool force);

private:
    using Clock = std::chrono::steady_clock;

    const ImportProgressSink& m_sink;
    Clock::duration m_interval;
    Clock::time_point m_started;
    Clock::time_point m_last;
};

} // namespace bankbench::core
