#include "reader/ReaderView.h"

#include "names/EntityDirectory.h"
#include "reader/FindBar.h"
#include "reader/HighlightColors.h"
#include "text/TextDirection.h"

#include <QContextMenuEvent>
#include <QCursor>
#include <QDesktopServices>
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
#include <memory>

using namespace mirsad;

ReaderView::ReaderView(QWidget* parent)
    : QTextBrowser(parent)
    , m_findBar(new FindBar(this)) {
    setObjectName(QStringLiteral("reader"));
    // Links are handled here: web links open in the browser, mirsad: links are the reader's own.
    setOpenLinks(false);
    setMouseTracking(true);
    document()->setDocumentMargin(24);
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
    m_remoteImages = article.remoteImages;
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
    const int scrolled = verticalScrollBar()->value();
    const int anchor = textCursor().anchor();
    const int position = textCursor().position();
    render(); // the same text: positions and selection still apply
    const int last = document()->characterCount() - 1;
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(anchor, 0, last));
    cursor.setPosition(std::clamp(position, 0, last), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    verticalScrollBar()->setValue(scrolled);
}

void ReaderView::setRemoteContentAllowed(bool allowed) {
    if (allowed == m_remoteAllowed)
        return;
    m_remoteAllowed = allowed;
    if (m_article.id > 0)
        render();
}

void ReaderView::render() {
    QTextDocument* doc = document();
    doc->clear();
    m_names.clear();
    QFont base = m_latinFont;
    base.setPointSizeF(qMax(6.0, m_latinFont.pointSizeF() + m_zoom));
    doc->setDefaultFont(base);
    QTextCursor cursor(doc);

    const auto textFormat = [&](Qt::LayoutDirection direction) {
        QTextCharFormat format;
        // The Arabic font first in right-to-left paragraphs; each script falls back to the other.
        format.setFontFamilies(direction == Qt::RightToLeft
                                   ? QStringList{m_arabicFont.family(), m_latinFont.family()}
                                   : QStringList{m_latinFont.family(), m_arabicFont.family()});
        return format;
    };

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
    const QStringList paragraphs = m_article.text.split(QStringLiteral("\n\n"));
    qsizetype index = 0;
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        const Qt::LayoutDirection direction = text::paragraphDirection(paragraphs.at(i));
        if (i > 0)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.setBlockFormat(blockFormat(direction, 12));
        m_paragraphs.append({index, cursor.position()});
        cursor.insertText(paragraphs.at(i), textFormat(direction));
        index += paragraphs.at(i).size() + 2;
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
    applyNameFormats();
    updateExtraSelections();
    cursor.movePosition(QTextCursor::Start);
    setTextCursor(cursor);
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

void ReaderView::applyNameFormats() {
    m_names.clear();
    if (m_article.id <= 0)
        return;
    const bool dark = isDarkPalette(palette());
    QTextCursor cursor(document());
    for (const StoredMention& mention : std::as_const(m_article.mentions)) {
        const auto [start, end] = wholeWords(m_article.text, mention.start, mention.end);
        if (end <= start)
            continue;
        const names::Entity* entity = m_directory ? m_directory->entity(mention.entityId) : nullptr;
        // Until the gazetteer is loaded the kind is unknown: people's colour stands in.
        QTextCharFormat format = nameFormat(entity ? entity->kind : names::EntityKind::Person, dark);
        format.setProperty(EntityIdProperty, mention.entityId);
        const NameSpan span{documentPosition(start), documentPosition(end), mention.entityId};
        if (!m_names.isEmpty() && span.documentStart < m_names.last().documentEnd)
            continue; // two names in one word: the first keeps it
        cursor.setPosition(span.documentStart);
        cursor.setPosition(span.documentEnd, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
        m_names.append(span);
    }
}

QString ReaderView::entityAt(int position) const {
    for (const NameSpan& span : m_names)
        if (position >= span.documentStart && position < span.documentEnd)
            return span.entityId;
    return {};
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
    // The find bar's matches, over whole words so that Arabic letters keep joining (the current
    // one is the reader's selection).
    for (const text::Span& match : std::as_const(m_findMatches)) {
        if (match.end > m_article.text.size() || match.end <= match.start)
            continue;
        const auto [start, end] = wholeWords(m_article.text, match.start, match.end);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(documentPosition(start));
        selection.cursor.setPosition(documentPosition(end), QTextCursor::KeepAnchor);
        selection.format.setBackground(dark ? QColor(0x2e, 0x5e, 0x3e) : QColor(0xb8, 0xf0, 0xc0));
        selection.format.setForeground(palette().text());
        selections << selection;
    }
    // Search matches first, so that the analyst's own highlights paint over them.
    for (const text::Span& match : std::as_const(m_searchMatches)) {
        if (match.end > m_article.text.size() || match.end <= match.start)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(documentPosition(match.start));
        selection.cursor.setPosition(documentPosition(match.end), QTextCursor::KeepAnchor);
        selection.format.setBackground(dark ? QColor(0x8a, 0x5a, 0x00) : QColor(0xff, 0xd5, 0x80));
        selection.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        selection.format.setUnderlineColor(dark ? QColor(0xff, 0xb0, 0x40) : QColor(0xc0, 0x60, 0x00));
        selections << selection;
    }
    for (const annotations::Highlight& h : std::as_const(m_highlights)) {
        if (h.orphaned || h.selector.end > m_article.text.size())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(documentPosition(h.selector.start));
        selection.cursor.setPosition(documentPosition(h.selector.end), QTextCursor::KeepAnchor);
        selection.format.setBackground(highlightColor(h.color, dark));
        selections << selection;
    }
    setExtraSelections(selections);
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
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        QDesktopServices::openUrl(url);
}

QVariant ReaderView::loadResource(int type, const QUrl& name) {
    const bool remote = name.scheme() == QLatin1String("http") || name.scheme() == QLatin1String("https");
    if (!remote)
        return QTextBrowser::loadResource(type, name);
    // Nothing remote is fetched unless the user allowed it for this feed.
    if (!m_remoteAllowed || type != QTextDocument::ImageResource)
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
