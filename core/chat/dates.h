#pragma once

#include "chat/slot.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core::chat {

/// A calendar date (proleptic Gregorian). Plain value type.
struct CivilDate {
    int year = 1970;
    int month = 1; ///< 1..12
    int day = 1;   ///< 1..31

    auto operator<=>(const CivilDate&) const = default;

    /// "YYYY-MM-DD".
    std::string iso() const;
    /// Parses "YYYY-MM-DD" (also "YYYY/MM/DD", "YYYY.MM.DD"); nullopt when malformed or not a real date.
    static std::optional<CivilDate> fromIso(std::string_view text);
    /// Today in UTC (the engine passes it as the reference date; tests pass a fixed one).
    static CivilDate today();
    /// Builds a date when valid (Feb 29 only in leap years), else nullopt.
    static std::optional<CivilDate> make(int year, int month, int day);

    CivilDate plusDays(int days) const;
    /// 1 = Monday ... 7 = Sunday (ISO 8601).
    int isoWeekday() const;
};

/// Finds dates in Chinese and English text and resolves them against `reference` (the day the user
/// wrote the message): 今天/明天/后天/大后天/昨天/前天, 下周五/这周三/周日/下个星期一,
/// 3月5日/3月5号/2026年3月5日, 2026-03-05, 2026/3/5, 3/5 (month/day), today/tomorrow/yesterday/day after
/// tomorrow, next/this Friday, on Friday, 5 March, March 5th, Mar 5 2026, in 3 days / 3天后. A month-day
/// without a year is taken in the reference year, or the next year when it has already passed by more than a
/// week (a customer saying "January 3" in late December means next year). A bare weekday ("Friday", 周五) is
/// the next such day on or after the reference date, and so is "this/coming Friday"; 这周五/本周五 is the
/// Friday of the reference date's (Monday-first) week; "next Friday" / 下周五 is the Friday of next week,
/// "last Friday" / 上周五 of last week. "15号" alone is the 15th of this month, or of next month once past.
/// Impossible dates (2月30日) are skipped. Pure; safe from any thread.
std::vector<Slot> findDates(std::string_view text, CivilDate reference);

} // namespace bankbench::core::chat
