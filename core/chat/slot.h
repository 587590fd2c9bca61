#pragma once

#include <cstddef>
#include <string>

namespace bankbench::core::chat {

/// Slot names the rule detectors emit (the token-classification model may add others, e.g. "payee").
namespace slotname {
inline constexpr const char* kAmount = "amount"; ///< value "1000.50"; currency in Slot::unit
inline constexpr const char* kDate = "date";     ///< value ISO "2026-03-05"
inline constexpr const char* kPhone = "phone";   ///< value E.164-like "+8613812345678" / "+14155550123"
inline constexpr const char* kCardNumber = "card_number"; ///< value the digits only, Luhn-valid
inline constexpr const char* kIdNumber = "id_number";     ///< value 18 characters, checksum-valid, 'X' upper
inline constexpr const char* kEmail = "email";            ///< value lower-cased address
} // namespace slotname

/// One piece of information found in a user's message. Plain value type.
struct Slot {
    std::string name;      ///< see slotname; a model may use its own tag names
    std::string raw;       ///< the text exactly as written (a substring of the input)
    std::string value;     ///< normalised value (see slotname for each rule slot's format)
    std::string unit;      ///< amounts: ISO 4217 code ("CNY", "USD", "EUR"...) or "" when none was written
    std::size_t begin = 0; ///< byte span [begin, end) of raw in the UTF-8 input
    std::size_t end = 0;
    std::string source = "rules"; ///< "rules", or the extra source's name (e.g. a model run)
    double confidence = 1.0;      ///< rules say 1; a model gives its probability

    bool operator==(const Slot&) const = default;
};

} // namespace bankbench::core::chat
