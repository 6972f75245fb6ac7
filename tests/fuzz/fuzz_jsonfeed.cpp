// JSON Feed: an error sentence, or items whose dates are UTC and whose links are valid.

#include "FeedChecks.h"
#include "feeds/JsonFeedReader.h"

using namespace mirsad;
using namespace mirsad::feeds;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray body = fuzz::bytesOf(data, size);
    Result<ParsedFeed> feed =
        detail::parseJsonFeed(body, QUrl(u"https://example.org/feed.json"_s), u"The feed"_s);
    if (!feed) {
        FUZZ_CHECK(!feed.error().isEmpty(), QString::fromUtf8(body));
        return 0;
    }
    fuzz::checkFeed(*feed, feed->items, true, QString::fromUtf8(body));
    return 0;
}
