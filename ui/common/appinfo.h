#pragma once

#include <QString>

namespace bankbench::ui {

/// "0.1.0", from the CMake project version.
QString applicationVersion();

/// Organization/application names (where QSettings stores things) and the version. Call once, right
/// after constructing the QApplication.
void setApplicationIdentity();

} // namespace bankbench::ui
