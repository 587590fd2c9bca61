#pragma once

#include "chat/slot.h"

#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core::chat {

/// What maskPersonalData() hides. All on by default.
struct MaskOptions {
    bool cardNumbers = true;
    bool idNumbers = true;
    bool phones = true;
    bool emails = true;
    /// Also mask digit runs that look like a card (13-19 digits, grouped or not) but fail the Luhn check:
    /// a mistyped card number is still personal data. Off only for tests of the detectors themselves.
    bool unverifiedCardLikeNumbers = true;
};

/// Masks personal data in free text for logs and screens, reusing the slot detectors:
/// card numbers → "**** **** **** 1234", ID numbers → "**************123X" (last four kept),
/// phones → "138****5678" (CN mobile) / "+44 ******0123" style (last four kept), e-mail →
/// "j***@example.com". Text around them is left byte-for-byte. Pure; safe from any thread.
std::string maskPersonalData(std::string_view text, const MaskOptions& options = {});

/// "**** **** **** 1234" from a card number in any grouping (only its digits count).
std::string maskCardNumber(std::string_view cardNumber);
/// 18 characters with all but the last four replaced by '*'.
std::string maskIdNumber(std::string_view idNumber);
/// CN mobile "13812345678" / "+8613812345678" → "138****5678"; others keep the "+" country code (when
/// written) and the last four digits.
std::string maskPhone(std::string_view phone);
/// First character of the local part kept, then "***@domain".
std::string maskEmail(std::string_view email);

/// A copy of `slot` safe to log: raw and value masked for card, ID, phone and e-mail slots; others as is.
Slot maskedSlot(const Slot& slot);
std::vector<Slot> maskedSlots(const std::vector<Slot>& slots);

} // namespace bankbench::core::chat
