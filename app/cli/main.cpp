// bankbench-cli: the headless twin of the GUI, for servers without a display and for scripts.

#include "clioutput.h"
#include "commands.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace bankbench::cli;

    CLI::App app{"Bankbench: AI workbench for retail-bank customer-service text (headless command line).\n"
                 "Exit codes: 0 ok, 1 bad input data, 2 usage, 3 not found, 4 already exists, "
                 "5 I/O or database, 130 cancelled.",
                 "bankbench-cli"};
    app.set_version_flag("--version", [] { return versionText(); });
    app.require_subcommand(1);

    Action action;
    addProjectCommands(app, action);
    addDataCommands(app, action);
    addLabelCommands(app, action);
    addTrainCommands(app, action);
    addRunCommands(app, action);
    addEnsembleCommand(app, action);
    addModelCommands(app, action);
    addBotCommands(app, action);
    addChatCommands(app, action);
    addServeCommand(app, action);
    addVersionCommand(app, action);

    // CLI11 would call a mistyped command "A subcommand is required"; name it instead.
    if (argc > 1 && argv[1][0] != '-') {
        try {
            app.get_subcommand(argv[1]);
        } catch (const CLI::OptionNotFound&) {
            // Listed from the registered commands, so a new command group cannot be forgotten here.
            std::string names;
            for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; }))
                names += (names.empty() ? "" : ", ") + sub->get_name();
            std::cerr << "bankbench-cli: unknown command \"" << argv[1] << "\" (commands: " << names
                      << ")\nRun 'bankbench-cli --help' for more information.\n";
            return kExitUsage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
            return app.exit(e); // --help, --version
        std::string command = "COMMAND";
        for (const auto* sub : app.get_subcommands())
            command = sub->get_name();
        std::cerr << "bankbench-cli: " << e.what() << "\nRun 'bankbench-cli " << command
                  << " --help' for more information.\n";
        return kExitUsage;
    }
    if (!action)
        return kExitUsage;
    try {
        return action();
    } catch (const std::exception& e) {
        // Core reports failures as values; reaching here is a bug, but the user still deserves a message.
        std::cerr << "bankbench-cli: internal error: " << e.what() << '\n';
        return kExitStorage;
    }
}
