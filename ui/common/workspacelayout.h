#pragma once

#include <QVariantMap>

class QSplitter;
class QTabWidget;

namespace bankbench::ui {

// A workspace's layout inside its saved-state map (AppSettings::trainState, playgroundState...): the
// splitter's sizes under "splitter", the current tab under "tab". GUI thread only.

void saveWorkspaceLayout(QVariantMap& state, const QSplitter& splitter, const QTabWidget& tabs);
/// Missing or out-of-range values leave the widget as it is.
void restoreWorkspaceLayout(const QVariantMap& state, QSplitter& splitter, QTabWidget& tabs);

} // namespace bankbench::ui
