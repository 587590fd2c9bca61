#pragma once

#include "io/importoptions.h"
#include "util/canceltoken.h"

#include <chrono>
#include <csignal>
#include <cstdint>
#include <string>

namespace bankbench::cli {

/// Routes SIGINT (Ctrl+C) to a CancelToken while alive, so a long job stops at its next batch and rolls
/// back. A second Ctrl+C gets the default action (kill), for a job that does not respond. Restores the
/// previous handler on destruction. One instance at a time, main thread only.
class SigintCancel {
public:
    explicit SigintCancel(core::CancelToken& token);
    ~SigintCancel();
    SigintCancel(const SigintCancel&) = delete;
    SigintCancel& operator=(const SigintCancel&) = delete;

private:
    struct sigaction m_previous {};
};

/// Prints progress (import: rows, percent, rows/s, ETA; search indexing: done/total) to stderr. On a terminal
/// the line is redrawn in place at most 10 times a second; when forced on a pipe or file (`--progress`) it
/// prints one line per second. Never touches stdout.
class ProgressPrinter {
public:
    enum class Mode { Auto, Always, Never };
    explicit ProgressPrinter(Mode mode);
    ~ProgressPrinter();

    bool enabled() const { return m_enabled; }
    void update(const core::ImportProgress& progress);
    void updateIndexing(std::int64_t done, std::int64_t total);
    /// Clears the in-place line (terminal) so the summary starts on a clean line.
    void finish();

private:
    void show(const std::string& line);

    bool m_enabled = false;
    bool m_tty = false;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_lastLine{};
};

} // namespace bankbench::cli
