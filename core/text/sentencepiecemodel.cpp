#include "text/sentencepiecemodel.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstring>
#include <mutex>
#include <unordered_map>

namespace bankbench::core {

namespace {

// serialized() layout: magic, 4-byte little-endian JSON length, the options JSON, the model proto.
constexpr std::string_view kMagic = "BBSPM\x01";

// Feeds SentencePiece one normalised, non-empty text at a time; stops early on cancel.
class TextIterator : public sentencepiece::SentenceIterator {
public:
    TextIterator(const std::function<bool(std::string&)>& next, const NormalizeOptions& normalize,
                 const CancelToken* cancel)
        : m_next(next), m_normalize(normalize), m_cancel(cancel) {
        Next();
    }

    bool done() const override { return m_done; }
    const std::string& value() const override { return m_value; }
    sentencepiece::util::Status status() const override {
        if (m_cancelled)
            return {sentencepiece::util::StatusCode::kCancelled, "cancelled"};
        return {};
    }
    void Next() override {
        std::string raw;
        while (!m_done) {
            if (m_cancel != nullptr && m_cancel->isCancelled()) {
                m_cancelled = true;
                m_done = true;
                return;
            }
            raw.clear();
            if (!m_next(raw)) {
                m_done = true;
                return;
            }
            m_value = normalizeText(raw, m_normalize);
            if (!m_value.empty()) {
                ++m_count;
                return;
            }
        }
    }

    std::int64_t count() const { return m_count; }
    bool cancelled() const { return m_cancelled; }

private:
    const std::function<bool(std::string&)>& m_next;
    const NormalizeOptions& m_normalize;
    const CancelToken* m_cancel;
    std::string m_value;
    std::int64_t m_count = 0;
    bool m_done = false;
    bool m_cancelled = false;
};

// The seed is process-wide in SentencePiece: serialise trainings so one run's seed is not another's.
std::mutex& trainingMutex() {
    static std::mutex mutex;
    return mutex;
}

} // namespace

Result<SentencePieceModel> SentencePieceModel::train(const std::function<bool(std::string& text)>& next,
                                                     const SentencePieceTrainOptions& options,
                                                     const CancelToken* cancel) {
    if (options.vocabSize < 5)
        return Error{ErrorCode::InvalidArgument,
                     "SentencePiece: vocabulary size must be at least 5, got " +
                         std::to_string(options.vocabSize),
                     {}};
    const std::unordered_map<std::string, std::string> args = {
        {"model_type", "unigram"},
        {"vocab_size", std::to_string(options.vocabSize)},
        {"hard_vocab_limit", options.hardVocabLimit ? "true" : "false"},
        {"character_coverage", std::to_string(options.characterCoverage)},
        {"max_sentence_length", std::to_string(options.maxSentenceLength)},
        {"input_sentence_size", std::to_string(options.maxSentences)},
        {"shuffle_input_sentence", "true"},
        {"split_digits", options.splitDigits ? "true" : "false"},
        {"num_threads", std::to_string(std::max(options.numThreads, 1))},
        // normalizeText() did the normalisation; SentencePiece only handles white space.
        {"normalization_rule_name", "identity"},
        {"unk_id", "0"},
        {"bos_id", "1"},
        {"eos_id", "2"},
        {"pad_id", "3"},
        {"model_prefix", ""},
        {"minloglevel", "2"},
    };

    std::lock_guard lock(trainingMutex());
    sentencepiece::SetRandomGeneratorSeed(options.seed);
    TextIterator iterator(next, options.normalize, cancel);
    std::string proto;
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &iterator, &proto);
    if (iterator.cancelled() || (cancel != nullptr && cancel->isCancelled()))
        return Error{ErrorCode::Cancelled, "SentencePiece training cancelled", {}};
    if (iterator.count() == 0)
        return Error{ErrorCode::Empty, "SentencePiece: no text to train on", {}};
    if (!status.ok())
        return Error{ErrorCode::InvalidArgument, std::string("SentencePiece: ") + status.message(), {}};
    return load(std::move(proto), options.normalize);
}

Result<SentencePieceModel> SentencePieceModel::train(const std::vector<std::string>& texts,
                                                     const SentencePieceTrainOptions& options,
                                                     const CancelToken* cancel) {
    size_t index = 0;
    return train(
        [&](std::string& text) {
            if (index >= texts.size())
                return false;
            text = texts[index++];
            return true;
        },
        options, cancel);
}

Result<SentencePieceModel> SentencePieceModel::load(std::string proto, NormalizeOptions normalize) {
    auto processor = std::make_shared<sentencepiece::SentencePieceProcessor>();
    const auto status = processor->LoadFromSerializedProto(proto);
    if (!status.ok())
        return Error{ErrorCode::Parse, std::string("not a SentencePiece model: ") + status.message(), {}};
    SentencePieceModel model;
    model.m_normalize = normalize;
    model.m_proto = std::move(proto);
    model.m_processor = std::move(processor);
    return model;
}

Result<SentencePieceModel> SentencePieceModel::fromBytes(std::string_view bytes) {
    if (bytes.substr(0, kMagic.size()) != kMagic) {
        // A bare SentencePiece model: its own normaliser (if any) is all there is.
        return load(std::string(bytes), NormalizeOptions{false, false, false, false});
    }
    auto parseError = [](const std::string& what) {
        return Error{ErrorCode::Parse, "Bankbench SentencePiece blob: " + what, {}};
    };
    if (bytes.size() < kMagic.size() + 4)
        return parseError("truncated header");
    std::uint32_t jsonLength = 0;
    for (int i = 3; i >= 0; --i)
        jsonLength =
            (jsonLength << 8) | static_cast<unsigned char>(bytes[kMagic.size() + static_cast<size_t>(i)]);
    const size_t jsonStart = kMagic.size() + 4;
    if (bytes.size() < jsonStart + jsonLength)
        return parseError("truncated options");
    const auto json = nlohmann::json::parse(bytes.substr(jsonStart, jsonLength), nullptr, false);
    if (json.is_discarded())
        return parseError("options are not JSON");
    auto normalize = normalizeOptionsFromJson(json.value("normalize", nlohmann::json::object()));
    if (!normalize)
        return parseError(normalize.error().message);
    return load(std::string(bytes.substr(jsonStart + jsonLength)), *normalize);
}

std::string SentencePieceModel::serialized() const {
    const std::string json = nlohmann::json{{"normalize", toJson(m_normalize)}}.dump();
    std::string out(kMagic);
    const auto length = static_cast<std::uint32_t>(json.size());
    for (int i = 0; i < 4; ++i)
        out += static_cast<char>((length >> (8 * i)) & 0xFF);
    out += json;
    out += m_proto;
    return out;
}

std::vector<int> SentencePieceModel::encodeIds(std::string_view text) const {
    std::vector<int> ids;
    m_processor->Encode(normalizeText(text, m_normalize), &ids).IgnoreError();
    return ids;
}

std::vector<std::string> SentencePieceModel::encodePieces(std::string_view text) const {
    std::vector<std::string> pieces;
    m_processor->Encode(normalizeText(text, m_normalize), &pieces).IgnoreError();
    return pieces;
}

std::string SentencePieceModel::decodeIds(const std::vector<int>& ids) const {
    std::string text;
    m_processor->Decode(ids, &text).IgnoreError();
    return text;
}

int SentencePieceModel::vocabSize() const {
    return m_processor->GetPieceSize();
}
int SentencePieceModel::pieceToId(std::string_view piece) const {
    return m_processor->PieceToId(piece);
}
std::string SentencePieceModel::idToPiece(int id) const {
    return id >= 0 && id < vocabSize() ? m_processor->IdToPiece(id) : std::string();
}
int SentencePieceModel::unkId() const {
    return m_processor->unk_id();
}
int SentencePieceModel::bosId() const {
    return m_processor->bos_id();
}
int SentencePieceModel::eosId() const {
    return m_processor->eos_id();
}
int SentencePieceModel::padId() const {
    return m_processor->pad_id();
}

} // namespace bankbench::core
