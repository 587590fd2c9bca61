#pragma once

#include "playground/chatcore.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace bankbench::ui {

/// Replaces one intent's response (variants and slot follow-ups) in the response editor's draft; undo
/// puts back what was there (or removes an intent that had none). `apply` writes a state into the draft
/// and shows it.
class IntentResponseCommand : public QUndoCommand {
public:
    using Apply =
        std::function<void(const std::string& intent, const std::optional<core::chat::IntentResponse>&)>;

    IntentResponseCommand(Apply apply, std::string intent, std::optional<core::chat::IntentResponse> before,
                          std::optional<core::chat::IntentResponse> after, const QString& text);

    void redo() override { m_apply(m_intent, m_after); }
    void undo() override { m_apply(m_intent, m_before); }

private:
    Apply m_apply;
    std::string m_intent;
    std::optional<core::chat::IntentResponse> m_before;
    std::optional<core::chat::IntentResponse> m_after;
};

} // namespace bankbench::ui
