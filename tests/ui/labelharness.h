#pragma once

#include "labelfixtures.h"
#include "uifixtures.h"

#include "common/appsettings.h"
#include "common/projectsession.h"
#include "label/labelsession.h"
#include "label/labelview.h"
#include "label/labelworkspace.h"
#include "label/spantextview.h"
#include "shell/mainwindow.h"

#include "support/testsupport.h"

#include <store/labelstore.h>
#include <store/project.h>

#include <QAction>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace bankbench::test {

/// A main window on a fresh labeling project, showing the Label workspace, annotator "alice".
class LabelHarness : public ::testing::Test {
protected:
    /// `prepare` runs on the new project before the window opens it (e.g. other annotators' decisions).
    void open(core::LabelSetKind kind, int extraRows = 0, const std::string& annotator = "alice",
              const std::function<void(core::LabelStore&, const LabelProject&)>& prepare = {}) {
        m_project = m_dir.file("label.bbproj");
        m_fixture = createLabelProject(m_project, kind, extraRows);
        if (prepare) {
            auto project = core::Project::open(m_project);
            ASSERT_TRUE(project.ok());
            core::LabelStore store(**project);
            prepare(store, m_fixture);
        }
        m_settings = std::make_unique<ui::AppSettings>(qs(m_dir.file("settings.ini")));
        m_settings->annotatorName = qs(annotator);
        m_window = std::make_unique<ui::MainWindow>(*m_settings);
        m_window->resize(1280, 820);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        for (QAction* action : m_window->findChildren<QAction*>()) {
            if (action->data().toString() == QStringLiteral("label"))
                action->trigger();
        }
        ASSERT_EQ(m_window->currentWorkspace(), workspace());
        m_window->openProject(qs(m_project));
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return m_window->session().isOpen() && session().isSchemaLoaded() &&
                       session().currentRecord() && session().isIdle();
            },
            15000));
        m_window->activateWindow();
        view().focusText();
    }

    ui::LabelWorkspace* workspace() const { return m_window->labelWorkspace(); }
    ui::LabelSession& session() const { return *workspace()->session(); }
    ui::LabelView& view() const { return *workspace()->view(); }
    ui::SpanTextView& text() const { return *view().textView(); }

    /// A key as the annotator types it, delivered where the keyboard focus would be (the text).
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(&text(), key, modifiers);
    }
    void type(char character) { QTest::keyClick(&text(), character); }
    bool idle() { return waitIdle(session()); }
    core::RecordId recordAt(qint64 position) const {
        return session().queueSize() > position ? session().queue()->at(static_cast<std::size_t>(position))
                                                : 0;
    }
    std::optional<core::Decision> stored(core::RecordId record,
                                         const std::string& annotator = "alice") const {
        return storedDecision(m_project, record, m_fixture.labelSetId, annotator);
    }

    TempDir m_dir;
    std::string m_project;
    LabelProject m_fixture;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace bankbench::test
