#include "ml/trainprogress.h"

namespace bankbench::ml {

nlohmann::json toJson(const EpochMetrics& m) {
    return {{"epoch", m.epoch},
            {"step", m.step},
            {"train_loss", m.trainLoss},
            {"validation_loss", m.validationLoss},
            {"validation_accuracy", m.validationAccuracy},
            {"validation_macro_f1", m.validationMacroF1},
            {"validation_micro_f1", m.validationMicroF1},
            {"learning_rate", m.learningRate},
            {"seconds", m.seconds},
            {"examples_per_second", m.examplesPerSecond}};
}

EpochMetrics epochMetricsFromJson(const nlohmann::json& json) {
    EpochMetrics m;
    m.epoch = json.value("epoch", 0);
    m.step = json.value("step", std::int64_t{0});
    m.trainLoss = json.value("train_loss", 0.0);
    m.validationLoss = json.value("validation_loss", 0.0);
    m.validationAccuracy = json.value("validation_accuracy", 0.0);
    m.validationMacroF1 = json.value("validation_macro_f1", 0.0);
    m.validationMicroF1 = json.value("validation_micro_f1", 0.0);
    m.learningRate = json.value("learning_rate", 0.0);
    m.seconds = json.value("seconds", 0.0);
    m.examplesPerSecond = json.value("examples_per_second", 0.0);
    return m;
}

} // namespace bankbench::ml
