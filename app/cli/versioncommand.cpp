#include "clioutput.h"
#include "commands.h"

#include "ml/loader/mlloader.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#ifndef BANKBENCH_VERSION
#error "BANKBENCH_VERSION must be defined by the build (app/CMakeLists.txt)"
#endif

namespace bankbench::cli {

std::string versionText() {
    std::string text = std::string("bankbench-cli ") + BANKBENCH_VERSION + "\n";
    auto module = ml::loadMlModule();
    if (module)
        text += (*module)->describeRuntime((*module)->runtimeInfo());
    else
        text += "ML runtime unavailable: " + module.error().message;
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

void addVersionCommand(CLI::App& app, Action& action) {
    auto json = std::make_shared<bool>(false);
    auto* cmd =
        app.add_subcommand("version", "Print the version and the numeric runtime (BLAS, threads, device)");
    cmd->add_flag("--json", *json, "Machine-readable output on stdout");
    cmd->callback([&action, json] {
        action = [json] {
            // LibTorch is loaded here, not at start-up: only commands that compute pay for it.
            auto module = ml::loadMlModule();
            if (!module)
                return reportError(module.error(), "bankbench-cli", *json);
            if (*json) {
                auto out = toJson((*module)->runtimeInfo());
                out["version"] = BANKBENCH_VERSION;
                printJson(out);
            } else {
                std::cout << versionText() << '\n';
            }
            return int(kExitOk);
        };
    });
}

} // namespace bankbench::cli
