#include "playground/responsecommands.h"

namespace bankbench::ui {

IntentResponseCommand::IntentResponseCommand(Apply apply, std::string intent,
                                             std::optional<core::chat::IntentResponse> before,
                                             std::optional<core::chat::IntentResponse> after,
                                             const QString& text)
    : QUndoCommand(text), m_apply(std::move(apply)), m_intent(std::move(intent)), m_before(std::move(before)),
      m_after(std::move(after)) {}

} // namespace bankbench::ui
