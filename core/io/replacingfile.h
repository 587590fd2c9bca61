#pragma once

#include "util/result.h"

#include <cstdio>
#include <memory>
#include <string>

namespace bankbench::core {

/// An output file written beside its target and renamed over it by commit(), so readers never see a
/// half-written export; destroyed without commit() (error, cancel) it leaves nothing behind. Text is
/// appended to buffer() and written out in large blocks. Used by every exporter; one thread at a time.
class ReplacingFile {
public:
    /// Refuses an empty path and a target that is not a regular file (a symlink, /dev/stdout, a
    /// directory): the rename would replace it instead of writing through it.
    static Result<std::unique_ptr<ReplacingFile>> open(const std::string& target);
    ~ReplacingFile();
    ReplacingFile(const ReplacingFile&) = delete;
    ReplacingFile& operator=(const ReplacingFile&) = delete;

    std::string& buffer() { return m_buffer; }
    /// Writes the buffer out once it holds a block; false after a write error (commit() reports it).
    bool flushWhenFull();
    /// Writes the rest, syncs, closes and renames into place.
    Status commit();

private:
    ReplacingFile(std::string target, std::string tempPath, std::FILE* file);
    bool flush();
    Error ioError(const char* what) const;

    std::string m_target;
    std::string m_tempPath;
    std::FILE* m_file;
    std::string m_buffer;
    bool m_writeFailed = false;
    bool m_committed = false;
};

} // namespace bankbench::core
