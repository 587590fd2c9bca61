#pragma once

// Values that cross between the playground's worker thread and the GUI thread (queued signals).

#include "playground/chatcore.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace bankbench::ui {

/// One change of the knowledge-base draft, applied by the worker in order: id 0 adds an entry, an empty
/// question removes entry `id`, otherwise entry `id` gets the new texts.
struct KbChange {
    core::chat::KbEntryId id = 0;
    QString question;
    QString answer;
    QString source;
};

/// What the bot picker shows: the project's bots and the finished runs a new bot can use.
struct BotCatalog {
    QList<core::chat::BotInfo> bots;
    QStringList finishedRuns;
    QMap<QString, QStringList> runLabels; ///< each finished run's labels
};

/// A loaded bot: the version that answers, the versions that exist, and its knowledge base.
struct LoadedBotInfo {
    core::chat::BotVersion version;
    QList<int> versions;
    std::vector<core::chat::KbEntry> knowledge;
    QStringList intents; ///< the model's labels
};

/// What a new bot is made of (CreateBotDialog).
struct NewBotRequest {
    QString name;
    QString run;
    QString responsesPath; ///< optional JSON/CSV response file
    QString knowledgePath; ///< optional CSV/JSONL FAQ file
    QString noneIntent;    ///< the run's "none of these" label, or empty
};

void registerPlaygroundMetaTypes();

} // namespace bankbench::ui

Q_DECLARE_METATYPE(bankbench::core::chat::TurnResult)
Q_DECLARE_METATYPE(bankbench::core::chat::TurnOutcome)
Q_DECLARE_METATYPE(bankbench::core::chat::ResponseSet)
Q_DECLARE_METATYPE(bankbench::ui::BotCatalog)
Q_DECLARE_METATYPE(bankbench::ui::LoadedBotInfo)
Q_DECLARE_METATYPE(bankbench::ui::NewBotRequest)
Q_DECLARE_METATYPE(bankbench::ui::KbChange)
