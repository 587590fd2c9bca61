#pragma once

// Torch-free: the safetensors container (https://github.com/huggingface/safetensors) on its own, so that
// checkpoints, Hugging Face BERT imports and exports share one reader and one writer. Conversion to and
// from torch tensors is in tensorio.h.

#include "util/result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bankbench::ml {

/// Element types of the safetensors format that Bankbench reads and writes.
enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

/// "F32", "BF16", ... as written in a safetensors header.
const char* dtypeName(DType dtype);
std::optional<DType> dtypeFromName(std::string_view name);
std::size_t dtypeSize(DType dtype);

/// One tensor inside an open file: raw little-endian bytes in row-major order. `data` points into the
/// reader's mapping and stays valid as long as the SafetensorsReader lives.
struct TensorView {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    const std::byte* data = nullptr;
    std::size_t byteSize = 0;

    std::int64_t elementCount() const;
};

/// A safetensors file mapped read-only. The header (8-byte little-endian length, JSON, then the data
/// buffer) is validated on open: known dtypes, sizes that match the shapes, offsets inside the file,
/// no overlaps or holes. Immutable after open, so any number of threads may read it at once.
class SafetensorsReader {
public:
    static core::Result<std::unique_ptr<SafetensorsReader>> open(const std::string& path);
    ~SafetensorsReader();
    SafetensorsReader(const SafetensorsReader&) = delete;
    SafetensorsReader& operator=(const SafetensorsReader&) = delete;

    const std::string& path() const { return m_path; }
    /// Tensor names in the order of their data offsets (the order they were written).
    std::vector<std::string> names() const;
    bool contains(const std::string& name) const { return m_tensors.count(name) > 0; }
    /// NotFound names the file and the missing tensor.
    core::Result<TensorView> tensor(const std::string& name) const;
    /// The free-form string map stored under "__metadata__" (empty when the file has none).
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

private:
    SafetensorsReader() = default;

    std::string m_path;
    void* m_mapping = nullptr;
    std::size_t m_mappingSize = 0;
    std::map<std::string, TensorView> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

/// Collects tensors and writes one safetensors file. Tensor data is copied on add(), so callers may free
/// their buffers at once. Not thread-safe.
class SafetensorsWriter {
public:
    /// InvalidArgument when the name is empty, reserved ("__metadata__"), already added, or when `bytes`
    /// does not hold exactly product(shape) elements of `dtype`.
    core::Status add(const std::string& name, DType dtype, const std::vector<std::int64_t>& shape,
                     const void* data, std::size_t bytes);
    void setMetadata(const std::string& key, const std::string& value) { m_metadata[key] = value; }

    /// Writes to `path` through a temporary file in the same folder and a rename, so a crash while
    /// writing never leaves a truncated file under the final name.
    core::Status write(const std::string& path) const;

private:
    struct Entry {
        std::string name;
        DType dtype;
        std::vector<std::int64_t> shape;
        std::vector<std::byte> bytes;
    };
    std::vector<Entry> m_entries;
    std::map<std::string, std::string> m_metadata;
};

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename). Used for checkpoint JSON as well.
core::Status writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace bankbench::ml
