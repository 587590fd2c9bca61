#pragma once

#include "io/importoptions.h"
#include "io/rowerror.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bankbench::core {

/// Rows of a source file as JSON values aligned with columns(): what CSV/TSV and JSONL have in common
/// for preview and import. Single-threaded.
class RowReader {
public:
    enum class Status { Row, BadRow, End, Failed };

    virtual ~RowReader() = default;

    /// Reads the next row into `fields`, a JSON array reused between calls (its strings keep their
    /// capacity, so steady-state reading does not allocate). BadRow: error() says why; reading may go on.
    /// Failed: a read error; stop.
    virtual Status next(nlohmann::json& fields) = 0;
    /// Physical line where the last row started.
    virtual std::int64_t line() const = 0;
    /// Column names so far; JSONL adds keys as they first appear, CSV fixes them at the header.
    virtual const std::vector<std::string>& columns() const = 0;
    virtual const RowError& error() const = 0;
    virtual std::int64_t bytesRead() const = 0;
    virtual std::int64_t bytesTotal() const = 0;

    /// Problems that did not stop a row (a short row padded, a header name renamed). The caller takes
    /// them after each row and clears them.
    std::vector<ImportWarning>& warnings() { return m_warnings; }

protected:
    std::vector<ImportWarning> m_warnings;
};

} // namespace bankbench::core
