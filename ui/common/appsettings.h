#pragma once

#include "common/settingvalue.h"

#include <QByteArray>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace bankbench::ui {

/// Every persistent GUI setting, typed. One instance, created by main() (or a test with its own ini file)
/// and passed down; GUI thread only.
class AppSettings {
public:
    /// The platform's per-user location for this organization/application.
    AppSettings();
    /// An explicit INI file (tests, portable use).
    explicit AppSettings(const QString& iniPath);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    static constexpr int kMaxRecentProjects = 10;
    /// Most recent first; entries whose file no longer exists are left out.
    QStringList recentProjects() const;
    void addRecentProject(const QString& path);
    void removeRecentProject(const QString& path);
    void clearRecentProjects();

    void sync();
    QString fileName() const;

private:
    explicit AppSettings(std::unique_ptr<QSettings> store);

    std::unique_ptr<QSettings> m_store;
    SettingValue<QStringList> m_recentProjects;

public:
    SettingValue<QByteArray> mainWindowGeometry;
    SettingValue<QByteArray> mainWindowState;
    SettingValue<QString> currentWorkspace;
    SettingValue<QByteArray> dataSplitterState;
    /// "" follows the system locale; otherwise a language code such as "en" or "zh_CN". Read at start-up.
    SettingValue<QString> language;
    SettingValue<QString> lastProjectDir;
    SettingValue<QString> lastImportDir;
    SettingValue<QString> lastExportDir;
    /// Label workspace: the annotator's name stored with each decision ("" = the system user name).
    SettingValue<QString> annotatorName;
    SettingValue<QByteArray> labelSplitterState;
    SettingValue<int> labelQueueOrder; ///< ui::QueueMode as int
    SettingValue<int> labelQueueSeed;
    /// Train workspace: training examples per second measured by the last run of each model kind on this
    /// machine ("fast", "transformer" -> double), for the time estimate before a run starts.
    SettingValue<QVariantMap> trainThroughput;
    /// Train workspace layout and choices: "splitter" (QByteArray), "tab" (int), "preset" (id),
    /// "project" + "dataset" (the dataset is restored only for that project).
    SettingValue<QVariantMap> trainState;
    /// Evaluate workspace: "project" + "run" + "data" (restored only for that project), "percent" (bool:
    /// row percentages instead of counts), "tab" (int), "splitter" and "sideSplitter" (QByteArray).
    SettingValue<QVariantMap> evaluateState;
    /// Playground workspace: "project" + "bot" (the bot is chosen again only for that project), "why"
    /// (bool: why panel shown), "splitter" (QByteArray: chat | why panel), "tab" (int).
    SettingValue<QVariantMap> playgroundState;
};

} // namespace bankbench::ui
