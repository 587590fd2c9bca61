#include "shell/recentprojectsmenu.h"

#include "common/appsettings.h"

#include <QDir>
#include <QFileInfo>

namespace bankbench::ui {

RecentProjectsMenu::RecentProjectsMenu(AppSettings& settings, QWidget* parent)
    : QMenu(tr("Open &Recent"), parent), m_settings(settings) {
    setObjectName(QStringLiteral("recentProjectsMenu"));
    connect(this, &QMenu::aboutToShow, this, &RecentProjectsMenu::rebuild);
    rebuild();
}

void RecentProjectsMenu::rebuild() {
    clear();
    const QStringList projects = m_settings.recentProjects();
    int number = 1;
    for (const QString& path : projects) {
        const QString label = number < 10
                                  ? QStringLiteral("&%1  %2").arg(number).arg(QFileInfo(path).fileName())
                                  : QFileInfo(path).fileName();
        QAction* action = addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit projectChosen(path); });
        ++number;
    }
    if (projects.isEmpty()) {
        addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    addSeparator();
    // The menu rebuilds when it next opens; rebuilding here would delete the action being triggered.
    connect(addAction(tr("&Clear List")), &QAction::triggered, this,
            [this] { m_settings.clearRecentProjects(); });
}

} // namespace bankbench::ui
