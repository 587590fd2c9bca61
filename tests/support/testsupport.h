#pragma once

#include <filesystem>
#include <string>

namespace bankbench::test {

/// A fresh directory per test, removed when the object goes out of scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& bytes);

/// tests/data in the source tree (golden folders).
std::filesystem::path testDataDir();
/// ../shared/data beside the clone; empty path when absent (tests then GTEST_SKIP with a message).
std::filesystem::path sharedDataDir();

} // namespace bankbench::test
