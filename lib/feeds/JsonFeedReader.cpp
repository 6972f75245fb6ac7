#include "feeds/JsonFeedReader.h"

#include "feeds/DateParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace mirsad::feeds::detail {
namespace {

QUrl resolve(const QJsonValue& value, const QUrl& base) {
    const QUrl url(value.toString().trimmed());
    if (!url.isValid() || url.isEmpty())
        return {};
    return url.isRelative() && base.isValid() ? base.resolved(url) : url;
}

QString textAsHtml(const QString& text) {
    QString html;
    for (const QString& paragraph : text.split(u"\n\n"_s, Qt::SkipEmptyParts))
        html += u"<p>"_s + paragraph.trimmed().toHtmlEscaped() + u"</p>"_s;
    return html;
}

// JSON Feed 1.1 has "authors", 1.0 a single "author".
QString authorOf(const QJsonObject& object) {
    const QJsonArray authors = object.value(u"authors").toArray();
    for (const QJsonValue& author : authors) {
        if (QString name = author.toObject().value(u"name").toString().simplified(); !name.isEmpty())
            return name;
    }
    return object.value(u"author").toObject().value(u"name").toString().simplified();
}

FeedItem readItem(const QJsonObject& object, const QUrl& feedUrl, const QString& feedAuthor) {
    FeedItem item;
    const QJsonValue id = object.value(u"id");
    item.guid = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    item.link = resolve(object.value(u"url"), feedUrl);
    if (item.link.isEmpty())
        item.link = resolve(object.value(u"external_url"), feedUrl);
    item.title = object.value(u"title").toString().simplified();
    item.author = authorOf(object);
    if (item.author.isEmpty())
        item.author = feedAuthor;
    item.published = parseDate(object.value(u"date_published").toString());
    item.updated = parseDate(object.value(u"date_modified").toString());
    item.summary = textAsHtml(object.value(u"summary").toString());
    item.contentHtml = object.value(u"content_html").toString().trimmed();
    if (item.contentHtml.isEmpty())
        item.contentHtml = textAsHtml(object.value(u"content_text").toString());
    if (item.contentHtml.isEmpty())
        item.contentHtml = item.summary;
    for (const QJsonValue& tag : object.value(u"tags").toArray()) {
        if (const QString t = tag.toString().simplified(); !t.isEmpty() && !item.tags.contains(t))
            item.tags.append(t);
    }
    item.thumbnail = resolve(object.value(u"image"), feedUrl);
    if (item.thumbnail.isEmpty())
        item.thumbnail = resolve(object.value(u"banner_image"), feedUrl);
    item.baseUrl = item.link.isValid() ? item.link : feedUrl;
    return item;
}

} // namespace

Result<ParsedFeed> parseJsonFeed(const QByteArray& body, const QUrl& feedUrl, const QString& subject) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{u"%1 is not valid JSON (at byte %2: %3)."_s.arg(subject)
                         .arg(error.offset)
                         .arg(error.errorString())};
    const QJsonObject root = document.object();
    const QString version = root.value(u"version").toString();
    if (!document.isObject() || !version.contains(u"jsonfeed.org"_s))
        return Error{subject +
                     u" is JSON but not a JSON Feed (it has no \"version\" naming jsonfeed.org)."_s};
    if (!root.value(u"items").isArray())
        return Error{subject + u" is a JSON Feed without an \"items\" list."_s};

    ParsedFeed feed;
    feed.formatName =
        version.endsWith(u"/1"_s) ? u"JSON Feed 1.0"_s : u"JSON Feed "_s + version.section(u"/version/"_s, 1);
    feed.title = root.value(u"title").toString().simplified();
    feed.siteLink = resolve(root.value(u"home_page_url"), feedUrl);
    feed.description = root.value(u"description").toString().simplified();
    feed.language = root.value(u"language").toString();
    const QString feedAuthor = authorOf(root);
    for (const QJsonValue& value : root.value(u"items").toArray()) {
        if (value.isObject())
            feed.items.append(readItem(value.toObject(), feedUrl, feedAuthor));
    }
    return feed;
}

} // namespace mirsad::feeds::detail
