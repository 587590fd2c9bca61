#include "ml/trainerloop.h"

#include "metrics/thresholds.h"
#include "ml/evaluation.h"
#include "ml/runtime.h"
#include "ml/selectionpredictions.h"
#include "ml/trainershared.h"
#include "ml/transformermodel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

// The Trainer's pieces: set-up, resume, schedule, loss, validation, model files, progress.

namespace bankbench::ml::detail {

using core::Error;
using core::ErrorCode;
namespace F = torch::nn::functional;

std::vector<float> toVector(const torch::Tensor& tensor) {
    auto flat = tensor.contiguous().to(torch::kFloat32).view({-1});
    return {flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel()};
}

nlohmann::json resumableConfig(nlohmann::json config) {
    // What may change between sessions of one run without changing its results.
    for (const char* key : {"threads", "device", "checkpoint_every_steps", "checkpoint_every_minutes"})
        config.erase(key);
    // Keys added with token classification, at their classification defaults: checkpoints written before
    // them still resume.
    if (config.value("task", "classify") == "classify")
        config.erase("task");
    if (config.value("label_set", "").empty())
        config.erase("label_set");
    return config;
}

core::Status Trainer::prepare() {
    if (m_request.split.train.empty() || m_request.split.validation.empty())
        return Error{
            ErrorCode::InvalidArgument,
            "too few labelled examples: the split needs at least one training and one validation example",
            {}};
    auto device = setUpTrainingDevice(m_config, m_sink);
    if (!device)
        return device.error();
    m_device = device->device;
    m_threads = device->threads;
    const auto& tokenizerTexts = m_request.tokenizerTexts.empty() ? m_data.texts : m_request.tokenizerTexts;
    if (auto status =
            prepareTransformerAssets(m_config, m_request.modelDir, tokenizerTexts, m_sink, &m_cancel);
        !status)
        return status;
    if (auto status = resetModel(m_config.seed ^ 0x5DEECE66DULL); !status)
        return status;
    m_inputs = m_model->encode(m_data.texts);
    if (m_config.augment.enabled()) {
        m_augmenter.emplace(m_config.augment);
        std::ostringstream line;
        line << "augmenting training batches: delete " << m_config.augment.deleteProbability << ", swap "
             << m_config.augment.swapProbability << ", synonyms " << m_config.augment.synonymProbability
             << " (" << m_config.augment.synonyms.size() << " groups)";
        m_sink.log(line.str());
    }

    if (m_config.classWeighting == ClassWeighting::Balanced) {
        // n / (classes * count): scikit-learn's "balanced", from the training part only.
        const auto classes = static_cast<std::int64_t>(m_data.labelNames.size());
        std::vector<double> counts(static_cast<std::size_t>(classes), 0);
        for (auto index : m_request.split.train)
            for (int label : m_data.labels[index])
                counts[label] += 1;
        std::vector<float> weights;
        const double n = static_cast<double>(m_request.split.train.size());
        for (double count : counts)
            weights.push_back(count > 0 ? static_cast<float>(n / (static_cast<double>(classes) * count))
                                        : 0.0F);
        m_classWeights = torch::tensor(weights).to(m_device);
    }
    m_state.config = toJson(m_config);
    m_state.splitHash = splitHash(m_request.split.train, m_request.split.validation);
    enterPhase();
    return {};
}

// A fresh, seeded model with its own optimizer and dropout generator (the refit starts from scratch too).
// A model that can reset itself in place does so, with its optimizer: the refit then reuses the selection
// model's tables and moments instead of faulting in new ones of the same size.
core::Status Trainer::resetModel(std::uint64_t generatorSeed) {
    if (m_model && m_optimizer && m_model->resetParameters()) {
        m_optimizer->resetState();
        m_generator = at::make_generator<at::CPUGeneratorImpl>(generatorSeed);
        return {};
    }
    auto model =
        createModel(m_config, static_cast<std::int64_t>(m_data.labelNames.size()), m_request.modelDir);
    if (!model)
        return model.error();
    m_model = std::move(*model);
    m_model->to(m_device);
    std::vector<LazyAdam::Param> params;
    for (auto& p : m_model->parameters())
        params.push_back({p.name, p.tensor, p.sparseGradient, p.weightDecay});
    m_optimizer = std::make_unique<LazyAdam>(
        std::move(params),
        LazyAdamOptions{m_config.beta1, m_config.beta2, m_config.epsilon, m_config.weightDecay});
    m_generator = at::make_generator<at::CPUGeneratorImpl>(generatorSeed);
    return {};
}

std::vector<std::int64_t> Trainer::epochOrder(std::uint64_t seed) const {
    std::vector<std::int64_t> order = m_indices;
    seededShuffle(order, seed);
    if (!m_config.bucketByLength)
        return order;
    // Sort windows of 50 batches by length so each batch pads little, then shuffle the full batches so the
    // epoch does not run from short to long texts. The partial last batch stays last.
    const auto batch = static_cast<std::size_t>(m_config.batchSize);
    const std::size_t window = batch * 50;
    for (std::size_t begin = 0; begin < order.size(); begin += window) {
        const auto end = std::min(order.size(), begin + window);
        std::stable_sort(
            order.begin() + static_cast<long>(begin), order.begin() + static_cast<long>(end),
            [&](std::int64_t a, std::int64_t b) { return m_inputs->length(a) < m_inputs->length(b); });
    }
    const auto fullBatches = static_cast<std::int64_t>(order.size() / batch);
    std::vector<std::int64_t> batchOrder(static_cast<std::size_t>(fullBatches));
    std::iota(batchOrder.begin(), batchOrder.end(), 0);
    seededShuffle(batchOrder, seed ^ 0xB5297A4D3F84D5B5ULL);
    std::vector<std::int64_t> out;
    out.reserve(order.size());
    for (const auto b : batchOrder)
        out.insert(out.end(), order.begin() + static_cast<long>(b * batch),
                   order.begin() + static_cast<long>((b + 1) * batch));
    out.insert(out.end(), order.begin() + static_cast<long>(fullBatches * batch), order.end());
    return out;
}

void Trainer::enterPhase() {
    if (m_state.phase == 0) {
        m_indices = m_request.split.train;
        m_phaseEpochs = m_config.epochs;
    } else {
        m_indices = m_request.split.train;
        m_indices.insert(m_indices.end(), m_request.split.validation.begin(),
                         m_request.split.validation.end());
        std::sort(m_indices.begin(), m_indices.end());
        m_phaseEpochs = m_state.refitEpochs;
    }
    const auto count = static_cast<std::int64_t>(m_indices.size());
    m_stepsPerEpoch = (count + m_config.batchSize - 1) / m_config.batchSize;
    m_totalSteps = m_stepsPerEpoch * m_phaseEpochs;
}

core::Status Trainer::restore() {
    if (auto status = restoreCheckpoint(m_request.modelDir, m_state, currentWeights(), *m_optimizer,
                                        m_generator, m_best);
        !status)
        return status;
    enterPhase();
    m_sink.log("resumed from checkpoint at step " + std::to_string(m_state.step) + " (" +
               (m_state.phase == 0 ? "epoch " : "refit epoch ") + std::to_string(m_state.epoch + 1) + ")");
    return {};
}

double Trainer::learningRateAt(std::int64_t step) const {
    return scheduledLearningRate(m_config, step - m_state.phaseStartStep, m_totalSteps);
}

torch::Tensor Trainer::lossOf(const torch::Tensor& logits, const std::vector<std::int64_t>& batch,
                              bool training) {
    const auto classes = logits.size(1);
    const auto rows = static_cast<std::int64_t>(batch.size());
    if (m_data.multiLabel) {
        auto target = torch::zeros({rows, classes});
        auto* cells = target.data_ptr<float>();
        for (std::int64_t i = 0; i < rows; ++i)
            for (int label : m_data.labels[batch[i]])
                if (label < classes)
                    cells[i * classes + label] = 1.0F;
        auto options = F::BinaryCrossEntropyWithLogitsFuncOptions();
        if (training && m_classWeights.defined())
            options.weight(m_classWeights);
        return F::binary_cross_entropy_with_logits(logits, target.to(logits.device()), options);
    }
    auto target = torch::empty({rows}, torch::kInt64);
    auto* ids = target.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < rows; ++i)
        ids[i] = m_data.labels[batch[i]].front();
    auto options = F::CrossEntropyFuncOptions();
    if (training) {
        if (m_classWeights.defined())
            options.weight(m_classWeights);
        options.label_smoothing(m_config.labelSmoothing);
    }
    return F::cross_entropy(logits, target.to(logits.device()), options);
}

EpochMetrics Trainer::validate(double epochSeconds, std::int64_t epochExamples) {
    EpochMetrics m;
    m.epoch = m_state.epoch + 1;
    m.step = m_state.step;
    m.trainLoss =
        m_state.epochBatches > 0 ? m_state.epochLossSum / static_cast<double>(m_state.epochBatches) : 0;
    m.learningRate = m_lastLearningRate;
    m.seconds = epochSeconds;
    m.examplesPerSecond = epochSeconds > 0 ? static_cast<double>(epochExamples) / epochSeconds : 0;
    const auto& indices = m_request.split.validation;
    auto logits = predictLogits(*m_model, *m_inputs, indices, 512, nullptr);
    {
        torch::NoGradGuard noGrad;
        m.validationLoss = lossOf(logits, indices, false).item<double>();
    }
    const auto probabilities =
        toVector(m_data.multiLabel ? torch::sigmoid(logits) : torch::softmax(logits, 1));
    const std::vector<float> thresholds(m_data.labelNames.size(), m_config.defaultThreshold);
    auto scores = quickScores(m_data, indices, probabilities, logits.size(1), thresholds);
    if (scores) {
        m.validationAccuracy = scores->accuracy;
        m.validationMacroF1 = scores->macroF1;
        m.validationMicroF1 = scores->microF1;
    }
    return m;
}

NamedTensors Trainer::currentWeights() {
    return namedWeights(m_model->parameters());
}

CheckpointTensors Trainer::checkpointTensors() {
    CheckpointTensors t;
    t.model = currentWeights();
    t.optimizer = m_optimizer->state();
    t.rngState = m_generator.get_state();
    t.best = m_best;
    return t;
}

// The selection model (best epoch) on the validation split: its report, multi-label thresholds tuned
// there, and its files, so a run cancelled during the refit still has a usable model.
// The model's own weights are put back afterwards (a cancelled run's checkpoint holds those).
core::Status Trainer::finishSelection() {
    // The best epoch's tensors lend their storage to the model while it predicts (swapped, not copied: no
    // copy of the table and no second one to restore from).
    BorrowedWeights borrowed(currentWeights(), m_best);
    const auto& indices = m_request.split.validation;
    auto logits = predictLogits(*m_model, *m_inputs, indices, 512, nullptr);
    const auto probabilities =
        toVector(m_data.multiLabel ? torch::sigmoid(logits) : torch::softmax(logits, 1));
    const auto classes = static_cast<std::int64_t>(m_data.labelNames.size());
    m_state.thresholds.clear();
    if (m_data.multiLabel) {
        std::vector<std::uint8_t> truth(indices.size() * static_cast<std::size_t>(classes), 0);
        for (std::size_t i = 0; i < indices.size(); ++i)
            for (int label : m_data.labels[indices[i]])
                truth[i * classes + label] = 1;
        auto tuned = core::metrics::tuneThresholds(probabilities, truth, classes, m_config.defaultThreshold);
        if (!tuned)
            return tuned.error();
        m_state.thresholds = tuned->thresholds;
    }
    borrowed.giveBack();
    auto report = evaluationReport(m_data, indices, probabilities, classes, m_state.thresholds);
    if (!report)
        return report.error();
    m_state.selectionReport = *report;
    // Held-out predictions of the selected model, for ensembles of refit runs (selectionpredictions.h).
    if (!m_data.multiLabel) {
        SelectionPredictions held{{}, classes, probabilities};
        for (const auto index : indices)
            held.recordIds.push_back(m_data.recordIds[static_cast<std::size_t>(index)]);
        if (auto status = writeSelectionPredictions(m_request.modelDir, held); !status)
            m_sink.log("warning: validation probabilities not kept: " + status.error().what());
    }
    return writeModel(m_best);
}

core::Status Trainer::writeModel(const NamedTensors& weights) {
    nlohmann::json config = {{"format", kModelFormat},
                             {"format_version", 1},
                             {"model", modelKindName(m_model->kind())},
                             {"architecture", m_model->architecture()},
                             {"labels", m_data.labelNames},
                             {"multi_label", m_data.multiLabel},
                             {"thresholds", m_state.thresholds},
                             {"best_epoch", m_state.bestEpoch},
                             {"refit", m_state.phase == 1},
                             {"train_config", toJson(m_config)}};
    return writeModelFiles(m_request.modelDir, config, weights);
}

void Trainer::emit(TrainProgress::Phase phase, bool force) {
    const auto now = Clock::now();
    if (!force) {
        if (now - m_lastStepEmit < m_sink.progressInterval())
            return;
        m_lastStepEmit = now;
    }
    TrainProgress p;
    p.phase = phase;
    p.refit = m_state.phase == 1;
    p.epoch = std::min(m_state.epoch + 1, m_phaseEpochs);
    p.epochs = m_phaseEpochs;
    p.step = m_state.step;
    p.totalSteps = m_state.phaseStartStep + m_totalSteps; // where this phase ends
    fillStateProgress(p, m_state);
    takeStepLoss(p, m_tally);
    p.learningRate = m_lastLearningRate;
    fillSessionProgress(p, m_tally, m_started, now);
    m_sink.progress(p);
}

} // namespace bankbench::ml::detail
