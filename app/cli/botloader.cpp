#include "botloader.h"

#include "commands.h"
#include "mlcommands.h"

#include "ml/spanslots.h"

namespace bankbench::cli {

core::Result<std::unique_ptr<LoadedBot>> loadBot(const std::string& projectPath, const std::string& botName,
                                                 int version, ml::DevicePreference device) {
    auto bot = std::make_unique<LoadedBot>();
    auto project = openExistingProject(projectPath, /*readOnly=*/false);
    if (!project)
        return project.error();
    bot->project = std::move(*project);
    core::chat::BotStore store(*bot->project);
    auto info = store.bot(botName);
    if (!info)
        return info.error();
    auto stored = store.version(info->id, version);
    if (!stored)
        return stored.error();
    bot->version = std::move(*stored);
    auto module = mlModule();
    if (!module)
        return module.error();
    auto model = (*module)->loadRunModel(projectPath, bot->version.runs.front(), device);
    if (!model)
        return model.error();
    bot->model = std::move(*model);
    auto knowledge = std::make_unique<core::chat::KnowledgeBase>(*bot->project, info->id);
    auto count = knowledge->count();
    if (!count)
        return count.error();
    if (*count > 0)
        bot->knowledge = std::move(knowledge);
    if (bot->version.slotRun) {
        auto spans = (*module)->loadSpanModel(projectPath, *bot->version.slotRun, device);
        if (!spans)
            return spans.error();
        bot->slotModel = std::move(*spans);
    }
    bot->engine = std::make_unique<core::chat::ChatEngine>(bot->version, *bot->model, bot->knowledge.get());
    if (bot->slotModel)
        bot->engine->slotExtractor().setExtraSource(ml::spanSlotSource(*bot->slotModel), *bot->version.slotRun);
    bot->log = std::make_unique<core::chat::ChatLog>(*bot->project);
    return bot;
}

} // namespace bankbench::cli
