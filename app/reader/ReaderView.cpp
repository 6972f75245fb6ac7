#include "reader/ReaderView.h"

#include "names/EntityDirectory.h"
#include "reader/FindBar.h"
#include "reader/HighlightColors.h"
#include "reader/LinkPolicy.h"
#include "text/TextDirection.h"

#include <QAbstractTextDocumentLayout>
#include <QContextMenuEvent>
#include <QCursor>
#include <QImage>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolTip>
#include <map>
#include <memory>

using namespace mirsad;

namespace {

// The reader's document: its resources are the view's to give (the remote images, once allowed).
// QTextDocument's own fallback would read a local file or a resource of the program for any name
// the view does not give, so it is never reached.
class ReaderDocument : public QTextDocument {
public:
    explicit ReaderDocument(QTextBrowser* view)
        : QTextDocument(view)
        , m_view(view) {}

protected:
    QVariant loadResource(int type, const QUrl& name) override { return m_view->loadResource(type, name); }

private:
    QTextBrowser* m_view;
};

} // namespace

ReaderView::ReaderView(QWidget* parent)
    : QTextBrowser(parent)
    , m_findBar(new FindBar(this)) {
    setObjectName(QStringLiteral("reader"));
    // Links are handled here: web links open in the browser, mirsad: links are the reader's own.
    setOpenLinks(false);
    setMouseTracking(true);
    document()->setDocumentMargin(kDocumentMargin);
    m_latinFont = font();
    m_arabicFont = font();
    connect(this, &QTextBrowser::anchorClicked, this, &ReaderView::onAnchorClicked);
}

void ReaderView::setEntityDirectory(EntityDirectory* directory) {
    m_directory = directory;
    connect(directory, &EntityDirectory::ready, this, &ReaderView::applyNameFormats);
    connect(directory, &EntityDirectory::articleCountReady, this, [this](const QString& id) {
        // Refresh the open card once its count arrives.
        if (id == m_hoveredEntity && QToolTip::isVisible())
            QToolTip::showText(QCursor::pos(), m_directory->cardHtml(id), this);
    });
}

static QTextBlockFormat blockFormat(Qt::LayoutDirection direction, qreal bottomMargin) {
    QTextBlockFormat format;
    format.setLayoutDirection(direction);
    format.setAlignment(direction == Qt::RightToLeft ? Qt::AlignRight | Qt::AlignAbsolute
                                                     : Qt::AlignLeft | Qt::AlignAbsolute);
    format.setBottomMargin(bottomMargin);
    format.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
    return format;
}

void ReaderView::showArticle(const Article& article, const QString& feedTitle) {
    if (article.id != m_article.id)
        m_highlights.clear(); // the same article shown again keeps them until they are read again
    m_article = article;
    m_feedTitle = feedTitle;
    // Only web images: an image named by a path would be read from the disk by Qt's image
    // handler itself, whatever loadResource says.
    m_remoteImages = article.remoteImages;
    m_remoteImages.removeIf([](const QString& url) { return !isWebAddress(QUrl(url)); });
    if (!article.thumbnail.isEmpty() && article.thumbnail.startsWith(QLatin1String("http")) &&
        !m_remoteImages.contains(article.thumbnail))
        m_remoteImages.prepend(article.thumbnail);
    m_remoteAllowed = false;
    render();
    emit articleShown();
}

void ReaderView::setMentions(const QList<StoredMention>& mentions) {
    if (m_article.id <= 0)
        return;
    m_article.mentions = mentions;
    applyNameFormats(); // the same text: positions, selection and scrolling still apply
}

void ReaderView::setRemoteContentAllowed(bool allowed) {
    if (allowed == m_remoteAllowed)
        return;
    m_remoteAllowed = allowed;
    if (m_article.id > 0)
        render();
}

QTextCharFormat ReaderView::textFormat(Qt::LayoutDirection direction) const {
    QTextCharFormat format;
    // The Arabic font first in right-to-left paragraphs; each script falls back to the other.
    format.setFontFamilies(direction == Qt::RightToLeft
                               ? QStringList{m_arabicFont.family(), m_latinFont.family()}
                               : QStringList{m_latinFont.family(), m_arabicFont.family()});
    return format;
}

void ReaderView::render() {
    // The article is built on a document of its own, which no layout watches, and then shown in
    // one step: laid out by the view from the top (what is below the fold in the background),
    // never once per paragraph and name as an edit of the shown document would be.
    auto* doc = new ReaderDocument(this); // this view loads its resources (the remote images)
    doc->setUndoRedoEnabled(false);
    doc->setDocumentMargin(kDocumentMargin);
    QFont base = m_latinFont;
    base.setPointSizeF(qMax(6.0, m_latinFont.pointSizeF() + m_zoom));
    doc->setDefaultFont(base);
    QTextCursor cursor(doc);
    cursor.beginEditBlock(); // one edit: no bookkeeping after each insertion

    const Qt::LayoutDirection titleDirection = text::paragraphDirection(m_article.title);
    QTextCharFormat titleFormat = textFormat(titleDirection);
    titleFormat.setFontPointSize(base.pointSizeF() * 1.6);
    titleFormat.setFontWeight(QFont::Bold);
    QTextBlockFormat titleBlock = blockFormat(titleDirection, 6);
    titleBlock.setLineHeight(112, QTextBlockFormat::ProportionalHeight); // a large title needs less air
    cursor.setBlockFormat(titleBlock);
    cursor.insertText(m_article.title, titleFormat);

    QStringList meta;
    if (!m_article.source.isEmpty())
        meta << m_article.source;
    if (!m_feedTitle.isEmpty() && m_feedTitle != m_article.source)
        meta << m_feedTitle;
    if (m_article.published.isValid())
        meta << QLocale().toString(m_article.published.toLocalTime(), QLocale::LongFormat);
    QTextCharFormat metaFormat;
    metaFormat.setForeground(palette().placeholderText());
    // The meta lines follow the article's direction (an Arabic source reads right to left).
    cursor.insertBlock(blockFormat(titleDirection, 4));
    cursor.insertText(meta.join(QStringLiteral("  ·  ")), metaFormat);
    if (!m_article.tags.isEmpty()) {
        cursor.insertBlock(blockFormat(titleDirection, 4));
        cursor.insertText(m_article.tags.join(QStringLiteral("  ·  ")), metaFormat);
    }
    if (!m_remoteImages.isEmpty() && !m_remoteAllowed) {
        cursor.insertBlock(blockFormat(Qt::LeftToRight, 4));
        cursor.insertText(tr("%n remote image(s) blocked.", nullptr, int(m_remoteImages.size())) + u' ',
                          metaFormat);
        QTextCharFormat link;
        link.setAnchor(true);
        link.setAnchorHref(QStringLiteral("mirsad:allow-remote"));
        link.setForeground(palette().link());
        link.setFontUnderline(true);
        cursor.insertText(tr("Load remote images for this feed"), link);
    }

    cursor.insertBlock(blockFormat(Qt::LeftToRight, 12), QTextCharFormat());
    m_textOffset = cursor.position();
    m_paragraphs.clear();
    const QTextCharFormat formats[] = {textFormat(Qt::LeftToRight), textFormat(Qt::RightToLeft)};
    const QStringView text(m_article.text);
    // The names go in with their formats, run by run, rather than as edits of the text after.
    const QList<NameRun> runs = nameRuns();
    qsizetype run = 0;
    qsizetype index = 0;
    for (bool first = true;; first = false) {
        const qsizetype found = text.indexOf(u"\n\n", index);
        const qsizetype end = found < 0 ? text.size() : found;
        const Qt::LayoutDirection direction = text::paragraphDirection(text.sliced(index, end - index));
        if (first)
            cursor.setBlockFormat(blockFormat(direction, 12));
        else
            cursor.insertBlock(blockFormat(direction, 12), QTextCharFormat());
        m_paragraphs.append({index, cursor.position(), direction});
        const QTextCharFormat& plain = formats[direction == Qt::RightToLeft ? 1 : 0];
        qsizetype at = index;
        for (; run < runs.size() && runs.at(run).start < end; ++run) {
            const qsizetype from = qMax(runs.at(run).start, at);
            const qsizetype to = qMin(runs.at(run).end, end);
            if (to <= from)
                continue;
            if (from > at)
                cursor.insertText(text.sliced(at, from - at).toString(), plain);
            QTextCharFormat format = plain;
            format.merge(runs.at(run).format);
            cursor.insertText(text.sliced(from, to - from).toString(), format);
            at = to;
            if (runs.at(run).end > end)
                break; // the name goes on in the next paragraph
        }
        if (end > at)
            cursor.insertText(text.sliced(at, end - at).toString(), plain);
        if (found < 0)
            break;
        index = found + 2;
    }
    if (m_remoteAllowed) {
        for (const QString& url : std::as_const(m_remoteImages)) {
            cursor.insertBlock(blockFormat(Qt::LeftToRight, 12), QTextCharFormat());
            QTextImageFormat imageFormat;
            imageFormat.setName(url);
            imageFormat.setMaximumWidth(QTextLength(QTextLength::PercentageLength, 100));
            cursor.insertImage(imageFormat);
        }
    }
    cursor.endEditBlock();
    setNames(runs);
    // Shown from the top (and laid out from there, not from where the last article was scrolled).
    verticalScrollBar()->setValue(0);
    QTextDocument* old = document();
    setDocument(doc);
    // The view lays the document out from the top, a step at a time: the marks follow.
    connect(doc->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &ReaderView::showLaidOutSelections);
    updateExtraSelections(); // the selections of the old document go with it
    if (old->parent() == this)
        delete old; // the first one belongs to the text control, which deleted it
    // A new cursor at the start (moving the building cursor there would lay out its block, the
    // last one, and with it the whole article).
    setTextCursor(QTextCursor(doc));
}

std::pair<qsizetype, qsizetype> ReaderView::wholeWords(QStringView text, qsizetype start, qsizetype end) {
    // Letters, digits and combining marks belong to the word (tatweel is a letter).
    const auto inWord = [&](qsizetype i) {
        const QChar c = text.at(i);
        return c.isLetterOrNumber() || c.isMark() || c == QChar(0x200D);
    };
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    while (start > 0 && inWord(start - 1))
        --start;
    while (end < text.size() && inWord(end))
        ++end;
    return {start, end};
}

QList<ReaderView::NameRun> ReaderView::nameRuns() const {
    QList<NameRun> runs;
    if (m_article.id <= 0)
        return runs;
    const bool dark = isDarkPalette(palette());
    // One format per kind (until the gazetteer is loaded the kind is unknown: people's colour
    // stands in); the entity's id is added to it.
    std::map<names::EntityKind, QTextCharFormat> kindFormats;
    const auto formatOf = [&](names::EntityKind kind) -> const QTextCharFormat& {
        auto it = kindFormats.find(kind);
        if (it == kindFormats.end())
            it = kindFormats.emplace(kind, nameFormat(kind, dark)).first;
        return it->second;
    };
    runs.reserve(m_article.mentions.size());
    for (const StoredMention& mention : std::as_const(m_article.mentions)) {
        const auto [start, end] = wholeWords(m_article.text, mention.start, mention.end);
        if (end <= start)
            continue;
        if (!runs.isEmpty() && start < runs.last().end)
            continue; // two names in one word: the first keeps it
        const names::Entity* entity = m_directory ? m_directory->entity(mention.entityId) : nullptr;
        QTextCharFormat format = formatOf(entity ? entity->kind : names::EntityKind::Person);
        format.setProperty(EntityIdProperty, mention.entityId);
        runs.append({start, end, mention.entityId, format});
    }
    return runs;
}

void ReaderView::setNames(const QList<NameRun>& runs) {
    m_names.clear();
    m_names.reserve(runs.size());
    for (const NameRun& run : runs)
        m_names.append({documentPosition(run.start), documentPosition(run.end), run.entityId});
}

void ReaderView::applyNameFormats() {
    // The names changed on the article on screen (re-tagged, or the gazetteer loaded): the text
    // is the same, so its formats are set again in place, in one edit (one layout of the text),
    // and the reader keeps its place, its selection and its marks.
    if (m_article.id <= 0)
        return;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    for (qsizetype i = 0; i < m_paragraphs.size(); ++i) {
        const Paragraph& paragraph = m_paragraphs.at(i);
        const qsizetype end =
            i + 1 < m_paragraphs.size() ? m_paragraphs.at(i + 1).textStart - 2 : m_article.text.size();
        cursor.setPosition(paragraph.documentStart);
        cursor.setPosition(documentPosition(end), QTextCursor::KeepAnchor);
        cursor.setCharFormat(textFormat(paragraph.direction));
    }
    const QList<NameRun> runs = nameRuns();
    for (const NameRun& run : runs) {
        cursor.setPosition(documentPosition(run.start));
        cursor.setPosition(documentPosition(run.end), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(run.format);
    }
    setNames(runs);
    cursor.endEditBlock();
}

QString ReaderView::entityAt(int position) const {
    // The names are in document order and do not overlap.
    auto it = std::upper_bound(m_names.cbegin(), m_names.cend(), position,
                               [](int p, const NameSpan& span) { return p < span.documentStart; });
    if (it == m_names.cbegin())
        return {};
    --it;
    return position < it->documentEnd ? it->entityId : QString();
}

void ReaderView::setHighlights(const QList<annotations::Highlight>& highlights) {
    m_highlights = highlights;
    updateExtraSelections();
}

void ReaderView::setSearchMatches(const QList<text::Span>& spans) {
    m_searchMatches = spans;
    updateExtraSelections();
}

void ReaderView::setFindMatches(const QList<text::Span>& spans) {
    m_findMatches = spans;
    updateExtraSelections();
}

void ReaderView::setViewportBottomMargin(int height) {
    setViewportMargins(0, 0, 0, height);
}

void ReaderView::updateExtraSelections() {
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = isDarkPalette(palette());
    // A cursor placed on the shown document lays it out down to where it is placed (for the x it
    // keeps for moving up and down), except while the document is in an edit block: the marks
    // are placed in one (nothing is edited), so that those below the fold cost nothing.
    QTextCursor placing(document());
    placing.beginEditBlock();
    const auto cursorOver = [&](qsizetype start, qsizetype end) {
        QTextCursor cursor(document());
        cursor.setPosition(documentPosition(start));
        cursor.setPosition(documentPosition(end), QTextCursor::KeepAnchor);
        return cursor;
    };
    // The find bar's matches, over whole words so that Arabic letters keep joining (the current
    // one is the reader's selection).
    for (const text::Span& match : std::as_const(m_findMatches)) {
        if (match.end > m_article.text.size() || match.end <= match.start)
            continue;
        const auto [start, end] = wholeWords(m_article.text, match.start, match.end);
        QTextEdit::ExtraSelection selection;
        selection.cursor = cursorOver(start, end);
        selection.format.setBackground(dark ? QColor(0x2e, 0x5e, 0x3e) : QColor(0xb8, 0xf0, 0xc0));
        selection.format.setForeground(palette().text());
        selections << selection;
    }
    // Search matches first, so that the analyst's own highlights paint over them.
    for (const text::Span& match : std::as_const(m_searchMatches)) {
        if (match.end > m_article.text.size() || match.end <= match.start)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = cursorOver(match.start, match.end);
        selection.format.setBackground(dark ? QColor(0x8a, 0x5a, 0x00) : QColor(0xff, 0xd5, 0x80));
        selection.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        selection.format.setUnderlineColor(dark ? QColor(0xff, 0xb0, 0x40) : QColor(0xc0, 0x60, 0x00));
        selections << selection;
    }
    for (const annotations::Highlight& h : std::as_const(m_highlights)) {
        if (h.orphaned || h.selector.end > m_article.text.size())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = cursorOver(h.selector.start, h.selector.end);
        selection.format.setBackground(highlightColor(h.color, dark));
        selections << selection;
    }
    placing.endEditBlock();
    m_selections = std::move(selections);
    m_selectionsShown = -1;
    m_selectionsComplete = false;
    showLaidOutSelections();
}

void ReaderView::showLaidOutSelections() {
    // QTextEdit::setExtraSelections asks for the place of every new selection, which lays the
    // document out down to it (and a selection across paragraphs, all of it): the marks further
    // down than the view laid out so far wait until it gets there (it goes on in the background,
    // and wherever the user scrolls), so that an article with highlights near its end opens as
    // fast as one without. Until the whole article is laid out, a mark across paragraphs is
    // shown paragraph by paragraph (the same, but for the sliver Qt paints for the break).
    if (m_selectionsComplete)
        return;
    QTextDocument* doc = document();
    const auto laidOut = [](const QTextBlock& block) {
        return block.isValid() && block.layout()->lineCount() > 0;
    };
    const bool finished = laidOut(doc->lastBlock());
    QList<QTextEdit::ExtraSelection> shown;
    shown.reserve(m_selections.size());
    bool complete = true;
    for (const QTextEdit::ExtraSelection& selection : std::as_const(m_selections)) {
        const int start = selection.cursor.selectionStart();
        const int end = selection.cursor.selectionEnd();
        const QTextBlock first = doc->findBlock(start);
        const QTextBlock last = doc->findBlock(end);
        if (first == last || finished) {
            if (laidOut(last))
                shown << selection;
            else
                complete = false;
            continue;
        }
        complete = false;
        for (QTextBlock block = first; laidOut(block); block = block.next()) {
            const int from = qMax(start, block.position());
            const int to = qMin(end, block.position() + block.length() - 1);
            if (to > from) {
                QTextEdit::ExtraSelection part = selection;
                part.cursor.setPosition(from);
                part.cursor.setPosition(to, QTextCursor::KeepAnchor);
                shown << part;
            }
            if (block == last)
                break;
        }
    }
    if (!complete && shown.size() == m_selectionsShown)
        return;
    m_selectionsShown = shown.size();
    m_selectionsComplete = complete;
    setExtraSelections(shown);
}

qint64 ReaderView::highlightAt(int position) const {
    const qsizetype index = textIndex(position);
    for (const annotations::Highlight& h : m_highlights)
        if (!h.orphaned && index >= h.selector.start && index < h.selector.end && position >= m_textOffset)
            return h.id;
    return 0;
}

std::optional<std::pair<qsizetype, qsizetype>> ReaderView::selectedTextRange() const {
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection() || m_article.id <= 0)
        return {};
    const int from = qMax(cursor.selectionStart(), m_textOffset);
    const int to = cursor.selectionEnd();
    if (to <= from)
        return {};
    const qsizetype start = textIndex(from);
    const qsizetype end = qMin(textIndex(to), m_article.text.size());
    if (end <= start)
        return {};
    return std::pair{start, end};
}

void ReaderView::selectText(qsizetype start, qsizetype end) {
    QTextCursor cursor(document());
    cursor.setPosition(documentPosition(start));
    cursor.setPosition(documentPosition(end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

int ReaderView::documentPosition(qsizetype index) const {
    // The last paragraph that starts at or before index.
    auto it = std::upper_bound(m_paragraphs.cbegin(), m_paragraphs.cend(), index,
                               [](qsizetype i, const Paragraph& p) { return i < p.textStart; });
    if (it == m_paragraphs.cbegin())
        return m_textOffset;
    --it;
    return it->documentStart + int(index - it->textStart);
}

qsizetype ReaderView::textIndex(int position) const {
    auto it = std::upper_bound(m_paragraphs.cbegin(), m_paragraphs.cend(), position,
                               [](int p, const Paragraph& paragraph) { return p < paragraph.documentStart; });
    if (it == m_paragraphs.cbegin())
        return 0;
    --it;
    return it->textStart + (position - it->documentStart);
}

void ReaderView::showMessage(const QString& message, const QString& actionText) {
    m_article = Article();
    m_textOffset = 0;
    m_paragraphs.clear();
    m_names.clear();
    m_highlights.clear();
    m_remoteImages.clear();
    m_findMatches.clear();
    m_selections.clear();
    m_selectionsShown = 0;
    m_selectionsComplete = true;
    setExtraSelections({});
    setPlainText(message);
    if (!actionText.isEmpty()) {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        cursor.insertHtml(
            QStringLiteral("<a href=\"mirsad:message-action\">%1</a>").arg(actionText.toHtmlEscaped()));
    }
    emit articleShown();
}

void ReaderView::setReaderFonts(const QFont& latin, const QFont& arabic) {
    m_latinFont = latin;
    m_arabicFont = arabic;
    if (m_article.id > 0)
        render();
}

void ReaderView::zoomBy(int steps) {
    m_zoom = std::clamp(m_zoom + steps, -6, 24);
    if (m_article.id > 0)
        render();
    emit zoomChanged(m_zoom);
}

void ReaderView::resetZoom() {
    zoomBy(-m_zoom);
}

void ReaderView::mouseMoveEvent(QMouseEvent* event) {
    QTextBrowser::mouseMoveEvent(event);
    const int position = cursorForPosition(event->position().toPoint()).position();
    const QString entity = event->buttons() == Qt::NoButton ? entityAt(position) : QString();
    if (entity != m_hoveredEntity) {
        m_hoveredEntity = entity;
        viewport()->setCursor(entity.isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
        if (entity.isEmpty() || !m_directory)
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), m_directory->cardHtml(entity), this);
    }
}

void ReaderView::mouseReleaseEvent(QMouseEvent* event) {
    QTextBrowser::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection())
        return;
    const QString entity = entityAt(cursorForPosition(event->position().toPoint()).position());
    if (!entity.isEmpty())
        emit entityActivated(entity);
}

void ReaderView::contextMenuEvent(QContextMenuEvent* event) {
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    const qint64 highlightId = highlightAt(cursorForPosition(event->pos()).position());
    menu->addSeparator();
    if (selectedTextRange()) {
        QMenu* highlight = menu->addMenu(tr("&Highlight"));
        for (const HighlightColor& color : highlightPalette())
            highlight->addAction(color.label, this,
                                 [this, name = color.name] { emit highlightRequested(name); });
    }
    if (highlightId > 0) {
        QMenu* recolor = menu->addMenu(tr("Highlight &colour"));
        for (const HighlightColor& color : highlightPalette())
            recolor->addAction(color.label, this, [this, highlightId, name = color.name] {
                emit recolorRequested(highlightId, name);
            });
        menu->addAction(tr("&Remove highlight"), this,
                        [this, highlightId] { emit removeHighlightRequested(highlightId); });
        menu->addAction(tr("Add a &note on this highlight"), this,
                        [this, highlightId] { emit noteRequested(highlightId); });
    } else if (m_article.id > 0) {
        menu->addAction(tr("Add a &note on this article"), this, [this] { emit noteRequested(0); });
    }
    menu->exec(event->globalPos());
}

void ReaderView::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_article.id > 0)
        render(); // the name colours follow the theme
}

void ReaderView::onAnchorClicked(const QUrl& url) {
    if (url.scheme() == QLatin1String("mirsad")) {
        if (url.path() == QLatin1String("allow-remote"))
            emit remoteContentRequested();
        else if (url.path() == QLatin1String("message-action"))
            emit messageActionClicked();
        return;
    }
    if (!openLinkOutside(url))
        emit linkRefused(url);
}

QVariant ReaderView::loadResource(int type, const QUrl& name) {
    // What this view shows of an article is its text and, when the user allowed them for its feed,
    // its remote images. Nothing else reaches a resource: no local file, no resource compiled into
    // the program, whatever a stored article names (the sanitiser keeps only http(s) images, but a
    // colleague's rows on a team server or an old file need not have passed through it).
    if (!isWebAddress(name) || !m_remoteAllowed || type != QTextDocument::ImageResource)
        return {};
    fetchImage(name);
    return {};
}

void ReaderView::fetchImage(const QUrl& url) {
    if (m_fetching.contains(url))
        return;
    m_fetching.insert(url, true);
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setTransferTimeout(15000);
    QNetworkReply* reply = m_network->get(request);
    const qint64 articleId = m_article.id;
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, articleId] {
        reply->deleteLater();
        QImage image;
        if (reply->error() == QNetworkReply::NoError && image.loadFromData(reply->readAll()) &&
            articleId == m_article.id) {
            document()->addResource(QTextDocument::ImageResource, url, image);
            // Re-lay out so the image takes its place.
            document()->markContentsDirty(0, document()->characterCount());
        }
    });
}
