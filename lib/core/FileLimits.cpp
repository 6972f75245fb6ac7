#include "core/FileLimits.h"

#include <QtGlobal>
#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace mirsad {

void failWritesPastTheFileSizeLimit() {
#ifdef Q_OS_UNIX
    std::signal(SIGXFSZ, SIG_IGN);
#endif
}

} // namespace mirsad
