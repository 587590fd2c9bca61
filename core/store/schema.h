#pragma once

#include "store/database.h"

#include <string>
#include <vector>

namespace bankbench::core {

/// `PRAGMA application_id` of every .bbproj ("BBPJ"), so a foreign SQLite file is told apart.
inline constexpr int kProjectApplicationId = 0x4242504A;

/// Latest schema version this build writes.
int latestSchemaVersion();

/// Schema version recorded in the `meta` table; 0 for an empty database.
int readSchemaVersion(Database& db);

/// Applies each migration step after the current version, each in its own transaction.
/// Throws DatabaseError; a failed step leaves the file at the previous version.
void migrate(Database& db);

/// Applies steps up to and including `version` only: used by migration tests to build old files.
void migrateTo(Database& db, int version);

} // namespace bankbench::core
