#include "feeds/FeedParser.h"

#include "feeds/Encoding.h"
#include "feeds/JsonFeedReader.h"
#include "feeds/XmlFeedReader.h"

using namespace Qt::StringLiterals;

namespace mirsad::feeds {
namespace {

QString subjectFor(const QUrl& feedUrl) {
    if (feedUrl.isEmpty())
        return u"The feed"_s;
    return u"The feed at "_s + feedUrl.toDisplayString();
}

// The first significant characters, past a BOM, whitespace, the XML declaration and comments.
QString leadingMarkup(const QString& text) {
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i].isSpace() || text[i] == QChar(0xFEFF)) {
            ++i;
        } else if (QStringView(text).mid(i).startsWith(u"<?")) {
            const qsizetype end = text.indexOf(u"?>"_s, i);
            i = end < 0 ? text.size() : end + 2;
        } else if (QStringView(text).mid(i).startsWith(u"<!--")) {
            const qsizetype end = text.indexOf(u"-->"_s, i);
            i = end < 0 ? text.size() : end + 3;
        } else {
            break;
        }
    }
    return text.mid(i, 64).toLower();
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

Result<ParsedFeed> parseFeed(const QByteArray& body, const QString& contentTypeHeader, const QUrl& feedUrl) {
    const QString subject = subjectFor(feedUrl);
    QByteArray bytes = body;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.trimmed().isEmpty())
        return Error{subject + u" is empty."_s};
    if (startsLikeJson(bytes))
        return detail::parseJsonFeed(bytes, feedUrl, subject);

    const DecodedText decoded = decodeBody(body, contentTypeHeader);
    const QString lead = leadingMarkup(decoded.text);
    if (lead.startsWith(u"<!doctype html"_s) || lead.startsWith(u"<html"_s) || lead.startsWith(u"<head"_s))
        return Error{subject + u" is an HTML page, not a feed."_s};
    if (!lead.startsWith(u'<')) {
        if (contentTypeHeader.contains(u"html"_s, Qt::CaseInsensitive))
            return Error{subject + u" is an HTML page, not a feed."_s};
        return Error{subject + u" is not a feed: it is neither XML nor JSON."_s};
    }
    auto parsed = detail::parseXmlFeed(decoded.text, feedUrl, subject);
    // A server that says text/html and sends something that is not a feed sent a web page.
    if (!parsed && contentTypeHeader.contains(u"text/html"_s, Qt::CaseInsensitive) &&
        !parsed.error().contains(u"refuses to expand"_s))
        return Error{subject + u" is an HTML page, not a feed."_s};
    return parsed;
}

} // namespace mirsad::feeds
