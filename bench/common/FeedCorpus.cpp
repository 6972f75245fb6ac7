#include "FeedCorpus.h"

#include "names/Gazetteer.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QStringList kArabicWords = {
    u"الحكومة"_s,   u"العراقية"_s, u"أعلنت"_s,       u"اليوم"_s,    u"عن"_s,     u"اتفاق"_s,
    u"جديد"_s,      u"بين"_s,      u"الإقليم"_s,     u"والمركز"_s,  u"حول"_s,    u"الموازنة"_s,
    u"والنفط"_s,    u"وقال"_s,     u"مصدر"_s,        u"مطلع"_s,     u"إن"_s,     u"الاجتماع"_s,
    u"ناقش"_s,      u"ملف"_s,      u"المناطق"_s,     u"المتنازع"_s, u"عليها"_s,  u"وأضاف"_s,
    u"أن"_s,        u"الوفد"_s,    u"سيزور"_s,       u"الأسبوع"_s,  u"المقبل"_s, u"لاستكمال"_s,
    u"المباحثات"_s, u"الأمنية"_s,  u"والاقتصادية"_s, u"في"_s,       u"ظل"_s,     u"التوترات"_s,
    u"السياسية"_s,  u"التي"_s,     u"تشهدها"_s,      u"البلاد"_s,   u"منذ"_s,    u"الانتخابات"_s};
const QStringList kEnglishWords = {
    u"the"_s,        u"government"_s,   u"announced"_s, u"on"_s,        u"Sunday"_s,    u"a"_s,
    u"new"_s,        u"agreement"_s,    u"between"_s,   u"the"_s,       u"region"_s,    u"and"_s,
    u"capital"_s,    u"over"_s,         u"budget"_s,    u"oil"_s,       u"exports"_s,   u"said"_s,
    u"sources"_s,    u"familiar"_s,     u"with"_s,      u"talks"_s,     u"security"_s,  u"forces"_s,
    u"delegation"_s, u"will"_s,         u"visit"_s,     u"next"_s,      u"week"_s,      u"to"_s,
    u"complete"_s,   u"negotiations"_s, u"amid"_s,      u"political"_s, u"tensions"_s,  u"since"_s,
    u"elections"_s,  u"in"_s,           u"disputed"_s,  u"areas"_s,     u"officials"_s, u"of"_s};

QString escapeXml(const QString& text) {
    return text.toHtmlEscaped();
}

class ItemWriter {
public:
    ItemWriter(const QList<mirsad::names::Entity>& entities, bool arabic, quint32 seed)
        : m_entities(entities)
        , m_arabic(arabic)
        , m_random(seed) {}

    QString sentence(int words) {
        m_words += words;
        const QStringList& vocabulary = m_arabic ? kArabicWords : kEnglishWords;
        QString text;
        for (int w = 0; w < words; ++w) {
            if (w)
                text += u' ';
            if (m_random.bounded(25) == 0) // about one name in 25 words, as in wire copy
                text += name();
            else
                text += vocabulary[m_random.bounded(vocabulary.size())];
        }
        return text + (m_arabic ? u"."_s : u"."_s);
    }

    // A story is about a few people, places and organisations, named again and again.
    void newStory() {
        m_cast.clear();
        const int size = 4 + int(m_random.bounded(4));
        for (int i = 0; i < size; ++i)
            m_cast << qsizetype(m_random.bounded(m_entities.size()));
    }

    QString name() {
        const qsizetype pick = m_random.bounded(10) == 0 || m_cast.isEmpty()
                                   ? qsizetype(m_random.bounded(m_entities.size()))
                                   : m_cast[m_random.bounded(m_cast.size())];
        const auto& entity = m_entities[pick];
        const QString& n = m_arabic && !entity.nameAr.isEmpty() ? entity.nameAr : entity.name;
        return n;
    }

    // An article body: paragraphs with links and emphasis, an image, a quote.
    QString bodyHtml(int targetBytes, int item) {
        QString html;
        int paragraph = 0;
        while (html.toUtf8().size() < targetBytes) {
            if (paragraph == 1)
                html += u"<figure><img src=\"https://cdn.example.net/img/%1.jpg\" alt=\"%2\" width=\"640\" "
                        u"height=\"360\"/><figcaption>%2</figcaption></figure>\n"_s.arg(item)
                            .arg(name());
            html += u"<p>"_s + sentence(12 + m_random.bounded(10));
            html +=
                u" <a href=\"https://news.example.net/story/%1-%2\">%3</a> "_s.arg(item).arg(paragraph).arg(
                    sentence(3));
            html += u"<strong>"_s + name() + u"</strong> "_s + sentence(10 + m_random.bounded(10));
            if (paragraph == 3)
                html += u"<blockquote>"_s + sentence(15) + u"</blockquote>"_s;
            html += u"</p>\n"_s;
            ++paragraph;
        }
        return html;
    }

    // An article body of about `words` words: the same paragraphs as bodyHtml().
    QString bodyHtmlWords(int words, int item) {
        QString html;
        const qint64 startWords = m_words;
        int paragraph = 0;
        while (m_words - startWords < words) {
            html += u"<p>"_s + sentence(12 + m_random.bounded(10));
            html += u" <strong>"_s + name() + u"</strong> "_s + sentence(10 + m_random.bounded(10));
            if (paragraph % 7 == 3)
                html += u"<blockquote>"_s + sentence(15) + u"</blockquote>"_s;
            if (paragraph % 5 == 1)
                html += u" <a href=\"https://news.example.net/story/%1-%2\">%3</a>"_s.arg(item)
                            .arg(paragraph)
                            .arg(sentence(3));
            html += u"</p>\n"_s;
            ++paragraph;
        }
        return html;
    }

    QRandomGenerator& random() { return m_random; }

private:
    const QList<mirsad::names::Entity>& m_entities;
    bool m_arabic;
    QRandomGenerator m_random;
    QList<qsizetype> m_cast;
    qint64 m_words = 0;
};

// bodyWords > 0: a long article of that many words instead of bodyBytes.
QString body(ItemWriter& writer, int item, int bodyBytes, int bodyWords) {
    return bodyWords > 0 ? writer.bodyHtmlWords(bodyWords, item) : writer.bodyHtml(bodyBytes, item);
}

QString rssItem(ItemWriter& writer, int feed, int item, const QDateTime& when, int bodyBytes, int bodyWords) {
    writer.newStory();
    const QString title = writer.sentence(8);
    const QString body = ::body(writer, item, bodyBytes, bodyWords);
    return u"<item><title>%1</title><link>https://news.example.net/%2/%3</link>"
           u"<guid isPermaLink=\"false\">feed-%2-item-%3</guid><pubDate>%4</pubDate>"
           u"<dc:creator>%5</dc:creator><category>Politics</category><category>%6</category>"
           u"<description>%7</description><content:encoded><![CDATA[%8]]></content:encoded></item>\n"_s
               .arg(escapeXml(title))
               .arg(feed)
               .arg(item)
               .arg(when.toString(Qt::RFC2822Date))
               .arg(escapeXml(writer.name()), escapeXml(writer.name()), escapeXml(writer.sentence(20)), body);
}

QString atomEntry(ItemWriter& writer, int feed, int item, const QDateTime& when, int bodyBytes,
                  int bodyWords) {
    writer.newStory();
    const QString title = writer.sentence(8);
    const QString body = ::body(writer, item, bodyBytes, bodyWords);
    return u"<entry><title>%1</title><link rel=\"alternate\" href=\"https://news.example.net/%2/%3\"/>"
           u"<id>tag:news.example.net,2024:feed-%2-item-%3</id><updated>%4</updated>"
           u"<author><name>%5</name></author><category term=\"%6\"/>"
           u"<summary>%7</summary><content type=\"html\">%8</content></entry>\n"_s.arg(escapeXml(title))
               .arg(feed)
               .arg(item)
               .arg(when.toString(Qt::ISODate))
               .arg(escapeXml(writer.name()), escapeXml(writer.name()), escapeXml(writer.sentence(20)),
                    escapeXml(body));
}

} // namespace

int corpusFeedItems(const CorpusOptions& options, int feed) {
    if (options.totalItems <= 0)
        return options.itemsPerFeed;
    return int(options.totalItems / options.feeds + (feed < options.totalItems % options.feeds ? 1 : 0));
}

QList<mirsad::names::Entity> corpusEntities() {
    QList<mirsad::names::Entity> entities;
    if (auto gazetteer = mirsad::names::Gazetteer::builtin())
        entities = gazetteer->entities();
    if (entities.isEmpty()) {
        mirsad::names::Entity fallback;
        fallback.name = u"Erbil"_s;
        fallback.nameAr = u"أربيل"_s;
        entities << fallback;
    }
    return entities;
}

QString corpusItemGuid(const CorpusFeed& feed, int feedIndex, int item) {
    return feed.atom ? u"tag:news.example.net,2024:feed-%1-item-%2"_s.arg(feedIndex).arg(item)
                     : u"feed-%1-item-%2"_s.arg(feedIndex).arg(item);
}

CorpusFeed generateFeed(const CorpusOptions& options, int f, const QList<mirsad::names::Entity>& entities) {
    CorpusFeed feed;
    feed.arabic = f % 2 == 0;
    feed.atom = (f / 2) % 2 == 1;
    feed.path = u"/%1-%2.xml"_s.arg(options.pathPrefix).arg(f, 2, 10, QChar(u'0'));
    feed.items = corpusFeedItems(options, f);
    ItemWriter writer(entities, feed.arabic, options.seed + quint32(f));
    const QString title = feed.arabic ? u"أخبار العراق %1"_s.arg(f) : u"Iraq News %1"_s.arg(f);
    // The fixed parts of an item (tags, link, guid, date, summary) take about 900 bytes.
    const int bodyBytes = qMax(400, options.itemBytes - 900);
    auto itemBody = [&](int i, int& bytes, int& words) {
        words = 0;
        for (const LongItem& long_ : options.longItems)
            if (long_.feed == f && long_.item == i)
                words = long_.words;
        bytes = bodyBytes;
        if (options.itemBytesSpread > 0)
            bytes = qMax(400, bodyBytes + int(writer.random().bounded(2 * options.itemBytesSpread + 1)) -
                                  options.itemBytesSpread);
    };
    auto when = [&](int i) {
        const qint64 slot = options.interleave ? qint64(i) * options.feeds + f : qint64(i);
        return options.start.addSecs(slot * options.intervalSeconds);
    };
    QString xml;
    int bytes = 0;
    int words = 0;
    if (feed.atom) {
        xml = u"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
              u"xml:lang=\"%1\"><title>%2</title><link href=\"https://news.example.net/\"/>"
              u"<id>tag:news.example.net,2024:feed-%3</id><updated>2024-06-30T00:00:00Z</updated>\n"_s
                  .arg(feed.arabic ? u"ar"_s : u"en"_s, title)
                  .arg(f);
        for (int i = 0; i < feed.items; ++i) {
            itemBody(i, bytes, words);
            xml += atomEntry(writer, f, i, when(i), bytes, words);
        }
        xml += u"</feed>\n"_s;
    } else {
        xml = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
              u"xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
              u"xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>%1</title>"
              u"<link>https://news.example.net/</link><description>%1</description>"
              u"<language>%2</language>\n"_s.arg(title, feed.arabic ? u"ar"_s : u"en"_s);
        for (int i = 0; i < feed.items; ++i) {
            itemBody(i, bytes, words);
            xml += rssItem(writer, f, i, when(i), bytes, words);
        }
        xml += u"</channel></rss>\n"_s;
    }
    feed.body = xml.toUtf8();
    return feed;
}

QList<CorpusFeed> generateCorpus(const CorpusOptions& options) {
    const QList<mirsad::names::Entity> entities = corpusEntities();
    QList<CorpusFeed> corpus;
    for (int f = 0; f < options.feeds; ++f)
        corpus << generateFeed(options, f, entities);
    return corpus;
}
