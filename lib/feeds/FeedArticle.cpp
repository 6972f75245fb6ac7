#include "feeds/FeedArticle.h"

#include "content/HtmlSanitizer.h"

namespace mirsad::feeds {

Article toArticle(const FeedItem& item, const ParsedFeed& feed, bool allowRemoteImages) {
    Article article;
    article.guid = item.guid;
    article.link = item.link.toString(QUrl::FullyEncoded);
    article.title = item.title;
    article.author = item.author;
    article.source = feed.title;
    article.published = item.published.isValid() ? item.published : item.updated;
    const content::SanitizedHtml clean =
        content::sanitizeHtml(item.contentHtml, item.baseUrl, allowRemoteImages);
    article.html = clean.html;
    article.text = clean.text;
    article.remoteImages = clean.remoteImages;
    article.tags = item.tags;
    article.thumbnail = item.thumbnail.toString(QUrl::FullyEncoded);
    return article;
}

} // namespace mirsad::feeds
