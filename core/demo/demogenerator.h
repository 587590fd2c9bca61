#pragma once

#include "store/project.h"
#include "util/result.h"

#include <cstdint>
#include <string>

namespace bankbench::core {

/// Synthetic, bilingual (zh/en) retail-bank customer-service messages over ~20 intents. Written by our
/// own generator; every dataset it makes is named and described as synthetic.
struct DemoOptions {
    int rows = 3000;
    std::uint64_t seed = 20261204;
    double labelledFraction = 0.6;  ///< share of rows that carry an intent label
};

inline constexpr const char* kDemoDatasetName = "demo-customer-service (synthetic)";

struct DemoSummary {
    std::int64_t rows = 0;
    std::int64_t labelledRows = 0;
    int intents = 0;
};

/// Writes the demo data as a UTF-8 CSV (columns: id, channel, language, created_at, text, intent). Same
/// seed, same bytes.
Result<DemoSummary> writeDemoCsv(const std::string& path, const DemoOptions& options = {});

/// Creates a new project at `path` holding the demo dataset. Fails with AlreadyExists if the file exists.
Result<DemoSummary> createDemoProject(const std::string& path, const DemoOptions& options = {});

} // namespace bankbench::core
