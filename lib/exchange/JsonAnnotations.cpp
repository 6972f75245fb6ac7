// Mirsad's own JSON: the articles, each with its highlights and notes, offsets in Unicode code
// points into the article's text like `mirsadctl show --json` and `tag --json`.

#include "exchange/Exchange_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mirsad::exchange::detail {

namespace {

QJsonValue timeOrNull(const QDateTime& time) {
    return time.isValid() ? QJsonValue(isoUtc(time)) : QJsonValue(QJsonValue::Null);
}

QJsonObject highlightJson(const QString& text, const annotations::Highlight& h) {
    QJsonObject object{
        {QStringLiteral("id"), h.id},
        {QStringLiteral("color"), h.color},
        {QStringLiteral("quote"), h.selector.quote},
        {QStringLiteral("prefix"), h.selector.prefix},
        {QStringLiteral("suffix"), h.selector.suffix},
        {QStringLiteral("orphaned"), h.orphaned},
        {QStringLiteral("author"), h.author},
        {QStringLiteral("shared"), h.shared},
        {QStringLiteral("created"), timeOrNull(h.created)},
        {QStringLiteral("modified"), timeOrNull(h.updated)},
    };
    if (h.orphaned) {
        object.insert(QStringLiteral("start"), QJsonValue::Null);
        object.insert(QStringLiteral("end"), QJsonValue::Null);
    } else {
        const auto [start, end] = codePointSpan(text, h.selector.start, h.selector.end);
        object.insert(QStringLiteral("start"), start);
        object.insert(QStringLiteral("end"), end);
    }
    return object;
}

QJsonObject noteJson(const annotations::Note& note) {
    const QString language = languageOf(note.body);
    return QJsonObject{
        {QStringLiteral("id"), note.id},
        {QStringLiteral("highlight"), note.highlightId > 0 ? QJsonValue(note.highlightId) : QJsonValue()},
        {QStringLiteral("body"), note.body},
        {QStringLiteral("language"), language.isEmpty() ? QJsonValue() : QJsonValue(language)},
        {QStringLiteral("author"), note.author},
        {QStringLiteral("shared"), note.shared},
        {QStringLiteral("tags"), QJsonArray::fromStringList(note.tags)},
        {QStringLiteral("created"), timeOrNull(note.created)},
        {QStringLiteral("modified"), timeOrNull(note.updated)},
    };
}

} // namespace

Status writeJson(const briefs::Brief& brief, QIODevice& out) {
    QJsonArray articles;
    for (const briefs::BriefArticle& entry : brief.articles) {
        const Article& article = entry.article;
        QJsonArray highlights, notes;
        for (const annotations::Highlight& h : entry.highlights)
            highlights.append(highlightJson(article.text, h));
        for (const annotations::Note& note : entry.notes)
            notes.append(noteJson(note));
        articles.append(QJsonObject{
            {QStringLiteral("id"), article.id},
            {QStringLiteral("title"), article.title},
            {QStringLiteral("link"), article.link},
            {QStringLiteral("feed"), entry.feedTitle},
            {QStringLiteral("source"), article.source},
            {QStringLiteral("published"), timeOrNull(article.published)},
            {QStringLiteral("highlights"), highlights},
            {QStringLiteral("notes"), notes},
        });
    }
    const QJsonObject document{
        {QStringLiteral("format"), QStringLiteral("mirsad-annotations")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("title"), brief.title},
        {QStringLiteral("generated"), timeOrNull(brief.generated)},
        {QStringLiteral("highlights"), brief.highlightCount()},
        {QStringLiteral("notes"), brief.noteCount()},
        {QStringLiteral("articles"), articles},
    };
    return writeAll(out, QJsonDocument(document).toJson(QJsonDocument::Indented));
}

} // namespace mirsad::exchange::detail
