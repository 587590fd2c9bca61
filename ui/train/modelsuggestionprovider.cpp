#include "train/modelsuggestionprovider.h"

#include <algorithm>
#include <exception>

namespace bankbench::ui {

namespace {

// Big enough to amortise a forward pass, small enough to bound memory on a long uncertainty ordering.
constexpr std::size_t kBatch = 512;

} // namespace

ModelSuggestionProvider::ModelSuggestionProvider(std::unique_ptr<ml::LoadedModel> model)
    : m_model(std::move(model)), m_runName(m_model ? m_model->runName() : std::string()) {}

std::vector<core::Suggestion> ModelSuggestionProvider::suggest(const core::Record& record) {
    auto batch = suggestBatch({record});
    return batch.empty() ? std::vector<core::Suggestion>{} : std::move(batch.front());
}

std::vector<std::vector<core::Suggestion>>
ModelSuggestionProvider::suggestBatch(const std::vector<core::Record>& records) {
    std::vector<std::vector<core::Suggestion>> out(records.size());
    if (!m_model || records.empty())
        return out;
    const std::lock_guard lock(m_mutex);
    const auto& labels = m_model->labels();
    const std::size_t classes = labels.size();
    try {
        for (std::size_t start = 0; start < records.size(); start += kBatch) {
            const std::size_t end = std::min(records.size(), start + kBatch);
            std::vector<std::string> texts;
            texts.reserve(end - start);
            for (std::size_t i = start; i < end; ++i)
                texts.push_back(records[i].text);
            auto probabilities = m_model->predictProbabilities(texts);
            if (!probabilities || probabilities->size() != texts.size() * classes)
                continue; // these records get no suggestions
            for (std::size_t i = start; i < end; ++i) {
                auto& row = out[i];
                row.reserve(classes);
                for (std::size_t c = 0; c < classes; ++c)
                    row.push_back({labels[c], (*probabilities)[(i - start) * classes + c]});
                std::stable_sort(row.begin(), row.end(),
                                 [](const auto& a, const auto& b) { return a.probability > b.probability; });
            }
        }
    } catch (const std::exception&) {
        // The caller is a queue or reader thread: it gets what was computed, never an exception.
    }
    return out;
}

} // namespace bankbench::ui
