#include "common/appinfo.h"

#include <QCoreApplication>

namespace bankbench::ui {

QString applicationVersion() {
    return QStringLiteral(BANKBENCH_VERSION);
}

void setApplicationIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("Bankbench"));
    QCoreApplication::setApplicationName(QStringLiteral("Bankbench"));
    QCoreApplication::setApplicationVersion(applicationVersion());
}

} // namespace bankbench::ui
