#include "labeling/spans.h"

#include "labeling/textoffsets.h"
#include "text/utf8.h"

#include <algorithm>
#include <tuple>

namespace bankbench::core {

namespace {

bool isWhitespace(char32_t c) {
    switch (c) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

std::vector<char32_t> decode(std::string_view text) {
    std::vector<char32_t> points;
    points.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();)
        points.push_back(utf8::next(text, pos));
    return points;
}

std::string describe(const Span& span) {
    return "span [" + std::to_string(span.start) + ", " + std::to_string(span.end) + ") \"" + span.label +
           "\"";
}

Error invalid(std::string message) {
    return Error{ErrorCode::InvalidArgument, std::move(message), {}};
}

} // namespace

std::vector<Span> normalizedSpans(std::vector<Span> spans) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return std::tie(a.start, a.end, a.label) < std::tie(b.start, b.end, b.label);
    });
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    return spans;
}

Status validateSpans(std::string_view text, const std::vector<Span>& spans) {
    const auto points = decode(text);
    const auto length = static_cast<std::int64_t>(points.size());
    for (const auto& span : spans) {
        if (span.label.empty())
            return invalid(describe(span) + " has no label");
        if (span.start < 0 || span.start >= span.end || span.end > length)
            return invalid(describe(span) +
                           " is outside the text: offsets are code points and need 0 <= start < end <= " +
                           std::to_string(length));
        bool content = false;
        for (auto i = span.start; i < span.end && !content; ++i)
            content = !isWhitespace(points[static_cast<std::size_t>(i)]);
        if (!content)
            return invalid(describe(span) + " covers only whitespace");
    }
    const auto sorted = normalizedSpans(spans);
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i].start < sorted[i - 1].end)
            return invalid(describe(sorted[i]) + " overlaps " + describe(sorted[i - 1]));
    return {};
}

nlohmann::json spansToJson(const std::vector<Span>& spans) {
    auto out = nlohmann::json::array();
    for (const auto& span : spans)
        out.push_back({{"start", span.start}, {"end", span.end}, {"label", span.label}});
    return out;
}

Result<std::vector<Span>> spansFromJson(const nlohmann::json& value) {
    if (!value.is_array())
        return invalid("\"spans\" must be a list of {\"start\", \"end\", \"label\"} objects");
    std::vector<Span> spans;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto& item = value[i];
        const std::string where = "spans[" + std::to_string(i) + "]";
        if (!item.is_object())
            return invalid(where + " must be an object with \"start\", \"end\" and \"label\"");
        Span span;
        for (const char* key : {"start", "end"}) {
            const auto it = item.find(key);
            if (it == item.end() || !it->is_number_integer())
                return invalid(where + "." + key + " must be an integer (a code point offset)");
            (std::string_view(key) == "start" ? span.start : span.end) = it->get<std::int64_t>();
        }
        const auto label = item.find("label");
        if (label == item.end() || !label->is_string() || label->get_ref<const std::string&>().empty())
            return invalid(where + ".label must be a non-empty string");
        span.label = label->get<std::string>();
        spans.push_back(std::move(span));
    }
    return spans;
}

Result<BioTagging> spansToBio(std::string_view text, const std::vector<Span>& spans) {
    if (auto status = validateSpans(text, spans); !status)
        return status.error();
    const auto points = decode(text);
    const auto sorted = normalizedSpans(spans);
    std::vector<bool> cut(points.size() + 1, false);
    for (const auto& span : sorted)
        cut[static_cast<std::size_t>(span.start)] = cut[static_cast<std::size_t>(span.end)] = true;

    BioTagging out;
    auto flush = [&](std::size_t begin, std::size_t end) {
        if (begin >= end)
            return;
        BioToken token;
        token.start = static_cast<std::int64_t>(begin);
        token.end = static_cast<std::int64_t>(end);
        for (std::size_t i = begin; i < end; ++i)
            utf8::append(token.text, points[i]);
        out.tokens.push_back(std::move(token));
    };
    std::size_t tokenStart = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const char32_t c = points[i];
        if (isWhitespace(c)) {
            flush(tokenStart, i);
            tokenStart = i + 1;
        } else if (utf8::isCjk(c) || cut[i]) {
            flush(tokenStart, i);
            tokenStart = i;
            if (utf8::isCjk(c)) {
                flush(i, i + 1);
                tokenStart = i + 1;
            }
        }
    }
    flush(tokenStart, points.size());

    // Tokens never straddle a span boundary, so each lies wholly inside one span or outside all.
    std::size_t next = 0;
    const Span* open = nullptr;
    for (const auto& token : out.tokens) {
        while (next < sorted.size() && sorted[next].end <= token.start)
            ++next;
        const Span* span =
            next < sorted.size() && sorted[next].start <= token.start ? &sorted[next] : nullptr;
        if (!span)
            out.tags.emplace_back("O");
        else
            out.tags.push_back((span == open ? "I-" : "B-") + span->label);
        open = span;
    }
    return out;
}

Result<std::vector<Span>> spansFromBio(const std::vector<BioToken>& tokens,
                                       const std::vector<std::string>& tags) {
    if (tokens.size() != tags.size())
        return invalid(std::to_string(tokens.size()) + " tokens but " + std::to_string(tags.size()) +
                       " tags");
    std::vector<Span> spans;
    bool open = false;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const auto& tag = tags[i];
        if (tag == "O") {
            open = false;
            continue;
        }
        if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-')
            return invalid("tag " + std::to_string(i) + " \"" + tag + "\" is not O, B-LABEL or I-LABEL");
        const std::string label = tag.substr(2);
        if (tag[0] == 'I' && open && spans.back().label == label) {
            spans.back().end = tokens[i].end;
            continue;
        }
        spans.push_back({tokens[i].start, tokens[i].end, label});
        open = true;
    }
    return spans;
}

} // namespace bankbench::core
