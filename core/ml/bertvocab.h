#pragma once

// Torch-free: learning a BERT WordPiece vocabulary (vocab.txt) from a project's texts, for transformers
// trained from scratch.
//
// Why not SentencePiece (core/text/sentencepiecemodel.h): Debian's libsentencepiece carries its own
// protobuf 3.14 code, and in a process that also loads LibTorch's libprotobuf 3.21 (named first so that
// LibTorch starts, core/ml/CMakeLists.txt) its model code fails protobuf's version check on first use
// ("compiled against version 3.14.0 ... not compatible with the installed version 3.21.12"). A WordPiece
// vocabulary needs no protobuf and is what Hugging Face's BertTokenizer reads, so exports stay loadable.

#include "text/wordpiecetokenizer.h"
#include "util/canceltoken.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace bankbench::ml {

struct WordPieceTrainOptions {
    int vocabSize = 8000;          ///< including the special tokens
    int minPairCount = 2;          ///< stop merging when the best pair occurs fewer times
    std::size_t maxWords = 100000; ///< most frequent distinct words taken into account
    bool lowerCase = true;         ///< BERT "uncased" (also strips accents)
};

/// Byte-pair merges over the words BERT's BasicTokenizer makes of `texts` (every character starts as a
/// piece, "##" marks a continuation), as Hugging Face's WordPiece trainer does. Vocabulary: [PAD] [UNK]
/// [CLS] [SEP] [MASK], every character (initial and "##"), then merged pieces in merge order. Errors:
/// Empty when the texts hold no word, Cancelled. Deterministic for the same texts.
core::Result<core::WordPieceTokenizer> trainWordPieceVocab(const std::vector<std::string>& texts,
                                                           const WordPieceTrainOptions& options,
                                                           const core::CancelToken* cancel = nullptr);

} // namespace bankbench::ml
