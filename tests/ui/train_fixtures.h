#pragma once

#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "shell/mainwindow.h"
#include "support/testsupport.h"
#include "train/trainworkspace.h"

#include <ml/trainconfig.h>

#include <QAction>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <QString>

#include <ostream>

/// Lets gtest messages print QStrings (`<< widget->text()`), found by argument-dependent lookup.
inline std::ostream& operator<<(std::ostream& out, const QString& text) {
    return out << text.toStdString();
}

namespace bankbench::test {

/// Writes a project at `path` with dataset "intents": `perClass` generated bilingual texts for each of 4
/// intents (a keyword per intent among filler words), every record labelled; seeded. Plus dataset
/// "one-class" where every record has the same label, and "tiny" where one label has a single example.
void createTrainProject(const std::string& path, int perClass = 30);

/// A fast-model config small enough for tests: a 2^12 n-gram table (checkpoints of a few MB).
ml::TrainConfig smallFastConfig(int epochs);

/// A main window on a fresh training project, showing the Train workspace.
class TrainHarness : public ::testing::Test {
protected:
    void open(int perClass = 30) {
        m_project = m_dir.file("train.bbproj");
        createTrainProject(m_project, perClass);
        m_settings = std::make_unique<ui::AppSettings>(qs(m_dir.file("settings.ini")));
        m_window = std::make_unique<ui::MainWindow>(*m_settings);
        m_window->resize(1360, 860);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        for (QAction* action : m_window->findChildren<QAction*>())
            if (action->data().toString() == QStringLiteral("train"))
                action->trigger();
        ASSERT_EQ(m_window->currentWorkspace(), workspace());
        m_window->openProject(qs(m_project));
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->session().isOpen(); }, 15000));
        ASSERT_TRUE(waitPreflight());
    }

    ui::TrainWorkspace* workspace() const { return m_window->trainWorkspace(); }

    /// The setup panel has judged the current dataset.
    bool waitPreflight();
    bool waitIdle(int timeoutMs = 60000) {
        return QTest::qWaitFor(
            [&] { return !workspace()->isTraining() && workspace()->repository()->isIdle(); }, timeoutMs);
    }

    TempDir m_dir;
    std::string m_project;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace bankbench::test
