#pragma once

#include "data/recordrow.h"

#include <QCache>

namespace bankbench::ui {

/// Loaded rows of the table, kept as fixed-size chunks with least-recently-used eviction, so memory stays
/// bounded however far the user scrolls through a million rows. GUI thread only.
class RowCache {
public:
    explicit RowCache(int chunkSize, int maxChunks);

    int chunkSize() const { return m_chunkSize; }
    int chunkOf(int row) const { return row / m_chunkSize; }
    int maxChunks() const { return m_chunks.maxCost(); }
    int chunkCount() const { return static_cast<int>(m_chunks.count()); }

    /// The row if its chunk is loaded (and marks the chunk recently used), else nullptr. The pointer
    /// stays valid until the next insert() or clear().
    const RecordRow* row(int row);
    bool containsChunk(int chunk) const { return m_chunks.contains(chunk); }
    void insert(int chunk, RecordRows rows);
    void clear() { m_chunks.clear(); }

private:
    int m_chunkSize;
    QCache<int, RecordRows> m_chunks;
};

} // namespace bankbench::ui
