#pragma once

#include <labeling/suggestion.h>
#include <ml/runmodel.h>

#include <memory>
#include <mutex>

namespace bankbench::ui {

/// Labeling suggestions from a trained run (the project's active model): every label with its predicted
/// probability, most probable first, computed in batches by ml::LoadedModel. Thread-safe: calls are
/// serialised by a mutex, since LoadedModel is one-thread-at-a-time and the label workspace calls from its
/// reader and queue threads. A record whose prediction fails gets no suggestions (never throws).
class ModelSuggestionProvider final : public core::SuggestionProvider {
public:
    explicit ModelSuggestionProvider(std::unique_ptr<ml::LoadedModel> model);

    const std::string& runName() const { return m_runName; }

    std::vector<core::Suggestion> suggest(const core::Record& record) override;
    std::vector<std::vector<core::Suggestion>>
    suggestBatch(const std::vector<core::Record>& records) override;

private:
    std::mutex m_mutex;
    std::unique_ptr<ml::LoadedModel> m_model;
    std::string m_runName;
};

} // namespace bankbench::ui
