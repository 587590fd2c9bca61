#include "chat/checksums.h"

#include "chat/dates.h"

namespace bankbench::core::chat {

bool luhnValid(std::string_view digits) {
    if (digits.size() < 2)
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9')
            return false;
        int d = *it - '0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

bool chineseIdValid(std::string_view id) {
    if (id.size() != 18)
        return false;
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        if (id[i] < '0' || id[i] > '9')
            return false;
        sum += (id[i] - '0') * kWeights[i];
    }
    char last = id[17] == 'x' ? 'X' : id[17];
    if (last != kCheck[sum % 11])
        return false;
    auto num = [&](int pos, int len) {
        int v = 0;
        for (int i = pos; i < pos + len; ++i)
            v = v * 10 + (id[i] - '0');
        return v;
    };
    const int year = num(6, 4);
    if (year < 1900 || year > 2099)
        return false;
    return CivilDate::make(year, num(10, 2), num(12, 2)).has_value();
}

} // namespace bankbench::core::chat
