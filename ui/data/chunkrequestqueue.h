#pragma once

#include "data/recordrow.h"

#include <QMutex>

#include <deque>
#include <optional>
#include <vector>

namespace bankbench::ui {

/// A request for rows [first, first + count) of an id list, cached as chunk `chunk`.
struct ChunkRequest {
    quint64 rowsGeneration = 0;
    int chunk = 0;
    int first = 0;
    int count = 0;
    RecordIdList ids;
};

/// Chunk requests from the table model (GUI thread) to the loader (its thread), served newest first and
/// bounded: while the user drags the scrollbar through a million rows, the loader serves where the view
/// is now, and requests for places already scrolled past fall off the old end (push() returns them so
/// the model can forget it asked). Thread-safe.
class ChunkRequestQueue {
public:
    explicit ChunkRequestQueue(std::size_t capacity);

    /// Adds a request; returns the requests dropped to stay within capacity (oldest first).
    std::vector<ChunkRequest> push(ChunkRequest request);
    std::optional<ChunkRequest> popNewest();
    void clear();
    std::size_t size() const;

private:
    mutable QMutex m_mutex;
    std::deque<ChunkRequest> m_requests;
    std::size_t m_capacity;
};

} // namespace bankbench::ui
