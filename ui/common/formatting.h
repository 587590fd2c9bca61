#pragma once

#include <QString>

namespace bankbench::ui {

/// "0:07", "12:34", "1:02:03" for a duration in seconds; "" for a negative (unknown) one.
QString formatDuration(double seconds);

/// Bytes as "512 B", "3.4 MB" in the current locale.
QString formatBytes(qint64 bytes);

} // namespace bankbench::ui
