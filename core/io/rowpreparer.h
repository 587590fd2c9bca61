#pragma once

#include "io/importoptions.h"
#include "io/rowreader.h"
#include "store/project.h"

#include <optional>

namespace bankbench::core {

/// One source row made ready for a DatasetWriter, or why it cannot be imported.
struct PreparedRow {
    RowReader::Status status = RowReader::Status::Row;
    NewRecord record;                    ///< Row: source line, text, fields (serialized), labels
    RowError error;                      ///< BadRow and Failed: why
    std::vector<ImportWarning> warnings; ///< problems that did not stop the row, in line order
    std::int64_t bytesRead = 0;          ///< bytes of the file read once this row was
};

/// The per-row work of an import that needs no database: reads a row, picks out its text and labels,
/// checks that its labels fit the dataset and serializes its fields. Runs on whichever one thread owns
/// it (RowPipeline's).
class RowPreparer {
public:
    /// `multiLabel`: the dataset's label set holds several labels per row.
    RowPreparer(const DatasetInfo& info, bool multiLabel, RowReader& reader);

    /// Reads the next row into `row`, reusing its buffers. After End or Failed, do not call again.
    void next(PreparedRow& row);

    /// Column names read so far; final once next() has returned End.
    const std::vector<std::string>& columns() const { return m_reader.columns(); }

private:
    /// Text and labels of the row in `row.record.fields`; a row whose labels cannot be stored is bad.
    std::optional<RowError> takeTextAndLabels(PreparedRow& row);

    const DatasetInfo& m_info;
    bool m_multiLabel;
    bool m_jsonl;
    RowReader& m_reader;
    std::optional<std::size_t> m_textIndex;
    std::optional<std::size_t> m_labelIndex;
    std::size_t m_knownColumns = static_cast<std::size_t>(-1);
};

} // namespace bankbench::core
