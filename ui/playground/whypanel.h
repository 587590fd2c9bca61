#pragma once

#include "playground/playgroundtypes.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace bankbench::ui {

class IntentBars;

/// "Why this answer": for the latest turn, the top intents with calibrated probabilities (bars, the
/// threshold as a line), the threshold and margin that applied, the knowledge-base entries considered
/// with their scores (BM25, embedding, final), the slots remembered, and the response chosen with the
/// decision. GUI thread.
class WhyPanel : public QWidget {
    Q_OBJECT

public:
    explicit WhyPanel(QWidget* parent = nullptr);

    void showTurn(const core::chat::TurnResult& turn);
    void clear();

    IntentBars* bars() const { return m_bars; }
    QTableWidget* faqTable() const { return m_faq; }
    QTableWidget* slotTable() const { return m_slots; }
    QString decisionText() const;

    /// The decision in words, translated.
    static QString decisionTitle(core::chat::Decision decision);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void render();

    std::optional<core::chat::TurnResult> m_turn;
    QLabel* m_title;
    QLabel* m_decision;
    QLabel* m_intentsTitle;
    IntentBars* m_bars;
    QLabel* m_policy;
    QLabel* m_faqTitle;
    QTableWidget* m_faq;
    QLabel* m_slotsTitle;
    QTableWidget* m_slots;
    QLabel* m_response;
};

} // namespace bankbench::ui
