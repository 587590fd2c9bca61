#include "common/workspacelayout.h"

#include <QSplitter>
#include <QTabWidget>

namespace bankbench::ui {

void saveWorkspaceLayout(QVariantMap& state, const QSplitter& splitter, const QTabWidget& tabs) {
    state.insert(QStringLiteral("splitter"), splitter.saveState());
    state.insert(QStringLiteral("tab"), tabs.currentIndex());
}

void restoreWorkspaceLayout(const QVariantMap& state, QSplitter& splitter, QTabWidget& tabs) {
    const QByteArray sizes = state.value(QStringLiteral("splitter")).toByteArray();
    if (!sizes.isEmpty())
        splitter.restoreState(sizes);
    const int tab = state.value(QStringLiteral("tab"), 0).toInt();
    if (tab >= 0 && tab < tabs.count())
        tabs.setCurrentIndex(tab);
}

} // namespace bankbench::ui
