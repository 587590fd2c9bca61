#include "data/chunkrequestqueue.h"

#include <QMutexLocker>

namespace bankbench::ui {

ChunkRequestQueue::ChunkRequestQueue(std::size_t capacity) : m_capacity(capacity > 0 ? capacity : 1) {}

std::vector<ChunkRequest> ChunkRequestQueue::push(ChunkRequest request) {
    QMutexLocker lock(&m_mutex);
    m_requests.push_back(std::move(request));
    std::vector<ChunkRequest> dropped;
    while (m_requests.size() > m_capacity) {
        dropped.push_back(std::move(m_requests.front()));
        m_requests.pop_front();
    }
    return dropped;
}

std::optional<ChunkRequest> ChunkRequestQueue::popNewest() {
    QMutexLocker lock(&m_mutex);
    if (m_requests.empty())
        return std::nullopt;
    ChunkRequest request = std::move(m_requests.back());
    m_requests.pop_back();
    return request;
}

void ChunkRequestQueue::clear() {
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

std::size_t ChunkRequestQueue::size() const {
    QMutexLocker lock(&m_mutex);
    return m_requests.size();
}

} // namespace bankbench::ui
