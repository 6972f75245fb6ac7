#include "annotations/HighlightPalette.h"
#include "content/SafeUrl.h"
#include "publishing/BriefText_p.h"
#include "publishing/Export.h"
#include "publishing/Writers_p.h"
#include "text/TextDirection.h"

#include <QColor>
#include <QFont>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>

namespace mirsad::publishing {

using namespace detail;

namespace {

// The page: a serif body (Noto Serif for Latin, Noto Naskh Arabic for Arabic, by fallback),
// sizes in points, lengths in 96-dpi pixels (the layout scales them to the printer).
constexpr qreal bodySize = 10.5;
constexpr qreal pageMargin = 72; // 19 mm
const QColor quietText(0x55, 0x55, 0x55);
const QColor linkColor(0x1d, 0x4e, 0x89);

QFont bodyFont() {
    QFont font;
    font.setFamilies(
        {QStringLiteral("Noto Serif"), QStringLiteral("Noto Naskh Arabic"), QStringLiteral("DejaVu Serif")});
    font.setStyleHint(QFont::Serif);
    font.setPointSizeF(bodySize);
    return font;
}

QTextCharFormat textFormat(qreal size = bodySize, const QColor& color = {}, bool bold = false,
                           bool italic = false) {
    QTextCharFormat format;
    format.setFontPointSize(size);
    if (bold)
        format.setFontWeight(QFont::Bold);
    if (italic)
        format.setFontItalic(true);
    if (color.isValid())
        format.setForeground(color);
    return format;
}

QTextBlockFormat blockFormat(qreal top, qreal bottom, qreal indent = 0) {
    QTextBlockFormat format;
    format.setTopMargin(top);
    format.setBottomMargin(bottom);
    format.setLeftMargin(indent);
    format.setRightMargin(indent);
    format.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
    return format;
}

// Every block takes its direction from its own text (the first strong character); a block
// without letters follows the one before it.
// For ODT a right-to-left block is also aligned right: Qt's writer keeps no paragraph direction
// (the export adds it to the package afterwards), and a reader that ignores it still aligns it.
void setDirections(QTextDocument& document, int from, int to, bool alignRightToLeft) {
    Qt::LayoutDirection previous = Qt::LeftToRight;
    QTextBlock block = document.findBlock(from);
    if (block.previous().isValid())
        previous = block.previous().blockFormat().layoutDirection() == Qt::RightToLeft ? Qt::RightToLeft
                                                                                       : Qt::LeftToRight;
    QTextCursor cursor(&document);
    for (; block.isValid() && block.position() <= to; block = block.next()) {
        const QString text = block.text();
        bool strong = false;
        for (const QChar c : text)
            if (c.isLetter()) {
                strong = true;
                break;
            }
        const Qt::LayoutDirection direction = strong ? text::paragraphDirection(text) : previous;
        previous = direction;
        if (block.blockFormat().layoutDirection() == direction &&
            (!alignRightToLeft || direction == Qt::LeftToRight))
            continue;
        QTextBlockFormat format;
        format.setLayoutDirection(direction);
        if (alignRightToLeft && direction == Qt::RightToLeft)
            format.setAlignment(Qt::AlignRight | Qt::AlignAbsolute);
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(format);
    }
}

class Builder {
public:
    Builder(QTextDocument& document, detail::DocumentFlavour flavour)
        : m_document(document)
        , m_cursor(&document)
        , m_flavour(flavour) {}

    void build(const briefs::Brief& brief) {
        title(brief);
        introduction(brief.introduction);
        for (int i = 0; i < brief.articles.size(); ++i)
            article(i, brief.articles[i]);
        index(brief);
    }

private:
    // Starts a new block (the document's first block, and the empty one after a quote, are used as
    // they are).
    void block(const QTextBlockFormat& format, const QTextCharFormat& chars) {
        if (m_reuseBlock) {
            m_cursor.setBlockFormat(format);
            m_cursor.setBlockCharFormat(chars);
            m_cursor.setCharFormat(chars);
            m_reuseBlock = false;
        } else {
            m_cursor.insertBlock(format, chars);
        }
    }

    void line(const QString& text, const QTextBlockFormat& format, const QTextCharFormat& chars) {
        block(format, chars);
        m_cursor.insertText(text, chars);
    }

    void title(const briefs::Brief& brief) {
        QTextBlockFormat format = blockFormat(0, 6);
        format.setHeadingLevel(1);
        line(titleOf(brief), format, textFormat(20, {}, true));
        line(headerParts(brief).join(QStringLiteral(" · ")), blockFormat(0, 14), textFormat(9, quietText));
    }

    // Markdown (notes, the introduction), each block indented and in its own direction.
    void markdown(const QString& body, qreal indent, qreal size) {
        if (body.trimmed().isEmpty())
            return;
        block(blockFormat(2, 2, indent), textFormat(size));
        const int from = m_cursor.position();
        m_cursor.insertMarkdown(body, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub) |
                                          QTextDocument::MarkdownNoHTML);
        const int to = m_cursor.position();
        QTextCursor range(&m_document);
        range.setPosition(from);
        range.setPosition(to, QTextCursor::KeepAnchor);
        QTextBlockFormat indented;
        indented.setLeftMargin(indent);
        indented.setRightMargin(indent);
        indented.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        range.mergeBlockFormat(indented);
        QTextCharFormat sized;
        sized.setFontPointSize(size);
        range.mergeCharFormat(sized);
        disarmLinks(from, to);
        // Markdown links in the brief's colour.
        m_cursor.setCharFormat(textFormat(size));
    }

    // A note is the analyst's, but its links may be pasted from anywhere: a PDF or ODT viewer
    // follows them, so only http, https and mailto stay links (content/SafeUrl.h); the rest keep
    // their text.
    void disarmLinks(int from, int to) {
        for (QTextBlock block = m_document.findBlock(from); block.isValid() && block.position() < to;
             block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                const QTextCharFormat format = fragment.charFormat();
                if (!format.isAnchor() || format.anchorHref().isEmpty() ||
                    !content::safeUrl(format.anchorHref(), {}, true).isEmpty())
                    continue;
                QTextCursor link(&m_document);
                link.setPosition(fragment.position());
                link.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                QTextCharFormat plain = format;
                plain.setAnchor(false);
                plain.setAnchorHref(QString());
                plain.setFontUnderline(false);
                plain.clearForeground();
                link.setCharFormat(plain);
            }
        }
    }

    void introduction(const QString& text) { markdown(text, 0, bodySize); }

    void article(int index, const briefs::BriefArticle& entry) {
        QTextBlockFormat heading = blockFormat(18, 2);
        heading.setHeadingLevel(2);
        heading.setPageBreakPolicy(QTextFormat::PageBreak_Auto);
        block(heading, textFormat(14, {}, true));
        QTextCharFormat anchor = textFormat(14, {}, true);
        anchor.setAnchor(true);
        anchor.setAnchorNames({anchorName(index)});
        m_cursor.insertText(QStringLiteral("%1. ").arg(index + 1), anchor);
        m_cursor.insertText(articleTitle(entry), textFormat(14, {}, true));

        block(blockFormat(0, 6), textFormat(9, quietText));
        const QString source = sourceLine(entry);
        m_cursor.insertText(source, textFormat(9, quietText));
        if (!entry.article.link.isEmpty()) {
            if (!source.isEmpty())
                m_cursor.insertText(QStringLiteral(" · "), textFormat(9, quietText));
            // Only a web link is made clickable (a feed's link is not to be trusted either).
            QTextCharFormat link = textFormat(9, quietText);
            if (!content::safeUrl(entry.article.link, {}, true).isEmpty()) {
                link = textFormat(9, linkColor);
                link.setAnchor(true);
                link.setAnchorHref(entry.article.link);
                link.setFontUnderline(true);
            }
            m_cursor.insertText(entry.article.link, link);
        }

        const ArticleNotes notes = notesOf(entry);
        bool orphansShown = false;
        for (const annotations::Highlight& highlight : entry.highlights) {
            if (highlight.orphaned && !orphansShown) {
                line(orphanedLabel(), blockFormat(6, 0, 14), textFormat(9, quietText, false, true));
                orphansShown = true;
            }
            quote(highlight);
            for (const annotations::Note* note : notes.byHighlight.value(highlight.id))
                this->note(*note, 28);
        }
        if (!notes.onArticle.isEmpty()) {
            line(tr("Notes"), blockFormat(8, 0), textFormat(bodySize, quietText, true));
            for (const annotations::Note* note : notes.onArticle)
                this->note(*note, 0);
        }
    }

    // A quote: one shaded cell in the highlight's colour (orphans with a dashed border); for ODT,
    // whose writer keeps neither the width nor the colour of a cell, shaded paragraphs.
    void quote(const annotations::Highlight& highlight) {
        const QColor shade = QColor::fromRgb(annotations::paletteColor(highlight.color).light);
        if (m_flavour == detail::DocumentFlavour::Odt) {
            for (const QString& paragraph :
                 highlight.selector.quote.trimmed().split(QStringLiteral("\n\n"))) {
                QTextBlockFormat format = blockFormat(6, 2, 14);
                format.setBackground(shade);
                line(paragraph.simplified(), format, textFormat(bodySize + 0.5));
            }
            return;
        }
        QTextFrameFormat frame;
        frame.setBorder(highlight.orphaned ? 1 : 0);
        frame.setBorderStyle(highlight.orphaned ? QTextFrameFormat::BorderStyle_Dashed
                                                : QTextFrameFormat::BorderStyle_None);
        frame.setBorderBrush(quietText);
        frame.setPadding(7);
        frame.setTopMargin(6);
        frame.setBottomMargin(2);
        frame.setLeftMargin(14);
        frame.setRightMargin(14);
        frame.setBackground(shade);
        m_reuseBlock = false;
        m_cursor.insertFrame(frame);
        QTextBlockFormat format = blockFormat(0, 0);
        format.setLayoutDirection(text::paragraphDirection(highlight.selector.quote));
        m_cursor.setBlockFormat(format);
        m_cursor.insertText(highlight.selector.quote.trimmed(), textFormat(bodySize + 0.5));
        // After a frame the document has an empty block: the next line goes there.
        m_cursor = m_document.rootFrame()->lastCursorPosition();
        m_reuseBlock = true;
    }

    void note(const annotations::Note& note, qreal indent) {
        markdown(note.body, indent, bodySize - 0.5);
        const QString byline = noteByline(note);
        if (!byline.isEmpty())
            line(QStringLiteral("— ") + byline, blockFormat(0, 4, indent),
                 textFormat(8.5, quietText, false, true));
    }

    void index(const briefs::Brief& brief) {
        if (brief.names.isEmpty())
            return;
        QTextBlockFormat heading = blockFormat(24, 6);
        heading.setHeadingLevel(2);
        heading.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        line(tr("Index of names"), heading, textFormat(14, {}, true));
        std::optional<names::EntityKind> kind;
        for (const briefs::BriefName& name : brief.names) {
            if (kind != name.kind) {
                kind = name.kind;
                QTextBlockFormat sub = blockFormat(10, 3);
                sub.setHeadingLevel(3);
                line(kindHeading(name.kind), sub, textFormat(11, {}, true));
            }
            block(blockFormat(0, 1, 0), textFormat(bodySize));
            m_cursor.insertText(name.name, textFormat(bodySize, {}, true));
            if (!name.nameAr.isEmpty() && name.nameAr != name.name)
                m_cursor.insertText(QStringLiteral("  ") + text::isolated(name.nameAr), textFormat(bodySize));
            m_cursor.insertText(QStringLiteral(" — "), textFormat(bodySize, quietText));
            for (qsizetype i = 0; i < name.articles.size(); ++i) {
                if (i > 0)
                    m_cursor.insertText(QStringLiteral(", "), textFormat(bodySize, quietText));
                QTextCharFormat link = textFormat(bodySize, linkColor);
                link.setAnchor(true);
                link.setAnchorHref(u'#' + anchorName(name.articles[i]));
                m_cursor.insertText(QString::number(name.articles[i] + 1), link);
            }
        }
    }

    QTextDocument& m_document;
    QTextCursor m_cursor;
    detail::DocumentFlavour m_flavour;
    bool m_reuseBlock = true;
};

} // namespace

namespace detail {

std::unique_ptr<QTextDocument> briefDocument(const briefs::Brief& brief, DocumentFlavour flavour) {
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(bodyFont());
    document->setMetaInformation(QTextDocument::DocumentTitle, titleOf(brief));
    QTextFrameFormat root = document->rootFrame()->frameFormat();
    root.setMargin(pageMargin);
    document->rootFrame()->setFrameFormat(root);
    // One edit block: the document then rescans its frames once at the end, not after each of
    // the quotes (which made building a 2,000-quote brief quadratic).
    QTextCursor batch(document.get());
    batch.beginEditBlock();
    Builder builder(*document, flavour);
    builder.build(brief);
    batch.endEditBlock();

    setDirections(*document, 0, document->characterCount(), flavour == DocumentFlavour::Odt);
    return document;
}

} // namespace detail

std::unique_ptr<QTextDocument> briefDocument(const briefs::Brief& brief) {
    return detail::briefDocument(brief, detail::DocumentFlavour::Page);
}

} // namespace mirsad::publishing
