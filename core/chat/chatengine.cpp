#include "chat/chatengine.h"

#include "chat/masking.h"
#include "text/utf8.h"
#include "util/strings.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <numeric>

namespace bankbench::core::chat {

struct ChatEngine::Classification {
    std::vector<IntentScore> top; // best first, up to 5
};

namespace {

constexpr std::size_t kTopIntents = 5;

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

bool hasCjk(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();)
        if (utf8::isCjk(utf8::next(text, pos)))
            return true;
    return false;
}

// A customer asking for a person gets one at once, whatever the model thinks.
bool asksForHuman(const std::string& text) {
    const auto lower = lowerAscii(text);
    for (const char* phrase :
         {"人工", "转人工", "真人", "客服人员", "human agent", "real person", "talk to a human",
          "speak to a human", "speak to someone", "talk to someone", "live agent"})
        if (lower.find(phrase) != std::string::npos)
            return true;
    return false;
}

// The four digits a customer types when asked for the end of a card number.
std::optional<std::string> lastFourDigits(const std::string& text) {
    std::string found;
    int runs = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) {
            std::size_t j = i;
            while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
                ++j;
            ++runs;
            if (j - i == 4)
                found = text.substr(i, 4);
            i = j;
        } else {
            ++i;
        }
    }
    return runs == 1 && !found.empty() ? std::optional<std::string>(found) : std::nullopt;
}

const std::string& pick(const std::map<std::string, std::string>& byLanguage, const std::string& language) {
    const auto it = byLanguage.find(language);
    return it != byLanguage.end() ? it->second : byLanguage.begin()->second;
}

std::string defaultAnswer(const std::string& intent, const std::map<std::string, std::string>& slots,
                          const std::string& language) {
    std::string details;
    for (const auto& [name, value] : slots)
        details += (details.empty() ? "" : ", ") + name + "=" + value;
    const auto name = intentDisplayName(intent);
    if (language == "zh")
        return "我理解您的需求是「" + name + "」。接下来我会为您办理这项业务" +
               (details.empty() ? std::string("。") : "（" + details + "）。");
    return "I understood your request as \"" + name + "\". I would now handle it for you" +
           (details.empty() ? std::string(".") : " (" + details + ").");
}

std::string clarifyQuestion(const std::string& first, const std::string& second,
                            const std::string& language) {
    if (language == "zh")
        return "抱歉，我不太确定您的意思。您是想问「" + intentDisplayName(first) + "」还是「" +
               intentDisplayName(second) + "」？";
    return "Sorry, I'm not sure I understood. Did you mean \"" + intentDisplayName(first) + "\" or \"" +
           intentDisplayName(second) + "\"?";
}

std::string handoverMessage(const std::string& language) {
    return language == "zh" ? "这个问题我暂时无法回答，正在为您转接人工客服，请稍候。"
                            : "I can't help with this one myself. Let me pass you to a human agent.";
}

} // namespace

std::string intentDisplayName(const std::string& intent) {
    std::string out = intent;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

ChatEngine::ChatEngine(BotVersion bot, ml::LoadedModel& model, KnowledgeBase* knowledge)
    : m_bot(std::move(bot)), m_model(model), m_knowledge(knowledge) {}

Result<ChatEngine::Classification> ChatEngine::classify(const std::string& text) {
    auto probabilities = m_model.predictProbabilities({text});
    if (!probabilities)
        return probabilities.error();
    const auto& labels = m_model.labels();
    if (probabilities->size() != labels.size() || labels.empty())
        return Error{ErrorCode::InvalidArgument, "the intent model returned no probabilities", {}};
    const auto calibrated = calibrate(*probabilities, m_bot.policy.temperature);
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    const auto k = std::min(kTopIntents, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](std::size_t a, std::size_t b) { return calibrated[a] > calibrated[b]; });
    Classification c;
    for (std::size_t i = 0; i < k; ++i)
        c.top.push_back({labels[order[i]], calibrated[order[i]]});
    return c;
}

Result<std::vector<float>> ChatEngine::embed(const std::vector<std::string>& texts) {
    if (texts.size() == 1 && !m_embedding.empty() && texts[0] == m_embeddedText)
        return m_embedding;
    auto embedded = m_model.embed(texts);
    if (embedded && texts.size() == 1) {
        m_embeddedText = texts[0];
        m_embedding = *embedded;
    }
    return embedded;
}

void ChatEngine::searchKnowledge(const std::string& text, TurnResult& result) {
    if (!m_knowledge)
        return;
    KbSearchOptions options;
    options.k = 3;
    if (m_rerank && m_model.embeddingDim() > 0)
        options.embedder = [this](const std::vector<std::string>& texts) { return embed(texts); };
    auto hits = m_knowledge->search(text, options);
    if (!hits)
        return; // the FAQ is a fallback: a failed search must not cost the customer the answer
    for (const auto& hit : *hits)
        result.consideredFaq.push_back({hit.id, hit.question, hit.answer, hit.source, hit.score, hit.coverage,
                                        hit.bm25, hit.embeddingSimilarity});
}

Result<TurnResult> ChatEngine::turn(ChatSession& session, const std::string& text,
                                    const std::string& language) {
    const auto started = std::chrono::steady_clock::now();
    const double cpuStarted = threadCpuMs();
    auto classification = classify(text);
    if (!classification)
        return classification.error();
    const auto& top = classification->top;
    std::optional<double> inScope;
    if (const auto& gate = m_bot.policy.outOfScope; gate.enabled()) {
        auto embedded = embed({text});
        if (!embedded)
            return embedded.error();
        // An intent the gate has no examples of cannot be judged by it (never turned away).
        inScope = gate.score(top[0].intent, embedded->data(), embedded->size()).value_or(1.0);
    }

    TurnResult result;
    result.session = session.id;
    result.turn = ++session.turns;
    result.language = (language == "zh" || language == "en") ? language : (hasCjk(text) ? "zh" : "en");
    result.text = maskPersonalData(text);
    const auto extraction = m_slots.extract(text, m_referenceDate.value_or(CivilDate::today()));
    result.newSlots = maskedSlots(extraction.slots);
    auto found = placeholderValues(extraction.slots);
    result.topIntents = top;
    result.intent = top[0].intent;
    result.confidence = top[0].confidence;
    const double second = top.size() > 1 ? top[1].confidence : 0.0;
    result.threshold = m_bot.policy.thresholdFor(top[0].intent);
    result.margin = m_bot.policy.margin;
    bool understood =
        top[0].confidence >= result.threshold && top[0].confidence - second >= m_bot.policy.margin;
    if (inScope) {
        result.inScopeScore = inScope;
        result.inScopeThreshold = m_bot.policy.outOfScope.threshold;
        understood = understood && *inScope >= m_bot.policy.outOfScope.threshold;
    }
    if (m_bot.policy.isNoneIntent(top[0].intent)) {
        result.noneIntent = true;
        understood = false;
    }

    const std::string reply(trimWhitespace(text));
    const auto offered = std::find(session.offered.begin(), session.offered.end(), reply);
    if (offered != session.offered.end()) {
        // The user pressed a quick reply (or typed the intent offered): that is the intent, for sure.
        result.intent = *offered;
        result.confidence = 1.0;
        result.intentSource = "quick_reply";
        understood = true;
    } else if (!session.pendingIntent.empty()) {
        const auto* response = m_bot.responses.find(session.pendingIntent);
        bool filled = false;
        if (response) {
            for (const auto& slot : response->requiredSlots) {
                if (session.slots.count(slot))
                    continue;
                if (!found.count(slot) && slot.size() > 6 && slot.ends_with("_last4"))
                    if (auto digits = lastFourDigits(text))
                        found[slot] = *digits;
                filled = filled || found.count(slot) > 0;
            }
        }
        // A message that fills the missing slot, or is not confidently something else, continues the
        // pending intent; a confident other intent starts over.
        if (filled || !understood || top[0].intent == session.pendingIntent) {
            result.intent = session.pendingIntent;
            result.confidence = session.pendingConfidence;
            result.intentSource = "context";
            if (!filled && top[0].intent != session.pendingIntent)
                ++session.misses;
            understood = true;
        }
        session.pendingIntent.clear();
    }
    session.offered.clear();
    for (auto& [name, value] : found)
        session.slots[name] = value;
    result.slots = session.slots;

    searchKnowledge(text, result);
    if (asksForHuman(text)) {
        result.decision = Decision::Handover;
        result.answer = handoverMessage(result.language);
        result.responseKey = "handover";
    } else if (understood && session.misses < m_bot.policy.handoverAfterMisses) {
        answerIntent(session, result);
    } else {
        notUnderstood(session, result, *classification);
    }
    result.elapsedMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    result.cpuMs = threadCpuMs() - cpuStarted;
    return result;
}

void ChatEngine::answerIntent(ChatSession& session, TurnResult& result) {
    const auto* response = m_bot.responses.find(result.intent);
    const bool faqAnswers = !result.consideredFaq.empty() &&
                            result.consideredFaq[0].coverage >= m_bot.policy.kbMinCoverage &&
                            result.consideredFaq[0].score >= m_bot.policy.kbMinScore;
    if (!response && faqAnswers) {
        // An intent with no template: the FAQ entry is the better answer than "I would do X".
        session.misses = 0;
        result.decision = Decision::Knowledge;
        result.sources = {result.consideredFaq[0]};
        result.answer = result.sources[0].answer;
        result.responseKey = "knowledge";
        return;
    }
    if (result.intentSource != "context")
        session.misses = 0;
    if (!response) {
        result.decision = Decision::Answer;
        result.answer = defaultAnswer(result.intent, session.slots, result.language);
        result.responseKey = result.intent + ".default";
        return;
    }
    for (const auto& slot : response->requiredSlots) {
        if (session.slots.count(slot))
            continue;
        result.decision = Decision::FollowUp;
        result.answer = pick(response->followUps.at(slot), result.language);
        result.responseKey = result.intent + ".ask." + slot;
        session.pendingIntent = result.intent;
        session.pendingConfidence = result.confidence;
        return;
    }
    const auto it = response->variants.count(result.language) ? response->variants.find(result.language)
                                                              : response->variants.begin();
    const auto& variants = it->second;
    const auto& chosen = variants[chooseVariant(session.id, result.turn, result.intent, variants.size())];
    result.decision = Decision::Answer;
    result.answer = fillTemplate(chosen, session.slots);
    result.responseKey = result.intent;
    session.misses = 0;
}

void ChatEngine::notUnderstood(ChatSession& session, TurnResult& result, const Classification& c) {
    if (!result.consideredFaq.empty() && result.consideredFaq[0].coverage >= m_bot.policy.kbMinCoverage &&
        result.consideredFaq[0].score >= m_bot.policy.kbMinScore) {
        session.misses = 0;
        result.decision = Decision::Knowledge;
        result.sources = {result.consideredFaq[0]};
        result.answer = result.sources[0].answer;
        result.responseKey = "knowledge";
        return;
    }
    ++session.misses;
    // The model's "none of these" is an answer in itself: no interpretations to offer, a person takes over.
    // Otherwise the two likeliest intents, never the none-of-these label, are offered.
    std::vector<IntentScore> candidates;
    for (const auto& scored : c.top)
        if (!m_bot.policy.isNoneIntent(scored.intent) && candidates.size() < 2)
            candidates.push_back(scored);
    const double pair = candidates.size() > 1 ? candidates[0].confidence + candidates[1].confidence : 0.0;
    const bool clarify =
        !result.noneIntent && candidates.size() > 1 && session.misses < m_bot.policy.handoverAfterMisses &&
        (pair >= result.threshold || m_bot.policy.lowConfidence == LowConfidenceAction::Clarify);
    if (!clarify) {
        result.decision = Decision::Handover;
        result.answer = handoverMessage(result.language);
        result.responseKey = "handover";
        session.misses = 0;
        return;
    }
    result.decision = Decision::Clarify;
    result.answer = clarifyQuestion(candidates[0].intent, candidates[1].intent, result.language);
    result.responseKey = "clarify";
    result.intent = candidates[0].intent;
    for (const auto& candidate : candidates) {
        result.quickReplies.push_back({intentDisplayName(candidate.intent), candidate.intent});
        session.offered.push_back(candidate.intent);
    }
}

} // namespace bankbench::core::chat
