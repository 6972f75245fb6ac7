#pragma once

// What the feed targets check of a parsed feed, and how they compare two readings of one.

#include "FuzzCheck.h"
#include "feeds/FeedItem.h"

namespace mirsad::fuzz {

// Lifting (feeds/LiftedText.h) puts U+E000 index U+E001 in the document: none may be left in
// what is read unless the input had them itself.
inline bool hasPlaceholder(const QString& text) {
    return text.contains(QChar(0xE000)) || text.contains(QChar(0xE001));
}

inline void checkDate(const QDateTime& date, const QString& detail) {
    FUZZ_CHECK(!date.isValid() || date.timeSpec() == Qt::UTC, detail);
}

inline void checkFeed(const feeds::ParsedFeed& feed, const QList<feeds::FeedItem>& items,
                      bool inputHasPlaceholder, const QString& detail) {
    FUZZ_CHECK(!feed.formatName.isEmpty(), detail);
    for (const feeds::FeedItem& item : items) {
        checkDate(item.published, detail);
        checkDate(item.updated, detail);
        FUZZ_CHECK(item.link.isEmpty() || item.link.isValid(), item.link.toString() + u'\n' + detail);
        if (!inputHasPlaceholder) {
            for (const QString* text :
                 {&item.guid, &item.title, &item.author, &item.contentHtml, &item.summary})
                FUZZ_CHECK(!hasPlaceholder(*text), *text + u'\n' + detail);
            for (const QString& tag : item.tags)
                FUZZ_CHECK(!hasPlaceholder(tag), tag + u'\n' + detail);
        }
    }
    if (!inputHasPlaceholder)
        FUZZ_CHECK(!hasPlaceholder(feed.title) && !hasPlaceholder(feed.description), detail);
}

inline bool sameItem(const feeds::FeedItem& a, const feeds::FeedItem& b) {
    return a.guid == b.guid && a.link == b.link && a.title == b.title && a.author == b.author &&
           a.published == b.published && a.updated == b.updated && a.contentHtml == b.contentHtml &&
           a.summary == b.summary && a.tags == b.tags && a.thumbnail == b.thumbnail && a.baseUrl == b.baseUrl;
}

// Which field of two items differs first, for the report.
inline QString itemDifference(const feeds::FeedItem& a, const feeds::FeedItem& b) {
    using namespace Qt::StringLiterals;
    auto pair = [](const QString& name, const QString& x, const QString& y) {
        return name + u": «"_s + x + u"» vs «"_s + y + u"»"_s;
    };
    if (a.guid != b.guid)
        return pair(u"guid"_s, a.guid, b.guid);
    if (a.link != b.link)
        return pair(u"link"_s, a.link.toString(), b.link.toString());
    if (a.title != b.title)
        return pair(u"title"_s, a.title, b.title);
    if (a.author != b.author)
        return pair(u"author"_s, a.author, b.author);
    if (a.contentHtml != b.contentHtml)
        return pair(u"content"_s, a.contentHtml, b.contentHtml);
    if (a.summary != b.summary)
        return pair(u"summary"_s, a.summary, b.summary);
    if (a.tags != b.tags)
        return pair(u"tags"_s, a.tags.join(u'|'), b.tags.join(u'|'));
    return u"dates, thumbnail or base"_s;
}

inline void checkSameFeed(const feeds::ParsedFeed& a, const QList<feeds::FeedItem>& aItems,
                          const feeds::ParsedFeed& b, const QList<feeds::FeedItem>& bItems,
                          const QString& detail) {
    using namespace Qt::StringLiterals;
    FUZZ_CHECK(a.formatName == b.formatName && a.title == b.title && a.siteLink == b.siteLink &&
                   a.description == b.description && a.language == b.language,
               a.title + u" vs "_s + b.title + u'\n' + detail);
    FUZZ_CHECK(aItems.size() == bItems.size(),
               QString::number(aItems.size()) + u" vs "_s + QString::number(bItems.size()) + u'\n' + detail);
    for (qsizetype i = 0; i < aItems.size(); ++i)
        FUZZ_CHECK(sameItem(aItems[i], bItems[i]), itemDifference(aItems[i], bItems[i]) + u'\n' + detail);
}

} // namespace mirsad::fuzz
