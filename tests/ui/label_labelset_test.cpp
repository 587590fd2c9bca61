// A dataset without a label set: the workspace says so and creates one from a column or a list.

#include "labelharness.h"

#include "label/labelbuttonbar.h"
#include "label/labelsetdialog.h"
#include "shell/emptystatepanel.h"

#include <labeling/labellist.h>

#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>

using namespace bankbench;
using test::LabelHarness;
using test::qs;

TEST_F(LabelHarness, ADatasetWithoutLabelSetGetsOneFromAColumnAndAList) {
    open(core::LabelSetKind::SingleLabel, 0, "alice",
         [](core::LabelStore& store, const test::LabelProject& fixture) {
             ASSERT_TRUE(store.assignLabelSet(fixture.datasetId, std::nullopt).ok());
         });
    EXPECT_FALSE(session().schema().labelSet.has_value());
    ASSERT_TRUE(workspace()->noLabelSetState()->isVisible());
    EXPECT_EQ(workspace()->noLabelSetState()->title(), QStringLiteral("This dataset has no label set"));

    ui::LabelSetDialog dialog(*session().dataset());
    dialog.nameEdit()->setText(QStringLiteral("channels"));
    session().createLabelSet(dialog.setName(), core::LabelSetKind::SingleLabel, QStringLiteral("channel"),
                             std::nullopt, {});
    ASSERT_TRUE(idle());
    ASSERT_TRUE(session().schema().labelSet.has_value());
    EXPECT_EQ(session().schema().labelSet->name, "channels");
    ASSERT_EQ(session().schema().labels.size(), 2u);
    EXPECT_TRUE(view().isVisible());
    EXPECT_EQ(view().buttons()->buttonCount(), 2);

    auto list = core::parseLabelListJson(
        R"([{"name":"fraud","zh":"欺诈","en":"Fraud","hotkey":"f","color":"#aa3377","description":"Unauthorised use"}])");
    ASSERT_TRUE(list.ok()) << list.error().what();
    session().importLabels(list.value());
    ASSERT_TRUE(idle());
    ASSERT_EQ(session().schema().labels.size(), 3u);
    ASSERT_NE(view().buttons()->button("fraud"), nullptr);
    EXPECT_TRUE(view().buttons()->button("fraud")->toolTip().contains(QStringLiteral("Unauthorised use")));
    type('f');
    ASSERT_TRUE(idle());
    const auto decision =
        test::storedDecision(m_project, recordAt(0), session().schema().labelSet->id, "alice");
    ASSERT_TRUE(decision);
    EXPECT_EQ(decision->labels, std::vector<std::string>{"fraud"});
}

TEST(LabelSetDialog, ReportsABadListFileWithItsLocation) {
    test::TempDir dir;
    const std::string bad = dir.file("labels.json");
    test::writeFile(bad, "[{\"name\": \"ok\"}, {\"zh\": \"缺少名称\"}]");
    core::DatasetInfo info;
    info.name = "calls";
    info.columns = {"id", "text"};
    info.textColumn = "text";
    ui::LabelSetDialog dialog(info);
    auto labels = core::readLabelList(bad);
    ASSERT_FALSE(labels.ok());
    EXPECT_NE(labels.error().what().find("labels.json"), std::string::npos) << labels.error().what();
}
