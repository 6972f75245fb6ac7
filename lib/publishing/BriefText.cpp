#include "annotations/HighlightPalette.h"
#include "publishing/BriefText_p.h"
#include "text/TextDirection.h"

#include <QCoreApplication>
#include <QSet>

namespace mirsad::publishing::detail {

QString tr(const char* text) {
    return QCoreApplication::translate("Publishing", text);
}

namespace {

QString day(const QDateTime& time) {
    return time.toUTC().date().toString(Qt::ISODate);
}

QString counted(qsizetype count, const char* one, const char* many) {
    return (count == 1 ? tr(one) : tr(many)).arg(count);
}

} // namespace

QString titleOf(const briefs::Brief& brief) {
    const QString title = brief.title.simplified();
    return title.isEmpty() ? tr("Brief") : title;
}

QStringList headerParts(const briefs::Brief& brief) {
    QStringList parts;
    if (brief.earliest.isValid() && brief.latest.isValid()) {
        const QString first = day(brief.earliest), last = day(brief.latest);
        parts << (first == last ? first : QStringLiteral("%1 – %2").arg(first, last));
    }
    if (!brief.filterDescription.trimmed().isEmpty())
        parts << tr("Filter: %1").arg(brief.filterDescription.trimmed());
    if (brief.generated.isValid())
        parts << tr("Generated %1")
                     .arg(brief.generated.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    parts << counted(brief.articles.size(), "%1 article", "%1 articles")
          << counted(brief.highlightCount(), "%1 highlight", "%1 highlights")
          << counted(brief.noteCount(), "%1 note", "%1 notes");
    return parts;
}

QString sourceLine(const briefs::BriefArticle& article) {
    QStringList parts;
    const QString source = article.article.source.simplified();
    const QString feed = article.feedTitle.simplified();
    if (!source.isEmpty())
        parts << source;
    if (!feed.isEmpty() && feed != source)
        parts << feed;
    if (article.article.published.isValid())
        parts << text::isolated(
            article.article.published.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    return parts.join(QStringLiteral(" · "));
}

QString anchorName(int index) {
    return QStringLiteral("article-%1").arg(index + 1);
}

QString kindHeading(names::EntityKind kind) {
    switch (kind) {
    case names::EntityKind::Person:
        return tr("People");
    case names::EntityKind::Place:
        return tr("Places");
    case names::EntityKind::Organization:
        return tr("Organisations");
    }
    return {};
}

QString colorLabel(const QString& color) {
    return QCoreApplication::translate("HighlightColors", annotations::paletteColor(color).label);
}

QString noteByline(const annotations::Note& note) {
    QStringList parts;
    if (!note.author.trimmed().isEmpty())
        parts << note.author.simplified();
    const QDateTime when = note.updated.isValid() ? note.updated : note.created;
    if (when.isValid())
        parts << text::isolated(day(when));
    if (!note.tags.isEmpty()) {
        QStringList tags;
        for (const QString& tag : note.tags)
            tags << u'#' + tag;
        parts << tags.join(u' ');
    }
    return parts.join(QStringLiteral(" · "));
}

ArticleNotes notesOf(const briefs::BriefArticle& article) {
    QSet<qint64> highlights;
    for (const annotations::Highlight& highlight : article.highlights)
        highlights.insert(highlight.id);
    ArticleNotes notes;
    for (const annotations::Note& note : article.notes) {
        if (note.highlightId != 0 && highlights.contains(note.highlightId))
            notes.byHighlight[note.highlightId] << &note;
        else
            notes.onArticle << &note;
    }
    return notes;
}

QString articleTitle(const briefs::BriefArticle& article) {
    const QString title = article.article.title.simplified();
    return title.isEmpty() ? article.article.link : title;
}

QString orphanedLabel() {
    return tr("No longer found in the article's text (orphaned highlight):");
}

} // namespace mirsad::publishing::detail
