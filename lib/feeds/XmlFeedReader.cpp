#include "feeds/XmlFeedReader.h"

#include "content/HtmlSanitizer.h"
#include "feeds/DateParser.h"
#include "feeds/Encoding.h"
#include "feeds/FeedParser.h"
#include "feeds/LiftedText.h"
#include "feeds/XmlSafety.h"

#include <QBuffer>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace mirsad::feeds::detail {
namespace {

namespace ns {
constexpr auto atom = u"http://www.w3.org/2005/Atom";
constexpr auto atom03 = u"http://purl.org/atom/ns#";
constexpr auto rdf = u"http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr auto rss1 = u"http://purl.org/rss/1.0/";
constexpr auto rss090 = u"http://my.netscape.com/rdf/simple/0.9/";
constexpr auto userland = u"http://backend.userland.com/rss2";
constexpr auto content = u"http://purl.org/rss/1.0/modules/content/";
constexpr auto dc = u"http://purl.org/dc/elements/1.1/";
constexpr auto dcterms = u"http://purl.org/dc/terms/";
constexpr auto media = u"http://search.yahoo.com/mrss/";
constexpr auto xml = u"http://www.w3.org/XML/1998/namespace";
} // namespace ns

QUrl resolve(const QString& href, const QUrl& base) {
    const QString trimmed = href.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed);
    if (!url.isValid())
        return {};
    return url.isRelative() && base.isValid() ? base.resolved(url) : url;
}

// Titles are plain text, but feeds put markup and double-escaped entities in them.
QString plainText(const QString& text) {
    if (text.contains(u'<') || text.contains(u'&'))
        return content::sanitizeHtml(text).text.simplified();
    return text.simplified();
}

// "editor@example.com (Jane Doe)" -> "Jane Doe"
QString authorName(const QString& raw) {
    const QString s = raw.simplified();
    const qsizetype open = s.indexOf(u'(');
    if (open > 0 && s.endsWith(u')') && s.left(open).contains(u'@'))
        return s.mid(open + 1, s.size() - open - 2).trimmed();
    return s;
}

bool isImage(const QString& medium, const QString& type) {
    return medium == u"image"_s || type.startsWith(u"image/"_s);
}

// True when the XML declaration names UTF-8 or no encoding: the reader, left to itself, then
// reads the bytes as the caller decided to (as UTF-8).
bool declaresUtf8(const QByteArray& utf8) {
    const QString declared = xmlDeclaredEncoding(utf8).toLower();
    return declared.isEmpty() || declared == u"utf-8"_s || declared == u"utf8"_s;
}

class XmlFeedReader {
public:
    XmlFeedReader(QStringView xml, const QUrl& feedUrl, FeedItemSink& sink)
        : m_reader(xml)
        , m_feedUrl(feedUrl)
        , m_sink(sink) {}

    // Reads the device as it goes, a few kilobytes at a time.
    XmlFeedReader(QIODevice& device, const QUrl& feedUrl, FeedItemSink& sink)
        : m_feedUrl(feedUrl)
        , m_sink(sink) {
        m_reader.setDevice(&device);
    }

    // utf8 may have had its long text lifted out (see LiftedText), which `lifted` then restores.
    XmlFeedReader(const QByteArray& utf8, const QUrl& feedUrl, FeedItemSink& sink, LiftedText lifted = {})
        : m_feedUrl(feedUrl)
        , m_sink(sink)
        , m_lifted(std::move(lifted)) {
        if (declaresUtf8(utf8)) {
            // Through a device the reader decodes a few kilobytes at a time. Given all the bytes
            // at once, it decodes the whole document into one string before the first token:
            // twice an English feed's size, for as long as the feed is read.
            m_body.setData(utf8);
            m_body.open(QIODevice::ReadOnly);
            m_reader.setDevice(&m_body);
            return;
        }
        // Adding string data sets the reader to UTF-8 and makes it ignore the other encoding the
        // XML declaration names, as for the string constructor above.
        m_reader.addData(QStringView());
        m_reader.addData(utf8);
    }

    // Empty on success; else the phrase that follows the subject in the error sentence.
    QString read() {
        while (!m_reader.atEnd()) {
            const auto token = m_reader.readNext();
            if (token == QXmlStreamReader::DTD) {
                if (QString problem = doctypeProblem(m_reader); !problem.isEmpty())
                    return problem;
            } else if (token == QXmlStreamReader::StartElement) {
                if (QString problem = readRoot(); !problem.isEmpty())
                    return problem;
                break;
            }
        }
        if (m_reader.hasError())
            return m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError && !m_sawRoot
                       ? u"is empty or not XML"_s
                       : xmlErrorPhrase(m_reader);
        return {};
    }

    bool failedOnUndeclaredEntity() const { return isUndeclaredEntityError(m_reader); }
    ParsedFeed& feed() { return m_feed; }

private:
    QString readRoot() {
        m_sawRoot = true;
        const QStringView name = m_reader.name();
        const QStringView nsUri = m_reader.namespaceUri();
        if (name == u"rss") {
            const QString version = m_reader.attributes().value(u"version").toString();
            m_feed.formatName = u"RSS "_s + (version.isEmpty() ? u"2.0"_s : version);
            readRss();
        } else if (name == u"RDF" && nsUri == ns::rdf) {
            m_feed.formatName = u"RSS 1.0"_s;
            readRdf();
        } else if (name == u"feed" && (nsUri == ns::atom || nsUri == ns::atom03)) {
            m_feed.formatName = nsUri == ns::atom ? u"Atom 1.0"_s : u"Atom 0.3"_s;
            readAtomFeed();
        } else if (name.compare(u"html", Qt::CaseInsensitive) == 0) {
            return u"is an HTML page, not a feed"_s;
        } else {
            return u"is not a feed: its root element is <%1>, not <rss>, <rdf:RDF> or <feed>"_s.arg(name);
        }
        // Whatever follows the root must still be well-formed.
        while (!m_reader.atEnd())
            m_reader.readNext();
        return {};
    }

    bool isCore() const {
        const QStringView n = m_reader.namespaceUri();
        return n.isEmpty() || n == ns::rss1 || n == ns::rss090 || n == ns::userland;
    }
    bool is(QStringView nsUri, QStringView name) const {
        return m_reader.namespaceUri() == nsUri && m_reader.name() == name;
    }
    bool isCore(QStringView name) const { return isCore() && m_reader.name() == name; }
    QString text() { return restored(readAllText(m_reader)); }
    // Lifted text put back; what cannot be fails the reading, to be done again without lifting.
    QString restored(const QString& text) {
        std::optional<QString> full = m_lifted.restore(text);
        if (!full)
            m_reader.raiseError(u"Lifted text does not read as XML."_s);
        return full.value_or(QString());
    }
    QString attr(QStringView name) const { return m_reader.attributes().value(name).toString(); }

    // ---- RSS 0.9x / 2.0 and RDF ---------------------------------------------------------

    void readRss() {
        while (m_reader.readNextStartElement()) {
            if (isCore(u"channel"))
                readChannel();
            else if (isCore(u"item")) // RSS 0.9x sometimes puts items beside the channel
                readRssItem();
            else
                m_reader.skipCurrentElement();
        }
    }

    void readRdf() {
        while (m_reader.readNextStartElement()) {
            if (m_reader.namespaceUri() == ns::rss090)
                m_feed.formatName = u"RSS 0.90"_s;
            if (isCore(u"channel"))
                readChannel();
            else if (isCore(u"item"))
                readRssItem();
            else
                m_reader.skipCurrentElement();
        }
    }

    void readChannel() {
        while (m_reader.readNextStartElement()) {
            if (isCore(u"title"))
                m_feed.title = plainText(text());
            else if (isCore(u"link"))
                m_feed.siteLink = resolve(text(), m_feedUrl);
            else if (isCore(u"description"))
                m_feed.description = plainText(text());
            else if (isCore(u"language") || is(ns::dc, u"language"))
                m_feed.language = text().trimmed();
            else if (isCore(u"item"))
                readRssItem();
            else
                m_reader.skipCurrentElement();
        }
    }

    void readRssItem() {
        FeedItem item;
        item.guid = m_reader.attributes().value(ns::rdf, u"about").toString(); // RSS 1.0 items
        m_thumbnailFromMediaThumbnail = false;
        QString guidIsPermaLink;
        QUrl guidUrl;
        while (m_reader.readNextStartElement()) {
            const QStringView nsUri = m_reader.namespaceUri();
            const QStringView name = m_reader.name();
            if (isCore(u"title")) {
                item.title = plainText(text());
            } else if (isCore(u"link")) {
                item.link = resolve(text(), m_feedUrl);
            } else if (isCore(u"description")) {
                item.summary = text().trimmed();
            } else if (is(ns::content, u"encoded")) {
                item.contentHtml = text().trimmed();
            } else if (isCore(u"guid")) {
                guidIsPermaLink = attr(u"isPermaLink");
                item.guid = text().trimmed();
                guidUrl = resolve(item.guid, m_feedUrl);
            } else if (isCore(u"pubDate") || (nsUri == ns::dc && name == u"date") ||
                       (nsUri == ns::dcterms && name == u"issued")) {
                if (const QDateTime date = parseDate(text()); !item.published.isValid())
                    item.published = date;
            } else if ((nsUri == ns::dcterms && name == u"modified") ||
                       (nsUri == ns::atom && name == u"updated")) {
                item.updated = parseDate(text());
            } else if (isCore(u"author") || is(ns::dc, u"creator")) {
                if (const QString author = authorName(text()); item.author.isEmpty())
                    item.author = author;
            } else if (isCore(u"category") || is(ns::dc, u"subject")) {
                addTag(item, text());
            } else if (isCore(u"enclosure")) {
                if (isImage({}, attr(u"type")) && item.thumbnail.isEmpty())
                    item.thumbnail = resolve(attr(u"url"), m_feedUrl);
                m_reader.skipCurrentElement();
            } else if (nsUri == ns::media) {
                readMedia(item);
            } else {
                m_reader.skipCurrentElement();
            }
        }
        // A guid is a permalink unless it says otherwise (RSS 2.0).
        if (item.link.isEmpty() && guidIsPermaLink != u"false"_s && guidUrl.scheme().startsWith(u"http"_s))
            item.link = guidUrl;
        if (item.contentHtml.isEmpty())
            item.contentHtml = item.summary;
        item.baseUrl = item.link.isValid() ? item.link : m_feedUrl;
        hand(std::move(item));
    }

    // The item goes to the sink; when it wants no more, the reader stops as on an error.
    void hand(FeedItem&& item) {
        if (!m_sink.take(std::move(item), m_feed))
            m_reader.raiseError(u"Reading was stopped."_s);
    }

    // media:thumbnail, media:content (image) and media:group; the first image wins.
    void readMedia(FeedItem& item) {
        const QStringView name = m_reader.name();
        if (name == u"thumbnail") {
            const QUrl url = resolve(attr(u"url"), m_feedUrl);
            if (url.isValid() && (item.thumbnail.isEmpty() || !m_thumbnailFromMediaThumbnail)) {
                item.thumbnail = url;
                m_thumbnailFromMediaThumbnail = true;
            }
            m_reader.skipCurrentElement();
        } else if (name == u"content" || name == u"group") {
            if (name == u"content" && isImage(attr(u"medium"), attr(u"type")) && item.thumbnail.isEmpty())
                item.thumbnail = resolve(attr(u"url"), m_feedUrl);
            while (m_reader.readNextStartElement()) {
                if (m_reader.namespaceUri() == ns::media)
                    readMedia(item);
                else
                    m_reader.skipCurrentElement();
            }
        } else {
            m_reader.skipCurrentElement();
        }
    }

    static void addTag(FeedItem& item, const QString& raw) {
        const QString tag = plainText(raw);
        if (!tag.isEmpty() && !item.tags.contains(tag))
            item.tags.append(tag);
    }

    // ---- Atom -----------------------------------------------------------------------------

    QUrl baseOf(const QUrl& parent) {
        const QString base = m_reader.attributes().value(ns::xml, u"base").toString();
        if (base.isEmpty())
            return parent;
        m_sawXmlBase = true;
        return resolve(base, parent);
    }

    void readAtomFeed() {
        const QUrl base = baseOf(m_feedUrl);
        m_feed.language = m_reader.attributes().value(ns::xml, u"lang").toString();
        while (m_reader.readNextStartElement()) {
            const QStringView name = m_reader.name();
            if (!isAtom()) {
                m_reader.skipCurrentElement();
            } else if (name == u"title") {
                m_feed.title = atomPlainText();
            } else if (name == u"subtitle" || name == u"tagline") {
                m_feed.description = atomPlainText();
            } else if (name == u"link") {
                const QString rel = attr(u"rel");
                if (rel.isEmpty() || rel == u"alternate"_s)
                    m_feed.siteLink = resolve(attr(u"href"), baseOf(base));
                m_reader.skipCurrentElement();
            } else if (name == u"entry") {
                readAtomEntry(base);
            } else {
                m_reader.skipCurrentElement();
            }
        }
    }

    bool isAtom() const {
        const QStringView n = m_reader.namespaceUri();
        return n == ns::atom || n == ns::atom03;
    }

    void readAtomEntry(const QUrl& feedBase) {
        m_sawXmlBase = false;
        const QUrl base = baseOf(feedBase);
        FeedItem item;
        QUrl contentBase = base;
        bool linkIsAlternate = false;
        m_thumbnailFromMediaThumbnail = false;
        while (m_reader.readNextStartElement()) {
            const QStringView name = m_reader.name();
            if (m_reader.namespaceUri() == ns::media) {
                readMedia(item);
            } else if (!isAtom()) {
                m_reader.skipCurrentElement();
            } else if (name == u"id") {
                item.guid = text().trimmed();
            } else if (name == u"title") {
                item.title = atomPlainText();
            } else if (name == u"link") {
                const QString rel = attr(u"rel");
                const QUrl href = resolve(attr(u"href"), baseOf(base));
                if ((rel.isEmpty() || rel == u"alternate"_s) && (!linkIsAlternate || item.link.isEmpty())) {
                    // The first alternate link, preferring text/html when several are given.
                    const QString type = attr(u"type");
                    if (!linkIsAlternate || type.isEmpty() || type == u"text/html"_s) {
                        item.link = href;
                        linkIsAlternate = true;
                    }
                } else if (rel == u"enclosure"_s && isImage({}, attr(u"type")) && item.thumbnail.isEmpty()) {
                    item.thumbnail = href;
                }
                m_reader.skipCurrentElement();
            } else if (name == u"published" || name == u"issued") {
                item.published = parseDate(text());
            } else if (name == u"updated" || name == u"modified") {
                item.updated = parseDate(text());
            } else if (name == u"author") {
                if (QString author = readAtomPerson(); item.author.isEmpty())
                    item.author = author;
            } else if (name == u"category") {
                const QString label = attr(u"label");
                addTag(item, label.isEmpty() ? attr(u"term") : label);
                m_reader.skipCurrentElement();
            } else if (name == u"content") {
                contentBase = baseOf(base);
                const QString src = attr(u"src");
                item.contentHtml = atomHtml();
                if (!src.isEmpty() && item.link.isEmpty())
                    item.link = resolve(src, contentBase);
            } else if (name == u"summary") {
                item.summary = atomHtml();
            } else {
                m_reader.skipCurrentElement();
            }
        }
        if (item.contentHtml.isEmpty())
            item.contentHtml = item.summary;
        // Relative links in the content follow xml:base when the feed gives one; otherwise the
        // article's own page is the better guess than the feed's URL.
        item.baseUrl = m_sawXmlBase || !item.link.isValid() ? contentBase : item.link;
        hand(std::move(item));
    }

    QString readAtomPerson() {
        QString name;
        while (m_reader.readNextStartElement()) {
            if (isAtom() && m_reader.name() == u"name")
                name = text().simplified();
            else
                m_reader.skipCurrentElement();
        }
        return name;
    }

    // An Atom text construct as HTML: type text is escaped, html is taken as it is, xhtml is
    // serialised from the child elements (without the wrapping div).
    QString atomHtml() {
        const QString type = attr(u"type").toLower();
        const QString mode = attr(u"mode"); // Atom 0.3
        if (type.isEmpty() || type == u"text"_s || type == u"text/plain"_s) {
            if (mode == u"escaped"_s)
                return text().trimmed();
            const QString plain = text().trimmed();
            return plain.isEmpty()
                       ? QString()
                       : u"<p>"_s + plain.toHtmlEscaped().replace(u"\n\n"_s, u"</p><p>"_s) + u"</p>"_s;
        }
        if (type == u"html"_s || type == u"text/html"_s)
            return text().trimmed();
        if (type == u"xhtml"_s || type == u"application/xhtml+xml"_s)
            return readXhtml().trimmed();
        m_reader.skipCurrentElement(); // base64 media and other types carry no article text
        return {};
    }

    QString atomPlainText() {
        const QString type = attr(u"type").toLower();
        if (type == u"html"_s || type == u"text/html"_s || type == u"xhtml"_s)
            return content::sanitizeHtml(atomHtml()).text.simplified();
        return text().simplified();
    }

    QString readXhtml() {
        QString out;
        int depth = 0;
        bool skippedWrapper = false;
        while (!m_reader.atEnd()) {
            switch (m_reader.readNext()) {
            case QXmlStreamReader::StartElement: {
                ++depth;
                if (depth == 1 && !skippedWrapper && m_reader.name() == u"div") {
                    skippedWrapper = true;
                    break;
                }
                out += u'<' + m_reader.name().toString();
                for (const QXmlStreamAttribute& a : m_reader.attributes()) {
                    out += u' ' + a.name().toString() + u"=\""_s;
                    out += a.value().toString().toHtmlEscaped();
                    out += u'"';
                }
                out += u'>';
                break;
            }
            case QXmlStreamReader::EndElement:
                if (depth-- == 0)
                    return out;
                if (!(depth == 0 && skippedWrapper))
                    out += u"</"_s + m_reader.name().toString() + u'>';
                break;
            case QXmlStreamReader::Characters:
                out += restored(m_reader.text().toString()).toHtmlEscaped();
                break;
            case QXmlStreamReader::EntityReference:
                out += u'&' + m_reader.name().toString() + u';';
                break;
            default:
                break;
            }
        }
        return out;
    }

    QBuffer m_body; // the bytes read through a device, before the reader that reads them
    QXmlStreamReader m_reader;
    QUrl m_feedUrl;
    FeedItemSink& m_sink;
    LiftedText m_lifted;
    ParsedFeed m_feed; // the feed's own details; its items go to m_sink
    bool m_sawRoot = false;
    bool m_sawXmlBase = false;
    bool m_thumbnailFromMediaThumbnail = false;
};

// Reads with reader; repaired() gives the document with undeclared HTML entities made numeric.
template <typename Repaired>
Result<ParsedFeed> readFeed(XmlFeedReader& reader, const QUrl& feedUrl, const QString& subject,
                            FeedItemSink& sink, Repaired&& repaired) {
    QString problem = reader.read();
    if (!problem.isEmpty() && reader.failedOnUndeclaredEntity() && !sink.stopped()) {
        // Many feeds use &nbsp; and friends without declaring them; read them as HTML would.
        sink.restart();
        const QString text = repaired();
        XmlFeedReader second(text, feedUrl, sink);
        if (second.read().isEmpty())
            return std::move(second.feed());
    }
    if (!problem.isEmpty())
        return Error{subject + u' ' + problem + u'.'};
    return std::move(reader.feed());
}

} // namespace

Result<ParsedFeed> parseXmlFeed(QStringView xml, const QUrl& feedUrl, const QString& subject,
                                FeedItemSink& sink) {
    XmlFeedReader reader(xml, feedUrl, sink);
    return readFeed(reader, feedUrl, subject, sink, [&] { return numericHtmlEntities(xml); });
}

Result<ParsedFeed> parseXmlFeed(const QByteArray& utf8, const QUrl& feedUrl, const QString& subject,
                                FeedItemSink& sink) {
    if (std::optional<LiftedText::Lifted> lifted =
            declaresUtf8(utf8) ? LiftedText::lift(utf8) : std::nullopt) {
        XmlFeedReader reader(lifted->document, feedUrl, sink, std::move(lifted->text));
        if (reader.read().isEmpty())
            return std::move(reader.feed());
        if (sink.stopped())
            return Error{subject + u": reading was stopped."_s};
        sink.restart(); // read again as it is, so that every error reads exactly as before
    }
    XmlFeedReader reader(utf8, feedUrl, sink);
    return readFeed(reader, feedUrl, subject, sink,
                    [&] { return numericHtmlEntities(QString::fromUtf8(utf8)); });
}

Result<ParsedFeed> parseXmlFeed(QIODevice& device, const QUrl& feedUrl, const QString& subject,
                                FeedItemSink& sink, bool& undeclaredEntity) {
    XmlFeedReader reader(device, feedUrl, sink);
    const QString problem = reader.read();
    undeclaredEntity = !problem.isEmpty() && reader.failedOnUndeclaredEntity();
    if (!problem.isEmpty())
        return Error{subject + u' ' + problem + u'.'};
    return std::move(reader.feed());
}

} // namespace mirsad::feeds::detail
