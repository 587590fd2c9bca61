#include "ml/runmodel.h"

#include "ml/textclassifier.h"
#include "store/runstore.h"

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

} // namespace

core::Result<std::unique_ptr<LoadedModel>> loadModelDir(const std::string& modelDir, const std::string& runName,
                                                        DevicePreference device) {
    auto classifier = TextClassifier::load(modelDir, device);
    if (!classifier)
        return classifier.error();
    return std::unique_ptr<LoadedModel>(new SingleRunModel(runName, std::move(*classifier)));
}

core::Result<std::unique_ptr<LoadedModel>> loadRunModel(const std::string& projectPath, const std::string& runName,
                                                        DevicePreference device) {
    std::string modelDir;
    {
        auto project = core::Project::open(projectPath, /*readOnly=*/true);
        if (!project)
            return project.error();
        core::RunStore store(**project);
        auto run = store.run(runName);
        if (!run)
            return run.error();
        modelDir = store.modelDirPath(*run);
    }
    return loadModelDir(modelDir, runName, device);
}

} // namespace bankbench::ml
