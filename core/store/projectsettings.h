#pragma once

#include "store/project.h"
#include "util/result.h"

#include <optional>
#include <string>

namespace bankbench::core {

/// Project-wide settings kept in the project file's `meta` key/value table (so they travel with the
/// project, unlike the per-user GUI settings): for now the project's active model. Keys are namespaced
/// ("project.") so they never collide with the store's own entries such as schema_version.
///
/// Thread affinity: the wrapped Project's (one thread at a time; the caller keeps the Project alive).
/// Every write is its own statement; nothing throws (database failures come back as Database errors).
class ProjectSettings {
public:
    explicit ProjectSettings(Project& project) : m_project(project) {}

    /// The run whose model labeling suggestions and the chatbot use; nullopt when none is chosen. The
    /// name is stored as given: a deleted or renamed run is the caller's to clear or follow.
    Result<std::optional<std::string>> activeModel();
    /// Stores `runName` as the active model, or clears it when nullopt. NotFound when no run has the name.
    Status setActiveModel(const std::optional<std::string>& runName);

    /// A raw project setting ("project." is prepended to `key`); nullopt when unset.
    Result<std::optional<std::string>> value(const std::string& key);
    Status setValue(const std::string& key, const std::optional<std::string>& value);

private:
    Project& m_project;
};

} // namespace bankbench::core
