#pragma once

#include "util/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bankbench::core::chat {

/// Out-of-scope gate: how close a message's sentence embedding (LoadedModel::embed, L2-normalised) is to
/// the training examples of the intent the model predicted. The score is the mean cosine of the k nearest
/// reference examples of that intent (deep k-nearest-neighbour out-of-distribution scoring); a message
/// scoring below `threshold` is not understood, however confident the softmax is. A fastText-style or
/// small transformer classifier is often confident on unseen intents (its softmax only compares the known
/// ones), while their wording still sits farther from every known intent's own examples.
/// Chosen over max-probability, Mahalanobis and centroid scores on held-out intents disjoint from the
/// benchmark's (BENCHMARKS.md, "Chatbot"). Plain value type, stored in the bot's policy.
struct OutOfScopeGate {
    int neighbours = 5;
    /// Below it a message is out of scope; the gate is off while `references` is empty.
    double threshold = 0;
    std::int64_t dim = 0;
    /// Per intent, row-major [n x dim] L2-normalised embeddings of up to `referencesPerIntent` training
    /// examples of the policy's run.
    std::map<std::string, std::vector<float>> references;

    bool enabled() const { return dim > 0 && !references.empty(); }
    /// Mean cosine of the `neighbours` nearest references of `intent` to `embedding` (dim values);
    /// nullopt when the intent has no references or the size does not match.
    std::optional<double> score(const std::string& intent, const float* embedding, std::size_t size) const;
    std::size_t referenceCount() const;

    /// `withReferences` false: the settings only (for display; references are base64 float32 blobs).
    nlohmann::json toJson(bool withReferences = true) const;
    /// InvalidArgument naming the key for a bad value or a reference blob whose size is not n x dim.
    static Result<OutOfScopeGate> fromJson(const nlohmann::json& value);
};

} // namespace bankbench::core::chat
