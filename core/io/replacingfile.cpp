#include "io/replacingfile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace bankbench::core {

namespace {
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
}

Result<std::unique_ptr<ReplacingFile>> ReplacingFile::open(const std::string& target) {
    if (target.empty())
        return Error{ErrorCode::InvalidArgument, "no output file given", {}};
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(target, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return Error{ErrorCode::InvalidArgument,
                     "not a regular file; export writes a new file and renames it into place",
                     {target, 0, 0}};
    std::string tempPath = target + ".tmp-" + std::to_string(::getpid());
    std::FILE* file = std::fopen(tempPath.c_str(), "wb");
    if (!file)
        return Error{
            ErrorCode::Io, std::string("cannot write file: ") + std::strerror(errno), {target, 0, 0}};
    return std::unique_ptr<ReplacingFile>(new ReplacingFile(target, std::move(tempPath), file));
}

ReplacingFile::ReplacingFile(std::string target, std::string tempPath, std::FILE* file)
    : m_target(std::move(target)), m_tempPath(std::move(tempPath)), m_file(file) {
    m_buffer.reserve(kFlushBytes + 64 * 1024);
}

ReplacingFile::~ReplacingFile() {
    if (m_file)
        std::fclose(m_file);
    if (!m_committed)
        std::remove(m_tempPath.c_str());
}

bool ReplacingFile::flush() {
    if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
        m_writeFailed = true;
    m_buffer.clear();
    return !m_writeFailed;
}

bool ReplacingFile::flushWhenFull() {
    return m_buffer.size() < kFlushBytes || flush();
}

Error ReplacingFile::ioError(const char* what) const {
    return Error{ErrorCode::Io, std::string(what) + std::strerror(errno), {m_target, 0, 0}};
}

Status ReplacingFile::commit() {
    if (!flush() || std::fflush(m_file) != 0 || ::fsync(::fileno(m_file)) != 0 || m_writeFailed)
        return ioError("write failed: ");
    const int closed = std::fclose(m_file);
    m_file = nullptr;
    if (closed != 0)
        return ioError("write failed: ");
    if (std::rename(m_tempPath.c_str(), m_target.c_str()) != 0)
        return ioError("cannot replace file: ");
    m_committed = true;
    return {};
}

} // namespace bankbench::core
