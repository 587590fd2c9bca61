#include "demo/demorowgenerator.h"

#include "demo/demoformat.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace bankbench::core {

namespace {

const std::vector<std::string> kChannels = {"app", "wechat", "web", "phone", "branch"};
const std::vector<int> kChannelWeights = {35, 25, 15, 15, 10};
// Messages per hour of day (China time): quiet at night, peaks mid-morning and mid-afternoon.
const std::vector<int> kHourWeights = {2,  1,  1,  1,  1,  2,  3,  6,  10, 14, 15, 13,
                                       10, 11, 14, 14, 13, 11, 10, 10, 9,  8,  5,  3};

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool endsWithChinesePunctuation(const std::string& text) {
    return endsWith(text, "？") || endsWith(text, "！") || endsWith(text, "。");
}

bool isWeekend(std::int64_t day) {
    const std::int64_t weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday == 0 || weekday == 6;
}

// After "Hi, " a sentence continues in lower case, except "I" ("I'd", "I was") and acronyms ("ATM", "LPR").
std::string continueSentence(const std::string& text) {
    if (text.empty() || !std::isupper(static_cast<unsigned char>(text[0])))
        return text;
    if (text.size() > 1 && (std::isupper(static_cast<unsigned char>(text[1])) ||
                            (text[0] == 'I' && (text[1] == ' ' || text[1] == '\'')))) {
        return text;
    }
    std::string out = text;
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

} // namespace

DemoRowGenerator::DemoRowGenerator(const DemoOptions& options)
    : m_options(options), m_random(options.seed), m_intentLabelled(demoIntents().size(), false) {
    for (const DemoIntent& intent : demoIntents())
        m_intentWeights.push_back(intent.weight);

    // Timestamps first and sorted, so ids follow time as in a real export.
    const std::int64_t firstDay = daysFromCivil({2026, 1, 1});
    const std::int64_t daysInYear = daysFromCivil({2027, 1, 1}) - firstDay;
    m_times.reserve(static_cast<std::size_t>(options.rows));
    for (int i = 0; i < options.rows; ++i) {
        std::int64_t day = 0;
        do {
            day =
                firstDay + static_cast<std::int64_t>(m_random.below(static_cast<std::uint64_t>(daysInYear)));
        } while (isWeekend(day) && m_random.chance(0.35)); // weekends are quieter
        const auto hour = static_cast<std::int64_t>(m_random.weighted(kHourWeights));
        const auto minute = static_cast<std::int64_t>(m_random.below(60));
        const auto second = static_cast<std::int64_t>(m_random.below(60));
        m_times.push_back(day * 86400 + hour * 3600 + minute * 60 + second);
    }
    std::sort(m_times.begin(), m_times.end());
}

bool DemoRowGenerator::next(DemoRow& row) {
    if (m_next >= m_times.size())
        return false;
    const std::int64_t time = m_times[m_next++];
    const std::int64_t day = time / 86400;

    const std::size_t intentIndex = m_random.weighted(m_intentWeights);
    const DemoIntent& intent = demoIntents()[intentIndex];
    const DemoLanguage language = m_random.chance(0.5) ? DemoLanguage::Chinese : DemoLanguage::English;
    const std::string& channel = kChannels[m_random.weighted(kChannelWeights)];
    const char* pattern = m_random.pick(language == DemoLanguage::Chinese ? intent.zh : intent.en);
    std::string text = decorate(fillTemplate(pattern, language, day), language, channel);
    const bool labelled = m_random.chance(m_options.labelledFraction);

    char id[32];
    std::snprintf(id, sizeof id, "CS-%06zu", m_next);
    row.id = id;
    row.channel = channel;
    row.language = language == DemoLanguage::Chinese ? "zh" : "en";
    row.createdAt = chinaTimestamp(time);
    row.text = std::move(text);
    row.intent = labelled ? intent.name : "";
    if (labelled) {
        ++m_labelledRows;
        m_intentLabelled[intentIndex] = true;
    }
    return true;
}

int DemoRowGenerator::labelledIntents() const {
    return static_cast<int>(std::count(m_intentLabelled.begin(), m_intentLabelled.end(), true));
}

std::string DemoRowGenerator::fillTemplate(std::string_view pattern, DemoLanguage language,
                                           std::int64_t day) {
    std::string out;
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        const std::size_t open = pattern.find('{', pos);
        const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            out.append(pattern.substr(pos));
            break;
        }
        out.append(pattern.substr(pos, open - pos));
        out += slot(pattern.substr(open + 1, close - open - 1), language, day);
        pos = close + 1;
    }
    return out;
}

std::string DemoRowGenerator::slot(std::string_view name, DemoLanguage language, std::int64_t day) {
    const DemoVocabulary& words = demoVocabulary(language);
    if (name == "amount")
        return formatAmount(m_random, language, AmountKind::Everyday);
    if (name == "fee")
        return formatAmount(m_random, language, AmountKind::Fee);
    if (name == "big")
        return formatAmount(m_random, language, AmountKind::Large);
    if (name == "limit")
        return formatAmount(m_random, language, AmountKind::Limit);
    if (name == "past")
        return formatPastDate(m_random, language, day);
    if (name == "future")
        return formatFutureDate(m_random, language, day);
    if (name == "month")
        return formatRecentMonth(m_random, language, day);
    if (name == "card4") {
        char digits[8];
        std::snprintf(digits, sizeof digits, "%04d", m_random.between(0, 9999));
        return digits;
    }
    if (name == "time")
        return m_random.pick(words.timesOfDay);
    if (name == "card")
        return m_random.pick(words.cardTypes);
    if (name == "city")
        return m_random.pick(words.cities);
    if (name == "branch")
        return m_random.pick(words.branches);
    if (name == "merchant")
        return m_random.pick(words.merchants);
    if (name == "product")
        return m_random.pick(words.products);
    if (name == "currency")
        return m_random.pick(words.currencies);
    if (name == "loan")
        return m_random.pick(words.loans);
    if (name == "app")
        return m_random.pick(words.apps);
    if (name == "years")
        return m_random.pick(words.mortgageTerms);
    // Left visible on purpose: the generator's tests reject any message still holding braces.
    std::string unfilled = "{";
    unfilled.append(name);
    unfilled += '}';
    return unfilled;
}

std::string DemoRowGenerator::decorate(std::string text, DemoLanguage language, const std::string& channel) {
    const DemoVocabulary& words = demoVocabulary(language);
    const bool chinese = language == DemoLanguage::Chinese;
    std::string prefix;
    if (channel == "phone" && m_random.chance(0.3))
        prefix = m_random.pick(words.phonePrefixes);
    else if (channel == "branch" && m_random.chance(0.35))
        prefix = m_random.pick(words.branchPrefixes);

    // Staff notes and counter visits carry no chat greeting; customers' own messages often do.
    const std::string opener = prefix.empty() && channel != "branch" ? m_random.pick(words.openers) : "";
    if (!opener.empty() && !chinese)
        text = continueSentence(text);

    // Call and counter notes are transcribed without the chat sign-offs ("在线等", "Please get back to me").
    std::string closer = m_random.pick(words.closers);
    if (channel == "phone" || channel == "branch" ||
        (closer.find("麻烦") != std::string::npos && text.find("麻烦") != std::string::npos))
        closer.clear();
    if (chinese && endsWithChinesePunctuation(text)) {
        if (closer == "。")
            closer.clear();
        else if (closer.starts_with("，"))
            closer = closer.substr(std::string_view("，").size());
    }
    if (!chinese && !closer.empty() && !endsWith(text, ".") && !endsWith(text, "?") && !endsWith(text, "!"))
        text += '.';
    text = prefix + opener + text + closer;

    if (channel == "web" && m_random.chance(0.2)) {
        text += '\n';
        text += m_random.pick(words.signatures);
    } else if ((channel == "app" || channel == "wechat") && m_random.chance(0.15)) {
        // Chat style: English typed in lower case without the final full stop; Chinese without the 。.
        if (chinese) {
            if (endsWith(text, "。"))
                text.resize(text.size() - std::string_view("。").size());
        } else {
            for (char& c : text)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (endsWith(text, "."))
                text.pop_back();
        }
    }
    return text;
}

} // namespace bankbench::core
