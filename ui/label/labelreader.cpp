#include "label/labelreader.h"

#include "common/qtconvert.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <exception>

namespace bankbench::ui {

namespace {

core::QueueOptions queueOptions(const QueueRequest& request) {
    core::QueueOptions options;
    options.datasetId = request.datasetId;
    options.annotator = request.annotator;
    options.seed = request.seed;
    options.measure = request.measure;
    switch (request.mode) {
    case QueueMode::UnlabelledFirst:
        options.order = core::QueueOrder::ImportOrder;
        options.unlabelledFirst = true;
        break;
    case QueueMode::Random:
        options.order = core::QueueOrder::Random;
        options.unlabelledFirst = true;
        break;
    case QueueMode::Filtered:
        options.order = core::QueueOrder::ImportOrder;
        options.unlabelledFirst = false;
        options.search = request.search;
        options.label = request.label;
        options.labelled = request.labelled;
        break;
    case QueueMode::Uncertainty:
        options.order = core::QueueOrder::Uncertainty;
        options.unlabelledFirst = true;
        break;
    }
    return options;
}

} // namespace

LabelReader::LabelReader(QObject* parent) : QObject(parent) {}

LabelReader::~LabelReader() = default;

void LabelReader::openProject(const QString& path) {
    closeProject();
    if (path.isEmpty())
        return;
    try {
        auto project = core::Project::open(toStdString(path), /*readOnly=*/true);
        if (!project) {
            m_openError = toQString(project.error().what());
            emit projectFailed(m_openError);
            return;
        }
        m_project = std::move(project.value());
        m_store = std::make_unique<core::LabelStore>(*m_project);
    } catch (const std::exception& e) {
        m_openError = QString::fromUtf8(e.what());
        emit projectFailed(m_openError);
    }
}

void LabelReader::closeProject() {
    m_store.reset();
    m_project.reset();
    m_dataset.reset();
    m_openError.clear();
}

void LabelReader::setSuggestionProvider(std::shared_ptr<core::SuggestionProvider> provider) {
    m_provider = std::move(provider);
}

std::optional<core::DatasetInfo> LabelReader::datasetInfo(core::DatasetId id) {
    if (m_dataset && m_dataset->id == id)
        return m_dataset;
    auto info = m_project->dataset(id);
    if (!info)
        return std::nullopt;
    m_dataset = info.value();
    return m_dataset;
}

void LabelReader::loadSchema(quint64 generation, core::DatasetId dataset) {
    LabelSchema schema;
    schema.datasetId = dataset;
    if (!m_store) {
        emit schemaLoaded(generation, schema,
                          m_openError.isEmpty() ? tr("No project is open.") : m_openError);
        return;
    }
    try {
        m_dataset.reset(); // the dataset's label set may have changed
        if (!datasetInfo(dataset)) {
            emit schemaLoaded(generation, schema, tr("The dataset no longer exists."));
            return;
        }
        auto sets = m_store->labelSets();
        if (!sets) {
            emit schemaLoaded(generation, schema, toQString(sets.error().what()));
            return;
        }
        schema.allSets = std::move(sets.value());
        auto set = m_store->labelSetOf(dataset);
        if (!set) {
            if (set.error().code == core::ErrorCode::NotFound) {
                emit schemaLoaded(generation, schema, QString()); // no label set yet: the view offers one
                return;
            }
            emit schemaLoaded(generation, schema, toQString(set.error().what()));
            return;
        }
        auto labels = m_store->labels(set->id);
        if (!labels) {
            emit schemaLoaded(generation, schema, toQString(labels.error().what()));
            return;
        }
        schema.labelSet = set.value();
        schema.labels = std::move(labels.value());
        emit schemaLoaded(generation, schema, QString());
    } catch (const std::exception& e) {
        emit schemaLoaded(generation, schema, QString::fromUtf8(e.what()));
    }
}

void LabelReader::buildQueue(quint64 generation, const QueueRequest& request,
                             std::shared_ptr<core::CancelToken> cancel) {
    if (cancel && cancel->isCancelled())
        return; // superseded while queued
    if (!m_store) {
        emit queueBuilt(generation, {}, m_openError.isEmpty() ? tr("No project is open.") : m_openError);
        return;
    }
    try {
        std::vector<core::RecordId> ids;
        if (request.review) {
            auto disagreements = m_store->disagreements(request.datasetId);
            if (!disagreements) {
                emit queueBuilt(generation, {}, toQString(disagreements.error().what()));
                return;
            }
            ids.reserve(disagreements->size());
            for (const auto& item : disagreements.value())
                ids.push_back(item.recordId);
        } else {
            auto queue =
                core::buildLabelQueue(*m_project, queueOptions(request), m_provider.get(), cancel.get());
            if (!queue) {
                if (queue.error().code == core::ErrorCode::Cancelled)
                    return;
                emit queueBuilt(generation, {}, toQString(queue.error().what()));
                return;
            }
            ids = std::move(queue.value());
        }
        emit queueBuilt(generation, std::make_shared<const std::vector<core::RecordId>>(std::move(ids)),
                        QString());
    } catch (const std::exception& e) {
        emit queueBuilt(generation, {}, QString::fromUtf8(e.what()));
    }
}

void LabelReader::fetchRecords(quint64 generation, const std::vector<core::RecordId>& ids,
                               core::LabelSetId labelSet, const std::string& annotator) {
    if (!m_store) {
        emit recordsFetched(generation, {}, m_openError.isEmpty() ? tr("No project is open.") : m_openError);
        return;
    }
    try {
        auto records = m_project->records(ids);
        if (!records) {
            emit recordsFetched(generation, {}, toQString(records.error().what()));
            return;
        }
        std::vector<std::vector<core::Suggestion>> suggestions;
        if (m_provider && !records->empty())
            suggestions = m_provider->suggestBatch(records.value());

        LabelRecords out;
        out.reserve(static_cast<qsizetype>(ids.size()));
        std::size_t next = 0;
        const auto& found = records.value();
        for (core::RecordId id : ids) {
            LabelRecord row;
            row.id = id;
            // records() keeps the order of `ids` and omits unknown ones.
            if (next >= found.size() || found[next].id != id) {
                row.missing = true;
                out.push_back(std::move(row));
                continue;
            }
            const core::Record& record = found[next];
            row.sourceLine = record.sourceLine;
            row.textUtf8 = record.text;
            row.text = toQString(record.text);
            if (m_dataset && m_dataset->id == record.datasetId && record.fields.is_array()) {
                const auto& columns = m_dataset->columns;
                for (std::size_t i = 0; i < columns.size() && i < record.fields.size(); ++i) {
                    if (columns[i] == m_dataset->textColumn)
                        continue;
                    row.metadata.push_back({toQString(columns[i]), jsonCellText(record.fields[i])});
                }
            }
            if (labelSet != 0) {
                auto decisions = m_store->currentDecisions(id, labelSet);
                if (!decisions) {
                    emit recordsFetched(generation, {}, toQString(decisions.error().what()));
                    return;
                }
                for (auto& decision : decisions.value()) {
                    if (core::LabelStore::isAdjudication(decision))
                        row.adjudication = std::move(decision);
                    else if (decision.annotator == annotator)
                        row.mine = std::move(decision);
                    else
                        row.others.push_back(std::move(decision));
                }
            }
            if (next < suggestions.size())
                row.suggestions = std::move(suggestions[next]);
            ++next;
            out.push_back(std::move(row));
        }
        emit recordsFetched(generation, out, QString());
    } catch (const std::exception& e) {
        emit recordsFetched(generation, {}, QString::fromUtf8(e.what()));
    }
}

} // namespace bankbench::ui
