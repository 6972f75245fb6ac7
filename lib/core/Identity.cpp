#include "core/Identity.h"

#include <QCoreApplication>

namespace mirsad {

void setApplicationIdentity() {
    QCoreApplication::setApplicationName(QStringLiteral("Mirsad"));
    QCoreApplication::setOrganizationName(QStringLiteral("Mirsad"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mirsad.app"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MIRSAD_VERSION));
}

} // namespace mirsad
