#include "mirsad/BenchTiming.h"

#include "reader/ReaderView.h"
#include "window/MainWindow.h"

#include <QAction>
#include <QEvent>
#include <QTimer>
#include <cstdio>
#include <time.h>

namespace {

long long monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// Reports the reader's next paint, once it is done.
class FirstPaint : public QObject {
public:
    FirstPaint(MainWindow& window, int quitAfterMs)
        : QObject(&window)
        , m_window(window)
        , m_quitAfterMs(quitAfterMs) {}

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            watched->removeEventFilter(this);
            // Queued: runs once the paint event was handled and the window flushed.
            QTimer::singleShot(0, this, &FirstPaint::painted);
        }
        return false;
    }

private:
    void painted() {
        fprintf(stderr, "mirsad-timing painted %lld\n", monotonicNs());
        fflush(stderr);
        if (m_quitAfterMs < 0)
            return;
        QTimer::singleShot(m_quitAfterMs, this, [this] {
            fprintf(stderr, "mirsad-timing quit %lld\n", monotonicNs());
            fflush(stderr);
            if (auto* quit = m_window.findChild<QAction*>(QStringLiteral("actionQuit")))
                quit->trigger();
            else
                m_window.close();
        });
    }

    MainWindow& m_window;
    int m_quitAfterMs;
    bool m_seen = false;
};

} // namespace

void installBenchTiming(MainWindow& window) {
    const QByteArray setting = qgetenv("MIRSAD_BENCH_TIMING");
    if (setting.isEmpty())
        return;
    const int quitAfterMs = setting.startsWith("quit:") ? setting.mid(5).toInt() : -1;
    QObject::connect(
        &window, &MainWindow::articleShown, &window,
        [&window, quitAfterMs] {
            window.reader()->viewport()->installEventFilter(new FirstPaint(window, quitAfterMs));
        },
        Qt::SingleShotConnection);
}
