#include "clirunner.h"

#include "support/testsupport.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <stdlib.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace bankbench::test {

nlohmann::json CliResult::json() const {
    return nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
}

CliProcess::CliProcess(const std::vector<std::string>& args, const std::filesystem::path& workDir,
                       const std::string& stderrPath) {
    static std::atomic<int> counter{0};
    const auto id = std::to_string(counter++);
    m_outPath = workDir / ("cli-" + id + ".out");
    m_errPath = workDir / ("cli-" + id + ".err");
    const std::string errTarget = stderrPath.empty() ? m_errPath.string() : stderrPath;
    if (!stderrPath.empty())
        writeFile(m_errPath, "");

    std::vector<std::string> argv{BANKBENCH_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargs;
    for (auto& arg : argv)
        cargs.push_back(arg.data());
    cargs.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, m_outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errTarget.c_str(),
                                     stderrPath.empty() ? O_WRONLY | O_CREAT | O_TRUNC : O_RDWR, 0644);
    // The child must start with default SIGINT handling even if the test runner ignores it.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    const int rc = posix_spawn(&m_pid, BANKBENCH_CLI_PATH, &actions, &attr, cargs.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::runtime_error(std::string("cannot start ") + BANKBENCH_CLI_PATH);
}

CliProcess::~CliProcess() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
}

std::string CliProcess::errSoFar() const {
    return readFile(m_errPath);
}

void CliProcess::sendSignal(int signal) {
    ::kill(m_pid, signal);
}

CliResult CliProcess::wait() {
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_pid = -1;
    CliResult result;
    if (WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        result.exitCode = 128 + WTERMSIG(status);
    result.out = readFile(m_outPath);
    result.err = readFile(m_errPath);
    return result;
}

CliResult runCli(const std::vector<std::string>& args, const std::filesystem::path& workDir) {
    CliProcess process(args, workDir);
    return process.wait();
}

CliResult runCliWithTerminalStderr(const std::vector<std::string>& args,
                                   const std::filesystem::path& workDir) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
        throw std::runtime_error("no pseudo-terminal available");
    const std::string terminal = ::ptsname(master);

    // Drain the terminal while the child runs: a full pty buffer would block its writes.
    std::string err;
    CliResult result;
    {
        CliProcess process(args, workDir, terminal);
        std::thread reader([master, &err] {
            char buffer[4096];
            for (;;) {
                const auto n = ::read(master, buffer, sizeof buffer);
                if (n > 0)
                    err.append(buffer, static_cast<std::size_t>(n));
                else if (n == 0 || errno != EINTR)
                    break; // EIO once the child has exited and closed the terminal
            }
        });
        result = process.wait();
        reader.join();
    }
    ::close(master);
    result.err = err;
    return result;
}

std::filesystem::path cliFixture(const std::string& name) {
    return std::filesystem::path(BANKBENCH_CLI_TEST_DATA_DIR) / name;
}

} // namespace bankbench::test
