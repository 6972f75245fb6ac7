#include "feeds/FeedParser.h"

#include "feeds/Encoding.h"
#include "feeds/JsonFeedReader.h"
#include "feeds/XmlFeedReader.h"

#include <QStringConverter>
#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {
namespace {

QString subjectFor(const QUrl& feedUrl) {
    if (feedUrl.isEmpty())
        return u"The feed"_s;
    return u"The feed at "_s + feedUrl.toDisplayString();
}

// The first significant characters, past a BOM, whitespace, the XML declaration and comments.
// When text is only the start of the document, nullopt if they may run past its end.
std::optional<QString> leadingMarkup(QStringView text, bool wholeDocument = true) {
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i].isSpace() || text[i] == QChar(0xFEFF)) {
            ++i;
        } else if (text.mid(i).startsWith(u"<?")) {
            const qsizetype end = text.indexOf(u"?>", i);
            i = end < 0 ? text.size() : end + 2;
        } else if (text.mid(i).startsWith(u"<!--")) {
            const qsizetype end = text.indexOf(u"-->", i);
            i = end < 0 ? text.size() : end + 3;
        } else {
            break;
        }
    }
    constexpr qsizetype leadLength = 64;
    if (!wholeDocument && i + leadLength > text.size())
        return std::nullopt;
    return text.mid(i, leadLength).toString().toLower();
}

// Why a document that starts with lead is no XML feed; empty when it may be one.
QString notAFeed(const QString& lead, const QString& contentTypeHeader) {
    if (lead.startsWith(u"<!doctype html"_s) || lead.startsWith(u"<html"_s) || lead.startsWith(u"<head"_s))
        return u" is an HTML page, not a feed."_s;
    if (!lead.startsWith(u'<')) {
        if (contentTypeHeader.contains(u"html"_s, Qt::CaseInsensitive))
            return u" is an HTML page, not a feed."_s;
        return u" is not a feed: it is neither XML nor JSON."_s;
    }
    return {};
}

// A body that is read as UTF-8 goes to the XML reader as it is: decoding it into a string first
// made the reader encode it back to UTF-8 and decode it once more, which cost more than reading
// it. Only a feed read without error is returned; anything else (invalid UTF-8, HTML, broken XML)
// is left to the decoded text, so that every error reads exactly as before.
std::optional<ParsedFeed> parseUtf8Feed(const QByteArray& utf8, const QString& contentTypeHeader,
                                        const QUrl& feedUrl, const QString& subject, FeedItemSink& sink) {
    if (utf8.startsWith("\xEF\xBB\xBF")) // a second BOM: decodeBody() has its own rules for it
        return std::nullopt;
    // The start of the document, cut before a character, is enough to judge what it is.
    qsizetype prefix = std::min<qsizetype>(utf8.size(), 4096);
    while (prefix < utf8.size() && prefix > 0 && (static_cast<uchar>(utf8[prefix]) & 0xC0) == 0x80)
        --prefix;
    const QString start = QString::fromUtf8(QByteArrayView(utf8).first(prefix));
    const std::optional<QString> lead = leadingMarkup(start, prefix == utf8.size());
    if (!lead || !notAFeed(*lead, contentTypeHeader).isEmpty())
        return std::nullopt;
    Result<ParsedFeed> parsed = detail::parseXmlFeed(utf8, feedUrl, subject, sink);
    if (!parsed)
        return std::nullopt;
    return std::move(*parsed);
}

bool startsLikeJson(const QByteArray& body) {
    for (char c : body) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{';
    }
    return false;
}

} // namespace

Result<ParsedFeed> parseFeed(const QByteArray& body, const QString& contentTypeHeader, const QUrl& feedUrl,
                             FeedItemSink& sink) {
    const QString subject = subjectFor(feedUrl);
    QByteArray bytes = body;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (QByteArrayView(bytes).trimmed().isEmpty()) // a view: trimming the body itself copied it
        return Error{subject + u" is empty."_s};
    if (startsLikeJson(bytes)) {
        Result<ParsedFeed> feed = detail::parseJsonFeed(bytes, feedUrl, subject);
        if (!feed)
            return feed;
        QList<FeedItem> items = std::exchange(feed->items, {});
        for (FeedItem& item : items) {
            if (!sink.take(std::move(item), *feed))
                return Error{subject + u": reading was stopped."_s};
        }
        return feed;
    }

    if (QStringConverter::encodingForName(detectEncoding(body, contentTypeHeader)) ==
        QStringConverter::Utf8) {
        if (std::optional<ParsedFeed> feed = parseUtf8Feed(bytes, contentTypeHeader, feedUrl, subject, sink))
            return std::move(*feed);
        if (sink.stopped())
            return Error{subject + u": reading was stopped."_s};
        sink.restart(); // read again below, so that every error reads as before
    }

    const DecodedText decoded = decodeBody(body, contentTypeHeader);
    if (const QString problem = notAFeed(*leadingMarkup(decoded.text), contentTypeHeader); !problem.isEmpty())
        return Error{subject + problem};
    auto parsed = detail::parseXmlFeed(decoded.text, feedUrl, subject, sink);
    // A server that says text/html and sends something that is not a feed sent a web page.
    if (!parsed && contentTypeHeader.contains(u"text/html"_s, Qt::CaseInsensitive) &&
        !parsed.error().contains(u"refuses to expand"_s))
        return Error{subject + u" is an HTML page, not a feed."_s};
    return parsed;
}

Result<ParsedFeed> parseFeed(const QByteArray& body, const QString& contentTypeHeader, const QUrl& feedUrl) {
    CollectingSink sink;
    Result<ParsedFeed> feed = parseFeed(body, contentTypeHeader, feedUrl, sink);
    if (feed)
        feed->items = std::move(sink.items);
    return feed;
}

} // namespace mirsad::feeds
