// retrieval_bench: knowledge-base retrieval figures for BENCHMARKS.md ("Chatbot retrieval").
//
//   retrieval_bench [--data DIR] [--paraphrases FILE] [--workdir DIR] [--embed-project P --embed-run R]
//                   [--skip-faq] [--skip-bq] [--json OUT]
//
// DIR defaults to ../shared/data beside the source tree (BANKBENCH_SHARED_DATA_DIR); FILE to
// tests/bench/data/bank_faq_paraphrases.jsonl. With --embed-project/--embed-run the BM25 candidates are also
// re-ranked by that run's sentence embeddings (through the ML module: set
// BANKBENCH_ML_MODULE=build/app/libbankbench_ml_module.so).

#include "retrieval_bench.h"

#include "ml/loader/mlloader.h"
#include "ml/runmodel.h"

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace bankbench;

namespace bankbench::bench {

std::unique_ptr<core::Project> freshProject(const std::string& path, core::chat::BotId& botId) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    auto created = core::Project::create(path);
    if (!created) {
        std::cerr << created.error().what() << '\n';
        std::exit(1);
    }
    auto project = std::move(created).value();
    project->database().exec("INSERT INTO bots(name, created_at) VALUES ('bench', 'now')");
    botId = project->database().lastInsertRowId();
    return project;
}

} // namespace bankbench::bench

int main(int argc, char** argv) {
    std::string data = BANKBENCH_SHARED_DATA_DIR;
    std::string paraphrases =
        std::string(BANKBENCH_SOURCE_DIR) + "/tests/bench/data/bank_faq_paraphrases.jsonl";
    std::string workdir = "/tmp/retrieval-bench";
    std::string embedProject, embedRun, jsonOut;
    bool faq = true, bq = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--data")
            data = value();
        else if (arg == "--paraphrases")
            paraphrases = value();
        else if (arg == "--workdir")
            workdir = value();
        else if (arg == "--embed-project")
            embedProject = value();
        else if (arg == "--embed-run")
            embedRun = value();
        else if (arg == "--json")
            jsonOut = value();
        else if (arg == "--skip-faq")
            faq = false;
        else if (arg == "--skip-bq")
            bq = false;
        else {
            std::cerr << "unknown argument " << arg << '\n';
            return 2;
        }
    }
    std::filesystem::create_directories(workdir);

    std::unique_ptr<ml::LoadedModel> model;
    core::chat::Embedder embedder;
    if (!embedRun.empty()) {
        auto module = ml::loadMlModule();
        if (!module) {
            std::cerr << module.error().what() << '\n';
            return 1;
        }
        auto loaded = (*module)->loadRunModel(embedProject, embedRun, ml::DevicePreference::Cpu);
        if (!loaded) {
            std::cerr << loaded.error().what() << '\n';
            return 1;
        }
        model = std::move(loaded).value();
        embedder = [&model](const std::vector<std::string>& texts) { return model->embed(texts); };
    }

    nlohmann::json out;
    if (faq)
        out["faq"] = bench::runFaqBench(data + "/bank_faq_en/BankFAQs.csv", paraphrases, workdir, embedder);
    if (faq && model)
        out["faq"]["embedding_run"] = embedRun;
    if (bq)
        out["bq"] = bench::runBqBench(data + "/bq_corpus_zh", workdir);
    std::cout << out.dump(2) << '\n';
    if (!jsonOut.empty())
        std::ofstream(jsonOut) << out.dump(2) << '\n';
    return 0;
}
