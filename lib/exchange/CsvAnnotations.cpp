// CSV: one row per highlight and per note, RFC 4180, UTF-8 with a byte order mark so that
// spreadsheet programs read Arabic as Arabic.

#include "annotations/Annotations.h"
#include "exchange/Exchange_p.h"

#include <QStringList>

namespace mirsad::exchange::detail {

namespace {

const QStringList columns{
    QStringLiteral("article_id"), QStringLiteral("article_title"), QStringLiteral("link"),
    QStringLiteral("published"),  QStringLiteral("feed"),          QStringLiteral("kind"),
    QStringLiteral("color"),      QStringLiteral("quote"),         QStringLiteral("prefix"),
    QStringLiteral("suffix"),     QStringLiteral("start"),         QStringLiteral("end"),
    QStringLiteral("note"),       QStringLiteral("tags"),          QStringLiteral("author"),
    QStringLiteral("created"),    QStringLiteral("modified"),      QStringLiteral("highlight_id"),
    QStringLiteral("note_id"),
};

// A cell a spreadsheet shows as text: one that starts like a formula (= + - @, or a tab or
// carriage return before one) gets a leading apostrophe, so article text is never executed.
QString safeCell(QString cell) {
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            cell.prepend(u'\'');
    }
    return cell;
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
QString quoted(const QString& cell) {
    const QString safe = safeCell(cell);
    if (!safe.contains(u',') && !safe.contains(u'"') && !safe.contains(u'\n') && !safe.contains(u'\r'))
        return safe;
    QString escaped = safe;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

void appendRow(QString& csv, const QStringList& cells) {
    QStringList fields;
    fields.reserve(cells.size());
    for (const QString& cell : cells)
        fields << quoted(cell);
    csv += fields.join(u',');
    csv += QStringLiteral("\r\n");
}

QString number(qint64 value) {
    return QString::number(value);
}

} // namespace

Status writeCsv(const briefs::Brief& brief, QIODevice& out) {
    QString csv;
    appendRow(csv, columns);
    for (const briefs::BriefArticle& entry : brief.articles) {
        const Article& article = entry.article;
        const QStringList articleCells{number(article.id), article.title, article.link,
                                       isoUtc(article.published), entry.feedTitle};
        // The passage's cells, for a highlight's row and for the rows of its notes.
        const auto passage = [&](const annotations::Highlight& h) {
            QString start, end;
            if (!h.orphaned) {
                const auto [first, last] = codePointSpan(article.text, h.selector.start, h.selector.end);
                start = number(first);
                end = number(last);
            }
            return QStringList{h.color, h.selector.quote, h.selector.prefix, h.selector.suffix, start, end};
        };
        for (const annotations::Highlight& h : entry.highlights)
            appendRow(csv, articleCells + QStringList{QStringLiteral("highlight")} + passage(h) +
                               QStringList{QString(), QString(), QString(), isoUtc(h.created),
                                           isoUtc(h.updated), number(h.id), QString()});
        for (const annotations::Note& note : entry.notes) {
            const annotations::Highlight* h = highlightById(entry, note.highlightId);
            const QStringList noPassage{QString(), QString(), QString(), QString(), QString(), QString()};
            appendRow(csv, articleCells + QStringList{QStringLiteral("note")} +
                               (h ? passage(*h) : noPassage) +
                               QStringList{note.body, annotations::joinTags(note.tags), note.author,
                                           isoUtc(note.created), isoUtc(note.updated),
                                           h ? number(h->id) : QString(), number(note.id)});
        }
    }
    return writeAll(out, QByteArray("\xEF\xBB\xBF") + csv.toUtf8());
}

} // namespace mirsad::exchange::detail
