#pragma once

#include "annotations/Annotations.h"
#include "articles/Article.h"
#include "text/TextNormalizer.h"

#include <QHash>
#include <QTextBrowser>
#include <QTextFormat>
#include <optional>

class EntityDirectory;
class FindBar;
class QNetworkAccessManager;

// The article reader: title, source and date, tags, then the text, each paragraph laid out in
// its own direction (Arabic right to left, English left to right). Names are highlighted a
// colour per kind, over whole words so that Arabic letters keep joining; hovering one shows its
// card, clicking it asks for the feed to be filtered to it. The analyst's highlights are drawn
// over the text as extra selections (which never break the shaping either).
class ReaderView : public QTextBrowser {
    Q_OBJECT
public:
    // The entity id stored in a name's character format.
    static constexpr int EntityIdProperty = QTextFormat::UserProperty + 1;

    explicit ReaderView(QWidget* parent = nullptr);

    void setEntityDirectory(EntityDirectory* directory);
    void showArticle(const mirsad::Article& article, const QString& feedTitle);
    // A message instead of an article; with `actionText`, a link below it that emits
    // messageActionClicked (e.g. "Clear all filters").
    void showMessage(const QString& message, const QString& actionText = {});
    // The names of the article on screen changed (re-tagged): drawn again where the reader is.
    void setMentions(const QList<mirsad::StoredMention>& mentions);
    qint64 articleId() const { return m_article.id; }
    const mirsad::Article& article() const { return m_article; }

    // Where Article::text starts in the document (the title and meta lines come first).
    int textOffset() const { return m_textOffset; }
    // Maps between offsets into Article::text (paragraphs separated by "\n\n") and positions
    // in the document (one block break between paragraphs).
    int documentPosition(qsizetype textIndex) const;
    qsizetype textIndex(int documentPosition) const;

    // The span a name's highlight covers: the mention widened to whole words, so that clitics
    // (و ب ل ال...) and the name share one format and Arabic letters keep joining.
    static std::pair<qsizetype, qsizetype> wholeWords(QStringView text, qsizetype start, qsizetype end);
    // The entity whose name is at a document position, or empty.
    QString entityAt(int documentPosition) const;

    // The analyst's highlights of this article (orphans are not drawn).
    void setHighlights(const QList<mirsad::annotations::Highlight>& highlights);
    // Marks where the list's full-text query matches (UTF-16 spans into Article::text).
    void setSearchMatches(const QList<mirsad::text::Span>& spans);
    // Marks the find bar's matches (UTF-16 spans into Article::text).
    void setFindMatches(const QList<mirsad::text::Span>& spans);
    // The find bar (Ctrl+F) along the bottom edge, which keeps this much of the view for itself.
    FindBar* findBar() const { return m_findBar; }
    void setViewportBottomMargin(int height);
    const QList<mirsad::text::Span>& searchMatches() const { return m_searchMatches; }
    // The highlight at a document position, or 0.
    qint64 highlightAt(int documentPosition) const;
    // The selection as a span of Article::text, if it is inside the text.
    std::optional<std::pair<qsizetype, qsizetype>> selectedTextRange() const;
    // Selects Article::text[start, end) (for tests and for jumping to a highlight).
    void selectText(qsizetype start, qsizetype end);

    void setReaderFonts(const QFont& latin, const QFont& arabic);
    void zoomBy(int steps);
    void resetZoom();
    int zoom() const { return m_zoom; }

    // Remote images load only when the article's feed allows them.
    void setRemoteContentAllowed(bool allowed);
    bool remoteContentAllowed() const { return m_remoteAllowed; }
    int remoteImageCount() const { return int(m_remoteImages.size()); }

signals:
    // A new article (or a message) was shown.
    void articleShown();
    void entityActivated(const QString& entityId);
    void highlightRequested(const QString& color); // over the selection
    void recolorRequested(qint64 highlightId, const QString& color);
    void removeHighlightRequested(qint64 highlightId);
    void noteRequested(qint64 highlightId); // 0: on the article
    void remoteContentRequested();
    void messageActionClicked();
    void linkRefused(const QUrl& url); // a link of a scheme Mirsad does not open (file:, javascript:...)
    void zoomChanged(int zoom);

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    QVariant loadResource(int type, const QUrl& name) override;

private:
    static constexpr int kDocumentMargin = 24;
    struct Paragraph {
        qsizetype textStart;
        int documentStart;
        Qt::LayoutDirection direction;
    };
    struct NameSpan {
        int documentStart;
        int documentEnd;
        QString entityId;
    };
    void render();
    QTextCharFormat textFormat(Qt::LayoutDirection direction) const;
    // The names' spans of Article::text (whole words, in order, not overlapping) with their
    // formats, and the same as document positions (m_names, for hovering and clicking).
    struct NameRun {
        qsizetype start;
        qsizetype end;
        QString entityId;
        QTextCharFormat format;
    };
    QList<NameRun> nameRuns() const;
    void setNames(const QList<NameRun>& runs);
    void applyNameFormats();
    void updateExtraSelections();
    void showLaidOutSelections();
    void onAnchorClicked(const QUrl& url);
    void fetchImage(const QUrl& url);

    mirsad::Article m_article;
    QString m_feedTitle;
    int m_textOffset = 0;
    QList<Paragraph> m_paragraphs;
    QList<NameSpan> m_names;
    QList<mirsad::annotations::Highlight> m_highlights;
    QList<mirsad::text::Span> m_searchMatches;
    QList<mirsad::text::Span> m_findMatches;
    // The marks (find and search matches, highlights), in painting order; how many selections
    // the view has for them (those in the part it laid out so far), and whether all of them.
    QList<QTextEdit::ExtraSelection> m_selections;
    qsizetype m_selectionsShown = 0;
    bool m_selectionsComplete = true;
    FindBar* m_findBar;
    EntityDirectory* m_directory = nullptr;
    QString m_hoveredEntity;
    QFont m_latinFont;
    QFont m_arabicFont;
    int m_zoom = 0;
    bool m_remoteAllowed = false;
    QStringList m_remoteImages;
    QNetworkAccessManager* m_network = nullptr;
    QHash<QUrl, bool> m_fetching;
};
