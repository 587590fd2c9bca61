#pragma once

// A small stand-in for a trained intent run (ml::LoadedModel) in chat unit tests: each label has keywords,
// and a text's probabilities are a softmax over keyword hits, so tests choose confident, ambiguous and
// out-of-scope messages on purpose. Embeddings are hashed character bigrams (L2-normalised).

#include "ml/runmodel.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace bankbench::test {

class FakeIntentModel final : public ml::LoadedModel {
public:
    FakeIntentModel() {
        m_keywords = {{"card_lost", {"lost", "stolen", "挂失"}},
                      {"balance", {"balance", "余额"}},
                      {"transfer", {"transfer", "send money", "转账"}},
                      {"card_arrival", {"arrive", "delivery", "card"}}};
        for (const auto& [label, words] : m_keywords)
            m_labels.push_back(label);
    }

    const std::string& runName() const override { return m_name; }
    const std::vector<std::string>& labels() const override { return m_labels; }
    bool multiLabel() const override { return false; }
    const std::vector<float>& thresholds() const override { return m_thresholds; }
    std::string device() const override { return "cpu"; }

    core::Result<std::vector<float>> predictProbabilities(const std::vector<std::string>& texts,
                                                          const core::CancelToken* = nullptr) override {
        ++calls;
        std::vector<float> out;
        for (const auto& text : texts) {
            std::vector<double> scores;
            double sum = 0;
            for (const auto& label : m_labels) {
                double hits = 0;
                for (const auto& word : m_keywords.at(label))
                    if (text.find(word) != std::string::npos)
                        hits += 1;
                scores.push_back(std::exp(4.0 * hits));
                sum += scores.back();
            }
            for (const double s : scores)
                out.push_back(static_cast<float>(s / sum));
        }
        return out;
    }

    core::Result<std::vector<float>> embed(const std::vector<std::string>& texts,
                                           const core::CancelToken* = nullptr) override {
        std::vector<float> out;
        for (const auto& text : texts) {
            std::vector<float> v(kDim, 0.0f);
            for (std::size_t i = 0; i + 1 < text.size(); ++i)
                v[(static_cast<unsigned char>(text[i]) * 31u + static_cast<unsigned char>(text[i + 1])) %
                  kDim] += 1;
            double norm = 0;
            for (const float x : v)
                norm += x * x;
            norm = norm > 0 ? std::sqrt(norm) : 1;
            for (auto& x : v)
                out.push_back(static_cast<float>(x / norm));
        }
        return out;
    }
    std::int64_t embeddingDim() const override { return kDim; }

    int calls = 0;

private:
    static constexpr std::int64_t kDim = 64;
    std::string m_name = "fake-run";
    std::map<std::string, std::vector<std::string>> m_keywords;
    std::vector<std::string> m_labels;
    std::vector<float> m_thresholds;
};

} // namespace bankbench::test
