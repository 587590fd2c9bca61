#include "data/rowcache.h"

namespace bankbench::ui {

RowCache::RowCache(int chunkSize, int maxChunks) : m_chunkSize(chunkSize), m_chunks(maxChunks) {}

const RecordRow* RowCache::row(int row) {
    if (row < 0)
        return nullptr;
    const RecordRows* chunk = m_chunks.object(chunkOf(row));
    const int offset = row % m_chunkSize;
    if (!chunk || offset >= chunk->size())
        return nullptr;
    return &chunk->at(offset);
}

void RowCache::insert(int chunk, RecordRows rows) {
    m_chunks.insert(chunk, new RecordRows(std::move(rows)));
}

} // namespace bankbench::ui
