#include "ml/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <limits>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bankbench::ml {

static_assert(std::endian::native == std::endian::little,
              "safetensors data is little-endian; a big-endian host would need byte swapping");

using core::Error;
using core::ErrorCode;

namespace {

// A header larger than this is not a real checkpoint (the format's own reference limit is 100 MB).
constexpr std::uint64_t kMaxHeaderBytes = 100u * 1024u * 1024u;

Error fileError(ErrorCode code, const std::string& path, const std::string& message) {
    return Error{code, message, {path, 0, 0}};
}

std::string systemMessage(int error) {
    return std::strerror(error);
}

struct DTypeInfo {
    DType dtype;
    const char* name;
    std::size_t size;
};

constexpr DTypeInfo kDTypes[] = {
    {DType::F64, "F64", 8}, {DType::F32, "F32", 4},   {DType::F16, "F16", 2}, {DType::BF16, "BF16", 2},
    {DType::I64, "I64", 8}, {DType::I32, "I32", 4},   {DType::I16, "I16", 2}, {DType::I8, "I8", 1},
    {DType::U8, "U8", 1},   {DType::Bool, "BOOL", 1},
};

// product(shape) * size, or nullopt on a negative dimension or overflow.
std::optional<std::size_t> byteSizeOf(DType dtype, const std::vector<std::int64_t>& shape) {
    std::size_t count = 1;
    for (const auto dim : shape) {
        if (dim < 0)
            return std::nullopt;
        if (dim != 0 && count > std::numeric_limits<std::size_t>::max() / static_cast<std::size_t>(dim))
            return std::nullopt;
        count *= static_cast<std::size_t>(dim);
    }
    if (count > std::numeric_limits<std::size_t>::max() / dtypeSize(dtype))
        return std::nullopt;
    return count * dtypeSize(dtype);
}

} // namespace

const char* dtypeName(DType dtype) {
    for (const auto& info : kDTypes)
        if (info.dtype == dtype)
            return info.name;
    return "?";
}

std::optional<DType> dtypeFromName(std::string_view name) {
    for (const auto& info : kDTypes)
        if (name == info.name)
            return info.dtype;
    return std::nullopt;
}

std::size_t dtypeSize(DType dtype) {
    for (const auto& info : kDTypes)
        if (info.dtype == dtype)
            return info.size;
    return 1;
}

std::int64_t TensorView::elementCount() const {
    std::int64_t count = 1;
    for (const auto dim : shape)
        count *= dim;
    return count;
}

core::Result<std::unique_ptr<SafetensorsReader>> SafetensorsReader::open(const std::string& path) {
    std::unique_ptr<SafetensorsReader> reader(new SafetensorsReader());
    reader->m_path = path;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return fileError(error == ENOENT ? ErrorCode::NotFound : ErrorCode::Io, path,
                         "cannot open safetensors file: " + systemMessage(error));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return fileError(ErrorCode::Io, path, "cannot read safetensors file: " + systemMessage(error));
    }
    const auto fileSize = static_cast<std::uint64_t>(info.st_size);
    if (fileSize < 8) {
        ::close(fd);
        return fileError(ErrorCode::Parse, path,
                         "not a safetensors file: " + std::to_string(fileSize) +
                             " bytes, expected at least an 8-byte header length");
    }
    void* mapping = ::mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
    const int mapError = errno;
    ::close(fd);
    if (mapping == MAP_FAILED)
        return fileError(ErrorCode::Io, path, "cannot map safetensors file: " + systemMessage(mapError));
    reader->m_mapping = mapping;
    reader->m_mappingSize = fileSize;
    const auto* bytes = static_cast<const std::byte*>(mapping);

    std::uint64_t headerSize = 0;
    std::memcpy(&headerSize, bytes, 8);
    if (headerSize > kMaxHeaderBytes || headerSize > fileSize - 8) {
        return fileError(ErrorCode::Parse, path,
                         "not a safetensors file: header length " + std::to_string(headerSize) +
                             " does not fit in the file's " + std::to_string(fileSize) + " bytes");
    }
    const std::string_view headerText(reinterpret_cast<const char*>(bytes + 8), headerSize);
    const auto header = nlohmann::json::parse(headerText, nullptr, /*allow_exceptions=*/false);
    if (header.is_discarded() || !header.is_object())
        return fileError(ErrorCode::Parse, path, "safetensors header is not a JSON object");

    const std::byte* dataStart = bytes + 8 + headerSize;
    const std::uint64_t dataSize = fileSize - 8 - headerSize;
    struct Span {
        std::uint64_t begin, end;
        std::string name;
    };
    std::vector<Span> spans;
    for (const auto& [name, entry] : header.items()) {
        if (name == "__metadata__") {
            if (!entry.is_object())
                return fileError(ErrorCode::Parse, path, "safetensors __metadata__ is not a JSON object");
            for (const auto& [key, value] : entry.items()) {
                if (!value.is_string())
                    return fileError(ErrorCode::Parse, path,
                                     "safetensors __metadata__ value \"" + key + "\" is not a string");
                reader->m_metadata[key] = value.get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor \"" + name + "\": ";
        if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") ||
            !entry.contains("data_offsets"))
            return fileError(ErrorCode::Parse, path,
                             where + "expected an object with dtype, shape, data_offsets");
        TensorView view;
        view.name = name;
        const auto& dtype = entry["dtype"];
        const auto parsedType = dtype.is_string() ? dtypeFromName(dtype.get<std::string>()) : std::nullopt;
        if (!parsedType)
            return fileError(ErrorCode::Parse, path,
                             where + "unsupported dtype " + dtype.dump() +
                                 " (expected F64, F32, F16, BF16, I64, I32, I16, I8, U8 or BOOL)");
        view.dtype = *parsedType;
        if (!entry["shape"].is_array())
            return fileError(ErrorCode::Parse, path, where + "shape is not an array");
        for (const auto& dim : entry["shape"]) {
            if (!dim.is_number_integer() || dim.get<std::int64_t>() < 0)
                return fileError(ErrorCode::Parse, path,
                                 where + "shape has a non-integer or negative dimension");
            view.shape.push_back(dim.get<std::int64_t>());
        }
        const auto& offsets = entry["data_offsets"];
        if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
            !offsets[1].is_number_unsigned())
            return fileError(ErrorCode::Parse, path, where + "data_offsets must be [begin, end]");
        const auto begin = offsets[0].get<std::uint64_t>();
        const auto end = offsets[1].get<std::uint64_t>();
        if (begin > end || end > dataSize)
            return fileError(ErrorCode::Parse, path,
                             where + "data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                                 "] lie outside the " + std::to_string(dataSize) + "-byte data buffer");
        const auto expected = byteSizeOf(view.dtype, view.shape);
        if (!expected || *expected != end - begin)
            return fileError(ErrorCode::Parse, path,
                             where + std::to_string(end - begin) + " bytes do not match shape and dtype " +
                                 dtypeName(view.dtype));
        view.data = dataStart + begin;
        view.byteSize = end - begin;
        spans.push_back({begin, end, name});
        reader->m_tensors.emplace(name, std::move(view));
    }
    // The format forbids holes and overlaps: the tensors tile the data buffer exactly.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::uint64_t expectedBegin = 0;
    for (const auto& span : spans) {
        if (span.begin != expectedBegin)
            return fileError(ErrorCode::Parse, path,
                             "tensor \"" + span.name + "\" starts at byte " + std::to_string(span.begin) +
                                 " of the data buffer, expected " + std::to_string(expectedBegin) +
                                 " (overlapping or missing data)");
        expectedBegin = span.end;
    }
    if (expectedBegin != dataSize)
        return fileError(ErrorCode::Parse, path,
                         std::to_string(dataSize - expectedBegin) + " trailing bytes after the last tensor");
    return reader;
}

SafetensorsReader::~SafetensorsReader() {
    if (m_mapping)
        ::munmap(m_mapping, m_mappingSize);
}

std::vector<std::string> SafetensorsReader::names() const {
    std::vector<const TensorView*> views;
    for (const auto& [name, view] : m_tensors)
        views.push_back(&view);
    std::sort(views.begin(), views.end(),
              [](const TensorView* a, const TensorView* b) { return a->data < b->data; });
    std::vector<std::string> out;
    for (const auto* view : views)
        out.push_back(view->name);
    return out;
}

core::Result<TensorView> SafetensorsReader::tensor(const std::string& name) const {
    const auto found = m_tensors.find(name);
    if (found == m_tensors.end())
        return fileError(ErrorCode::NotFound, m_path, "no tensor named \"" + name + "\" in the file");
    return found->second;
}

core::Status SafetensorsWriter::add(const std::string& name, DType dtype,
                                    const std::vector<std::int64_t>& shape, const void* data,
                                    std::size_t bytes) {
    if (name.empty() || name == "__metadata__")
        return Error{ErrorCode::InvalidArgument, "invalid tensor name \"" + name + "\"", {}};
    for (const auto& entry : m_entries)
        if (entry.name == name)
            return Error{ErrorCode::InvalidArgument, "tensor \"" + name + "\" added twice", {}};
    const auto expected = byteSizeOf(dtype, shape);
    if (!expected || *expected != bytes)
        return Error{ErrorCode::InvalidArgument,
                     "tensor \"" + name + "\": " + std::to_string(bytes) +
                         " bytes do not match its shape and " + dtypeName(dtype),
                     {}};
    Entry entry{name, dtype, shape, std::vector<std::byte>(bytes)};
    if (bytes > 0)
        std::memcpy(entry.bytes.data(), data, bytes);
    m_entries.push_back(std::move(entry));
    return {};
}

core::Status SafetensorsWriter::write(const std::string& path) const {
    nlohmann::json header = nlohmann::json::object();
    if (!m_metadata.empty())
        header["__metadata__"] = m_metadata;
    std::uint64_t offset = 0;
    for (const auto& entry : m_entries) {
        header[entry.name] = {{"dtype", dtypeName(entry.dtype)},
                              {"shape", entry.shape},
                              {"data_offsets", {offset, offset + entry.bytes.size()}}};
        offset += entry.bytes.size();
    }
    std::string headerText = header.dump();
    // Pad with spaces so the data buffer starts 8-byte aligned, as the reference implementation does.
    headerText.append((8 - (8 + headerText.size()) % 8) % 8, ' ');
    std::string file;
    file.reserve(8 + headerText.size() + offset);
    const std::uint64_t headerSize = headerText.size();
    file.append(reinterpret_cast<const char*>(&headerSize), 8);
    file += headerText;
    for (const auto& entry : m_entries)
        file.append(reinterpret_cast<const char*>(entry.bytes.data()), entry.bytes.size());
    return writeFileAtomically(path, file);
}

core::Status writeFileAtomically(const std::string& path, std::string_view bytes) {
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return fileError(ErrorCode::Io, path, "cannot write: " + systemMessage(errno));
    std::size_t written = 0;
    while (written < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            return fileError(ErrorCode::Io, path, "cannot write: " + systemMessage(error));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return fileError(ErrorCode::Io, path, "cannot write: " + systemMessage(error));
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return fileError(ErrorCode::Io, path, "cannot replace file: " + systemMessage(error));
    }
    return {};
}

} // namespace bankbench::ml
