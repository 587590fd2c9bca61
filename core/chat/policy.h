#pragma once

#include "chat/outofscope.h"
#include "util/result.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace bankbench::core::chat {

/// What the bot does when it is not sure of an intent and no FAQ entry answers.
enum class LowConfidenceAction { Clarify, Handover };

/// When the bot trusts its intent model. Confidences are calibrated (temperature scaling on the run's
/// validation split): p_i = softmax(log(prob_i) / temperature). A turn is understood when the top
/// confidence reaches the intent's threshold (per intent where validation had enough examples of it,
/// else the global one) and leads the second by at least `margin`. Plain value type.
struct Policy {
    double temperature = 1.0;
    double threshold = 0.5;
    double margin = 0.1;
    std::map<std::string, double> intentThresholds;
    /// Below threshold/margin: offer the top two interpretations when together they reach the threshold,
    /// else `lowConfidence` (Clarify offers them anyway, Handover passes to a human agent).
    LowConfidenceAction lowConfidence = LowConfidenceAction::Clarify;
    /// Consecutive turns not understood before a hand-over, whatever lowConfidence says.
    int handoverAfterMisses = 2;
    /// A knowledge-base hit answers when its coverage (share of the query's terms in the FAQ question)
    /// reaches this and its score reaches kbMinScore.
    double kbMinCoverage = 0.6;
    double kbMinScore = 0.5;
    /// Out of scope: also not understood when the message is far from the predicted intent's training
    /// examples (off while it has no references).
    OutOfScopeGate outOfScope;
    /// The model's "none of these" label (e.g. "other", trained on messages the bank does not serve): a
    /// turn whose top intent is this one is never answered as an intent, nor offered as a quick reply.
    /// Empty: the model has none.
    std::string noneIntent;
    /// How it was tuned (for "why" panels and reports): validation examples, accuracy before and after.
    nlohmann::json tuning = nlohmann::json::object();

    double thresholdFor(const std::string& intent) const;
    bool isNoneIntent(const std::string& intent) const { return !noneIntent.empty() && intent == noneIntent; }
    /// Confidence below which a logged turn counts as low-confidence when sending turns to labeling: the
    /// threshold, or kLabelingConfidenceFloor when the out-of-scope gate made it 0, so that the labeling
    /// loop still sees the turns the model was unsure of.
    double labelingThreshold() const;
    static constexpr double kLabelingConfidenceFloor = 0.5;
    /// `withReferences` false leaves the out-of-scope gate's reference embeddings out (for display).
    nlohmann::json toJson(bool withReferences = true) const;
    /// InvalidArgument naming the key for a bad value; missing keys keep their defaults.
    static Result<Policy> fromJson(const nlohmann::json& value);
};

/// Calibrated confidences from a model's probabilities (one row).
std::vector<float> calibrate(const std::vector<float>& probabilities, double temperature);

/// What tunePolicy() optimises for.
struct TuningOptions {
    /// Largest allowed drop of validation accuracy (understood and right / all) from accepting everything.
    double maxAccuracyDrop = 0.02;
    /// Intents with at least this many validation examples predicted as them get their own threshold.
    int minExamplesPerIntent = 50;
    /// Thresholds never exceed this: on a small or perfectly separated validation split the strictest
    /// threshold is the lowest confidence seen (near 1), which would turn away every slightly new wording.
    double maxThreshold = 0.9;
    /// tunePolicyOnRun(): build an out-of-scope gate from the run's training examples when the model has
    /// sentence embeddings; k nearest neighbours, reference examples per intent (first in split order).
    bool outOfScopeGate = true;
    int neighbours = 5;
    int referencesPerIntent = 50;
};

/// Tunes temperature (0.25..4), threshold, margin and per-intent thresholds on validation predictions
/// (`probabilities` row-major [gold.size() x labels.size()], `gold` = label index per row). Picks the
/// strictest (threshold, margin) whose validation accuracy stays within maxAccuracyDrop, counting the
/// rows it turns away (out-of-scope queries look like the turned-away rows: the stricter the better).
/// Keeps `base`'s other settings. Pure; InvalidArgument on mismatched sizes or no rows.
///
/// With `base.noneIntent` set, validation rows of that label are left out (they are the out-of-scope
/// examples, not answers to keep), and an in-scope row predicted as it counts as turned away.
///
/// With `inScopeScores` (one per row: base.outOfScope's score for the row's predicted intent) the search
/// is over (margin, gate threshold) instead: the confidence threshold is left at 0 and no per-intent
/// thresholds are made, so that the whole accuracy budget goes to the gate, which separates held-out
/// intents better than the confidence does (BENCHMARKS.md, "Chatbot").
Result<Policy> tunePolicy(const std::vector<float>& probabilities, const std::vector<int>& gold,
                          const std::vector<std::string>& labels, const Policy& base = {},
                          const TuningOptions& options = {},
                          const std::vector<double>* inScopeScores = nullptr);

} // namespace bankbench::core::chat
