#include "io/labelvalues.h"
#include "util/strings.h"

#include <algorithm>
#include <string_view>

namespace bankbench::core {

namespace {

void addLabel(std::string_view label, std::vector<std::string>& out) {
    label = trimWhitespace(label);
    if (label.empty() || std::find(out.begin(), out.end(), label) != out.end())
        return;
    out.emplace_back(label);
}

void addScalar(const nlohmann::json& value, const std::optional<std::string>& separator,
               std::vector<std::string>& out) {
    if (value.is_null())
        return;
    if (!value.is_string()) {
        addLabel(value.dump(), out);
        return;
    }
    const std::string_view text = value.get_ref<const std::string&>();
    if (!separator || separator->empty()) {
        addLabel(text, out);
        return;
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(*separator, start);
        addLabel(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start), out);
        if (at == std::string_view::npos)
            break;
        start = at + separator->size();
    }
}

} // namespace

void labelsFromValue(const nlohmann::json& value, const std::optional<std::string>& separator,
                     std::vector<std::string>& out) {
    out.clear();
    if (value.is_array()) {
        // Array elements are labels as they are; a separator inside one is part of the label.
        for (const auto& element : value)
            addScalar(element, std::nullopt, out);
        return;
    }
    addScalar(value, separator, out);
}

bool sameLabels(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

} // namespace bankbench::core
