#include "chat/outofscope.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace bankbench::core::chat {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Little-endian float32 bytes; the project files only travel between x86-64/arm64 machines.
std::string encode(const std::vector<float>& values) {
    std::string bytes(values.size() * sizeof(float), '\0');
    std::memcpy(bytes.data(), values.data(), bytes.size());
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const auto b = [&](std::size_t j) {
            return j < bytes.size() ? static_cast<unsigned>(static_cast<unsigned char>(bytes[j])) : 0u;
        };
        const unsigned n = (b(i) << 16) | (b(i + 1) << 8) | b(i + 2);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

std::optional<std::vector<float>> decode(const std::string& text) {
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string bytes;
    bytes.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        unsigned n = 0;
        int pad = 0;
        for (std::size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            const char* at = c == '=' ? nullptr : std::strchr(kAlphabet, c);
            if (c == '=')
                ++pad;
            else if (!at || c == '\0' || pad > 0)
                return std::nullopt;
            n = (n << 6) | (at ? static_cast<unsigned>(at - kAlphabet) : 0u);
        }
        bytes += static_cast<char>((n >> 16) & 255);
        if (pad < 2)
            bytes += static_cast<char>((n >> 8) & 255);
        if (pad < 1)
            bytes += static_cast<char>(n & 255);
    }
    if (bytes.size() % sizeof(float) != 0)
        return std::nullopt;
    std::vector<float> values(bytes.size() / sizeof(float));
    std::memcpy(values.data(), bytes.data(), bytes.size());
    return values;
}

} // namespace

std::optional<double> OutOfScopeGate::score(const std::string& intent, const float* embedding,
                                            std::size_t size) const {
    const auto it = references.find(intent);
    if (it == references.end() || dim <= 0 || size != static_cast<std::size_t>(dim) || it->second.empty())
        return std::nullopt;
    const auto d = static_cast<std::size_t>(dim);
    const std::size_t rows = it->second.size() / d;
    std::vector<double> cosines(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        double dot = 0;
        const float* ref = it->second.data() + r * d;
        for (std::size_t j = 0; j < d; ++j)
            dot += static_cast<double>(ref[j]) * embedding[j];
        cosines[r] = dot;
    }
    const auto k = std::min(rows, static_cast<std::size_t>(std::max(1, neighbours)));
    std::partial_sort(cosines.begin(), cosines.begin() + static_cast<std::ptrdiff_t>(k), cosines.end(),
                      std::greater<>());
    double sum = 0;
    for (std::size_t i = 0; i < k; ++i)
        sum += cosines[i];
    return sum / static_cast<double>(k);
}

std::size_t OutOfScopeGate::referenceCount() const {
    std::size_t n = 0;
    for (const auto& [intent, rows] : references)
        n += dim > 0 ? rows.size() / static_cast<std::size_t>(dim) : 0;
    return n;
}

nlohmann::json OutOfScopeGate::toJson(bool withReferences) const {
    nlohmann::json out = {{"method", "knn_cosine"},
                          {"neighbours", neighbours},
                          {"threshold", threshold},
                          {"dim", dim},
                          {"reference_examples", referenceCount()}};
    if (withReferences) {
        nlohmann::json refs = nlohmann::json::object();
        for (const auto& [intent, rows] : references)
            refs[intent] = encode(rows);
        out["references"] = std::move(refs);
    }
    return out;
}

Result<OutOfScopeGate> OutOfScopeGate::fromJson(const nlohmann::json& value) {
    const auto bad = [](const std::string& what) {
        return Error{ErrorCode::InvalidArgument, "policy \"out_of_scope\": " + what, {}};
    };
    if (!value.is_object())
        return bad("must be a JSON object");
    OutOfScopeGate gate;
    if (value.contains("neighbours")) {
        if (!value["neighbours"].is_number_integer() || value["neighbours"].get<int>() < 1)
            return bad("\"neighbours\" must be an integer >= 1");
        gate.neighbours = value["neighbours"].get<int>();
    }
    if (value.contains("threshold")) {
        if (!value["threshold"].is_number() || value["threshold"].get<double>() < -1 ||
            value["threshold"].get<double>() > 1)
            return bad("\"threshold\" must be a cosine in [-1, 1]");
        gate.threshold = value["threshold"].get<double>();
    }
    if (value.contains("dim")) {
        if (!value["dim"].is_number_integer() || value["dim"].get<std::int64_t>() < 0)
            return bad("\"dim\" must be an integer >= 0");
        gate.dim = value["dim"].get<std::int64_t>();
    }
    if (value.contains("references")) {
        if (!value["references"].is_object())
            return bad("\"references\" must map intents to base64 float32 blobs");
        for (const auto& [intent, blob] : value["references"].items()) {
            auto rows = blob.is_string() ? decode(blob.get<std::string>()) : std::nullopt;
            if (!rows || gate.dim <= 0 || rows->size() % static_cast<std::size_t>(gate.dim) != 0)
                return bad("references of \"" + intent + "\" are not a base64 blob of n x " +
                           std::to_string(gate.dim) + " float32 values");
            gate.references[intent] = std::move(*rows);
        }
    }
    return gate;
}

} // namespace bankbench::core::chat
