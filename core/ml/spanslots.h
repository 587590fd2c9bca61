#pragma once

// Torch-free, header-only: a token-classification run as an extra slot source of the chatbot's rule-based
// slot extractor (core/chat/slots.h). The chatbot loads the run with MlModule::loadSpanModel (or
// loadSpanRunModel) and calls
//     engine.slotExtractor().setExtraSource(ml::spanSlotSource(*spanModel), spanModel->runName());
// The extractor keeps rule slots where both found something and adds the model's elsewhere.

#include "chat/slots.h"
#include "ml/spanmodel.h"

namespace bankbench::ml {

/// Slots from `model` (not owned; must outlive the returned function; same thread rules as the model):
/// name = span type, raw = value = the covered text, byte span, confidence = the span's. Spans below
/// `minConfidence` are left out.
inline core::chat::ExtraSlotSource spanSlotSource(SpanModel& model, double minConfidence = 0.5) {
    return [&model, minConfidence](std::string_view text) -> core::Result<std::vector<core::chat::Slot>> {
        auto found = model.predictSpans({std::string(text)});
        if (!found)
            return found.error();
        std::vector<core::chat::Slot> slots;
        for (const auto& span : found->front()) {
            if (span.confidence < minConfidence)
                continue;
            core::chat::Slot slot;
            slot.name = span.type;
            slot.raw = span.text;
            slot.value = span.text;
            slot.begin = span.byteBegin;
            slot.end = span.byteEnd;
            slot.source = model.runName();
            slot.confidence = span.confidence;
            slots.push_back(std::move(slot));
        }
        return slots;
    };
}

} // namespace bankbench::ml
