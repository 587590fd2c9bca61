#include "ml/runmodel.h"

#include "ml/ensemble.h"
#include "ml/textclassifier.h"
#include "store/runstore.h"

#include <cmath>

namespace bankbench::ml {
namespace {

class SingleRunModel final : public LoadedModel {
public:
    SingleRunModel(std::string runName, std::unique_ptr<TextClassifier> classifier)
        : m_runName(std::move(runName)), m_classifier(std::move(classifier)) {}

    const std::string& runName() const override { return m_runName; }
    const std::vector<std::string>& labels() const override { return m_classifier->labels(); }
    bool multiLabel() const override { return m_classifier->multiLabel(); }
    const std::vector<float>& thresholds() const override { return m_classifier->thresholds(); }
    std::string device() const override { return m_classifier->device(); }
    core::Result<std::vector<float>> predictProbabilities(const std::vector<std::string>& texts,
                                                          const core::CancelToken* cancel) override {
        return m_classifier->predictProbabilities(texts, cancel);
    }
    core::Result<std::vector<float>> embed(const std::vector<std::string>& texts,
                                           const core::CancelToken* cancel) override {
        return m_classifier->embed(texts, cancel);
    }
    std::int64_t embeddingDim() const override { return m_classifier->embeddingDim(); }

private:
    std::string m_runName;
    std::unique_ptr<TextClassifier> m_classifier;
};

/// An ensemble run: each member's probabilities, temperature-scaled, averaged with the stored weights.
class EnsembleRunModel final : public LoadedModel {
public:
    struct Member {
        std::unique_ptr<LoadedModel> model;
        double temperature = 1;
        double weight = 0;
    };

    EnsembleRunModel(std::string runName, std::vector<Member> members)
        : m_runName(std::move(runName)), m_members(std::move(members)) {}

    const std::string& runName() const override { return m_runName; }
    const std::vector<std::string>& labels() const override { return m_members.front().model->labels(); }
    bool multiLabel() const override { return false; }
    const std::vector<float>& thresholds() const override { return m_noThresholds; }
    std::string device() const override { return m_members.front().model->device(); }

    core::Result<std::vector<float>> predictProbabilities(const std::vector<std::string>& texts,
                                                          const core::CancelToken* cancel) override {
        const auto classes = static_cast<std::int64_t>(labels().size());
        std::vector<std::vector<float>> calibrated;
        std::vector<double> weights;
        for (auto& member : m_members) {
            auto probabilities = member.model->predictProbabilities(texts, cancel);
            if (!probabilities)
                return probabilities.error();
            calibrated.push_back(temperatureSoftmax(logOf(*probabilities), classes, member.temperature));
            weights.push_back(member.weight);
        }
        return averageProbabilities(calibrated, weights);
    }

    /// Each member's unit embedding scaled by the square root of its weight, side by side: the result has
    /// unit length again, and a dot product of two such vectors is the weighted mean of the members' cosines.
    core::Result<std::vector<float>> embed(const std::vector<std::string>& texts,
                                           const core::CancelToken* cancel) override {
        const auto total = static_cast<std::size_t>(embeddingDim());
        std::vector<float> out(texts.size() * total);
        std::size_t offset = 0;
        for (auto& member : m_members) {
            auto part = member.model->embed(texts, cancel);
            if (!part)
                return part.error();
            const auto width = static_cast<std::size_t>(member.model->embeddingDim());
            const auto scale = static_cast<float>(std::sqrt(member.weight));
            for (std::size_t i = 0; i < texts.size(); ++i)
                for (std::size_t d = 0; d < width; ++d)
                    out[i * total + offset + d] = scale * (*part)[i * width + d];
            offset += width;
        }
        return out;
    }
    std::int64_t embeddingDim() const override {
        std::int64_t sum = 0;
        for (const auto& member : m_members)
            sum += member.model->embeddingDim();
        return sum;
    }

private:
    std::string m_runName;
    std::vector<Member> m_members;
    std::vector<float> m_noThresholds;
};

} // namespace

core::Result<std::unique_ptr<LoadedModel>> loadModelDir(const std::string& modelDir,
                                                        const std::string& runName, DevicePreference device) {
    auto classifier = TextClassifier::load(modelDir, device);
    if (!classifier)
        return classifier.error();
    return std::unique_ptr<LoadedModel>(new SingleRunModel(runName, std::move(*classifier)));
}

core::Result<std::unique_ptr<LoadedModel>> loadRunModel(const std::string& projectPath,
                                                        const std::string& runName, DevicePreference device) {
    std::string modelDir;
    // An ensemble's members: (name, model folder, temperature, weight).
    struct MemberDir {
        std::string name, dir;
        double temperature = 1, weight = 0;
    };
    std::vector<MemberDir> members;
    {
        auto project = core::Project::open(projectPath, /*readOnly=*/true);
        if (!project)
            return project.error();
        core::RunStore store(**project);
        auto run = store.run(runName);
        if (!run)
            return run.error();
        if (run->model != kEnsembleModel) {
            modelDir = store.modelDirPath(*run);
        } else {
            auto config = ensembleConfigFromJson(run->config);
            if (!config) {
                auto error = config.error();
                error.message = "ensemble \"" + runName + "\": " + error.message;
                error.where.file = projectPath;
                return error;
            }
            for (const auto& m : config->members) {
                // By id first: the member may have been renamed since.
                auto member = m.runId > 0 ? store.run(m.runId) : store.run(m.run);
                if (!member && m.runId > 0)
                    member = store.run(m.run);
                if (!member)
                    return core::Error{core::ErrorCode::NotFound,
                                       "ensemble \"" + runName + "\": member run \"" + m.run +
                                           "\" no longer exists",
                                       {projectPath, 0, 0}};
                if (member->model == kEnsembleModel || member->labels != run->labels)
                    return core::Error{core::ErrorCode::InvalidArgument,
                                       "ensemble \"" + runName + "\": member run \"" + member->name +
                                           "\" is an ensemble or has other labels than the ensemble",
                                       {projectPath, 0, 0}};
                members.push_back({member->name, store.modelDirPath(*member), m.temperature, m.weight});
            }
        }
    }
    if (members.empty())
        return loadModelDir(modelDir, runName, device);
    std::vector<EnsembleRunModel::Member> loaded;
    for (const auto& m : members) {
        auto model = loadModelDir(m.dir, m.name, device);
        if (!model) {
            auto error = model.error();
            error.message = "ensemble \"" + runName + "\", member \"" + m.name + "\": " + error.message;
            return error;
        }
        loaded.push_back({std::move(*model), m.temperature, m.weight});
    }
    return std::unique_ptr<LoadedModel>(new EnsembleRunModel(runName, std::move(loaded)));
}

} // namespace bankbench::ml
