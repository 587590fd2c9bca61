#include "terminal.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace bankbench::cli {

namespace {

// The handler may only touch lock-free atomics; CancelToken is a std::atomic<bool>.
core::CancelToken* g_sigintToken = nullptr;

extern "C" void onSigint(int) {
    if (g_sigintToken)
        g_sigintToken->cancel();
}

std::string humanCount(double value) {
    char buffer[32];
    if (value >= 1e6)
        std::snprintf(buffer, sizeof buffer, "%.1fM", value / 1e6);
    else if (value >= 1e4)
        std::snprintf(buffer, sizeof buffer, "%.0fk", value / 1e3);
    else
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
}

std::string clock(double seconds) {
    const auto total = static_cast<long long>(seconds + 0.5);
    char buffer[32];
    if (total >= 3600)
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", total / 60, total % 60);
    return buffer;
}

std::string describe(const core::ImportProgress& p) {
    std::string line = "importing: " + std::to_string(p.rowsImported) + " rows";
    if (p.rowsSkipped > 0)
        line += ", " + std::to_string(p.rowsSkipped) + " skipped";
    if (p.bytesTotal > 0) {
        char percent[16];
        std::snprintf(percent, sizeof percent, " (%.0f%%)", 100.0 * p.bytesRead / p.bytesTotal);
        line += percent;
    }
    line += "  " + humanCount(p.rowsPerSecond) + " rows/s";
    // No rate yet means no estimate, whatever the sink computed.
    const bool knownEta = p.etaSeconds >= 0 && p.rowsPerSecond > 0;
    line += "  ETA " + (knownEta ? clock(p.etaSeconds) : std::string("?"));
    return line;
}

} // namespace

SigintCancel::SigintCancel(core::CancelToken& token) {
    g_sigintToken = &token;
    struct sigaction action {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &m_previous);
}

SigintCancel::~SigintCancel() {
    sigaction(SIGINT, &m_previous, nullptr);
    g_sigintToken = nullptr;
}

ProgressPrinter::ProgressPrinter(Mode mode) : m_tty(::isatty(STDERR_FILENO) == 1) {
    m_enabled = mode == Mode::Always || (mode == Mode::Auto && m_tty);
}

ProgressPrinter::~ProgressPrinter() {
    finish();
}

void ProgressPrinter::update(const core::ImportProgress& progress) {
    if (m_enabled)
        show(describe(progress));
}

void ProgressPrinter::updateIndexing(std::int64_t done, std::int64_t total) {
    if (m_enabled)
        show("indexing for search: " + std::to_string(done) + " of " + std::to_string(total) + " rows");
}

void ProgressPrinter::show(const std::string& line) {
    const auto now = std::chrono::steady_clock::now();
    const auto interval = m_tty ? std::chrono::milliseconds(100) : std::chrono::milliseconds(1000);
    if (m_lastLine != std::chrono::steady_clock::time_point{} && now - m_lastLine < interval)
        return;
    m_lastLine = now;
    if (m_tty) {
        // \033[K clears what a longer previous line left behind.
        std::fprintf(stderr, "\r%s\033[K", line.c_str());
        m_drawn = true;
    } else {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::fflush(stderr);
}

void ProgressPrinter::finish() {
    if (m_drawn) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
        m_drawn = false;
    }
}

} // namespace bankbench::cli
