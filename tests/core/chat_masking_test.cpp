// Personal data masking for logs and screens, Chinese and English.
#include "chat/masking.h"
#include "chat/slots.h"

#include <gtest/gtest.h>

using namespace bankbench::core::chat;

TEST(ChatMasking, CardNumbersKeepLastFour) {
    EXPECT_EQ(maskPersonalData("my card is 4111 1111 1111 1111, thanks"),
              "my card is **** **** **** 1111, thanks");
    EXPECT_EQ(maskPersonalData("卡号6222021234567890123已挂失"), "卡号**** **** **** 0123已挂失");
    EXPECT_EQ(maskCardNumber("5500-0000-0000-0004"), "**** **** **** 0004");
}

TEST(ChatMasking, MistypedCardNumbersAreStillMasked) {
    EXPECT_EQ(maskPersonalData("card 4111 1111 1111 1112"), "card **** **** **** 1112");
    MaskOptions verifiedOnly;
    verifiedOnly.unverifiedCardLikeNumbers = false;
    EXPECT_EQ(maskPersonalData("card 4111 1111 1111 1112", verifiedOnly), "card 4111 1111 1111 1112");
}

TEST(ChatMasking, IdNumbersPhonesAndEmails) {
    EXPECT_EQ(maskPersonalData("身份证号11010519491231002X，手机13812345678"),
              "身份证号**************002X，手机138****5678");
    EXPECT_EQ(maskPersonalData("call me at +44 20 7946 0958 or mail John.Doe@Example.com"),
              "call me at +44 ******0958 or mail J***@Example.com");
    EXPECT_EQ(maskPersonalData("+86 138-1234-5678"), "138****5678");
}

TEST(ChatMasking, LeavesOtherTextAndAmountsAlone) {
    const std::string text = "明天还款3500元，订单号12345";
    EXPECT_EQ(maskPersonalData(text), text);
    EXPECT_EQ(maskPersonalData("transfer $20 on 2026-03-05"), "transfer $20 on 2026-03-05");
}

TEST(ChatMasking, OptionsSwitchKindsOff) {
    MaskOptions options;
    options.phones = false;
    EXPECT_EQ(maskPersonalData("13812345678 a@b.cn", options), "13812345678 a***@b.cn");
}

TEST(ChatMasking, MaskedSlotsHideRawAndValue) {
    SlotExtractor extractor;
    const auto slots = extractor.extract("card 4111111111111111 tomorrow", {2026, 3, 4}).slots;
    const auto masked = maskedSlots(slots);
    ASSERT_EQ(masked.size(), 2u);
    EXPECT_EQ(masked[0].raw, "**** **** **** 1111");
    EXPECT_EQ(masked[0].value, "**** **** **** 1111");
    EXPECT_EQ(masked[1].value, "2026-03-05"); // dates are not personal data
}
