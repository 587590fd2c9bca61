#include "store/projectsettings.h"

namespace bankbench::core {

namespace {

constexpr const char* kPrefix = "project.";
constexpr const char* kActiveModel = "active_model";

} // namespace

Result<std::optional<std::string>> ProjectSettings::value(const std::string& key) {
    try {
        auto stmt = m_project.database().prepare("SELECT value FROM meta WHERE key = ?1");
        stmt.bind(1, kPrefix + key);
        if (!stmt.step())
            return std::optional<std::string>{};
        return std::optional<std::string>(stmt.columnText(0));
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Status ProjectSettings::setValue(const std::string& key, const std::optional<std::string>& value) {
    try {
        auto& db = m_project.database();
        if (value) {
            db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .bind(1, kPrefix + key)
                .bind(2, *value)
                .run();
        } else {
            db.prepare("DELETE FROM meta WHERE key = ?1").bind(1, kPrefix + key).run();
        }
        return {};
    } catch (const DatabaseError& e) {
        return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
    }
}

Result<std::optional<std::string>> ProjectSettings::activeModel() {
    return value(kActiveModel);
}

Status ProjectSettings::setActiveModel(const std::optional<std::string>& runName) {
    if (runName) {
        try {
            auto exists = m_project.database().prepare("SELECT 1 FROM runs WHERE name = ?1");
            exists.bind(1, *runName);
            if (!exists.step())
                return Error{ErrorCode::NotFound,
                             "no run named \"" + *runName + "\" to make the active model",
                             {m_project.path(), 0, 0}};
        } catch (const DatabaseError& e) {
            return Error{ErrorCode::Database, e.what(), {m_project.path(), 0, 0}};
        }
    }
    return setValue(kActiveModel, runName);
}

} // namespace bankbench::core
