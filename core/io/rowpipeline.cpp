#include "io/rowpipeline.h"

#include <algorithm>
#include <exception>

#ifdef __linux__
#include <pthread.h>
#endif

namespace bankbench::core {

namespace {

bool endsTheFile(const PreparedRow& row) {
    return row.status == RowReader::Status::End || row.status == RowReader::Status::Failed;
}

} // namespace

RowPipeline::RowPipeline(RowPreparer& preparer, std::size_t rowsPerBatch, std::size_t batchCount)
    : m_preparer(preparer), m_batches(std::max<std::size_t>(batchCount, 2)) {
    for (auto& batch : m_batches) {
        batch.rows.resize(std::max<std::size_t>(rowsPerBatch, 1));
        m_free.push_back(&batch);
    }
    m_thread = std::thread([this] { prepare(); });
}

RowPipeline::~RowPipeline() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

RowPipeline::Batch* RowPipeline::takeFreeBatch() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
    if (m_stop)
        return nullptr;
    Batch* batch = m_free.front();
    m_free.pop_front();
    return batch;
}

void RowPipeline::prepare() {
#ifdef __linux__
    pthread_setname_np(pthread_self(), "bb-import-rows"); // 15 characters at most
#endif
    for (;;) {
        Batch* batch = takeFreeBatch();
        if (!batch)
            return;
        batch->count = 0;
        bool ended = false;
        while (batch->count < batch->rows.size() && !ended) {
            PreparedRow& row = batch->rows[batch->count++];
            try {
                m_preparer.next(row);
            } catch (const std::exception& e) {
                row.status = RowReader::Status::Failed;
                row.error = {ErrorCode::Io, 0, 0, std::string("reading the file failed: ") + e.what()};
            } catch (...) {
                row.status = RowReader::Status::Failed;
                row.error = {ErrorCode::Io, 0, 0, "reading the file failed"};
            }
            ended = endsTheFile(row);
        }
        {
            std::lock_guard lock(m_mutex);
            m_filled.push_back(batch);
        }
        m_changed.notify_all();
        if (ended)
            return;
    }
}

std::span<const PreparedRow> RowPipeline::nextBatch() {
    std::unique_lock lock(m_mutex);
    if (m_current)
        m_free.push_back(m_current);
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return !m_filled.empty(); });
    m_current = m_filled.front();
    m_filled.pop_front();
    return {m_current->rows.data(), m_current->count};
}

} // namespace bankbench::core
