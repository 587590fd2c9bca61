#pragma once

#include <ml/evaljob.h>

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace bankbench::ui {

/// One line of the classification report (a class, or the macro / weighted average).
struct ReportRow {
    QString label;
    int classId = -1; ///< -1 for the averages
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    qint64 support = 0;
    std::optional<double> threshold; ///< multi-label: the class's decision threshold
};

/// A confusion between two different classes.
struct Confusion {
    int trueClass = 0;
    int predictedClass = 0;
    qint64 count = 0;
};

/// One bin of the reliability diagram: examples whose confidence is in (lower, upper].
struct ConfidenceBin {
    double lower = 0;
    double upper = 0;
    qint64 count = 0;
    qint64 correct = 0;
    double meanConfidence = 0;
};

/// An evaluation (ml::EvalDetail) in the form the workspace shows it: labels and report rows as Qt values,
/// the confusion counts, and the calibration bins. Immutable once built; shared between the views.
struct EvaluationResult {
    std::shared_ptr<const ml::EvalDetail> detail;
    QStringList labels; ///< class id -> name
    QVector<ReportRow> perClass;
    ReportRow macro;
    ReportRow weighted;
    double accuracy = 0; ///< multi-label: subset accuracy
    std::optional<double> ece;
    int classes = 0;
    QVector<qint64> confusion; ///< row-major [true][predicted]; empty for multi-label
    QVector<ConfidenceBin> bins;

    bool multiLabel() const { return detail->multiLabel; }
    qint64 count(int trueClass, int predictedClass) const {
        return confusion[trueClass * classes + predictedClass];
    }
    qint64 rowTotal(int trueClass) const;
    /// Off-diagonal cells, most frequent first (ties: by true, then predicted class).
    QVector<Confusion> topConfusions(int limit) const;
    /// Class ids ordered by errors (misclassified true examples), most first; ties by class id.
    QVector<int> classesByErrors() const;
    /// "label a, label b" for class ids.
    QString classNames(const std::vector<int>& ids) const;
};

/// Builds the view form. Equal-width confidence bins (15, as core::metrics::calibration) over each
/// example's highest probability; an example is correct when its prediction equals its true label(s).
std::shared_ptr<const EvaluationResult> makeEvaluationResult(std::shared_ptr<const ml::EvalDetail> detail);

} // namespace bankbench::ui
