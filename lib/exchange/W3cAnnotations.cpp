// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: an
// AnnotationCollection with one AnnotationPage. A highlight is an annotation that highlights its
// passage (its colour as a styleClass with the CSS that paints it); a note is one that comments
// on the same passage, or on the article when it is on the whole article.

#include "exchange/Exchange_p.h"
#include "exchange/HighlightPalette.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace mirsad::exchange::detail {

namespace {

// TextQuoteSelector and TextPositionSelector (code points, as the model counts them); an
// orphaned highlight keeps only its quote: its old position no longer means anything.
QJsonArray selectors(const QString& text, const annotations::Highlight& h) {
    QJsonArray array{QJsonObject{
        {QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
        {QStringLiteral("exact"), h.selector.quote},
        {QStringLiteral("prefix"), h.selector.prefix},
        {QStringLiteral("suffix"), h.selector.suffix},
    }};
    if (!h.orphaned) {
        const auto [start, end] = codePointSpan(text, h.selector.start, h.selector.end);
        array.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                                 {QStringLiteral("start"), start},
                                 {QStringLiteral("end"), end}});
    }
    return array;
}

void addTimes(QJsonObject& annotation, const QDateTime& created, const QDateTime& modified) {
    if (created.isValid())
        annotation.insert(QStringLiteral("created"), isoUtc(created));
    if (modified.isValid())
        annotation.insert(QStringLiteral("modified"), isoUtc(modified));
}

QJsonObject highlightAnnotation(const Article& article, const annotations::Highlight& h) {
    const QString color = paletteColorOr(h.color);
    QJsonObject annotation{
        {QStringLiteral("id"), highlightUri(h.id)},
        {QStringLiteral("type"), QStringLiteral("Annotation")},
        {QStringLiteral("motivation"), QStringLiteral("highlighting")},
        {QStringLiteral("stylesheet"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("CssStylesheet")},
             {QStringLiteral("value"),
              QStringLiteral(".%1 { background-color: %2; }").arg(color, highlightBackground(color))}}},
        {QStringLiteral("target"), QJsonObject{{QStringLiteral("source"), articleSource(article)},
                                               {QStringLiteral("styleClass"), color},
                                               {QStringLiteral("selector"), selectors(article.text, h)}}},
    };
    addTimes(annotation, h.created, h.updated);
    return annotation;
}

QJsonObject noteAnnotation(const briefs::BriefArticle& entry, const annotations::Note& note) {
    QJsonObject comment{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                        {QStringLiteral("value"), note.body},
                        {QStringLiteral("format"), QStringLiteral("text/markdown")},
                        {QStringLiteral("purpose"), QStringLiteral("commenting")}};
    if (const QString language = languageOf(note.body); !language.isEmpty())
        comment.insert(QStringLiteral("language"), language);
    QJsonArray body{comment};
    for (const QString& tag : note.tags)
        body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                {QStringLiteral("value"), tag},
                                {QStringLiteral("purpose"), QStringLiteral("tagging")}});
    QJsonObject annotation{
        {QStringLiteral("id"), noteUri(note.id)},
        {QStringLiteral("type"), QStringLiteral("Annotation")},
        {QStringLiteral("motivation"), QStringLiteral("commenting")},
        {QStringLiteral("body"), body},
    };
    if (const annotations::Highlight* h = highlightById(entry, note.highlightId))
        annotation.insert(QStringLiteral("target"),
                          QJsonObject{{QStringLiteral("source"), articleSource(entry.article)},
                                      {QStringLiteral("selector"), selectors(entry.article.text, *h)}});
    else
        annotation.insert(QStringLiteral("target"), articleSource(entry.article));
    if (!note.author.trimmed().isEmpty())
        annotation.insert(QStringLiteral("creator"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("Person")},
                                      {QStringLiteral("name"), note.author}});
    addTimes(annotation, note.created, note.updated);
    return annotation;
}

QString uuidUrn() {
    return QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Status writeW3c(const briefs::Brief& brief, QIODevice& out) {
    QJsonArray items;
    for (const briefs::BriefArticle& entry : brief.articles) {
        for (const annotations::Highlight& h : entry.highlights)
            items.append(highlightAnnotation(entry.article, h));
        for (const annotations::Note& note : entry.notes)
            items.append(noteAnnotation(entry, note));
    }
    const QJsonObject collection{
        {QStringLiteral("@context"), QStringLiteral("http://www.w3.org/ns/anno.jsonld")},
        {QStringLiteral("id"), uuidUrn()},
        {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
        {QStringLiteral("label"), brief.title.isEmpty() ? QStringLiteral("Mirsad annotations") : brief.title},
        {QStringLiteral("generator"), QJsonObject{{QStringLiteral("id"), QStringLiteral("urn:mirsad")},
                                                  {QStringLiteral("type"), QStringLiteral("Software")},
                                                  {QStringLiteral("name"), QStringLiteral("Mirsad")}}},
        {QStringLiteral("generated"),
         isoUtc(brief.generated.isValid() ? brief.generated : QDateTime::currentDateTimeUtc())},
        {QStringLiteral("total"), items.size()},
        {QStringLiteral("first"), QJsonObject{{QStringLiteral("id"), uuidUrn()},
                                              {QStringLiteral("type"), QStringLiteral("AnnotationPage")},
                                              {QStringLiteral("startIndex"), 0},
                                              {QStringLiteral("items"), items}}},
    };
    return writeAll(out, QJsonDocument(collection).toJson(QJsonDocument::Indented));
}

} // namespace mirsad::exchange::detail
