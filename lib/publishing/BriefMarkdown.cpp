#include "publishing/BriefText_p.h"
#include "publishing/Writers_p.h"

#include <QHash>

namespace mirsad::publishing::detail {

namespace {

// Article text is not Markdown: its characters that Markdown would read as markup are escaped.
QString escaped(const QString& text) {
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
        case u'`':
        case u'*':
        case u'_':
        case u'[':
        case u']':
        case u'<':
        case u'>':
        case u'#':
        case u'|':
        case u'~':
            out += u'\\';
            break;
        default:
            break;
        }
        out += c;
    }
    return out;
}

// A colour as a square (there is no pink square: purple stands in) and its name.
QString colorMark(const QString& color) {
    static const QHash<QString, QString> squares{
        {QStringLiteral("yellow"), QStringLiteral("🟨")}, {QStringLiteral("green"), QStringLiteral("🟩")},
        {QStringLiteral("blue"), QStringLiteral("🟦")},   {QStringLiteral("pink"), QStringLiteral("🟪")},
        {QStringLiteral("orange"), QStringLiteral("🟧")},
    };
    return squares.value(color, QStringLiteral("🟨"));
}

// A paragraph as one line of Markdown: line breaks inside it become spaces.
QString oneLine(const QString& text) {
    return escaped(text.simplified());
}

void quote(QString& md, const annotations::Highlight& highlight) {
    const QStringList paragraphs = highlight.selector.quote.trimmed().split(QStringLiteral("\n\n"));
    md += QStringLiteral("> %1 *%2*").arg(colorMark(highlight.color), colorLabel(highlight.color).toLower());
    if (highlight.orphaned)
        md += QStringLiteral(" · *%1*").arg(tr("orphaned"));
    md += QStringLiteral("\n>\n");
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            md += QStringLiteral(">\n");
        md += QStringLiteral("> ") + oneLine(paragraphs[i]) + u'\n';
    }
    md += u'\n';
}

void note(QString& md, const annotations::Note& note) {
    const QString body = note.body.trimmed();
    if (!body.isEmpty())
        md += body + QStringLiteral("\n\n");
    if (const QString byline = noteByline(note); !byline.isEmpty())
        md += QStringLiteral("— *%1*\n\n").arg(escaped(byline));
}

} // namespace

Status writeMarkdown(const briefs::Brief& brief, QIODevice& out) {
    QString md;
    md += QStringLiteral("# ") + oneLine(titleOf(brief)) + QStringLiteral("\n\n");
    md += u'*' + escaped(headerParts(brief).join(QStringLiteral(" · "))) + QStringLiteral("*\n\n");
    if (!brief.introduction.trimmed().isEmpty())
        md += brief.introduction.trimmed() + QStringLiteral("\n\n");
    for (int i = 0; i < brief.articles.size(); ++i) {
        const briefs::BriefArticle& entry = brief.articles[i];
        md += QStringLiteral("<a id=\"%1\"></a>\n\n").arg(anchorName(i));
        md += QStringLiteral("## %1. %2\n\n").arg(i + 1).arg(oneLine(articleTitle(entry)));
        QString meta = escaped(sourceLine(entry));
        if (!entry.article.link.isEmpty())
            meta += (meta.isEmpty() ? QString() : QStringLiteral(" · ")) +
                    QStringLiteral("<%1>").arg(
                        QString(entry.article.link).remove(u'>').remove(u'<').simplified());
        if (!meta.isEmpty())
            md += meta + QStringLiteral("\n\n");
        const ArticleNotes notes = notesOf(entry);
        for (const annotations::Highlight& highlight : entry.highlights) {
            quote(md, highlight);
            for (const annotations::Note* n : notes.byHighlight.value(highlight.id))
                note(md, *n);
        }
        if (!notes.onArticle.isEmpty()) {
            md += QStringLiteral("**%1**\n\n").arg(tr("Notes"));
            for (const annotations::Note* n : notes.onArticle)
                note(md, *n);
        }
    }
    if (!brief.names.isEmpty()) {
        md += QStringLiteral("## %1\n\n").arg(tr("Index of names"));
        std::optional<names::EntityKind> kind;
        for (const briefs::BriefName& name : brief.names) {
            if (kind != name.kind) {
                if (kind)
                    md += u'\n';
                kind = name.kind;
                md += QStringLiteral("### %1\n\n").arg(kindHeading(name.kind));
            }
            md += QStringLiteral("- **%1**").arg(oneLine(name.name));
            if (!name.nameAr.isEmpty() && name.nameAr != name.name)
                md += QStringLiteral(" (%1)").arg(oneLine(name.nameAr));
            QStringList links;
            for (const int article : name.articles)
                links << QStringLiteral("[%1](#%2)").arg(article + 1).arg(anchorName(article));
            md += QStringLiteral(": ") + links.join(QStringLiteral(", ")) + u'\n';
        }
    }
    return writeAll(out, md.toUtf8(), QStringLiteral("the Markdown brief"));
}

} // namespace mirsad::publishing::detail
