#include "io/csvwriter.h"

namespace bankbench::core {

void appendCsvField(std::string& out, std::string_view value, char delimiter, bool aloneOnLine) {
    bool needsQuotes = aloneOnLine && value.empty();
    for (const char c : value) {
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        out.append(value);
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace bankbench::core
