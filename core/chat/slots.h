#pragma once

#include "chat/dates.h"
#include "chat/slot.h"
#include "util/result.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core::chat {

/// Extra slots from outside the rules, e.g. the token-classification model (a later engineer): returns
/// slots with byte spans into `text`, or an error (kept as a warning; rule slots still come back).
/// Called on the extractor's thread.
using ExtraSlotSource = std::function<Result<std::vector<Slot>>(std::string_view text)>;

/// Which rule detectors run. All on by default.
struct SlotRules {
    bool amounts = true;
    bool dates = true;
    bool phones = true;
    bool cardNumbers = true;
    bool idNumbers = true;
    bool emails = true;
};

/// What extract() found.
struct SlotExtraction {
    std::vector<Slot> slots;           ///< sorted by begin, spans never overlap
    std::vector<std::string> warnings; ///< e.g. the extra source failed (its message)
};

/// Rule-based slot extraction for Chinese and English messages, optionally merged with an extra source.
/// Rules run in order of precision: e-mail, ID number (checksum), card number (Luhn), phone, date,
/// amount; a later detector's match that overlaps an earlier one is dropped (so the digits of a card
/// number are never also an amount). Extra-source slots are added where they overlap no rule slot:
/// rules are exact for these formats, the model is there for what rules cannot see.
/// Immutable after construction apart from setExtraSource(); extract() is const and re-entrant as long as
/// the extra source is.
class SlotExtractor {
public:
    explicit SlotExtractor(SlotRules rules = {});

    /// Replaces the extra source (empty function: none). Its name goes into Slot::source when it left
    /// the field as "rules" or empty.
    void setExtraSource(ExtraSlotSource source, std::string name = "model");

    /// Slots in `text` with dates resolved against `reference` (the message's day).
    SlotExtraction extract(std::string_view text, CivilDate reference) const;

private:
    SlotRules m_rules;
    ExtraSlotSource m_extra;
    std::string m_extraName;
};

/// Amounts with currencies: ¥100, 100元, 一百元, 三千五百块, 1,000.50 USD, $20, 5k, 2.5万, RMB 300,
/// 50 euros, 100美元. Value is a plain decimal ("3500", "1000.5" → "1000.50" keeps two decimals only when
/// the text had decimals); unit is the ISO code when a currency was written (元/块/¥/RMB → CNY,
/// $/USD/美元/dollars → USD, €/EUR/欧元 → EUR, £/GBP/英镑 → GBP, HK$/港币 → HKD, 日元/JPY → JPY).
/// A bare number counts as an amount only with a currency or a k/万/千 multiplier, so "3 days" is not.
std::vector<Slot> findAmounts(std::string_view text);
/// Mobile numbers: CN 1[3-9]xxxxxxxxx (with +86/0086 and spaces/dashes) and international +CC forms.
std::vector<Slot> findPhones(std::string_view text);
/// 13-19 digits, optionally grouped by single spaces or dashes, that pass the Luhn check.
std::vector<Slot> findCardNumbers(std::string_view text);
/// The same digit runs without the Luhn check (masking hides mistyped card numbers too).
std::vector<Slot> findCardLikeNumbers(std::string_view text);
/// 18-character PRC resident ID numbers (17 digits + digit/X) with a valid ISO 7064 checksum and date.
std::vector<Slot> findIdNumbers(std::string_view text);
/// E-mail addresses (pragmatic: local@domain.tld).
std::vector<Slot> findEmails(std::string_view text);

/// Values for response placeholders from a turn's slots: {amount}, {currency}, {date}, {phone_masked},
/// {card_last4}, {id_last4}, {email_masked}; the first slot of each name wins. Other slots (from a model)
/// appear under their own name with their value.
std::map<std::string, std::string> placeholderValues(const std::vector<Slot>& slots);

} // namespace bankbench::core::chat
