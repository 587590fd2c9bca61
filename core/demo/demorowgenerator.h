#pragma once

#include "demo/demodata.h"
#include "demo/demogenerator.h"
#include "util/seededrandom.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::core {

/// One synthetic message, as it appears in the demo CSV.
struct DemoRow {
    std::string id;
    std::string channel;   ///< app, web, phone, wechat, branch
    std::string language;  ///< zh or en
    std::string createdAt; ///< ISO 8601 with the +08:00 offset, within 2026
    std::string text;
    std::string intent; ///< "" for the unlabelled share
};

/// Produces the demo rows in created_at order, the same sequence for the same options. Options must be
/// valid (rows > 0, 0 <= labelledFraction <= 1). Not thread-safe.
class DemoRowGenerator {
public:
    explicit DemoRowGenerator(const DemoOptions& options);

    /// Fills `row` with the next message; false once all rows have been produced.
    bool next(DemoRow& row);

    std::int64_t labelledRows() const { return m_labelledRows; }
    /// Distinct intents among the labelled rows so far.
    int labelledIntents() const;

private:
    std::string fillTemplate(std::string_view pattern, DemoLanguage language, std::int64_t day);
    std::string slot(std::string_view name, DemoLanguage language, std::int64_t day);
    std::string decorate(std::string text, DemoLanguage language, const std::string& channel);

    DemoOptions m_options;
    SeededRandom m_random;
    std::vector<std::int64_t> m_times; ///< local seconds since 1970, sorted
    std::size_t m_next = 0;
    std::int64_t m_labelledRows = 0;
    std::vector<bool> m_intentLabelled;
    std::vector<int> m_intentWeights;
};

} // namespace bankbench::core
