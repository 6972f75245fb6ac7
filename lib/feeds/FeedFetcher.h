#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace mirsad::feeds {

struct FetchOptions {
    int timeoutMs = 30'000;               // abandon when no byte arrives for this long
    int deadlineMs = 300'000;             // abandon when the whole fetch takes longer than this
    qint64 maxBytes = 50LL * 1024 * 1024; // abandon bodies larger than this (after decompression)
    int maxRedirects = 5;
    QString userAgent; // empty: defaultUserAgent()
};

// What to fetch; etag and lastModified are the validators stored from the previous fetch.
struct FetchRequest {
    QUrl url;
    QString etag;
    QString lastModified;
    qint64 feedId = 0; // the caller's id, handed back in the result
};

enum class FetchStatus { Ok, NotModified, Error };

struct FetchResult {
    FetchStatus status = FetchStatus::Error;
    qint64 feedId = 0;
    QUrl requestedUrl;
    QUrl finalUrl; // after redirects
    // The address to fetch next time: the last one reached through permanent redirects (301,
    // 308) alone, from the start; the first temporary one (302, 303, 307) stops it there.
    // requestedUrl when the first answer was no permanent redirect.
    QUrl permanentUrl;
    int httpStatus = 0; // 0 when no answer came
    QByteArray body;    // decompressed
    QString contentType;
    QString etag; // validators to store for the next fetch (the old ones on 304)
    QString lastModified;
    QString error; // one sentence naming the URL, when status is Error

    bool ok() const { return status == FetchStatus::Ok; }
    // The feed has moved for good: store permanentUrl instead of the address asked for.
    bool movedPermanently() const { return status != FetchStatus::Error && permanentUrl != requestedUrl; }
};

// Why a redirect from `from` to `to` is not followed (one sentence naming `requested`, the
// address first asked for), or an empty string when it is.
QString refusedRedirect(const QUrl& requested, const QUrl& from, const QUrl& to);

// "Mirsad/<version>"
QString defaultUserAgent();

// Fetches one feed over HTTP(S): conditional GET, bounded redirects (never from https to http;
// followed here, hop by hop, to tell permanent ones from temporary ones),
// gzip/deflate (QNetworkAccessManager asks for and decodes them), an inactivity timeout, an
// overall deadline and a size cap. Emits finished() exactly once per start(), never from inside
// start() itself.
class FeedFetcher : public QObject {
    Q_OBJECT
public:
    explicit FeedFetcher(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~FeedFetcher() override;

    void setOptions(const FetchOptions& options) { m_options = options; }
    const FetchOptions& options() const { return m_options; }

    void start(const FetchRequest& request);
    void abort(); // finishes with a "cancelled" error
    bool isRunning() const { return m_running; }
    const FetchResult& result() const { return m_result; }

signals:
    void progress(qint64 received, qint64 total); // total is -1 when unknown
    void finished(const mirsad::feeds::FetchResult& result);

private:
    void get(const QUrl& url);
    bool followRedirect(QNetworkReply* reply); // false: not a redirect
    void onReadyRead();
    void onMetaData();
    void onFinished();
    void fail(const QString& sentence);
    void finish();
    QString describeNetworkError() const;

    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    FetchOptions m_options;
    FetchRequest m_request;
    FetchResult m_result;
    QTimer m_deadline;
    QString m_abortReason;
    int m_redirects = 0;         // followed so far
    bool m_onlyPermanent = true; // every redirect so far was permanent
    bool m_running = false;
};

// Fetches one URL and waits for it in a local event loop; for the command line and tests.
FetchResult fetchBlocking(const FetchRequest& request, const FetchOptions& options = {});

} // namespace mirsad::feeds
