#include "chat/masking.h"

#include "chat/patternscan.h"
#include "chat/slots.h"

#include <algorithm>

namespace bankbench::core::chat {

std::string maskCardNumber(std::string_view cardNumber) {
    const std::string digits = scan::digitsOf(cardNumber);
    const std::string last4 = digits.size() >= 4 ? digits.substr(digits.size() - 4) : digits;
    return "**** **** **** " + last4;
}

std::string maskIdNumber(std::string_view idNumber) {
    std::string id;
    for (char c : idNumber)
        if (c != ' ')
            id += c;
    for (std::size_t i = 0; i + 4 < id.size(); ++i)
        id[i] = '*';
    return id;
}

std::string maskPhone(std::string_view phone) {
    std::string digits = scan::digitsOf(phone);
    const bool plus = !phone.empty() && phone.front() == '+';
    if (digits.size() >= 11 && digits[digits.size() - 11] == '1' &&
        (digits.size() == 11 || digits.compare(0, digits.size() - 11, "86") == 0 ||
         digits.compare(0, digits.size() - 11, "0086") == 0)) {
        const std::string mobile = digits.substr(digits.size() - 11);
        return mobile.substr(0, 3) + "****" + mobile.substr(7);
    }
    if (digits.size() <= 4)
        return std::string(digits.size(), '*');
    std::string out;
    std::size_t hidden = digits.size() - 4;
    if (plus) {
        // Keep the country code readable when it was written apart ("+44 20 ..."): up to 3 digits.
        std::size_t cc = 0;
        for (std::size_t i = 1; i < phone.size() && scan::isDigit(phone[i]) && cc < 3; ++i)
            ++cc;
        const bool separated = cc + 1 < phone.size() && !scan::isDigit(phone[cc + 1]);
        if (separated) {
            out = "+" + digits.substr(0, cc) + " ";
            digits = digits.substr(cc);
            hidden = digits.size() - 4;
        } else {
            out = "+";
        }
    }
    return out + std::string(hidden, '*') + digits.substr(hidden);
}

std::string maskEmail(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0)
        return std::string(email.size(), '*');
    return std::string(email.substr(0, 1)) + "***" + std::string(email.substr(at));
}

std::string maskPersonalData(std::string_view text, const MaskOptions& options) {
    struct Span {
        std::size_t begin, end;
        std::string replacement;
    };
    std::vector<Span> spans;
    auto take = [&](const std::vector<Slot>& found, std::string (*mask)(std::string_view)) {
        for (const auto& slot : found) {
            const bool overlaps = std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
                return slot.begin < s.end && s.begin < slot.end;
            });
            if (!overlaps)
                spans.push_back({slot.begin, slot.end, mask(slot.raw)});
        }
    };
    // Same precedence as SlotExtractor: checksummed formats first.
    if (options.emails)
        take(findEmails(text), maskEmail);
    if (options.idNumbers)
        take(findIdNumbers(text), maskIdNumber);
    if (options.cardNumbers)
        take(findCardNumbers(text), maskCardNumber);
    if (options.phones)
        take(findPhones(text), maskPhone);
    if (options.cardNumbers && options.unverifiedCardLikeNumbers)
        take(findCardLikeNumbers(text), maskCardNumber);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (const auto& s : spans) {
        out.append(text.substr(pos, s.begin - pos));
        out += s.replacement;
        pos = s.end;
    }
    out.append(text.substr(pos));
    return out;
}

Slot maskedSlot(const Slot& slot) {
    Slot out = slot;
    std::string (*mask)(std::string_view) = nullptr;
    if (slot.name == slotname::kCardNumber)
        mask = maskCardNumber;
    else if (slot.name == slotname::kIdNumber)
        mask = maskIdNumber;
    else if (slot.name == slotname::kPhone)
        mask = maskPhone;
    else if (slot.name == slotname::kEmail)
        mask = maskEmail;
    if (mask) {
        out.raw = mask(slot.raw);
        out.value = mask(slot.value);
    }
    return out;
}

std::vector<Slot> maskedSlots(const std::vector<Slot>& slots) {
    std::vector<Slot> out;
    out.reserve(slots.size());
    for (const auto& s : slots)
        out.push_back(maskedSlot(s));
    return out;
}

} // namespace bankbench::core::chat
