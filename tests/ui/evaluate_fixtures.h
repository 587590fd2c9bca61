#pragma once

#include <string>

namespace bankbench::test {

/// A project with dataset "intents" (four intents, English and Chinese, one with a long Chinese name),
/// dataset "holdout" (the same intents, a fifth of its records deliberately mislabelled so the confusion
/// matrix has errors to click) and a fast-model run "small" trained on "intents". Trained once per test
/// program and copied into `directory` for each test; returns the copy's path. Fails the calling test on
/// any error.
std::string createEvaluationProject(const std::string& directory);

/// Trains a tiny fast-model run (dim 8, 2^12 buckets, 1 thread, no checkpoints) on `dataset` of the
/// project at `path`. Fails the calling test on any error.
void trainSmallFastRun(const std::string& path, const std::string& dataset, const std::string& run, int epochs);

/// The long Chinese label of that project.
inline const char* kLongChineseLabel = "挂失银行卡（紧急处理，含补办新卡）";

} // namespace bankbench::test
