#pragma once

#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "playground/playgroundworkspace.h"
#include "shell/mainwindow.h"
#include "support/testsupport.h"

#include <QAction>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace bankbench::test {

/// A project with dataset "intents" (card_lost, balance, transfer, loan; English and Chinese), a fast-model
/// run "small" trained on it, and bot "service" on that run: transfer needs {amount} (asked for in both
/// languages), card_lost needs {card_last4}, balance answers plainly, loan has no response (the bot says
/// what it understood); two FAQ entries. Trained once per test program and copied into `directory`.
std::string createPlaygroundProject(const std::string& directory);

/// A conversation test file for bot "service": transfer asks for the amount, then answers with it.
std::string writePlaygroundTests(const std::string& directory);

/// A main window on a fresh playground project, showing the Playground with bot "service" loaded.
class PlaygroundHarness : public ::testing::Test {
protected:
    void open();

    ui::PlaygroundWorkspace* workspace() const { return m_workspace; }
    bool waitIdle(int timeoutMs = 30000) const {
        return QTest::qWaitFor([&] { return m_workspace->isIdle(); }, timeoutMs);
    }
    /// Sends a message and waits for the answer.
    void say(const QString& text);

    TempDir m_dir;
    std::string m_project;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::PlaygroundWorkspace* m_workspace = nullptr;
};

} // namespace bankbench::test
