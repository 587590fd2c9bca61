#include "io/textinput.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace bankbench::core {

Result<std::unique_ptr<TextInput>> TextInput::openFile(const std::string& path, const std::string& encoding,
                                                       std::size_t skipBytes, std::size_t chunkBytes,
                                                       std::int64_t maxBytes) {
    auto decoder = TextDecoder::create(encoding);
    if (!decoder)
        return decoder.error();
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Error{ErrorCode::Io, std::string("cannot open file: ") + std::strerror(errno), {path, 0, 0}};
    struct stat info {};
    if (::fstat(::fileno(file), &info) != 0 || S_ISDIR(info.st_mode)) {
        std::fclose(file);
        return Error{ErrorCode::Io, "cannot read file: it is a directory or unreadable", {path, 0, 0}};
    }
    if (skipBytes > 0 && std::fseek(file, static_cast<long>(skipBytes), SEEK_SET) != 0) {
        std::fclose(file);
        return Error{ErrorCode::Io, std::string("cannot read file: ") + std::strerror(errno), {path, 0, 0}};
    }
    std::unique_ptr<TextInput> input(new TextInput());
    input->m_decoder = std::move(decoder).value();
    input->m_file = file;
    input->m_label = path;
    input->m_chunkBytes = std::max<std::size_t>(chunkBytes, 1);
    input->m_maxBytes = maxBytes;
    input->m_bytesRead = static_cast<std::int64_t>(skipBytes);
    input->m_bytesTotal = static_cast<std::int64_t>(info.st_size);
    return input;
}

Result<std::unique_ptr<TextInput>> TextInput::fromBytes(std::string bytes, const std::string& encoding,
                                                        std::size_t chunkBytes, std::string label) {
    auto decoder = TextDecoder::create(encoding);
    if (!decoder)
        return decoder.error();
    std::unique_ptr<TextInput> input(new TextInput());
    input->m_decoder = std::move(decoder).value();
    input->m_bytesTotal = static_cast<std::int64_t>(bytes.size());
    input->m_memory = std::move(bytes);
    input->m_label = std::move(label);
    input->m_chunkBytes = std::max<std::size_t>(chunkBytes, 1);
    return input;
}

TextInput::~TextInput() {
    if (m_file)
        std::fclose(m_file);
}

std::size_t TextInput::readSome(char* dest, std::size_t capacity) {
    if (!m_file) {
        const std::size_t n = std::min(capacity, m_memory.size() - m_memoryPos);
        std::memcpy(dest, m_memory.data() + m_memoryPos, n);
        m_memoryPos += n;
        return n;
    }
    const std::size_t n = std::fread(dest, 1, capacity, m_file);
    if (n == 0 && std::ferror(m_file))
        m_error = Error{ErrorCode::Io, std::string("read failed: ") + std::strerror(errno), {m_label, 0, 0}};
    return n;
}

void TextInput::dropInvalidBefore(std::size_t offset) {
    while (!m_invalid.empty() && m_invalid.front().offset < offset)
        m_invalid.pop_front();
}

std::size_t TextInput::fill(std::size_t keepFrom) {
    keepFrom = std::min(keepFrom, m_buffer.size());
    std::size_t shift = 0;
    // Moving the kept tail costs its length, so only move once it is at most half the buffer: a long
    // record then costs amortised linear time instead of one move per chunk.
    if (keepFrom > 0 && keepFrom * 2 >= m_buffer.size()) {
        m_buffer.erase(0, keepFrom);
        shift = keepFrom;
        dropInvalidBefore(keepFrom);
        for (auto& sequence : m_invalid)
            sequence.offset -= shift;
    }
    while (!m_eof && !m_error) {
        std::size_t want = m_chunkBytes;
        if (m_maxBytes >= 0)
            want = static_cast<std::size_t>(std::min<std::int64_t>(
                static_cast<std::int64_t>(want), std::max<std::int64_t>(m_maxBytes - m_bytesRead, 0)));
        if (want == 0) {
            m_eof = true;
            m_truncated = m_bytesRead < m_bytesTotal;
            break;
        }
        if (m_raw.size() < want)
            m_raw.resize(want);
        const std::size_t n = readSome(m_raw.data(), want);
        const std::size_t before = m_buffer.size();
        if (n == 0) {
            m_eof = true;
            m_decoder->finish(m_buffer, m_newInvalid);
        } else {
            m_bytesRead += static_cast<std::int64_t>(n);
            m_decoder->decode(std::string_view(m_raw.data(), n), m_buffer, m_newInvalid);
        }
        for (auto& sequence : m_newInvalid)
            m_invalid.push_back(std::move(sequence));
        m_newInvalid.clear();
        if (m_buffer.size() > before)
            break;
    }
    return shift;
}

} // namespace bankbench::core
