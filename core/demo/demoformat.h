#pragma once

// Calendar and money formatting for demo messages, in the way customers write them in each language.

#include "demo/demodata.h"
#include "util/seededrandom.h"

#include <cstdint>
#include <string>

namespace bankbench::core {

struct CivilDate {
    int year = 1970;
    int month = 1; ///< 1..12
    int day = 1;   ///< 1..31
};

/// Days since 1970-01-01 (proleptic Gregorian) and back.
std::int64_t daysFromCivil(CivilDate date);
CivilDate civilFromDays(std::int64_t days);

/// "2026-03-05T14:23:11+08:00" for seconds since 1970-01-01 in China Standard Time (no DST).
std::string chinaTimestamp(std::int64_t localSeconds);

/// 1234567 -> "1,234,567".
std::string groupThousands(std::int64_t value);

enum class AmountKind {
    Everyday, ///< transfers, purchases, withdrawals: ~100 to ~80,000 yuan
    Fee,      ///< charges: 5 to 300 yuan
    Large,    ///< loans, savings: 50,000 to 2,000,000 yuan
    Limit,    ///< credit limits: 10,000 to 100,000 yuan
};

/// "5000元", "¥5,000", "1.5万", "$1,200", "RMB 5,000", ...
std::string formatAmount(SeededRandom& random, DemoLanguage language, AmountKind kind);

/// A date shortly before `today` ("3月5日", "on March 5", "yesterday"), or shortly after it.
std::string formatPastDate(SeededRandom& random, DemoLanguage language, std::int64_t today);
std::string formatFutureDate(SeededRandom& random, DemoLanguage language, std::int64_t today);
/// A recent month for statements ("2月份", "上个月", "February").
std::string formatRecentMonth(SeededRandom& random, DemoLanguage language, std::int64_t today);

} // namespace bankbench::core
