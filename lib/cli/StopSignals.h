#pragma once

#include <QObject>

class QSocketNotifier;

namespace mirsad::cli {

// SIGTERM (systemd stopping a service) and SIGINT (Ctrl+C) as a Qt signal, so that a long-lived
// command ends its work cleanly in its event loop instead of dying mid-transaction. While an
// instance lives it owns both signals; the defaults come back when it goes.
class StopSignals : public QObject {
    Q_OBJECT
public:
    explicit StopSignals(QObject* parent = nullptr);
    ~StopSignals() override;

signals:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace mirsad::cli
