#include "storage/ChangeListener.h"

#include "storage/DatabaseThread.h"
#include "storage/Dialect.h"
#include "storage/Location.h"
#include "storage/Logging.h"
#include "storage/Reconnect.h"

#include <QSqlDriver>
#include <QSqlError>

namespace mirsad::storage {

// Long enough to gather what one commit and the next few announce, short against the second a
// colleague's change may take to appear.
constexpr int kGatherMs = 20;
// How often the listener looks whether its connection is still there: a look at libpq's state,
// which QPSQL updates as it reads the socket (a server going away closes it), no round trip.
constexpr int kHealthMs = 1000;
// The pauses between attempts to connect again: from the first, doubled up to the last.
constexpr int kFirstRetryMs = 250;
constexpr int kLastRetryMs = 30'000;

// On the listener's thread: listens on `db` (again, after a reconnect).
static Status subscribe(QSqlDatabase& db) {
    QSqlDriver* driver = db.driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(ChangeListener::kChannel)))
        return couldNot(QStringLiteral("listen for the team's changes"), driver->lastError().text());
    return {};
}

ChangeListener::ChangeListener(QObject* parent)
    : QObject(parent) {
    m_gather.setSingleShot(true);
    m_gather.setInterval(kGatherMs);
    connect(&m_gather, &QTimer::timeout, this, &ChangeListener::emitGathered);
    m_health.setInterval(kHealthMs);
    connect(&m_health, &QTimer::timeout, this, &ChangeListener::checkConnection);
    m_retry.setSingleShot(true);
    m_retry.setInterval(kFirstRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &ChangeListener::tryAgain);
}

ChangeListener::~ChangeListener() {
    m_thread.reset(); // closes the connection on its thread while this can still be told
}

QFuture<Status> ChangeListener::start(const QString& location) {
    if (m_thread || !isPostgresUri(location))
        return QtFuture::makeReadyValueFuture(Status{});
    m_thread = std::make_unique<DatabaseThread>(location, QStringLiteral("listener"));
    // The thread runs its work in order: the subscription finds the connection opened.
    QFuture<Status> opened = m_thread->open(false);
    return m_thread
        ->run([this, opened](QSqlDatabase& db) -> Status {
            if (Status s = opened.result(); !s)
                return s;
            // On the listener's thread: QPSQL watches the connection's socket in its event loop.
            // The driver stays the same object when the connection is made again.
            if (Status s = subscribe(db); !s)
                return s;
            connect(db.driver(), &QSqlDriver::notification, this,
                    [this](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
                        receive(payload.toString());
                    });
            return {};
        })
        .then(this, [this](Status listening) {
            m_listening = listening.ok();
            if (listening)
                m_health.start();
            else
                qCWarning(lcStorage) << listening.error();
            return listening;
        });
}

void ChangeListener::checkConnection() {
    if (m_checking)
        return; // the thread is busy: the last look has not come back
    m_checking = true;
    m_thread->run([](QSqlDatabase& db) { return connectionLost(db); }).then(this, [this](bool gone) {
        m_checking = false;
        if (gone && m_listening)
            lost();
    });
}

void ChangeListener::lost() {
    qCWarning(lcStorage) << "The live updates lost their connection to the server; connecting again.";
    m_listening = false;
    m_health.stop();
    m_retry.setInterval(kFirstRetryMs);
    m_retry.start();
    emit disconnected();
}

void ChangeListener::tryAgain() {
    m_thread
        ->run([](QSqlDatabase& db) -> Status {
            if (Status s = reconnect(db); !s)
                return s;
            return subscribe(db);
        })
        .then(this, [this](const Status& listening) {
            if (!listening) {
                qCDebug(lcStorage) << "still no connection for the live updates:" << listening.error();
                m_retry.setInterval(qMin(m_retry.interval() * 2, kLastRetryMs));
                m_retry.start();
                return;
            }
            m_listening = true;
            ++m_reconnections;
            m_health.start();
            // What colleagues changed meanwhile was announced to nobody: everything is read again.
            m_names = m_feeds = m_articles = m_allAnnotations = true;
            m_gather.stop();
            emitGathered();
            emit reconnected();
        });
}

void ChangeListener::receive(const QString& payload) {
    ++m_received;
    emit announced(payload);
    const qsizetype colon = payload.indexOf(u':');
    const QStringView kind = QStringView(payload).left(colon < 0 ? payload.size() : colon);
    if (kind == u"annotations") {
        if (colon < 0) {
            m_allAnnotations = true;
        } else {
            for (QStringView id : QStringView(payload).mid(colon + 1).split(u',')) {
                bool ok = false;
                const qint64 articleId = id.toLongLong(&ok);
                if (ok)
                    m_annotated.insert(articleId);
            }
        }
    } else if (kind == u"articles") {
        m_articles = true;
    } else if (kind == u"feeds") {
        m_feeds = true;
    } else if (kind == u"names") {
        m_names = true;
    } else {
        return; // a newer version's announcement
    }
    if (!m_gather.isActive())
        m_gather.start();
}

void ChangeListener::emitGathered() {
    if (std::exchange(m_names, false))
        emit namesChanged();
    if (std::exchange(m_feeds, false))
        emit feedsChanged();
    if (std::exchange(m_articles, false))
        emit articlesChanged();
    const bool all = std::exchange(m_allAnnotations, false);
    QSet<qint64> annotated = std::exchange(m_annotated, {});
    if (all || !annotated.isEmpty())
        emit annotationsChanged(annotated, all);
}

} // namespace mirsad::storage
