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
    QUrl finalUrl;      // after redirects
    int httpStatus = 0; // 0 when no answer came
    QByteArray body;    // decompressed
    QString contentType;
    QString etag; // validators to store for the next fetch (the old ones on 304)
    QString lastModified;
    QString error; // one sentence naming the URL, when status is Error

    bool ok() const { return status == FetchStatus::Ok; }
};

// "Mirsad/<version>"
QString defaultUserAgent();

// Fetches one feed over HTTP(S): conditional GET, bounded redirects (never from https to http),
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
    bool m_running = false;
};

// Fetches one URL and waits for it in a local event loop; for the command line and tests.
FetchResult fetchBlocking(const FetchRequest& request, const FetchOptions& options = {});

} // namespace mirsad::feeds
