#include "ml/checkpoint.h"

#include "ml/trainer.h"
#include "text/hashedfeatures.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bankbench::ml {

namespace fs = std::filesystem;
using core::Error;
using core::ErrorCode;

namespace {

constexpr int kCheckpointFormatVersion = 1;

fs::path checkpointDir(const std::string& modelDir) {
    return fs::path(modelDir) / "checkpoint";
}
fs::path newCheckpointDir(const std::string& modelDir) {
    return fs::path(modelDir) / "checkpoint.new";
}
fs::path oldCheckpointDir(const std::string& modelDir) {
    return fs::path(modelDir) / "checkpoint.old";
}

// A kill between the two renames of saveCheckpoint() leaves only checkpoint.old: still complete.
fs::path existingCheckpoint(const std::string& modelDir) {
    std::error_code ec;
    if (fs::exists(checkpointDir(modelDir) / "trainer_state.json", ec))
        return checkpointDir(modelDir);
    if (fs::exists(oldCheckpointDir(modelDir) / "trainer_state.json", ec))
        return oldCheckpointDir(modelDir);
    return {};
}

core::Result<std::map<std::string, torch::Tensor>> loadOptional(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        return std::map<std::string, torch::Tensor>{};
    return loadTensors(path.string());
}

Error ioError(const fs::path& path, const std::string& what, const std::error_code& ec) {
    return Error{ErrorCode::Io, what + ": " + ec.message(), {path.string(), 0, 0}};
}

} // namespace

nlohmann::json toJson(const TrainerState& s) {
    auto history = nlohmann::json::array();
    for (const auto& m : s.history)
        history.push_back(toJson(m));
    return {{"format_version", kCheckpointFormatVersion},
            {"step", s.step},
            {"epoch", s.epoch},
            {"batch", s.batch},
            {"epoch_loss_sum", s.epochLossSum},
            {"epoch_batches", s.epochBatches},
            {"epoch_seconds", s.epochSeconds},
            {"history", history},
            {"best_epoch", s.bestEpoch},
            {"best_macro_f1", s.bestMacroF1},
            {"epochs_without_improvement", s.epochsWithoutImprovement},
            {"train_seconds", s.trainSeconds},
            {"phase", s.phase},
            {"refit_epochs", s.refitEpochs},
            {"phase_start_step", s.phaseStartStep},
            {"selection_report", s.selectionReport},
            {"thresholds", s.thresholds},
            {"config", s.config},
            // As a string: JSON numbers are doubles to many readers and would lose the low bits.
            {"split_hash", std::to_string(s.splitHash)}};
}

core::Result<TrainerState> trainerStateFromJson(const nlohmann::json& json, const std::string& source) {
    try {
        if (json.value("format_version", 0) != kCheckpointFormatVersion)
            return Error{ErrorCode::Parse, "unsupported checkpoint format version", {source, 0, 0}};
        TrainerState s;
        s.step = json.at("step").get<std::int64_t>();
        s.epoch = json.at("epoch").get<int>();
        s.batch = json.at("batch").get<std::int64_t>();
        s.epochLossSum = json.at("epoch_loss_sum").get<double>();
        s.epochBatches = json.at("epoch_batches").get<std::int64_t>();
        s.epochSeconds = json.at("epoch_seconds").get<double>();
        for (const auto& m : json.at("history"))
            s.history.push_back(epochMetricsFromJson(m));
        s.bestEpoch = json.at("best_epoch").get<int>();
        s.bestMacroF1 = json.at("best_macro_f1").get<double>();
        s.epochsWithoutImprovement = json.at("epochs_without_improvement").get<int>();
        s.trainSeconds = json.at("train_seconds").get<double>();
        s.phase = json.at("phase").get<int>();
        s.refitEpochs = json.at("refit_epochs").get<int>();
        s.phaseStartStep = json.at("phase_start_step").get<std::int64_t>();
        s.selectionReport = json.at("selection_report");
        s.thresholds = json.at("thresholds").get<std::vector<float>>();
        s.config = json.at("config");
        s.splitHash = std::stoull(json.at("split_hash").get<std::string>());
        return s;
    } catch (const std::exception& e) {
        return Error{ErrorCode::Parse, std::string("invalid trainer state: ") + e.what(), {source, 0, 0}};
    }
}

core::Status saveCheckpoint(const std::string& modelDir, const TrainerState& state,
                            const CheckpointTensors& tensors) {
    const auto fresh = newCheckpointDir(modelDir);
    std::error_code ec;
    fs::remove_all(fresh, ec);
    if (!fs::create_directories(fresh, ec) && ec)
        return ioError(fresh, "cannot create checkpoint folder", ec);
    if (auto status = saveTensors((fresh / "model.safetensors").string(), tensors.model); !status)
        return status;
    NamedTensors optimizer = tensors.optimizer;
    optimizer.emplace_back("rng.dropout", tensors.rngState);
    if (auto status = saveTensors((fresh / "optimizer.safetensors").string(), optimizer); !status)
        return status;
    if (!tensors.best.empty())
        if (auto status = saveTensors((fresh / "best.safetensors").string(), tensors.best); !status)
            return status;
    // The state file last: a checkpoint folder without it is incomplete and never used.
    if (auto status = writeFileAtomically((fresh / "trainer_state.json").string(), toJson(state).dump(2));
        !status)
        return status;

    const auto current = checkpointDir(modelDir);
    const auto old = oldCheckpointDir(modelDir);
    fs::remove_all(old, ec);
    if (fs::exists(current, ec)) {
        fs::rename(current, old, ec);
        if (ec)
            return ioError(current, "cannot replace checkpoint", ec);
    }
    fs::rename(fresh, current, ec);
    if (ec)
        return ioError(fresh, "cannot install checkpoint", ec);
    fs::remove_all(old, ec);
    return {};
}

bool hasCheckpoint(const std::string& modelDir) {
    return !existingCheckpoint(modelDir).empty();
}

void removeCheckpoint(const std::string& modelDir) {
    std::error_code ec;
    fs::remove_all(checkpointDir(modelDir), ec);
    fs::remove_all(newCheckpointDir(modelDir), ec);
    fs::remove_all(oldCheckpointDir(modelDir), ec);
}

core::Result<LoadedCheckpoint> loadCheckpoint(const std::string& modelDir) {
    const auto dir = existingCheckpoint(modelDir);
    if (dir.empty())
        return Error{ErrorCode::NotFound, "no checkpoint to resume from", {modelDir, 0, 0}};
    const auto statePath = (dir / "trainer_state.json").string();
    std::ifstream in(statePath, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded())
        return Error{ErrorCode::Parse, "checkpoint state is not valid JSON", {statePath, 0, 0}};
    auto state = trainerStateFromJson(json, statePath);
    if (!state)
        return state.error();
    LoadedCheckpoint out;
    out.state = std::move(*state);
    auto model = loadTensors((dir / "model.safetensors").string());
    if (!model)
        return model.error();
    out.model = std::move(*model);
    auto optimizer = loadTensors((dir / "optimizer.safetensors").string());
    if (!optimizer)
        return optimizer.error();
    out.optimizer = std::move(*optimizer);
    const auto rng = out.optimizer.find("rng.dropout");
    if (rng == out.optimizer.end())
        return Error{ErrorCode::Parse, "checkpoint has no generator state", {dir.string(), 0, 0}};
    out.rngState = rng->second;
    auto best = loadOptional(dir / "best.safetensors");
    if (!best)
        return best.error();
    out.best = std::move(*best);
    return out;
}

core::Status writeModelFiles(const std::string& modelDir, const nlohmann::json& config,
                             const NamedTensors& weights) {
    std::error_code ec;
    fs::create_directories(modelDir, ec);
    if (ec)
        return ioError(modelDir, "cannot create model folder", ec);
    if (auto status =
            saveTensors((fs::path(modelDir) / kModelWeightsFile).string(), weights, {{"format", "pt"}});
        !status)
        return status;
    return writeFileAtomically((fs::path(modelDir) / kModelConfigFile).string(), config.dump(2));
}

std::uint64_t splitHash(const std::vector<std::int64_t>& train, const std::vector<std::int64_t>& validation) {
    std::uint64_t hash = core::kFnv1a64Offset;
    for (const auto* part : {&train, &validation}) {
        for (const auto index : *part)
            hash = core::fnv1a64(std::string_view(reinterpret_cast<const char*>(&index), sizeof index), hash);
        hash = core::fnv1a64("|", hash);
    }
    return hash;
}

} // namespace bankbench::ml
