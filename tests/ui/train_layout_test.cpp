// The Train workspace's setup panel is narrow by default (a third of the window); its Advanced settings
// once laid out two columns of groups whatever the width, so the panel scrolled sideways and cut off the
// preset description and half of every group.

#include "train_fixtures.h"

#include "train/trainsettingsform.h"
#include "train/trainsetuppanel.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QToolButton>

using namespace bankbench;

namespace {

class TrainLayoutTest : public test::TrainHarness {
protected:
    QScrollArea* setupScroll() const {
        for (QWidget* w = workspace()->setupPanel(); w; w = w->parentWidget())
            if (auto* scroll = qobject_cast<QScrollArea*>(w))
                return scroll;
        return nullptr;
    }
    QSplitter* splitter() const {
        return workspace()->widget()->findChild<QSplitter*>(QStringLiteral("trainSplitter"));
    }
    /// Lets the splitter, the scroll area and the form settle (layouts run from the event loop).
    void settle() {
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(20);
        }
    }
};

TEST_F(TrainLayoutTest, AdvancedSettingsNeverScrollSidewaysAndUseTwoColumnsWhenThereIsRoom) {
    open();
    auto* toggle = workspace()->setupPanel()->findChild<QToolButton*>(QStringLiteral("trainAdvancedToggle"));
    ASSERT_NE(toggle, nullptr);
    toggle->setChecked(true);
    QScrollArea* scroll = setupScroll();
    ASSERT_NE(scroll, nullptr);
    ui::TrainSettingsForm* form = workspace()->setupPanel()->settingsForm();
    ASSERT_TRUE(form->isVisible());

    const int total = splitter()->sizes().value(0) + splitter()->sizes().value(1);
    for (const int setupWidth : {420, 380, total - 400, 420}) {
        splitter()->setSizes({setupWidth, total - setupWidth});
        settle();
        SCOPED_TRACE(testing::Message() << "setup panel " << splitter()->sizes().value(0) << " px, form "
                                        << form->width() << " px, " << form->columns() << " column(s)");
        EXPECT_EQ(scroll->horizontalScrollBar()->maximum(), 0) << "the setup panel scrolls sideways";
        EXPECT_LE(form->width(), scroll->viewport()->width());
        EXPECT_EQ(form->columns(), setupWidth > 800 ? 2 : 1);
    }
}

} // namespace
