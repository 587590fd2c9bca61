#pragma once

#include "evaluate/evaluationresult.h"

class QCustomPlot;

namespace bankbench::ui {

/// Fills QCustomPlot widgets with an evaluation's calibration and per-label charts. GUI thread.
namespace calibrationplots {

/// Reliability diagram: per confidence bin, the share of correct predictions (bars) against the
/// diagonal of perfect calibration, with the expected calibration error in the title.
void showReliability(QCustomPlot& plot, const EvaluationResult& result);
/// How many examples fall in each confidence bin.
void showConfidenceHistogram(QCustomPlot& plot, const EvaluationResult& result);
/// Multi-label: F1 per label (bars) and each label's decision threshold (dots, right axis).
void showPerLabelF1(QCustomPlot& plot, const EvaluationResult& result);

} // namespace calibrationplots

} // namespace bankbench::ui
