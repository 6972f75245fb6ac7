#include "feeds/FeedFetcher.h"

#include "feeds/Logging.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {

QString defaultUserAgent() {
    return u"Mirsad/"_s + QStringLiteral(MIRSAD_VERSION);
}

FeedFetcher::FeedFetcher(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(u"Fetching %1 took longer than %2 seconds and was abandoned."_s.arg(
            m_request.url.toDisplayString(), QString::number(m_options.deadlineMs / 1000)));
    });
}

FeedFetcher::~FeedFetcher() {
    if (QNetworkReply* reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void FeedFetcher::start(const FetchRequest& request) {
    if (m_running)
        abort();
    m_request = request;
    m_result = FetchResult{};
    m_result.feedId = request.feedId;
    m_result.requestedUrl = request.url;
    m_result.finalUrl = request.url;
    m_result.permanentUrl = request.url;
    m_result.etag = request.etag;
    m_result.lastModified = request.lastModified;
    m_abortReason.clear();
    m_redirects = 0;
    m_onlyPermanent = true;
    m_running = true;

    const QString scheme = request.url.scheme().toLower();
    if (!request.url.isValid() || (scheme != u"http"_s && scheme != u"https"_s)) {
        m_result.error = u"%1 is not an http or https address."_s.arg(request.url.toDisplayString());
        QMetaObject::invokeMethod(this, &FeedFetcher::finish, Qt::QueuedConnection);
        return;
    }
    qCDebug(lcFeeds) << "GET" << request.url.toDisplayString()
                     << (request.etag.isEmpty() && request.lastModified.isEmpty() ? "" : "(conditional)");
    get(request.url);
    m_deadline.start(m_options.deadlineMs);
}

void FeedFetcher::get(const QUrl& url) {
    QNetworkRequest networkRequest(url);
    // Redirects are followed in followRedirect(): Qt's own following hides each hop's status,
    // which tells a feed that moved for good (stored anew) from one that did not.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setTransferTimeout(m_options.timeoutMs);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader,
                             m_options.userAgent.isEmpty() ? defaultUserAgent() : m_options.userAgent);
    networkRequest.setRawHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                                          "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
    // No Accept-Encoding of our own: QNetworkAccessManager then asks for gzip/deflate and
    // decompresses transparently.
    if (!m_request.etag.isEmpty())
        networkRequest.setRawHeader("If-None-Match", m_request.etag.toLatin1());
    if (!m_request.lastModified.isEmpty())
        networkRequest.setRawHeader("If-Modified-Since", m_request.lastModified.toLatin1());

    m_reply = m_network->get(networkRequest);
    connect(m_reply, &QNetworkReply::readyRead, this, &FeedFetcher::onReadyRead);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &FeedFetcher::onMetaData);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &FeedFetcher::progress);
    connect(m_reply, &QNetworkReply::finished, this, &FeedFetcher::onFinished);
}

QString refusedRedirect(const QUrl& requested, const QUrl& from, const QUrl& to) {
    const QString url = requested.toDisplayString();
    const QString scheme = to.scheme().toLower();
    if (from.scheme().toLower() == u"https"_s && scheme == u"http"_s)
        return u"Fetching %1 failed: it redirected from https to plain http, which Mirsad does not follow."_s
            .arg(url);
    if (!to.isValid() || (scheme != u"http"_s && scheme != u"https"_s))
        return u"Fetching %1 failed: it redirected to %2, which is not an http or https address."_s.arg(
            url, to.toDisplayString());
    return {};
}

bool FeedFetcher::followRedirect(QNetworkReply* reply) {
    static constexpr int redirects[] = {301, 302, 303, 307, 308};
    const int status = m_result.httpStatus;
    const QVariant location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute);
    if (std::find(std::begin(redirects), std::end(redirects), status) == std::end(redirects) ||
        !location.isValid())
        return false;
    const QUrl from = reply->url();
    const QUrl to = from.resolved(location.toUrl());
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    m_result.body.clear(); // the redirect's own page
    if (++m_redirects > m_options.maxRedirects) {
        m_result.error = u"Fetching %1 failed: it redirected more than %2 times (perhaps in a loop)."_s.arg(
            m_request.url.toDisplayString(), QString::number(m_options.maxRedirects));
    } else if (const QString refused = refusedRedirect(m_request.url, from, to); !refused.isEmpty()) {
        m_result.error = refused;
    }
    if (!m_result.error.isEmpty()) {
        m_deadline.stop();
        finish();
        return true;
    }
    m_onlyPermanent = m_onlyPermanent && (status == 301 || status == 308);
    if (m_onlyPermanent)
        m_result.permanentUrl = to;
    qCDebug(lcFeeds) << status << from.toDisplayString() << "->" << to.toDisplayString();
    get(to);
    return true;
}

void FeedFetcher::abort() {
    if (!m_running)
        return;
    if (m_reply)
        fail(u"Fetching %1 was cancelled."_s.arg(m_request.url.toDisplayString()));
}

void FeedFetcher::onMetaData() {
    if (!m_reply)
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const bool plain = m_reply->rawHeader("Content-Encoding").isEmpty();
    // Growing the body by doubling would briefly need twice its size.
    if (length.isValid() && plain && length.toLongLong() > 0 && length.toLongLong() <= m_options.maxBytes)
        m_result.body.reserve(length.toLongLong());
    if (length.isValid() && length.toLongLong() > m_options.maxBytes && plain)
        fail(u"Fetching %1 was abandoned: the server announced %2 bytes, more than the limit of %3."_s.arg(
            m_request.url.toDisplayString(), QString::number(length.toLongLong()),
            QString::number(m_options.maxBytes)));
}

void FeedFetcher::onReadyRead() {
    if (!m_reply)
        return;
    m_result.body += m_reply->readAll();
    if (m_result.body.size() > m_options.maxBytes)
        fail(u"Fetching %1 was abandoned: the feed is larger than the limit of %2 bytes."_s.arg(
            m_request.url.toDisplayString(), QString::number(m_options.maxBytes)));
}

void FeedFetcher::fail(const QString& sentence) {
    QNetworkReply* reply = m_reply.data();
    if (!reply || !m_abortReason.isEmpty())
        return;
    m_abortReason = sentence;
    reply->abort(); // emits finished(), which reports m_abortReason
}

QString FeedFetcher::describeNetworkError() const {
    const QString url = m_request.url.toDisplayString();
    if (m_result.httpStatus >= 300) { // a redirect without an address counts too
        const QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return u"Fetching %1 failed: the server answered %2%3."_s.arg(
            url, QString::number(m_result.httpStatus),
            reason.isEmpty() ? QString() : u" ("_s + reason + u')');
    }
    switch (m_reply->error()) {
    case QNetworkReply::OperationCanceledError: // what the transfer timeout reports
    case QNetworkReply::TimeoutError:
        return u"Fetching %1 failed: nothing arrived for %2 seconds."_s.arg(
            url, QString::number(m_options.timeoutMs / 1000.0));
    case QNetworkReply::HostNotFoundError:
        return u"Fetching %1 failed: the host %2 was not found."_s.arg(url,
                                                                       m_reply->url().host()); // at this hop
    case QNetworkReply::ConnectionRefusedError:
        return u"Fetching %1 failed: the server refused the connection."_s.arg(url);
    default:
        return u"Fetching %1 failed: %2."_s.arg(url, m_reply->errorString());
    }
}

void FeedFetcher::onFinished() {
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_abortReason.isEmpty() && reply->error() == QNetworkReply::NoError && followRedirect(reply))
        return;
    m_deadline.stop();
    m_result.finalUrl = reply->url();
    m_result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (!m_abortReason.isEmpty()) {
        m_result.error = m_abortReason;
        m_result.body.clear();
    } else if (m_result.httpStatus == 304) {
        m_result.status = FetchStatus::NotModified;
        m_result.body.clear();
    } else if (reply->error() != QNetworkReply::NoError || m_result.httpStatus < 200 ||
               m_result.httpStatus > 299) {
        m_result.error = describeNetworkError();
        m_result.body.clear();
    } else {
        m_result.body += reply->readAll();
        if (m_result.body.size() > m_options.maxBytes) {
            m_result.error =
                u"Fetching %1 was abandoned: the feed is larger than the limit of %2 bytes."_s.arg(
                    m_request.url.toDisplayString(), QString::number(m_options.maxBytes));
            m_result.body.clear();
        } else {
            m_result.status = FetchStatus::Ok;
        }
    }
    if (m_result.status != FetchStatus::Error) {
        if (const QByteArray etag = reply->rawHeader("ETag"); !etag.isEmpty())
            m_result.etag = QString::fromLatin1(etag);
        if (const QByteArray modified = reply->rawHeader("Last-Modified"); !modified.isEmpty())
            m_result.lastModified = QString::fromLatin1(modified);
    }
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    finish();
}

void FeedFetcher::finish() {
    m_running = false;
    if (m_result.status == FetchStatus::Error)
        qCDebug(lcFeeds) << m_result.error;
    else
        qCDebug(lcFeeds) << m_result.httpStatus << m_result.finalUrl.toDisplayString() << m_result.body.size()
                         << "bytes" << m_result.contentType;
    emit finished(m_result);
}

FetchResult fetchBlocking(const FetchRequest& request, const FetchOptions& options) {
    QNetworkAccessManager network;
    FeedFetcher fetcher(&network);
    fetcher.setOptions(options);
    QEventLoop loop;
    QObject::connect(&fetcher, &FeedFetcher::finished, &loop, &QEventLoop::quit);
    fetcher.start(request);
    loop.exec();
    return fetcher.result();
}

} // namespace mirsad::feeds
