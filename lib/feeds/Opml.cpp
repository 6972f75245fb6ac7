#include "feeds/Opml.h"

#include "feeds/XmlSafety.h"

#include <QDateTime>
#include <QLocale>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {
namespace {

constexpr qsizetype maxDepth = 64;

OpmlOutline outlineFrom(const QXmlStreamAttributes& attributes) {
    OpmlOutline outline;
    outline.title = attributes.value(u"title").toString().simplified();
    if (outline.title.isEmpty())
        outline.title = attributes.value(u"text").toString().simplified();
    outline.xmlUrl = QUrl(attributes.value(u"xmlUrl").toString().trimmed());
    if (outline.xmlUrl.isEmpty()) // some exporters lower-case it
        outline.xmlUrl = QUrl(attributes.value(u"xmlurl").toString().trimmed());
    outline.htmlUrl = QUrl(attributes.value(u"htmlUrl").toString().trimmed());
    if (!outline.htmlUrl.isValid()) // only the site's link: a broken one is dropped, not written as ""
        outline.htmlUrl.clear();
    return outline;
}

void writeOutline(QXmlStreamWriter& writer, const OpmlOutline& outline) {
    writer.writeStartElement(u"outline"_s);
    writer.writeAttribute(u"text"_s, outline.title);
    writer.writeAttribute(u"title"_s, outline.title);
    if (!outline.isFolder()) {
        writer.writeAttribute(u"type"_s, u"rss"_s);
        writer.writeAttribute(u"xmlUrl"_s, outline.xmlUrl.toString(QUrl::FullyEncoded));
        if (!outline.htmlUrl.isEmpty())
            writer.writeAttribute(u"htmlUrl"_s, outline.htmlUrl.toString(QUrl::FullyEncoded));
    }
    for (const OpmlOutline& child : outline.children)
        writeOutline(writer, child); // depth is bounded by what parseOpml and the UI create
    writer.writeEndElement();
}

} // namespace

Result<OpmlDocument> parseOpml(const QByteArray& data) {
    if (data.trimmed().isEmpty())
        return Error{u"The OPML file is empty."_s};
    QXmlStreamReader reader(data);
    OpmlDocument document;
    QList<OpmlOutline> open; // outlines whose end tag has not come yet
    bool sawOpml = false;
    bool inHead = false;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            if (QString problem = detail::doctypeProblem(reader); !problem.isEmpty())
                return Error{u"The OPML file "_s + problem + u'.'};
            break;
        case QXmlStreamReader::StartElement: {
            const QStringView name = reader.name();
            if (!sawOpml) {
                if (name != u"opml")
                    return Error{
                        u"This is not an OPML file: its root element is <%1>, not <opml>."_s.arg(name)};
                sawOpml = true;
            } else if (name == u"head") {
                inHead = true;
            } else if (inHead && name == u"title") {
                document.title = reader.readElementText().simplified();
            } else if (name == u"outline") {
                if (open.size() >= maxDepth)
                    return Error{u"The OPML file nests folders more than %1 levels deep."_s.arg(maxDepth)};
                const QXmlStreamAttributes attributes = reader.attributes();
                OpmlOutline outline = outlineFrom(attributes);
                // A feed whose address is no URL had "" for its address on import and was written
                // back as a folder: the file is refused, naming it, and nothing is imported.
                if (!outline.xmlUrl.isEmpty() && !outline.xmlUrl.isValid()) {
                    QString given = attributes.value(u"xmlUrl").toString().trimmed();
                    if (given.isEmpty())
                        given = attributes.value(u"xmlurl").toString().trimmed();
                    return Error{
                        u"The OPML file lists the feed “%1” at “%2”, which is not a valid address (line %3)."_s
                            .arg(outline.title, given, QString::number(reader.lineNumber()))};
                }
                open.append(std::move(outline));
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (reader.name() == u"head") {
                inHead = false;
            } else if (reader.name() == u"outline" && !open.isEmpty()) {
                OpmlOutline done = open.takeLast();
                (open.isEmpty() ? document.outlines : open.last().children).append(std::move(done));
            }
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return Error{u"The OPML file "_s + detail::xmlErrorPhrase(reader) + u'.'};
    if (!sawOpml)
        return Error{u"The OPML file is empty."_s};
    return document;
}

QByteArray writeOpml(const OpmlDocument& document) {
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    writer.writeStartDocument();
    writer.writeStartElement(u"opml"_s);
    writer.writeAttribute(u"version"_s, u"2.0"_s);
    writer.writeStartElement(u"head"_s);
    writer.writeTextElement(u"title"_s,
                            document.title.isEmpty() ? u"Mirsad subscriptions"_s : document.title);
    writer.writeTextElement(u"dateCreated"_s, QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                                                    u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s));
    writer.writeEndElement();
    writer.writeStartElement(u"body"_s);
    for (const OpmlOutline& outline : document.outlines)
        writeOutline(writer, outline);
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return out;
}

} // namespace mirsad::feeds
