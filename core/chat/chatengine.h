#pragma once

#include "chat/botstore.h"
#include "chat/chatsession.h"
#include "chat/dates.h"
#include "chat/knowledgebase.h"
#include "chat/slots.h"
#include "chat/turnresult.h"
#include "ml/runmodel.h"
#include "util/result.h"

#include <optional>
#include <string>

namespace bankbench::core::chat {

/// The chatbot: one bot version over an intent model, with optional knowledge base.
///
/// A turn: mask the message, extract slots (rules), classify (calibrated confidences), apply the policy
/// (understood / clarify / hand over), continue a pending follow-up or a clarification the user answered,
/// search the knowledge base (BM25 re-ranked by the model's sentence embeddings), and answer from the
/// intent's response template, ask for a missing required slot, answer from an FAQ entry, or say which
/// intent it understood and what it would do (no template).
///
/// Thread rule: use one ChatEngine from one thread at a time: the model (LoadedModel) and the knowledge
/// base (its Project connection) are single-threaded. Sessions are caller-owned values, so many
/// conversations can share an engine; to serve in parallel, serialise turn() with a mutex (what `serve`
/// does) or build one engine per worker thread, each with its own Project and loaded model. The engine
/// borrows `model` and `knowledge`: both must outlive it. turn() never throws.
class ChatEngine {
public:
    ChatEngine(BotVersion bot, ml::LoadedModel& model, KnowledgeBase* knowledge = nullptr);

    const BotVersion& bot() const { return m_bot; }
    /// Fixes "today" for relative dates (tests, replays); nullopt = the current UTC date per turn.
    void setReferenceDate(std::optional<CivilDate> date) { m_referenceDate = date; }
    /// Turns knowledge-base re-ranking by embeddings on (default) or off (BM25 only).
    void setEmbeddingRerank(bool on) { m_rerank = on; }
    SlotExtractor& slotExtractor() { return m_slots; }

    /// One user message. `language`: "zh", "en" or "auto" (Chinese when the text has CJK characters).
    /// Updates `session`. Errors only when the model fails (the session is then left unchanged).
    Result<TurnResult> turn(ChatSession& session, const std::string& text,
                            const std::string& language = "auto");

private:
    struct Classification;
    Result<Classification> classify(const std::string& text);
    void searchKnowledge(const std::string& text, TurnResult& result);
    /// The model's embedding of `texts`, remembering the last single text (the gate and the knowledge
    /// base's re-ranking both embed the message).
    Result<std::vector<float>> embed(const std::vector<std::string>& texts);
    void answerIntent(ChatSession& session, TurnResult& result);
    void notUnderstood(ChatSession& session, TurnResult& result, const Classification& c);

    BotVersion m_bot;
    ml::LoadedModel& m_model;
    KnowledgeBase* m_knowledge;
    SlotExtractor m_slots;
    std::optional<CivilDate> m_referenceDate;
    bool m_rerank = true;
    std::string m_embeddedText;
    std::vector<float> m_embedding;
};

/// "card_arrival" -> "card arrival": how an intent is named to the user when no display name exists.
std::string intentDisplayName(const std::string& intent);

} // namespace bankbench::core::chat
