#pragma once

// What every fuzz target shares: the input as Qt types, the invariant check, and a reader of
// small numbers from the input's first bytes (to choose options and edits).

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace mirsad::fuzz {

// A broken invariant: says which and where, then aborts, which libFuzzer records as a crash
// (keeping the input) and which fails the replay test the same way.
[[noreturn]] inline void fail(const char* condition, const char* file, int line, const QString& detail) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n%s\n", file, line, condition,
                 detail.left(2000).toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(condition, detail)                                                                        \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::mirsad::fuzz::fail(#condition, __FILE__, __LINE__, (detail));                                  \
    } while (false)

// Where two strings first differ, with some context, for the report of a broken invariant.
inline QString firstDifference(const QString& a, const QString& b) {
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i])
        ++i;
    const qsizetype from = std::max<qsizetype>(0, i - 60);
    return QStringLiteral("at %1: «%2» vs «%3»")
        .arg(i)
        .arg(a.mid(from, i - from + 60), b.mid(from, i - from + 60));
}

inline QByteArray bytesOf(const uint8_t* data, size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// Takes options from the front of the input and hands out the rest.
class Input {
public:
    Input(const uint8_t* data, size_t size)
        : m_bytes(bytesOf(data, size)) {}

    // The next byte, or 0 when the input is used up.
    quint8 byte() {
        if (m_pos >= m_bytes.size())
            return 0;
        return static_cast<quint8>(m_bytes[m_pos++]);
    }
    quint16 number() {
        const quint16 low = byte(); // two statements: the order of the reads is defined
        return static_cast<quint16>(low | (byte() << 8));
    }
    bool flag() { return byte() & 1; }
    // Up to the next NUL (dropped), or the rest.
    QByteArray part() {
        const qsizetype end = m_bytes.indexOf('\0', m_pos);
        const qsizetype stop = end < 0 ? m_bytes.size() : end;
        QByteArray piece = m_bytes.mid(m_pos, stop - m_pos);
        m_pos = end < 0 ? m_bytes.size() : end + 1;
        return piece;
    }
    QByteArray rest() {
        QByteArray piece = m_bytes.mid(m_pos);
        m_pos = m_bytes.size();
        return piece;
    }

private:
    QByteArray m_bytes;
    qsizetype m_pos = 0;
};

// Some of Qt (SQL drivers) wants an application object; the targets run without a main of
// their own, so one is made on first use.
inline void ensureApplication() {
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

} // namespace mirsad::fuzz
