#include "io/progressmeter.h"

#include <algorithm>

namespace bankbench::core {

ProgressMeter::ProgressMeter(const ImportProgressSink& sink, int intervalMs)
    : m_sink(sink), m_interval(std::chrono::milliseconds(std::max(intervalMs, 0))), m_started(Clock::now()),
      m_last(m_started) {}

double ProgressMeter::elapsedSeconds() const {
    return std::chrono::duration<double>(Clock::now() - m_started).count();
}

void ProgressMeter::report(std::int64_t bytesRead, std::int64_t bytesTotal, std::int64_t rows, std::int64_t skipped,
                           bool force) {
    if (!m_sink)
        return;
    const auto now = Clock::now();
    if (!force && now - m_last < m_interval)
        return;
    m_last = now;
    ImportProgress progress;
    progress.bytesRead = bytesRead;
    progress.bytesTotal = bytesTotal;
    progress.rowsImported = rows;
    progress.rowsSkipped = skipped;
    progress.elapsedSeconds = std::chrono::duration<double>(now - m_started).count();
    if (progress.elapsedSeconds > 0)
        progress.rowsPerSecond = static_cast<double>(rows) / progress.elapsedSeconds;
    // Rows vary in length, bytes do not: the share of bytes read is the best guess of the share done.
    if (progress.bytesRead > 0 && progress.bytesTotal >= progress.bytesRead)
        progress.etaSeconds = progress.elapsedSeconds *
                              static_cast<double>(progress.bytesTotal - progress.bytesRead) /
                              static_cast<double>(progress.bytesRead);
    m_sink(progress);
}

} // namespace bankbench::core
