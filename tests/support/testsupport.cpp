#include "support/testsupport.h"

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace bankbench::test {

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    const auto name = "bankbench-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                      std::to_string(random());
    m_path = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
    out << bytes;
}

std::filesystem::path testDataDir() { return BANKBENCH_TEST_DATA_DIR; }

std::filesystem::path sharedDataDir() {
    std::filesystem::path dir = BANKBENCH_SHARED_DATA_DIR;
    return std::filesystem::is_directory(dir) ? dir : std::filesystem::path{};
}

} // namespace bankbench::test
