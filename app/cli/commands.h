#pragma once

#include "store/project.h"
#include "util/result.h"

#include <functional>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace bankbench::cli {

/// The command chosen on the command line, bound to its parsed options. Runs after parsing so that
/// CLI11's exceptions never mix with a command's own error handling. Returns the process exit code.
using Action = std::function<int()>;

void addProjectCommands(CLI::App& app, Action& action); ///< init, info, demo
void addDataCommands(CLI::App& app, Action& action);    ///< import, export
void addVersionCommand(CLI::App& app, Action& action);  ///< version
void addLabelCommands(CLI::App& app, Action& action);   ///< labels, export-labels, import-labels
void addTrainCommands(CLI::App& app, Action& action);   ///< train
void addRunCommands(CLI::App& app, Action& action);     ///< eval, predict, runs
void addEnsembleCommand(CLI::App& app, Action& action); ///< ensemble
void addModelCommands(CLI::App& app, Action& action);   ///< pretrain, export-model
void addBotCommands(CLI::App& app, Action& action);     ///< bot create/update/list/show/delete/send-to-labeling
void addChatCommands(CLI::App& app, Action& action);    ///< chat, chat-test
void addServeCommand(CLI::App& app, Action& action);    ///< serve

/// Opens a project that must already exist (never creates one by accident); a missing file is NotFound
/// with a hint to run `init`. Read-only connections are for commands that only look.
core::Result<std::unique_ptr<core::Project>> openExistingProject(const std::string& path, bool readOnly);

/// "bankbench-cli 0.1.0" plus one line per runtime fact (BLAS, threads, device); also `--version`.
std::string versionText();

} // namespace bankbench::cli
