#include "chat/slots.h"

#include "chat/masking.h"

#include <algorithm>

namespace bankbench::core::chat {
namespace {

bool overlapsAny(const Slot& slot, const std::vector<Slot>& kept) {
    return std::any_of(kept.begin(), kept.end(),
                       [&](const Slot& k) { return slot.begin < k.end && k.begin < slot.end; });
}

} // namespace

SlotExtractor::SlotExtractor(SlotRules rules) : m_rules(rules) {}

void SlotExtractor::setExtraSource(ExtraSlotSource source, std::string name) {
    m_extra = std::move(source);
    m_extraName = std::move(name);
}

SlotExtraction SlotExtractor::extract(std::string_view text, CivilDate reference) const {
    SlotExtraction result;
    auto& kept = result.slots;
    auto take = [&](std::vector<Slot> found) {
        for (auto& slot : found)
            if (!overlapsAny(slot, kept))
                kept.push_back(std::move(slot));
    };
    // Most precise first: checksummed formats claim their digits before phones, dates and amounts.
    if (m_rules.emails)
        take(findEmails(text));
    if (m_rules.idNumbers)
        take(findIdNumbers(text));
    if (m_rules.cardNumbers)
        take(findCardNumbers(text));
    if (m_rules.phones)
        take(findPhones(text));
    if (m_rules.dates)
        take(findDates(text, reference));
    if (m_rules.amounts)
        take(findAmounts(text));
    if (m_extra) {
        auto extra = m_extra(text);
        if (!extra.ok()) {
            result.warnings.push_back(m_extraName + ": " + extra.error().what());
        } else {
            for (auto& slot : extra.value()) {
                if (slot.end > text.size() || slot.begin >= slot.end) {
                    result.warnings.push_back(m_extraName + ": slot '" + slot.name + "' has an invalid span");
                    continue;
                }
                if (slot.source.empty() || slot.source == "rules")
                    slot.source = m_extraName;
                if (slot.raw.empty())
                    slot.raw = std::string(text.substr(slot.begin, slot.end - slot.begin));
                if (!overlapsAny(slot, kept))
                    kept.push_back(std::move(slot));
            }
        }
    }
    std::sort(kept.begin(), kept.end(), [](const Slot& a, const Slot& b) { return a.begin < b.begin; });
    return result;
}

std::map<std::string, std::string> placeholderValues(const std::vector<Slot>& slots) {
    std::map<std::string, std::string> values;
    auto put = [&](const std::string& key, const std::string& value) { values.emplace(key, value); };
    for (const auto& slot : slots) {
        if (slot.name == slotname::kAmount) {
            put("amount", slot.value);
            if (!slot.unit.empty())
                put("currency", slot.unit);
        } else if (slot.name == slotname::kDate) {
            put("date", slot.value);
        } else if (slot.name == slotname::kPhone) {
            put("phone_masked", maskPhone(slot.value));
        } else if (slot.name == slotname::kCardNumber) {
            put("card_last4", slot.value.size() >= 4 ? slot.value.substr(slot.value.size() - 4) : slot.value);
        } else if (slot.name == slotname::kIdNumber) {
            put("id_last4", slot.value.size() >= 4 ? slot.value.substr(slot.value.size() - 4) : slot.value);
        } else if (slot.name == slotname::kEmail) {
            put("email_masked", maskEmail(slot.value));
        } else {
            put(slot.name, slot.value);
        }
    }
    return values;
}

} // namespace bankbench::core::chat
