// parseFeed(), as a fetched body reaches it (any bytes, any Content-Type): an error sentence, or a
// feed whose dates are UTC and whose text holds nothing of the reader's own machinery; read
// whole or through a sink that stops early, it reads the same.

#include "FeedChecks.h"
#include "feeds/FeedParser.h"

using namespace mirsad;
using namespace mirsad::feeds;
using namespace Qt::StringLiterals;

namespace {

// Takes a few items, then asks to stop.
class StoppingSink final : public FeedItemSink {
public:
    explicit StoppingSink(int wanted)
        : m_wanted(wanted) {}
    bool take(FeedItem&& item, const ParsedFeed&) override {
        items.append(std::move(item));
        if (items.size() < m_wanted)
            return true;
        stop();
        return false;
    }
    void restart() override { items.clear(); }
    QList<FeedItem> items;

private:
    int m_wanted;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Input input(data, size);
    const quint8 options = input.byte();
    static const QString headers[] = {QString(),
                                      u"application/rss+xml"_s,
                                      u"text/xml; charset=windows-1256"_s,
                                      u"text/html; charset=utf-8"_s,
                                      u"application/feed+json"_s,
                                      u"text/xml; charset=ISO-8859-1"_s,
                                      u"application/atom+xml; charset=utf-16"_s,
                                      u"text/plain"_s};
    const QString header = headers[options & 7];
    const QByteArray body = input.rest();
    const QUrl feedUrl(u"https://example.org/feeds/main.xml"_s);
    const QString detail = header + u'\n' + QString::fromUtf8(body);
    const bool placeholder = QString::fromUtf8(body).contains(QChar(0xE000)) ||
                             QString::fromLatin1(body).contains(QChar(0xE000)) ||
                             body.contains("\xEE\x80\x81");

    CollectingSink sink;
    Result<ParsedFeed> feed = parseFeed(body, header, feedUrl, sink);
    if (!feed) {
        FUZZ_CHECK(!feed.error().isEmpty(), detail);
        return 0;
    }
    FUZZ_CHECK(feed->items.isEmpty(), detail);
    fuzz::checkFeed(*feed, sink.items, placeholder, detail);

    Result<ParsedFeed> whole = parseFeed(body, header, feedUrl);
    FUZZ_CHECK(whole.ok(), whole.error() + u'\n' + detail);
    fuzz::checkSameFeed(*feed, sink.items, *whole, whole->items, detail);

    if (sink.items.size() > 1) {
        StoppingSink stopping(1);
        Result<ParsedFeed> stopped = parseFeed(body, header, feedUrl, stopping);
        FUZZ_CHECK(!stopped.ok() || stopping.items.size() <= 1, detail);
    }
    return 0;
}
