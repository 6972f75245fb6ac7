#pragma once

#include "storage/ArticleFilter.h"
#include "storage/ArticleQueries.h"

#include <QAbstractTableModel>
#include <QMimeData>
#include <atomic>
#include <memory>

namespace mirsad::storage {
class Storage;
}

namespace mirsad::models {

// The article list: one row per article matching the filter, newest first, loaded from the
// reader thread a page at a time (canFetchMore/fetchMore), so that a view over hundreds of
// thousands of articles opens at once and scrolls smoothly.
class ArticleListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StarColumn, TitleColumn, SourceColumn, DateColumn, NamesColumn, NotesColumn, ColumnCount };
    enum Role {
        ArticleIdRole = Qt::UserRole + 1,
        ReadRole,
        StarredRole,
        NotesRole,
        EntitiesRole,
        PublishedRole,
        LinkRole, // the article's address: http(s), or file:// for a local file
        FeedIdRole,
        // With a text search, the title column's passage of the text that matched: a
        // search::Snippet (its text and the matched words' spans). Invalid otherwise.
        SnippetRole,
    };

    explicit ArticleListModel(storage::Storage& storage, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    // Rows are dragged as their articles' ids (articleIdsMimeType): the brief composer takes them.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    void fetchMore(const QModelIndex& parent) override;

    const ArticleFilter& filter() const { return m_filter; }
    // Shows the articles matching `filter`, from the first page.
    void setFilter(const ArticleFilter& filter);
    // Reloads the pages shown so far (after articles were added or changed).
    void refresh();

    int pageSize() const { return m_pageSize; }
    void setPageSize(int size) { m_pageSize = qMax(1, size); }
    bool isLoading() const { return m_loading; }
    // Whether the rows shown come from a text search, and so carry snippets (SnippetRole).
    bool hasSnippets() const { return m_hasSnippets; }

    qint64 articleId(int row) const;
    int rowOfArticle(qint64 id) const;
    // Update one row without a reload (after the user marked or starred it).
    void setArticleRead(qint64 id, bool read);
    void setArticleStarred(qint64 id, bool starred);
    // Updates the rows of these articles (after Mark All as Read, or its undo).
    void setArticlesRead(const QList<qint64>& ids, bool read);
    // Updates one row's note count (after the user added or deleted a note).
    void setNoteCount(qint64 id, int notes);

    // What a drag of articles carries: their ids, one per line, in the order given.
    static QString articleIdsMimeType();
    static QMimeData* articleIdsMimeData(const QList<qint64>& ids);
    // The ids a drag carries (empty when it carries none).
    static QList<qint64> articleIds(const QMimeData* data);

signals:
    void pageLoaded(int rowsAdded);
    // The list could not be loaded for this filter (a malformed query: the parser's sentence);
    // the list is then empty.
    void loadFailed(const QString& message);

private:
    void loadPage(bool reset);
    void applyPage(quint64 generation, bool reset, int limit,
                   const Result<QList<storage::ArticleSummary>>& page);

    storage::Storage& m_storage;
    ArticleFilter m_filter;
    QList<storage::ArticleSummary> m_rows;
    int m_pageSize = 200;
    int m_rowsOfFilter = 0; // rows loaded for the current filter
    bool m_active = false;  // setFilter() was called
    bool m_loading = false;
    bool m_exhausted = false;
    bool m_hasSnippets = false;
    quint64 m_generation = 0;
    // The newest generation, read by the reader thread: a page queued for a filter the user has
    // already typed past is skipped instead of making the newer one wait behind it.
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace mirsad::models
