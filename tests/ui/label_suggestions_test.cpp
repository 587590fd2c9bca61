// Model suggestions through core::SuggestionProvider: the uncertainty order, the suggestion line, Tab.

#include "labelharness.h"

#include "label/labelqueuebar.h"

#include <QComboBox>
#include <QStandardItemModel>

#include <labeling/suggestion.h>

using namespace bankbench;
using test::LabelHarness;

namespace {

/// A stand-in model: "card"/"卡" → card_lost, "balance"/"余额" → balance; the rest is a near tie, so it is
/// the most uncertain. Deterministic, usable from any thread one at a time (no state).
class KeywordModel : public core::SuggestionProvider {
public:
    std::vector<core::Suggestion> suggest(const core::Record& record) override {
        const std::string& text = record.text;
        if (text.find("卡") != std::string::npos || text.find("card") != std::string::npos)
            return {{"card_lost", 0.9}, {"balance", 0.06}, {"transfer", 0.04}};
        if (text.find("余额") != std::string::npos || text.find("balance") != std::string::npos)
            return {{"balance", 0.7}, {"transfer", 0.2}, {"card_lost", 0.1}};
        return {{"transfer", 0.36}, {"complaint", 0.34}, {"balance", 0.3}};
    }
};

} // namespace

TEST_F(LabelHarness, AModelEnablesUncertaintyOrderSuggestionsAndTab) {
    open(core::LabelSetKind::SingleLabel);
    EXPECT_TRUE(view().suggestionsText().isEmpty()); // no model: no suggestion line
    key(Qt::Key_Tab);
    EXPECT_TRUE(view().noticeText().contains(QStringLiteral("No model yet")));

    workspace()->setSuggestionProvider(std::make_shared<KeywordModel>());
    QComboBox* order = workspace()->queueBar()->orderCombo();
    const int uncertainty = order->findData(static_cast<int>(ui::QueueMode::Uncertainty));
    EXPECT_TRUE(qobject_cast<QStandardItemModel*>(order->model())->item(uncertainty)->isEnabled());
    order->setCurrentIndex(uncertainty);
    ASSERT_TRUE(idle());
    ASSERT_EQ(session().queueSize(), 8);
    // The near-tie records come first: none of them mentions a card or a balance.
    const std::string first = session().currentRecord()->textUtf8;
    EXPECT_EQ(first.find("card"), std::string::npos);
    EXPECT_EQ(first.find("卡"), std::string::npos);
    EXPECT_TRUE(view().suggestionsText().contains(QStringLiteral("Transfer 36%")))
        << view().suggestionsText().toStdString();
    // Enter accepts the proposal (the model's first choice); Tab takes the first suggestion directly.
    EXPECT_TRUE(view().decisionText().contains(QStringLiteral("Proposed")));
    key(Qt::Key_Return);
    key(Qt::Key_Tab);
    ASSERT_TRUE(idle());
    EXPECT_EQ(stored(recordAt(0))->labels, std::vector<std::string>{"transfer"});
    EXPECT_EQ(stored(recordAt(1))->labels, std::vector<std::string>{"transfer"});
}
