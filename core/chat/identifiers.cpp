// Detectors for phone, card and ID numbers and e-mail addresses (declared in chat/slots.h).
#include "chat/checksums.h"
#include "chat/patternscan.h"
#include "chat/slots.h"

#include <regex>

namespace bankbench::core::chat {
namespace {

std::size_t beginOf(const std::smatch& m) {
    return static_cast<std::size_t>(m.position(0));
}
std::size_t endOf(const std::smatch& m) {
    return beginOf(m) + static_cast<std::size_t>(m.length(0));
}

std::vector<Slot> cardRuns(std::string_view text, bool requireLuhn) {
    static const std::regex run("\\d+(?:[ -]\\d+)*");
    std::vector<Slot> found;
    scan::forEachMatch(text, run, [&](const std::smatch& m) {
        const std::size_t runBegin = beginOf(m);
        const std::string s = m.str(0);
        struct Group {
            std::size_t begin, end;
        };
        std::vector<Group> groups;
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = i;
            while (j < s.size() && scan::isDigit(s[j]))
                ++j;
            groups.push_back({runBegin + i, runBegin + j});
            i = j + 1;
        }
        // Windows of whole groups, so "card 4111 1111 1111 1111 and 12" still finds the card.
        std::vector<Slot> windows;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            for (std::size_t j = i; j < groups.size(); ++j) {
                const auto b = groups[i].begin, e = groups[j].end;
                const std::string digits = scan::digitsOf(text.substr(b, e - b));
                if (digits.size() > 19)
                    break;
                if (digits.size() < 13 || (requireLuhn && !luhnValid(digits)))
                    continue;
                if (!scan::wordBoundary(text, b, e) || (b > 0 && text[b - 1] == '+'))
                    continue; // "+86 138..." is a phone number with its country code
                windows.push_back(scan::makeSlot(text, slotname::kCardNumber, b, e, digits));
            }
        }
        for (auto& w : scan::longestNonOverlapping(std::move(windows)))
            found.push_back(std::move(w));
    });
    return found;
}

} // namespace

std::vector<Slot> findCardNumbers(std::string_view text) {
    return cardRuns(text, true);
}

std::vector<Slot> findCardLikeNumbers(std::string_view text) {
    return cardRuns(text, false);
}

std::vector<Slot> findPhones(std::string_view text) {
    static const std::regex cn("(?:(?:\\+|00)86[\\s-]?)?1[3-9]\\d[\\s-]?\\d{4}[\\s-]?\\d{4}");
    static const std::regex intl("\\+\\d{1,3}(?:[\\s-]?\\(?\\d{1,4}\\)?)(?:[\\s-]?\\d{2,4}){1,4}");
    std::vector<Slot> found;
    scan::forEachMatch(text, cn, [&](const std::smatch& m) {
        if (!scan::digitBoundary(text, beginOf(m), endOf(m)))
            return;
        std::string digits = scan::digitsOf(m.str(0));
        digits = digits.substr(digits.size() - 11);
        found.push_back(scan::makeSlot(text, slotname::kPhone, beginOf(m), endOf(m), "+86" + digits));
    });
    scan::forEachMatch(text, intl, [&](const std::smatch& m) {
        if (!scan::digitBoundary(text, beginOf(m), endOf(m)))
            return;
        const std::string digits = scan::digitsOf(m.str(0));
        if (digits.size() < 8 || digits.size() > 15)
            return;
        found.push_back(scan::makeSlot(text, slotname::kPhone, beginOf(m), endOf(m), "+" + digits));
    });
    return scan::longestNonOverlapping(std::move(found));
}

std::vector<Slot> findIdNumbers(std::string_view text) {
    static const std::regex re("\\d{6} ?\\d{8} ?\\d{3}[0-9Xx]");
    std::vector<Slot> found;
    scan::forEachMatch(text, re, [&](const std::smatch& m) {
        if (!scan::wordBoundary(text, beginOf(m), endOf(m)))
            return;
        std::string id;
        for (char c : m.str(0))
            if (c != ' ')
                id += c == 'x' ? 'X' : c;
        if (chineseIdValid(id))
            found.push_back(scan::makeSlot(text, slotname::kIdNumber, beginOf(m), endOf(m), id));
    });
    return found;
}

std::vector<Slot> findEmails(std::string_view text) {
    static const std::regex re("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    std::vector<Slot> found;
    scan::forEachMatch(text, re, [&](const std::smatch& m) {
        std::string value = m.str(0);
        for (auto& c : value)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        found.push_back(scan::makeSlot(text, slotname::kEmail, beginOf(m), endOf(m), value));
    });
    return found;
}

} // namespace bankbench::core::chat
