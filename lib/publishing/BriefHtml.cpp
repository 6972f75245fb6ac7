#include "annotations/HighlightPalette.h"
#include "content/HtmlSanitizer.h"
#include "content/SafeUrl.h"
#include "publishing/BriefText_p.h"
#include "publishing/Writers_p.h"
#include "text/TextDirection.h"

#include <QColor>
#include <QRegularExpression>
#include <md4c-html.h>

namespace mirsad::publishing::detail {

namespace {

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

// "rtl" or "ltr" from the text's first strong character; "auto" when it has none.
QString dirOf(const QString& text) {
    for (const QChar c : text)
        if (c.isLetter())
            return text::paragraphDirection(text) == Qt::RightToLeft ? QStringLiteral("rtl")
                                                                     : QStringLiteral("ltr");
    return QStringLiteral("auto");
}

QString colorHex(const QString& color) {
    return QStringLiteral("#%1").arg(annotations::paletteColor(color).light, 6, 16, QLatin1Char('0'));
}

// Markdown (a note, the introduction) as HTML: raw HTML in it is shown as text (md4c's NOHTML),
// the result goes through the article sanitiser (no javascript: links, no styles), and every
// block gets dir="auto" so that each paragraph takes its own direction.
QString markdownHtml(const QString& markdown) {
    const QByteArray utf8 = markdown.toUtf8();
    QByteArray html;
    const auto append = [](const MD_CHAR* chunk, MD_SIZE size, void* out) {
        static_cast<QByteArray*>(out)->append(chunk, qsizetype(size));
    };
    if (md_html(utf8.constData(), MD_SIZE(utf8.size()), append, &html, MD_DIALECT_GITHUB | MD_FLAG_NOHTML,
                0) != 0)
        return QStringLiteral("<p dir=\"auto\">%1</p>").arg(esc(markdown));
    QString safe = content::sanitizeHtml(QString::fromUtf8(html)).html;
    static const QRegularExpression block(
        QStringLiteral("<(p|li|h[1-6]|blockquote|pre|td|th|dt|dd)(?=[\\s>])(?![^>]*\\sdir=)"));
    safe.replace(block, QStringLiteral("<\\1 dir=\"auto\""));
    return safe;
}

void paragraph(QString& html, const QString& cssClass, const QString& text) {
    html += QStringLiteral("<p class=\"%1\" dir=\"%2\">%3</p>\n").arg(cssClass, dirOf(text), esc(text));
}

void note(QString& html, const annotations::Note& note) {
    html += QStringLiteral("<div class=\"note\" dir=\"auto\">\n") + markdownHtml(note.body);
    if (const QString byline = noteByline(note); !byline.isEmpty())
        html += QStringLiteral("<p class=\"byline\" dir=\"%1\">— %2</p>\n").arg(dirOf(byline), esc(byline));
    html += QStringLiteral("</div>\n");
}

const char* const styleSheet = R"(
body { font-family: "Noto Serif", "Noto Naskh Arabic", "DejaVu Serif", serif; font-size: 11pt;
       line-height: 1.5; color: #222; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Serif", serif; }
h1 { font-size: 1.8em; margin-bottom: .2em; }
h2 { font-size: 1.3em; margin-top: 1.6em; margin-bottom: .1em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
.meta, .byline, .orphaned-label { color: #555; font-size: .85em; }
.byline, .orphaned-label { font-style: italic; }
blockquote.quote { margin: .6em 1.2em .2em; padding: .5em .8em; color: #111;
                   border-inline-start: 4px solid rgba(0, 0, 0, .22); border-radius: 3px; }
blockquote.orphaned { border: 1px dashed #555; }
blockquote.quote p { margin: 0; }
.note { margin: .3em 2.4em .6em; font-size: .95em; }
.note p { margin: .2em 0; }
a { color: #1d4e89; }
ul.names { list-style: none; padding-inline-start: 0; }
@media print { article { break-inside: auto; } h2 { break-after: avoid; } }
)";

} // namespace

Status writeHtml(const briefs::Brief& brief, QIODevice& out) {
    const QString title = titleOf(brief);
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html dir=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n")
                .arg(dirOf(title));
    html += QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html += QStringLiteral("<meta name=\"generator\" content=\"Mirsad %1\">\n")
                .arg(QStringLiteral(MIRSAD_VERSION));
    html += QStringLiteral("<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n")
                .arg(esc(title), QString::fromLatin1(styleSheet));
    html += QStringLiteral("<header>\n<h1 dir=\"%1\">%2</h1>\n").arg(dirOf(title), esc(title));
    paragraph(html, QStringLiteral("meta"), headerParts(brief).join(QStringLiteral(" · ")));
    html += QStringLiteral("</header>\n");
    if (!brief.introduction.trimmed().isEmpty())
        html += QStringLiteral("<section class=\"introduction\" dir=\"auto\">\n") +
                markdownHtml(brief.introduction) + QStringLiteral("</section>\n");

    for (int i = 0; i < brief.articles.size(); ++i) {
        const briefs::BriefArticle& entry = brief.articles[i];
        const QString heading = articleTitle(entry);
        html += QStringLiteral("<article id=\"%1\">\n<h2 dir=\"%2\">%3. %4</h2>\n")
                    .arg(anchorName(i), dirOf(heading))
                    .arg(i + 1)
                    .arg(esc(heading));
        const QString source = sourceLine(entry);
        const QString link = entry.article.link;
        const QString href = content::safeUrl(link, QUrl(), true);
        html += QStringLiteral("<p class=\"meta\" dir=\"%1\">%2")
                    .arg(dirOf(source.isEmpty() ? link : source), esc(source));
        if (!link.isEmpty()) {
            if (!source.isEmpty())
                html += QStringLiteral(" · ");
            html += href.isEmpty()
                        ? QStringLiteral("<span dir=\"ltr\">%1</span>").arg(esc(link))
                        : QStringLiteral("<a href=\"%1\" dir=\"ltr\">%2</a>").arg(esc(href), esc(link));
        }
        html += QStringLiteral("</p>\n");

        const ArticleNotes notes = notesOf(entry);
        bool orphansShown = false;
        for (const annotations::Highlight& highlight : entry.highlights) {
            if (highlight.orphaned && !orphansShown) {
                paragraph(html, QStringLiteral("orphaned-label"), orphanedLabel());
                orphansShown = true;
            }
            const QString quote = highlight.selector.quote.trimmed();
            html +=
                QStringLiteral("<blockquote class=\"quote %1%2\" style=\"background-color: %3\" title=\"%4\" "
                               "dir=\"%5\">")
                    .arg(esc(annotations::paletteColor(highlight.color).name),
                         highlight.orphaned ? QStringLiteral(" orphaned") : QString(),
                         colorHex(highlight.color), esc(colorLabel(highlight.color)), dirOf(quote));
            for (const QString& part : quote.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
                html += QStringLiteral("<p dir=\"%1\">%2</p>").arg(dirOf(part), esc(part.simplified()));
            html += QStringLiteral("</blockquote>\n");
            for (const annotations::Note* n : notes.byHighlight.value(highlight.id))
                note(html, *n);
        }
        if (!notes.onArticle.isEmpty()) {
            html += QStringLiteral("<h3 dir=\"ltr\">%1</h3>\n").arg(esc(tr("Notes")));
            for (const annotations::Note* n : notes.onArticle)
                note(html, *n);
        }
        html += QStringLiteral("</article>\n");
    }

    if (!brief.names.isEmpty()) {
        html += QStringLiteral("<section class=\"index\">\n<h2 dir=\"ltr\">%1</h2>\n")
                    .arg(esc(tr("Index of names")));
        std::optional<names::EntityKind> kind;
        for (const briefs::BriefName& name : brief.names) {
            if (kind != name.kind) {
                if (kind)
                    html += QStringLiteral("</ul>\n");
                kind = name.kind;
                html += QStringLiteral("<h3 dir=\"ltr\">%1</h3>\n<ul class=\"names\">\n")
                            .arg(esc(kindHeading(name.kind)));
            }
            html +=
                QStringLiteral("<li dir=\"%1\"><strong>%2</strong>").arg(dirOf(name.name), esc(name.name));
            if (!name.nameAr.isEmpty() && name.nameAr != name.name)
                html += QStringLiteral(" <bdi lang=\"ar\" dir=\"rtl\">%1</bdi>").arg(esc(name.nameAr));
            html += QStringLiteral(" —");
            for (qsizetype i = 0; i < name.articles.size(); ++i)
                html += QStringLiteral("%1 <a href=\"#%2\">%3</a>")
                            .arg(i > 0 ? QStringLiteral(",") : QString(), anchorName(name.articles[i]))
                            .arg(name.articles[i] + 1);
            html += QStringLiteral("</li>\n");
        }
        html += QStringLiteral("</ul>\n</section>\n");
    }
    html += QStringLiteral("</body>\n</html>\n");
    return writeAll(out, html.toUtf8(), QStringLiteral("the HTML brief"));
}

} // namespace mirsad::publishing::detail
