// The XML feed reader three ways over one UTF-8 document: from bytes (where long text is lifted
// out before QXmlStreamReader sees it, feeds/LiftedText.h), from the decoded string, and from a
// device a few kilobytes at a time. The header promises the first two read alike; the third
// must agree whenever it reads the document at all.

#include "FeedChecks.h"
#include "feeds/FeedParser.h"
#include "feeds/XmlFeedReader.h"

#include <QBuffer>

using namespace mirsad;
using namespace mirsad::feeds;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray utf8 = fuzz::bytesOf(data, size);
    if (utf8.startsWith("\xEF\xBB\xBF") || !QByteArrayView(utf8).isValidUtf8())
        return 0; // the bytes reader's contract: UTF-8 without a BOM
    const QString xml = QString::fromUtf8(utf8);
    const QUrl feedUrl(u"https://example.org/feed.xml"_s);
    const QString subject = u"The feed"_s;
    const bool placeholder = fuzz::hasPlaceholder(xml);

    CollectingSink fromBytes;
    Result<ParsedFeed> bytesFeed = detail::parseXmlFeed(utf8, feedUrl, subject, fromBytes);
    CollectingSink fromString;
    Result<ParsedFeed> stringFeed = detail::parseXmlFeed(QStringView(xml), feedUrl, subject, fromString);
    FUZZ_CHECK(bytesFeed.ok() == stringFeed.ok(),
               (bytesFeed.ok() ? u"bytes read, string: "_s + stringFeed.error()
                               : u"string read, bytes: "_s + bytesFeed.error()) +
                   u'\n' + xml);
    // Their error sentences may differ ("empty or not XML" against the line and column of the
    // same fault): parseFeed() reads a document the bytes reader refuses again as a string, so
    // that the user sees the string reader's sentence (fuzz_feed).
    if (!bytesFeed)
        return 0;
    fuzz::checkFeed(*bytesFeed, fromBytes.items, placeholder, xml);
    fuzz::checkSameFeed(*bytesFeed, fromBytes.items, *stringFeed, fromString.items, xml);

    QBuffer buffer;
    buffer.setData(utf8);
    buffer.open(QIODevice::ReadOnly);
    CollectingSink fromDevice;
    bool undeclaredEntity = false;
    Result<ParsedFeed> deviceFeed =
        detail::parseXmlFeed(buffer, feedUrl, subject, fromDevice, undeclaredEntity);
    if (deviceFeed && xml.contains(u"encoding"_s) == false)
        fuzz::checkSameFeed(*bytesFeed, fromBytes.items, *deviceFeed, fromDevice.items, xml);
    return 0;
}
