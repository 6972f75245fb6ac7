#include "storage/ChangeListener.h"

#include "storage/DatabaseThread.h"
#include "storage/Dialect.h"
#include "storage/Location.h"
#include "storage/Logging.h"

#include <QSqlDriver>
#include <QSqlError>

namespace mirsad::storage {

// Long enough to gather what one commit and the next few announce, short against the second a
// colleague's change may take to appear.
constexpr int kGatherMs = 20;

ChangeListener::ChangeListener(QObject* parent)
    : QObject(parent) {
    m_gather.setSingleShot(true);
    m_gather.setInterval(kGatherMs);
    connect(&m_gather, &QTimer::timeout, this, &ChangeListener::emitGathered);
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
            QSqlDriver* driver = db.driver();
            if (!driver->subscribeToNotification(QString::fromLatin1(kChannel)))
                return couldNot(QStringLiteral("listen for the team's changes"), driver->lastError().text());
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
                        receive(payload.toString());
                    });
            return {};
        })
        .then(this, [this](Status listening) {
            m_listening = listening.ok();
            if (!listening)
                qCWarning(lcStorage) << listening.error();
            return listening;
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
