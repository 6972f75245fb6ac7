#pragma once

// Mounts of a test process's own. ReadOnlyFolder: a folder this test process cannot write, as a user meets
// one: an archive on a read-only mount (a snapshot, a share exported read-only, a write-protected stick).
//
// File permissions alone would not do: the tests may run as root (tools/env enters its Debian
// root as root), whom chmod does not stop. So, as root, the process moves into a mount namespace
// of its own before main() (the namespace is per thread and new threads inherit their creator's:
// done while there is one thread, it holds for every thread and child process) and bind-mounts
// the folder read-only there: the kernel then refuses every write with EROFS, to root too, and
// nothing outside this process sees the mount, which ends with it. Any other user cannot mount,
// but cannot write a folder 0555 and files 0444 either: that is the read-only condition then.
// When neither works, make() says why and the test fails; it never skips.

#include <QDir>
#include <QFile>
#include <QString>
#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mirsad::test {

namespace detail {

// Empty when this root process has a mount namespace of its own; otherwise why not.
inline const QString privateMounts = [] {
    if (geteuid() != 0)
        return QString();
    if (unshare(CLONE_NEWNS) != 0)
        return QStringLiteral("unshare(CLONE_NEWNS): %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    // Mounts made here must not propagate back to the namespace the process came from.
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return QStringLiteral("making / private: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    return QString();
}();

inline QString failure(const char* what, const QString& folder) {
    return QStringLiteral("Cannot make %1 read-only (%2: %3).")
        .arg(folder, QLatin1String(what), QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace detail

class ReadOnlyFolder {
public:
    ReadOnlyFolder() = default;
    ~ReadOnlyFolder() { restore(); }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

    // Makes `folder` (and the files in it) read-only for this process; an error sentence, or empty.
    QString make(const QString& folder) {
        restore();
        m_folder = folder;
        const QByteArray path = QFile::encodeName(folder);
        if (geteuid() == 0) {
            if (!detail::privateMounts.isEmpty())
                return QStringLiteral("Running as root, the test needs a mount namespace of its own to "
                                      "mount %1 read-only, and could not make one (%2).")
                    .arg(folder, detail::privateMounts);
            if (mount(path.constData(), path.constData(), nullptr, MS_BIND, nullptr) != 0)
                return detail::failure("bind mount", folder);
            m_mounted = true;
            if (mount(nullptr, path.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0)
                return detail::failure("read-only remount", folder);
            return {};
        }
        for (const QString& file : QDir(folder).entryList(QDir::Files | QDir::Hidden))
            if (::chmod(QFile::encodeName(QDir(folder).filePath(file)).constData(), 0444) != 0)
                return detail::failure("chmod 0444", folder);
        if (::chmod(path.constData(), 0555) != 0)
            return detail::failure("chmod 0555", folder);
        m_chmodded = true;
        return {};
    }

    // Writable again (so that QTemporaryDir can remove it).
    void restore() {
        const QByteArray path = QFile::encodeName(m_folder);
        if (m_mounted)
            umount2(path.constData(), MNT_DETACH);
        if (m_chmodded) {
            ::chmod(path.constData(), 0755);
            for (const QString& file : QDir(m_folder).entryList(QDir::Files | QDir::Hidden))
                ::chmod(QFile::encodeName(QDir(m_folder).filePath(file)).constData(), 0644);
        }
        m_mounted = m_chmodded = false;
    }

private:
    QString m_folder;
    bool m_mounted = false;
    bool m_chmodded = false;
};

// A small file system of its own (tmpfs) at `folder`, for a disk that fills up: only root can
// mount one, in the process's own mount namespace as above. An error sentence, or empty.
class SmallDisk {
public:
    SmallDisk() = default;
    ~SmallDisk() {
        if (!m_folder.isEmpty())
            umount2(QFile::encodeName(m_folder).constData(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    static bool canMount() { return geteuid() == 0; }

    QString mount(const QString& folder, qint64 bytes) {
        if (!detail::privateMounts.isEmpty())
            return QStringLiteral("Running as root, the test needs a mount namespace of its own to mount a "
                                  "small disk at %1, and could not make one (%2).")
                .arg(folder, detail::privateMounts);
        const QByteArray options = "size=" + QByteArray::number(bytes);
        if (::mount("mirsad-test", QFile::encodeName(folder).constData(), "tmpfs", 0, options.constData()) !=
            0)
            return detail::failure("tmpfs mount", folder);
        m_folder = folder;
        return {};
    }

private:
    QString m_folder;
};

} // namespace mirsad::test
