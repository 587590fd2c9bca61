#pragma once

#include "io/rowreader.h"
#include "io/textinput.h"

#include <memory>
#include <unordered_map>

namespace bankbench::core {

/// JSON Lines: one object per line, blank lines ignored. Columns are the keys in order of first
/// appearance; a key first seen late grows columns() (earlier rows simply lack it). Values stay JSON
/// values. A line that is not valid JSON, or not an object, is a bad row located at the character where
/// parsing failed.
class JsonlReader : public RowReader {
public:
    static constexpr std::size_t kDefaultMaxLineBytes = std::size_t{64} << 20;

    explicit JsonlReader(std::unique_ptr<TextInput> input, std::size_t maxLineBytes = kDefaultMaxLineBytes);

    Status next(nlohmann::json& fields) override;
    std::int64_t line() const override { return m_rowLine; }
    const std::vector<std::string>& columns() const override { return m_columns; }
    const RowError& error() const override { return m_error; }
    std::int64_t bytesRead() const override { return m_input->bytesRead(); }
    std::int64_t bytesTotal() const override { return m_input->bytesTotal(); }

private:
    Status parseLine(std::string_view text, nlohmann::json& fields);
    Status bad(ErrorCode code, std::int64_t column, std::string message);

    std::unique_ptr<TextInput> m_input;
    std::size_t m_maxLineBytes;
    std::size_t m_pos = 0;
    std::int64_t m_nextLine = 1;
    std::int64_t m_rowLine = 0;
    bool m_skippingLongLine = false;
    std::vector<std::string> m_columns;
    std::unordered_map<std::string, std::size_t> m_columnIndex;
    nlohmann::ordered_json m_object; // reused parse target
    std::vector<std::size_t> m_slotOfKey;
    RowError m_error;
};

} // namespace bankbench::core
