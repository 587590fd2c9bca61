#include "train/trainpreflight.h"

#include "common/qtconvert.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <exception>
#include <map>

namespace bankbench::ui {

namespace {

/// Gives the free functions here a translation context that lupdate sees.
struct PreflightText {
    Q_DECLARE_TR_FUNCTIONS(TrainPreflight)
};

} // namespace

TrainPreflight checkLabelledData(const ml::LabelledData& data) {
    TrainPreflight out;
    out.datasetName = toQString(data.datasetName);
    out.multiLabel = data.multiLabel;
    out.examples = static_cast<std::int64_t>(data.size());
    out.classes = static_cast<int>(data.labelNames.size());
    std::vector<std::int64_t> counts(data.labelNames.size(), 0);
    for (const auto& labels : data.labels)
        for (int c : labels)
            if (c >= 0 && static_cast<std::size_t>(c) < counts.size())
                ++counts[static_cast<std::size_t>(c)];
    QStringList small;
    for (std::size_t c = 0; c < counts.size(); ++c)
        if (counts[c] < kMinExamplesPerClass)
            small << QStringLiteral("“%1” (%2)").arg(toQString(data.labelNames[c])).arg(counts[c]);
    out.smallestClass = counts.empty() ? 0 : *std::min_element(counts.begin(), counts.end());
    if (!small.isEmpty()) {
        const int shown = std::min<int>(static_cast<int>(small.size()), 8);
        QString list = QStringList(small.mid(0, shown)).join(QStringLiteral(", "));
        if (small.size() > shown)
            list += PreflightText::tr(" and %n more", nullptr, static_cast<int>(small.size()) - shown);
        out.problem = PreflightText::tr(
                          "Every label needs at least %1 labelled examples (one to train on, one to validate "
                          "with). Too few: %2. Label more records or merge these labels.")
                          .arg(kMinExamplesPerClass)
                          .arg(list);
        return out;
    }
    out.trainable = true;
    return out;
}

TrainPreflight runTrainPreflight(const QString& projectPath, const QString& datasetName) {
    TrainPreflight out;
    out.datasetName = datasetName;
    try {
        auto project = core::Project::open(toStdString(projectPath), /*readOnly=*/true);
        if (!project) {
            out.problem = toQString(project.error().what());
            return out;
        }
        QString labelSetName;
        if (auto dataset = (*project)->dataset(toStdString(datasetName))) {
            core::LabelStore labels(**project);
            if (auto set = labels.labelSetOf(dataset->id))
                labelSetName = toQString(set->name);
        }
        auto data = ml::loadLabelledData(**project, toStdString(datasetName));
        if (!data) {
            out.labelSetName = labelSetName;
            // Core's message says what is missing (no label set, fewer than 2 labels, no labelled records).
            out.problem = toQString(data.error().message);
            return out;
        }
        out = checkLabelledData(*data);
        out.labelSetName = labelSetName;
        return out;
    } catch (const std::exception& e) {
        out.problem = QString::fromUtf8(e.what());
        return out;
    }
}

} // namespace bankbench::ui
