#include "common/appsettings.h"

#include <QDir>
#include <QFileInfo>

namespace bankbench::ui {

namespace {

QString normalizedPath(const QString& path) {
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

AppSettings::AppSettings() : AppSettings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniPath)
    : AppSettings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

AppSettings::AppSettings(std::unique_ptr<QSettings> store)
    : m_store(std::move(store)), m_recentProjects(*m_store, QStringLiteral("project/recent")),
      mainWindowGeometry(*m_store, QStringLiteral("mainWindow/geometry")),
      mainWindowState(*m_store, QStringLiteral("mainWindow/state")),
      currentWorkspace(*m_store, QStringLiteral("mainWindow/workspace"), QStringLiteral("data")),
      dataSplitterState(*m_store, QStringLiteral("dataWorkspace/splitter")),
      language(*m_store, QStringLiteral("general/language")),
      lastProjectDir(*m_store, QStringLiteral("paths/projects")),
      lastImportDir(*m_store, QStringLiteral("paths/import")),
      lastExportDir(*m_store, QStringLiteral("paths/export")),
      annotatorName(*m_store, QStringLiteral("label/annotator")),
      labelSplitterState(*m_store, QStringLiteral("label/splitter")),
      labelQueueOrder(*m_store, QStringLiteral("label/order"), 0),
      labelQueueSeed(*m_store, QStringLiteral("label/seed"), 1),
      trainThroughput(*m_store, QStringLiteral("train/throughput")),
      trainState(*m_store, QStringLiteral("train/state")),
      evaluateState(*m_store, QStringLiteral("evaluate/state")),
      playgroundState(*m_store, QStringLiteral("playground/state")) {}

AppSettings::~AppSettings() {
    m_store->sync();
}

QStringList AppSettings::recentProjects() const {
    QStringList existing;
    for (const QString& path : m_recentProjects.get()) {
        if (QFileInfo::exists(path))
            existing.push_back(path);
    }
    return existing;
}

void AppSettings::addRecentProject(const QString& path) {
    const QString normalized = normalizedPath(path);
    QStringList list = m_recentProjects.get();
    list.removeAll(normalized);
    list.prepend(normalized);
    while (list.size() > kMaxRecentProjects)
        list.removeLast();
    m_recentProjects.set(list);
}

void AppSettings::removeRecentProject(const QString& path) {
    QStringList list = m_recentProjects.get();
    list.removeAll(normalizedPath(path));
    m_recentProjects.set(list);
}

void AppSettings::clearRecentProjects() {
    m_recentProjects.reset();
}

void AppSettings::sync() {
    m_store->sync();
}

QString AppSettings::fileName() const {
    return m_store->fileName();
}

} // namespace bankbench::ui
