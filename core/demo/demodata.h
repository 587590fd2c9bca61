#pragma once

// The demo generator's data tables (templates and slot vocabularies), kept apart from its logic.

#include <vector>

namespace bankbench::core {

enum class DemoLanguage { Chinese, English };

/// One intent with its message templates. Placeholders in braces are filled per message:
/// {amount} {fee} {big} {limit} money; {past} {future} {time} {month} when; {card} {card4} card type and
/// last four digits; {city} {branch} {merchant} {product} {currency} {loan} {app} {years}.
struct DemoIntent {
    const char* name;
    int weight; ///< relative frequency: balance questions are common, address changes rare
    std::vector<const char*> zh;
    std::vector<const char*> en;
};

/// Words and phrases for one language. Dates and amounts are formatted in code (they need numbers).
struct DemoVocabulary {
    std::vector<const char*> openers;        ///< greeting put before a message ("" = none)
    std::vector<const char*> closers;        ///< put after it ("" = none)
    std::vector<const char*> signatures;     ///< web-form sign-offs, on their own line
    std::vector<const char*> phonePrefixes;  ///< call-centre transcription notes
    std::vector<const char*> branchPrefixes; ///< counter staff notes
    std::vector<const char*> cardTypes;
    std::vector<const char*> cities;
    std::vector<const char*> branches;
    std::vector<const char*> merchants;
    std::vector<const char*> products;
    std::vector<const char*> currencies;
    std::vector<const char*> loans;
    std::vector<const char*> apps;
    std::vector<const char*> mortgageTerms;
    std::vector<const char*> timesOfDay;
    std::vector<const char*> pastPhrases;   ///< relative past: "yesterday", "上周"
    std::vector<const char*> futurePhrases; ///< relative future: "tomorrow", "下周一"
};

const std::vector<DemoIntent>& demoIntents();
const DemoVocabulary& demoVocabulary(DemoLanguage language);

} // namespace bankbench::core
