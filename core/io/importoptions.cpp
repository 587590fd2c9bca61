#include "io/importoptions.h"

namespace bankbench::core {

const char* inputFormatName(InputFormat format) {
    switch (format) {
    case InputFormat::Auto:
        return "auto";
    case InputFormat::Csv:
        return "csv";
    case InputFormat::Tsv:
        return "tsv";
    case InputFormat::Jsonl:
        return "jsonl";
    }
    return "auto";
}

std::optional<InputFormat> inputFormatFromName(const std::string& name) {
    if (name == "auto")
        return InputFormat::Auto;
    if (name == "csv")
        return InputFormat::Csv;
    if (name == "tsv")
        return InputFormat::Tsv;
    if (name == "jsonl" || name == "ndjson")
        return InputFormat::Jsonl;
    return std::nullopt;
}

} // namespace bankbench::core
