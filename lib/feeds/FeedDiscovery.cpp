#include "feeds/FeedDiscovery.h"

#include "content/HtmlTokenizer.h"
#include "feeds/Encoding.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {

QList<DiscoveredFeed> discoverFeeds(const QByteArray& html, const QUrl& pageUrl,
                                    const QString& contentTypeHeader) {
    static const QStringList feedTypes = {u"application/rss+xml"_s, u"application/atom+xml"_s,
                                          u"application/feed+json"_s, u"application/json"_s,
                                          u"application/rdf+xml"_s};
    const QString text = decodeBody(html, contentTypeHeader).text;
    content::HtmlTokenizer tokenizer(text);
    QUrl base = pageUrl;
    bool sawBase = false;
    QList<DiscoveredFeed> found;
    for (auto token = tokenizer.next(); token.type != content::HtmlToken::Type::EndOfInput;
         token = tokenizer.next()) {
        if (token.type != content::HtmlToken::Type::StartTag)
            continue;
        if (token.name == u"base"_s && !sawBase && token.hasAttribute(u"href")) {
            // Only the first <base> counts, as in browsers.
            sawBase = true;
            base = pageUrl.resolved(QUrl(token.attribute(u"href").trimmed()));
        } else if (token.name == u"link"_s) {
            const QStringList rel = token.attribute(u"rel").toLower().split(u' ', Qt::SkipEmptyParts);
            const QString type = token.attribute(u"type").trimmed().toLower().section(u';', 0, 0);
            const QString href = token.attribute(u"href").trimmed();
            if (!rel.contains(u"alternate"_s) || !feedTypes.contains(type) || href.isEmpty())
                continue;
            const QUrl url = base.resolved(QUrl(href));
            if (!url.isValid() ||
                std::any_of(found.begin(), found.end(), [&](const auto& f) { return f.url == url; }))
                continue;
            found.append({url, token.attribute(u"title").simplified(), type});
        }
    }
    return found;
}

} // namespace mirsad::feeds
