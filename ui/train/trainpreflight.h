#pragma once

#include <QString>
#include <QStringList>

#include <ml/trainingdata.h>

#include <cstdint>

namespace bankbench::ui {

/// What the Train workspace knows about a dataset before training on it.
struct TrainPreflight {
    QString datasetName;
    bool trainable = false;
    QString problem;      ///< translated reason it cannot train ("" when trainable)
    QString labelSetName; ///< the dataset's label set ("" when it has none)
    bool multiLabel = false;
    std::int64_t examples = 0; ///< labelled records
    int classes = 0;
    std::int64_t smallestClass = 0;
};

/// Per-class examples a class needs: one to train on and one to validate with.
constexpr std::int64_t kMinExamplesPerClass = 2;

/// Reads the dataset's labelled records (ml::loadLabelledData: its errors, such as no labels or a single
/// class, become the refusal) and refuses classes with fewer than kMinExamplesPerClass examples, naming
/// them. Opens its own read-only connection: call it on a worker thread. Never throws.
TrainPreflight runTrainPreflight(const QString& projectPath, const QString& datasetName);

/// The per-class check on data already loaded (exposed for tests).
TrainPreflight checkLabelledData(const ml::LabelledData& data);

} // namespace bankbench::ui
