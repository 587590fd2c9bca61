#pragma once

// The chatbot core's headers for Qt code. core/chat names members `slots` (ChatSession::slots,
// TurnResult::slots...), which Qt's `slots` keyword macro would erase; the macro is set aside while they
// are read and put back after, so Qt headers included later still see it. A .cpp that reads those members
// says `#undef slots` after its includes (it declares no Qt slots itself).

#include <QObject>

#pragma push_macro("slots")
#undef slots
#include <chat/botstore.h>
#include <chat/chatengine.h>
#include <chat/chatlog.h>
#include <chat/chatsession.h>
#include <chat/conversationtest.h>
#include <chat/knowledgebase.h>
#include <chat/masking.h>
#include <chat/policytuning.h>
#include <chat/responses.h>
#include <chat/turnresult.h>
#pragma pop_macro("slots")
