#pragma once

// Shared pieces of retrieval_bench (FAQ retrieval and BQ question matching).

#include "chat/knowledgebase.h"
#include "store/project.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace bankbench::bench {

/// A fresh project under `dir` with one bot; exits the process on failure (a bench, not a library).
std::unique_ptr<core::Project> freshProject(const std::string& path, core::chat::BotId& botId);

/// Bank FAQ retrieval: self-retrieval and the paraphrase set, BM25 variants and embedding re-rank.
nlohmann::json runFaqBench(const std::string& faqCsv, const std::string& paraphrases,
                           const std::string& workdir, const core::chat::Embedder& embedder);

/// BQ corpus question matching on dev (threshold tuning) and test: BM25 ratio vs character overlap.
nlohmann::json runBqBench(const std::string& bqDir, const std::string& workdir);

} // namespace bankbench::bench
