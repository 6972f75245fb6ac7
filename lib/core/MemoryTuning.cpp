#include "core/MemoryTuning.h"

#include <QByteArray>
#include <cstdlib> // defines __GLIBC__ with glibc

#if defined(MIRSAD_JEMALLOC)
#include <jemalloc/jemalloc.h>
#elif defined(__GLIBC__)
#include <gnu/libc-version.h>
#include <malloc.h>
#endif

#if defined(MIRSAD_JEMALLOC)
// Read by jemalloc when the process starts (the executables export it, see lib/CMakeLists.txt).
// - One arena: every thread has its own cache in front of it, and a few workers need no more.
// - Blocks of 256 kB and more (feed bodies, item lists) come from an arena of their own that
//   returns them to the system when freed, as glibc's mmap threshold did.
// - Freed pages go back to the system after about a second, not ten, so that feed after feed
//   the freed memory of the last one is not still resident at the peak.
const char* malloc_conf = "narenas:1,oversize_threshold:262144,dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif

namespace mirsad {

void tuneAllocator() {
#if !defined(MIRSAD_JEMALLOC) && defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
#endif
}

void releaseFreedMemory() {
#if defined(MIRSAD_JEMALLOC)
    // Without waiting for the decay, so that the next feed starts from a lower peak.
    static const QByteArray purgeAll = "arena." + QByteArray::number(MALLCTL_ARENAS_ALL) + ".purge";
    mallctl(purgeAll.constData(), nullptr, nullptr, nullptr, 0);
#elif defined(__GLIBC__)
    malloc_trim(0);
#endif
}

QString allocatorDescription() {
#if defined(MIRSAD_JEMALLOC)
    const char* version = nullptr;
    size_t size = sizeof version;
    unsigned arenas = 0;
    size_t arenasSize = sizeof arenas;
    if (mallctl("version", &version, &size, nullptr, 0) != 0 ||
        mallctl("opt.narenas", &arenas, &arenasSize, nullptr, 0) != 0)
        return QStringLiteral("jemalloc");
    // "5.3.0-0-g54eaed1d...": the release is enough.
    const QString release = QString::fromLatin1(version).section(u'-', 0, 0);
    return arenas == 1 ? QStringLiteral("jemalloc %1, 1 arena").arg(release)
                       : QStringLiteral("jemalloc %1, %2 arenas").arg(release).arg(arenas);
#elif defined(__GLIBC__)
    return QStringLiteral("glibc %1 malloc").arg(QString::fromLatin1(gnu_get_libc_version()));
#else
    return QStringLiteral("the C library's malloc");
#endif
}

} // namespace mirsad
