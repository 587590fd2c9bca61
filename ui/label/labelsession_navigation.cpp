// LabelSession: moving through the queue and prefetching the records around the shown one.

#include "label/labelsession.h"

#include "common/qtconvert.h"
#include "label/labelreader.h"

#include <algorithm>

namespace bankbench::ui {

// ----- navigation -----

void LabelSession::next() {
    commitIfDirty();
    if (m_detached) {
        setPosition(std::max<qint64>(m_position, 0));
        return;
    }
    if (m_position + 1 < queueSize())
        setPosition(m_position + 1);
    else if (queueSize() > 0)
        emit notice(tr("This is the last record of the queue."));
}

void LabelSession::previous() {
    commitIfDirty();
    if (m_detached) {
        setPosition(std::max<qint64>(m_position, 0));
        return;
    }
    if (m_position > 0)
        setPosition(m_position - 1);
    else if (queueSize() > 0)
        emit notice(tr("This is the first record of the queue."));
}

void LabelSession::goTo(qint64 position) {
    if (position < 0 || position >= queueSize())
        return;
    commitIfDirty();
    setPosition(position);
}

void LabelSession::advance() {
    if (m_detached) {
        setPosition(std::max<qint64>(m_position, 0));
        return;
    }
    if (m_position + 1 < queueSize()) {
        setPosition(m_position + 1);
    } else {
        emit notice(tr("That was the last record of the queue."));
        emit currentChanged();
    }
}

void LabelSession::reveal(core::RecordId id) {
    if (currentRecordId() == id)
        return;
    if (m_queue) {
        // Search outward from the current position: the record is usually a few steps back.
        const auto& ids = *m_queue;
        const qint64 size = static_cast<qint64>(ids.size());
        const qint64 start = std::clamp<qint64>(m_position, 0, std::max<qint64>(size - 1, 0));
        for (qint64 distance = 0; distance < size; ++distance) {
            const qint64 before = start - distance;
            const qint64 after = start + distance;
            if (before < 0 && after >= size)
                break;
            if (before >= 0 && ids[static_cast<std::size_t>(before)] == id) {
                setPosition(before);
                return;
            }
            if (after < size && ids[static_cast<std::size_t>(after)] == id) {
                setPosition(after);
                return;
            }
        }
    }
    // Not in this queue (another order or filter since): show it on its own.
    m_detached = id;
    resetEdit();
    prefetch();
    emit currentChanged();
}

void LabelSession::setPosition(qint64 position) {
    m_position = position;
    m_detached.reset();
    resetEdit();
    prefetch();
    emit currentChanged();
}

// ----- prefetch -----

void LabelSession::prefetch() {
    if (!m_schemaLoaded || m_projectPath.isEmpty())
        return;
    if (m_detached && !m_cache.contains(*m_detached) && !m_inFlightFetch.contains(*m_detached))
        fetch({*m_detached});
    if (!m_queue || m_position < 0)
        return;
    const auto& ids = *m_queue;
    const qint64 size = static_cast<qint64>(ids.size());
    const qint64 first = std::max<qint64>(0, m_position - kPrefetchBehind);
    const qint64 last = std::min<qint64>(size - 1, m_position + kPrefetchAhead);
    const core::RecordId current = ids[static_cast<std::size_t>(m_position)];
    std::vector<core::RecordId> missing;
    // The shown record first, then ahead (where the annotator is going), then behind.
    auto consider = [&](qint64 i) {
        const core::RecordId id = ids[static_cast<std::size_t>(i)];
        if (!m_cache.contains(id) && !m_inFlightFetch.contains(id))
            missing.push_back(id);
    };
    for (qint64 i = m_position; i <= last; ++i)
        consider(i);
    for (qint64 i = m_position - 1; i >= first; --i)
        consider(i);
    if (missing.empty())
        return;
    // Batch: wait until a good part of the window is missing, unless the shown record itself is.
    const bool urgent = !m_cache.contains(current) || last == size - 1 || first == 0;
    if (!urgent && static_cast<int>(missing.size()) < kFetchBatch / 2)
        return;
    for (std::size_t begin = 0; begin < missing.size(); begin += kFetchBatch) {
        const std::size_t end = std::min(missing.size(), begin + static_cast<std::size_t>(kFetchBatch));
        fetch(std::vector<core::RecordId>(missing.begin() + static_cast<std::ptrdiff_t>(begin),
                                          missing.begin() + static_cast<std::ptrdiff_t>(end)));
    }
    evict();
}

void LabelSession::fetch(const std::vector<core::RecordId>& ids) {
    for (core::RecordId id : ids)
        m_inFlightFetch.insert(id);
    ++m_fetchesInFlight;
    const core::LabelSetId labelSet = m_schema.labelSet ? m_schema.labelSet->id : 0;
    onReader(
        [reader = m_reader, generation = m_generation, ids, labelSet, annotator = toStdString(m_annotator)] {
            reader->fetchRecords(generation, ids, labelSet, annotator);
        });
}

void LabelSession::evict() {
    if (m_cache.size() <= kMaxCached || !m_queue)
        return;
    QSet<core::RecordId> keep;
    const auto& ids = *m_queue;
    const qint64 size = static_cast<qint64>(ids.size());
    for (qint64 i = std::max<qint64>(0, m_position - kMaxCached / 4);
         i < std::min<qint64>(size, m_position + kMaxCached / 2); ++i)
        keep.insert(ids[static_cast<std::size_t>(i)]);
    if (m_detached)
        keep.insert(*m_detached);
    for (auto it = m_cache.begin(); it != m_cache.end();)
        it = keep.contains(it.key()) ? std::next(it) : m_cache.erase(it);
}

void LabelSession::onRecordsFetched(quint64 generation, const LabelRecords& records, const QString& error) {
    if (generation != m_generation)
        return;
    --m_fetchesInFlight;
    const auto current = currentRecordId();
    bool currentArrived = false;
    for (const LabelRecord& record : records) {
        m_inFlightFetch.remove(record.id);
        m_cache.insert(record.id, record);
        currentArrived = currentArrived || record.id == current;
    }
    if (!error.isEmpty()) {
        m_inFlightFetch.clear();
        emit errorOccurred(tr("Cannot load records: %1").arg(error));
    }
    if (currentArrived) {
        if (!m_dirty)
            resetEdit();
        emit currentChanged();
    }
    prefetch();
    checkSettled();
}

} // namespace bankbench::ui
