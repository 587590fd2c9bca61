#pragma once

#include "support/testsupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace bankbench::test {

/// What one bankbench-cli run produced.
struct CliResult {
    int exitCode = -1; ///< exit status, or 128 + signal number when killed by a signal
    std::string out;   ///< stdout
    std::string err;   ///< stderr
    /// stdout parsed as JSON; a discarded value (is_discarded()) when it is not exactly one JSON document.
    nlohmann::json json() const;
};

/// A running bankbench-cli with stdout and stderr going to files, for tests that interact with it (Ctrl+C).
class CliProcess {
public:
    /// `stderrPath` replaces the stderr capture file (a terminal device, say); then errSoFar() is empty.
    CliProcess(const std::vector<std::string>& args, const std::filesystem::path& workDir,
               const std::string& stderrPath = {});
    ~CliProcess();
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    std::string errSoFar() const;
    void sendSignal(int signal);
    CliResult wait();

private:
    pid_t m_pid = -1;
    std::filesystem::path m_outPath;
    std::filesystem::path m_errPath;
};

/// Runs bankbench-cli with `args` and waits for it. Output is captured through files under `workDir`.
CliResult runCli(const std::vector<std::string>& args, const std::filesystem::path& workDir);

/// Like runCli, but stderr is a pseudo-terminal (as in an interactive shell); stdout stays a file.
CliResult runCliWithTerminalStderr(const std::vector<std::string>& args,
                                   const std::filesystem::path& workDir);

std::filesystem::path cliFixture(const std::string& name);

/// A fresh directory and project path per test.
class CliTest : public ::testing::Test {
protected:
    CliResult run(const std::vector<std::string>& args) { return runCli(args, m_dir.path()); }
    std::string path(const std::string& name) const { return m_dir.file(name); }
    const std::string& project() const { return m_project; }

    /// `init` the project; fails the test if that does not work.
    void initProject() {
        const auto result = run({"init", m_project});
        ASSERT_EQ(result.exitCode, 0) << result.err;
    }

    /// `info --json` of the test project, asserting success.
    nlohmann::json info() {
        const auto result = run({"info", m_project, "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return result.json();
    }

    TempDir m_dir;
    std::string m_project = m_dir.file("test.bbproj");
};

} // namespace bankbench::test
