#include "playground/playgroundtypes.h"

namespace bankbench::ui {

void registerPlaygroundMetaTypes() {
    qRegisterMetaType<core::chat::TurnResult>();
    qRegisterMetaType<core::chat::TurnOutcome>();
    qRegisterMetaType<core::chat::ResponseSet>();
    qRegisterMetaType<BotCatalog>();
    qRegisterMetaType<LoadedBotInfo>();
    qRegisterMetaType<NewBotRequest>();
    qRegisterMetaType<KbChange>();
}

} // namespace bankbench::ui
