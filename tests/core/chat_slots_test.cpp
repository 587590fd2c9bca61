// Golden cases for the rule-based slot detectors, Chinese and English, against a fixed reference date.
#include "chat/checksums.h"
#include "chat/chinesenumber.h"
#include "chat/slots.h"

#include <gtest/gtest.h>

using namespace bankbench::core;
using namespace bankbench::core::chat;

namespace {

// Wednesday 4 March 2026.
const CivilDate kRef{2026, 3, 4};

std::vector<std::string> values(const std::vector<Slot>& slots) {
    std::vector<std::string> out;
    for (const auto& s : slots)
        out.push_back(s.value + (s.unit.empty() ? "" : " " + s.unit));
    return out;
}

std::string onlyDate(const std::string& text) {
    const auto found = findDates(text, kRef);
    return found.size() == 1 ? found[0].value : "<" + std::to_string(found.size()) + " dates>";
}

std::string onlyAmount(const std::string& text) {
    const auto found = findAmounts(text);
    return found.size() == 1 ? values(found)[0] : "<" + std::to_string(found.size()) + " amounts>";
}

} // namespace

TEST(ChatChecksums, LuhnAcceptsValidAndRejectsInvalid) {
    EXPECT_TRUE(luhnValid("4111111111111111"));
    EXPECT_TRUE(luhnValid("378282246310005"));
    EXPECT_FALSE(luhnValid("4111111111111112"));
    EXPECT_FALSE(luhnValid("41111111111111a1"));
    EXPECT_FALSE(luhnValid("4"));
}

TEST(ChatChecksums, ChineseIdChecksumAndBirthDate) {
    EXPECT_TRUE(chineseIdValid("11010519491231002X"));
    EXPECT_TRUE(chineseIdValid("11010519491231002x"));
    EXPECT_TRUE(chineseIdValid("440524188001010014") == false); // year 1880 is out of range
    EXPECT_TRUE(chineseIdValid("310115199003071239"));
    EXPECT_FALSE(chineseIdValid("310115199003071238")); // wrong check digit
    EXPECT_FALSE(chineseIdValid("11010519491231002"));  // 17 characters
}

TEST(ChatChineseNumber, ParsesCommonForms) {
    EXPECT_EQ(parseChineseNumber("五"), 5);
    EXPECT_EQ(parseChineseNumber("十五"), 15);
    EXPECT_EQ(parseChineseNumber("二十"), 20);
    EXPECT_EQ(parseChineseNumber("一百零五"), 105);
    EXPECT_EQ(parseChineseNumber("三千五百"), 3500);
    EXPECT_EQ(parseChineseNumber("三千五"), 3500);
    EXPECT_EQ(parseChineseNumber("两万"), 20000);
    EXPECT_EQ(parseChineseNumber("一万二"), 12000);
    EXPECT_EQ(parseChineseNumber("二零二六"), 2026);
    EXPECT_EQ(parseChineseNumber("三点五"), 3.5);
    EXPECT_FALSE(parseChineseNumber("一二百").has_value());
    EXPECT_FALSE(parseChineseNumber("").has_value());
}

TEST(ChatDates, ChineseRelativeDays) {
    EXPECT_EQ(onlyDate("今天能到账吗"), "2026-03-04");
    EXPECT_EQ(onlyDate("明天还款"), "2026-03-05");
    EXPECT_EQ(onlyDate("后天"), "2026-03-06");
    EXPECT_EQ(onlyDate("大后天去网点"), "2026-03-07");
    EXPECT_EQ(onlyDate("昨天转的钱"), "2026-03-03");
    EXPECT_EQ(onlyDate("3天后"), "2026-03-07");
}

TEST(ChatDates, ChineseWeekdays) {
    EXPECT_EQ(onlyDate("下周五可以吗"), "2026-03-13");
    EXPECT_EQ(onlyDate("周五"), "2026-03-06");
    EXPECT_EQ(onlyDate("这周一"), "2026-03-02");
    EXPECT_EQ(onlyDate("上周五"), "2026-02-27");
    EXPECT_EQ(onlyDate("下个星期天"), "2026-03-15");
    EXPECT_EQ(onlyDate("礼拜三"), "2026-03-04");
}

TEST(ChatDates, ChineseCalendarDates) {
    EXPECT_EQ(onlyDate("3月5日还款"), "2026-03-05");
    EXPECT_EQ(onlyDate("三月五号"), "2026-03-05");
    EXPECT_EQ(onlyDate("2027年1月15日"), "2027-01-15");
    EXPECT_EQ(onlyDate("1月3日"), "2027-01-03"); // two months past: next year's
    EXPECT_EQ(onlyDate("3月1日"), "2026-03-01"); // days ago: this year's
    EXPECT_EQ(onlyDate("15号"), "2026-03-15");
    EXPECT_EQ(onlyDate("2号"), "2026-04-02");
    EXPECT_EQ(onlyDate("2月30日"), "<0 dates>");
}

TEST(ChatDates, NumericAndEnglishDates) {
    EXPECT_EQ(onlyDate("due 2026-03-05"), "2026-03-05");
    EXPECT_EQ(onlyDate("2026/3/5"), "2026-03-05");
    EXPECT_EQ(onlyDate("tomorrow please"), "2026-03-05");
    EXPECT_EQ(onlyDate("Today"), "2026-03-04");
    EXPECT_EQ(onlyDate("the day after tomorrow"), "2026-03-06");
    EXPECT_EQ(onlyDate("next Friday"), "2026-03-13");
    EXPECT_EQ(onlyDate("on Friday"), "2026-03-06");
    EXPECT_EQ(onlyDate("this friday"), "2026-03-06");
    EXPECT_EQ(onlyDate("last Monday"), "2026-02-23");
    EXPECT_EQ(onlyDate("on 5 March"), "2026-03-05");
    EXPECT_EQ(onlyDate("March 5th, 2027"), "2027-03-05");
    EXPECT_EQ(onlyDate("by Dec 24"), "2026-12-24");
    EXPECT_EQ(onlyDate("in 3 days"), "2026-03-07");
    EXPECT_EQ(onlyDate("in two weeks"), "2026-03-18");
    EXPECT_EQ(onlyDate("todays"), "<0 dates>");
}

TEST(ChatDates, CivilDateArithmetic) {
    EXPECT_EQ(kRef.isoWeekday(), 3);
    EXPECT_EQ(CivilDate({2024, 2, 28}).plusDays(1).iso(), "2024-02-29");
    EXPECT_EQ(CivilDate({2026, 12, 31}).plusDays(1).iso(), "2027-01-01");
    EXPECT_EQ(CivilDate::fromIso("2026-03-05"), (CivilDate{2026, 3, 5}));
    EXPECT_FALSE(CivilDate::fromIso("2026-02-29").has_value());
}

TEST(ChatAmounts, ChineseAmounts) {
    EXPECT_EQ(onlyAmount("转账¥100给他"), "100 CNY");
    EXPECT_EQ(onlyAmount("还100元"), "100 CNY");
    EXPECT_EQ(onlyAmount("一百元"), "100 CNY");
    EXPECT_EQ(onlyAmount("三千五百块"), "3500 CNY");
    EXPECT_EQ(onlyAmount("借两万"), "20000");
    EXPECT_EQ(onlyAmount("额度2.5万"), "25000");
    EXPECT_EQ(onlyAmount("100美元"), "100 USD");
    EXPECT_EQ(onlyAmount("五十块钱"), "50 CNY");
    EXPECT_EQ(onlyAmount("一个问题"), "<0 amounts>");
}

TEST(ChatAmounts, EnglishAmounts) {
    EXPECT_EQ(onlyAmount("send 1,000.50 USD"), "1000.50 USD");
    EXPECT_EQ(onlyAmount("I paid $20 twice"), "20 USD");
    EXPECT_EQ(onlyAmount("a 5k loan"), "5000");
    EXPECT_EQ(onlyAmount("RMB 300"), "300 CNY");
    EXPECT_EQ(onlyAmount("50 euros"), "50 EUR");
    EXPECT_EQ(onlyAmount("€12.5"), "12.50 EUR");
    EXPECT_EQ(onlyAmount("wait 3 days"), "<0 amounts>");
    EXPECT_EQ(onlyAmount("5 km"), "<0 amounts>");
}

TEST(ChatPhones, ChineseAndInternational) {
    EXPECT_EQ(values(findPhones("我的手机13812345678")), std::vector<std::string>{"+8613812345678"});
    EXPECT_EQ(values(findPhones("call +86 138-1234-5678")), std::vector<std::string>{"+8613812345678"});
    EXPECT_EQ(values(findPhones("电话 138 1234 5678")), std::vector<std::string>{"+8613812345678"});
    EXPECT_EQ(values(findPhones("+44 20 7946 0958")), std::vector<std::string>{"+442079460958"});
    EXPECT_EQ(values(findPhones("+1-415-555-0123")), std::vector<std::string>{"+14155550123"});
    EXPECT_TRUE(findPhones("12345678901").empty());  // 12x is no CN mobile prefix
    EXPECT_TRUE(findPhones("138123456789").empty()); // 12 digits
}

TEST(ChatCards, LuhnCheckedWithGroupings) {
    EXPECT_EQ(values(findCardNumbers("卡号4111111111111111")), std::vector<std::string>{"4111111111111111"});
    EXPECT_EQ(values(findCardNumbers("card 4111 1111 1111 1111 ok")),
              std::vector<std::string>{"4111111111111111"});
    EXPECT_EQ(values(findCardNumbers("5500-0000-0000-0004")), std::vector<std::string>{"5500000000000004"});
    EXPECT_EQ(values(findCardNumbers("amex 378282246310005")), std::vector<std::string>{"378282246310005"});
    EXPECT_TRUE(findCardNumbers("card 4111 1111 1111 1112").empty());
    EXPECT_EQ(findCardLikeNumbers("card 4111 1111 1111 1112").size(), 1u);
}

TEST(ChatIds, ChecksumValidIdsOnly) {
    EXPECT_EQ(values(findIdNumbers("身份证11010519491231002x")),
              std::vector<std::string>{"11010519491231002X"});
    EXPECT_EQ(values(findIdNumbers("ID 310115 19900307 1239")),
              std::vector<std::string>{"310115199003071239"});
    EXPECT_TRUE(findIdNumbers("310115199003071238").empty());
}

TEST(ChatSlotExtractor, MergesDetectorsWithSpansAndPrecedence) {
    SlotExtractor extractor;
    const std::string text = "明天从卡4111111111111111转账500元到13812345678";
    const auto result = extractor.extract(text, kRef);
    ASSERT_EQ(result.slots.size(), 4u);
    EXPECT_EQ(result.slots[0].name, "date");
    EXPECT_EQ(result.slots[0].value, "2026-03-05");
    EXPECT_EQ(result.slots[1].name, "card_number");
    EXPECT_EQ(text.substr(result.slots[1].begin, result.slots[1].end - result.slots[1].begin),
              "4111111111111111");
    EXPECT_EQ(result.slots[2].name, "amount");
    EXPECT_EQ(result.slots[2].raw, "500元");
    EXPECT_EQ(result.slots[3].name, "phone");
    const auto placeholders = placeholderValues(result.slots);
    EXPECT_EQ(placeholders.at("card_last4"), "1111");
    EXPECT_EQ(placeholders.at("amount"), "500");
    EXPECT_EQ(placeholders.at("currency"), "CNY");
    EXPECT_EQ(placeholders.at("phone_masked"), "138****5678");
}

TEST(ChatSlotExtractor, EnglishSentence) {
    SlotExtractor extractor;
    const auto result = extractor.extract("Pay $250.75 to card 5500 0000 0000 0004 next Friday", kRef);
    ASSERT_EQ(result.slots.size(), 3u);
    EXPECT_EQ(values(result.slots),
              (std::vector<std::string>{"250.75 USD", "5500000000000004", "2026-03-13"}));
}

TEST(ChatSlotExtractor, ExtraSourceAddsNonOverlappingSlotsAndReportsFailure) {
    SlotExtractor extractor;
    const std::string text = "transfer 100 USD to Alice tomorrow";
    extractor.setExtraSource(
        [](std::string_view t) -> Result<std::vector<Slot>> {
            std::vector<Slot> out;
            Slot payee;
            payee.name = "payee";
            payee.begin = t.find("Alice");
            payee.end = payee.begin + 5;
            payee.value = "Alice";
            payee.confidence = 0.9;
            out.push_back(payee);
            Slot clash = payee; // overlaps the rule amount: dropped
            clash.name = "number";
            clash.begin = t.find("100");
            clash.end = clash.begin + 3;
            out.push_back(clash);
            return out;
        },
        "ner-run");
    auto result = extractor.extract(text, kRef);
    ASSERT_EQ(result.slots.size(), 3u);
    EXPECT_EQ(result.slots[1].name, "payee");
    EXPECT_EQ(result.slots[1].raw, "Alice");
    EXPECT_EQ(result.slots[1].source, "ner-run");
    EXPECT_TRUE(result.warnings.empty());

    extractor.setExtraSource([](std::string_view) -> Result<std::vector<Slot>> {
        return Error{ErrorCode::InvalidArgument, "model not loaded", {}};
    });
    result = extractor.extract(text, kRef);
    EXPECT_EQ(result.slots.size(), 2u);
    ASSERT_EQ(result.warnings.size(), 1u);
    EXPECT_NE(result.warnings[0].find("model not loaded"), std::string::npos);
}
