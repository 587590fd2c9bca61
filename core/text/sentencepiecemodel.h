#pragma once

#include "text/normalize.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace bankbench::core {

struct SentencePieceTrainOptions {
    int vocabSize = 8000;
    /// false lets training finish with fewer pieces than vocabSize when the corpus is small
    /// (TOOLCHAIN.md trap 6); true makes that an error.
    bool hardVocabLimit = false;
    double characterCoverage = 0.9995; ///< rare characters beyond this coverage map to <unk>
    int maxSentenceLength = 4192;      ///< bytes; longer texts are skipped by SentencePiece
    std::int64_t maxSentences = 0;     ///< 0 = train on every text; else a seeded random sample
    bool splitDigits = true;           ///< numbers split into single digits (amounts, card numbers)
    int numThreads = 1;
    unsigned int seed = 42; ///< sampling seed (SentencePiece's generator is process-wide)
    /// Applied by this class to every training text and every text encoded later (SentencePiece's own
    /// normaliser is set to identity), and stored inside serialized().
    NormalizeOptions normalize;
};

/// A SentencePiece unigram model plus the normalisation it was trained with. Ids: 0 <unk>, 1 <s>, 2 </s>,
/// 3 <pad>, then the pieces. Immutable after construction: encode/decode may run on any number of
/// threads at once (SentencePieceProcessor's encode is const and thread-safe).
class SentencePieceModel {
public:
    /// Reads texts by calling `next(text)` until it returns false (e.g. over all records of a dataset),
    /// normalises them and trains. `cancel` is polled between texts and once training returns. Errors:
    /// Empty when no non-empty text was read, Cancelled, InvalidArgument when SentencePiece rejects the
    /// options or the corpus (its message is kept).
    /// Training is not re-entrant with another training in the same process (seeding is global).
    static Result<SentencePieceModel> train(const std::function<bool(std::string& text)>& next,
                                            const SentencePieceTrainOptions& options,
                                            const CancelToken* cancel = nullptr);
    static Result<SentencePieceModel> train(const std::vector<std::string>& texts,
                                            const SentencePieceTrainOptions& options,
                                            const CancelToken* cancel = nullptr);

    /// Bytes produced by serialized() (or a plain SentencePiece .model, used with no normalisation of
    /// ours). Errors: Parse when the bytes are neither.
    static Result<SentencePieceModel> fromBytes(std::string_view bytes);

    /// Self-contained blob to store in a project: our header, the normalisation options and the
    /// SentencePiece model proto.
    std::string serialized() const;
    /// The bare SentencePiece model proto (loadable by Python's sentencepiece; feed it text normalised
    /// with normalizeOptions()).
    const std::string& modelProto() const { return m_proto; }
    const NormalizeOptions& normalizeOptions() const { return m_normalize; }

    std::vector<int> encodeIds(std::string_view text) const;
    std::vector<std::string> encodePieces(std::string_view text) const;
    /// Decodes to the normalised text (normalisation is not invertible).
    std::string decodeIds(const std::vector<int>& ids) const;

    int vocabSize() const;
    int pieceToId(std::string_view piece) const; ///< unkId() for an unknown piece
    std::string idToPiece(int id) const;
    int unkId() const;
    int bosId() const;
    int eosId() const;
    int padId() const;

private:
    SentencePieceModel() = default;
    static Result<SentencePieceModel> load(std::string proto, NormalizeOptions normalize);

    NormalizeOptions m_normalize;
    std::string m_proto;
    std::shared_ptr<const sentencepiece::SentencePieceProcessor> m_processor;
};

} // namespace bankbench::core
