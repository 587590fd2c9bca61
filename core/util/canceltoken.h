#pragma once

#include <atomic>

namespace bankbench::core {

/// Set from any thread (typically the GUI thread), polled by a job between rows or batches.
class CancelToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace bankbench::core
