#pragma once

#include "io/rowpreparer.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace bankbench::core {

/// Prepares rows on a thread of its own while the caller writes them, so that an import's parsing and
/// its SQLite writes overlap on two cores. Rows come back in source order, in batches handed over
/// through a small bounded queue (memory stays flat however large the file).
///
/// Threads: the caller constructs, calls next() and destroys the pipeline on one thread. From
/// construction until next() has returned End or Failed, or until destruction, the preparer and its
/// reader belong to the pipeline's thread; do not touch them. Nothing is thrown across the threads: an
/// exception while preparing becomes a Failed row.
class RowPipeline {
public:
    /// Batches of ~1,000 rows: the threads hand over (and may wake each other) once per batch.
    explicit RowPipeline(RowPreparer& preparer, std::size_t rowsPerBatch = 1024, std::size_t batchCount = 4);
    ~RowPipeline(); ///< stops the preparing thread and waits for it
    RowPipeline(const RowPipeline&) = delete;
    RowPipeline& operator=(const RowPipeline&) = delete;

    /// The next batch of rows, in source order, valid until the following call (so a writer can take a
    /// batch's records without copying them). The last batch ends with a row whose status is End or
    /// Failed; do not call again after that.
    std::span<const PreparedRow> nextBatch();

private:
    struct Batch {
        std::vector<PreparedRow> rows;
        std::size_t count = 0;
    };

    void prepare();
    Batch* takeFreeBatch();

    RowPreparer& m_preparer;
    std::vector<Batch> m_batches;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch*> m_free;   ///< batches for the preparing thread to fill
    std::deque<Batch*> m_filled; ///< batches for the caller, in source order
    bool m_stop = false;
    Batch* m_current = nullptr; ///< the caller's batch
    std::thread m_thread; // last: starts once everything above is constructed
};

} // namespace bankbench::core
