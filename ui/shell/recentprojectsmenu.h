#pragma once

#include <QMenu>

namespace bankbench::ui {

class AppSettings;

/// Project → Open Recent: rebuilt from the settings each time it opens, so it always shows the current
/// list; missing files are left out. GUI thread.
class RecentProjectsMenu : public QMenu {
    Q_OBJECT

public:
    RecentProjectsMenu(AppSettings& settings, QWidget* parent = nullptr);

    void rebuild();

signals:
    void projectChosen(const QString& path);

private:
    AppSettings& m_settings;
};

} // namespace bankbench::ui
