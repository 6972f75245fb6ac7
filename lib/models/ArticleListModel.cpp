#include "models/ArticleListModel.h"

#include "models/EntityNames.h"
#include "storage/Storage.h"
#include "text/TextDirection.h"

#include <QFont>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace mirsad::models {

ArticleListModel::ArticleListModel(storage::Storage& storage, QObject* parent)
    : QAbstractTableModel(parent)
    , m_storage(storage) {
    connect(&m_storage, &storage::Storage::articlesChanged, this, &ArticleListModel::refresh);
}

int ArticleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

static QString namesSummary(const storage::ArticleSummary& article) {
    QStringList names;
    for (const storage::EntityRef& entity : article.entities.mid(0, 4))
        names << shownName(entity.name, entity.nameAr);
    if (article.entities.size() > 4)
        names << QStringLiteral("+%1").arg(article.entities.size() - 4);
    return names.join(arabicInterface() ? QStringLiteral("، ") : QStringLiteral(", "));
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::ArticleSummary& article = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StarColumn:
            return article.starred ? QStringLiteral("★") : QString();
        case TitleColumn:
            return article.title;
        case SourceColumn:
            return article.source.isEmpty() ? article.feedTitle : article.source;
        case DateColumn:
            return article.published.isValid()
                       ? QLocale().toString(article.published.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case NamesColumn:
            return namesSummary(article);
        case NotesColumn:
            return article.notes > 0 ? QString::number(article.notes) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NamesColumn) {
            QStringList lines;
            for (const storage::EntityRef& entity : article.entities)
                lines << QStringLiteral("%1 — %2 (%3)").arg(entity.name, entity.nameAr).arg(entity.count);
            return lines.join(u'\n');
        }
        if (index.column() == TitleColumn && !article.snippet.isEmpty())
            return QStringLiteral("%1\n\n%2").arg(article.title, article.snippet.text);
        return article.title;
    case Qt::FontRole:
        if (!article.read) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NotesColumn || index.column() == StarColumn)
            return int(Qt::AlignCenter);
        // Arabic titles and sources read from the right, even in a left-to-right list.
        if ((index.column() == TitleColumn || index.column() == SourceColumn) &&
            text::paragraphDirection(data(index, Qt::DisplayRole).toString()) == Qt::RightToLeft)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SnippetRole:
        if (index.column() != TitleColumn || article.snippet.isEmpty())
            return {};
        return QVariant::fromValue(article.snippet);
    case ArticleIdRole:
        return article.id;
    case ReadRole:
        return article.read;
    case StarredRole:
        return article.starred;
    case NotesRole:
        return article.notes;
    case PublishedRole:
        return article.published;
    case LinkRole:
        return article.link;
    case FeedIdRole:
        return article.feedId;
    case EntitiesRole: {
        QStringList ids;
        for (const storage::EntityRef& entity : article.entities)
            ids << entity.id;
        return ids;
    }
    default:
        return {};
    }
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StarColumn:
        return QStringLiteral("★");
    case TitleColumn:
        return tr("Title");
    case SourceColumn:
        return tr("Source");
    case DateColumn:
        return tr("Date");
    case NamesColumn:
        return tr("Names");
    case NotesColumn:
        return tr("Notes");
    }
    return {};
}

bool ArticleListModel::canFetchMore(const QModelIndex& parent) const {
    // Nothing is fetched before the first setFilter(): views ask as soon as they are shown,
    // which can be before the database is open.
    return !parent.isValid() && m_active && !m_exhausted && !m_loading;
}

void ArticleListModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        loadPage(false);
}

void ArticleListModel::setFilter(const ArticleFilter& filter) {
    m_active = true;
    m_filter = filter;
    m_rowsOfFilter = 0; // a new list starts at its first page
    loadPage(true);
}

void ArticleListModel::refresh() {
    if (!m_active)
        return; // the first setFilter() loads
    loadPage(true);
}

void ArticleListModel::loadPage(bool reset) {
    const quint64 generation = reset ? ++m_generation : m_generation;
    m_latest->store(generation, std::memory_order_release);
    std::optional<storage::PageCursor> after;
    int limit = m_pageSize;
    if (reset) {
        // Keep as many rows as the user has scrolled through, so a refresh does not jump.
        // (of this filter: rows of the one before, still shown while it loads, do not count).
        limit = qMax(m_pageSize, m_rowsOfFilter);
    } else if (!m_rows.isEmpty()) {
        after = storage::PageCursor{m_rows.last().sortTime, m_rows.last().id};
    }
    m_loading = true;
    const ArticleFilter filter = m_filter;
    m_storage.reader()
        .run([filter, limit, after, generation,
              latest = m_latest](QSqlDatabase& db) -> Result<QList<storage::ArticleSummary>> {
            if (latest->load(std::memory_order_acquire) != generation)
                return Error{QStringLiteral("superseded")}; // dropped below, never shown
            return storage::listArticles(db, filter, limit, after);
        })
        .then(this, [this, generation, reset, limit](const Result<QList<storage::ArticleSummary>>& page) {
            // A page the reader finished before then() was attached comes here at once, inside
            // this very loadPage(): its rows would replace the list in the middle of setFilter(),
            // as often as filters are set. Through the event loop instead, where a newer filter
            // set meanwhile supersedes it.
            QMetaObject::invokeMethod(
                this, [this, generation, reset, limit, page] { applyPage(generation, reset, limit, page); },
                Qt::QueuedConnection);
        });
}

void ArticleListModel::applyPage(quint64 generation, bool reset, int limit,
                                 const Result<QList<storage::ArticleSummary>>& page) {
    if (generation != m_generation)
        return; // superseded by a newer filter
    if (!page) {
        m_loading = false;
        if (reset) {
            // Not the rows of the filter before, as if they were this one's.
            beginResetModel();
            m_rows.clear();
            m_hasSnippets = false;
            endResetModel();
            m_rowsOfFilter = 0;
        }
        m_exhausted = true; // not again and again as the view asks for more
        emit loadFailed(page.error());
        return;
    }
    m_exhausted = page->size() < limit;
    if (reset) {
        beginResetModel();
        m_rows = *page;
        m_hasSnippets = std::any_of(m_rows.cbegin(), m_rows.cend(), [](const storage::ArticleSummary& row) {
            return !row.snippet.isEmpty();
        });
        endResetModel();
    } else if (!page->isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
        m_rows += *page;
        endInsertRows();
    }
    // Only now: views ask for more from inside the insert signals, and the next page
    // must start after the rows just added.
    m_rowsOfFilter = int(m_rows.size());
    m_loading = false;
    emit pageLoaded(int(page->size()));
}

qint64 ArticleListModel::articleId(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ArticleListModel::rowOfArticle(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void ArticleListModel::setNoteCount(qint64 id, int notes) {
    const int row = rowOfArticle(id);
    if (row < 0 || m_rows.at(row).notes == notes)
        return;
    m_rows[row].notes = notes;
    emit dataChanged(index(row, NotesColumn), index(row, NotesColumn));
}

void ArticleListModel::setArticleRead(qint64 id, bool read) {
    const int row = rowOfArticle(id);
    if (row < 0 || m_rows.at(row).read == read)
        return;
    m_rows[row].read = read;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); // the font of every column
}

void ArticleListModel::setArticlesRead(const QList<qint64>& ids, bool read) {
    const QSet<qint64> changed(ids.begin(), ids.end());
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).read == read || !changed.contains(m_rows.at(row).id))
            continue;
        m_rows[row].read = read;
        first = first < 0 ? row : first;
        last = row;
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void ArticleListModel::setArticleStarred(qint64 id, bool starred) {
    const int row = rowOfArticle(id);
    if (row < 0 || m_rows.at(row).starred == starred)
        return;
    m_rows[row].starred = starred;
    emit dataChanged(index(row, StarColumn), index(row, StarColumn));
}

Qt::ItemFlags ArticleListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList ArticleListModel::mimeTypes() const {
    return {articleIdsMimeType()};
}

QMimeData* ArticleListModel::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const QModelIndex& index : indexes)
        if (index.isValid() && !rows.contains(index.row()))
            rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (const int row : rows)
        ids << articleId(row);
    return articleIdsMimeData(ids);
}

Qt::DropActions ArticleListModel::supportedDragActions() const {
    return Qt::CopyAction; // the list itself never loses a row to a drag
}

QString ArticleListModel::articleIdsMimeType() {
    return QStringLiteral("application/x-mirsad-article-ids");
}

QMimeData* ArticleListModel::articleIdsMimeData(const QList<qint64>& ids) {
    QStringList lines;
    for (const qint64 id : ids)
        if (id > 0)
            lines << QString::number(id);
    auto* data = new QMimeData;
    data->setData(articleIdsMimeType(), lines.join(u'\n').toLatin1());
    return data;
}

QList<qint64> ArticleListModel::articleIds(const QMimeData* data) {
    QList<qint64> ids;
    if (!data || !data->hasFormat(articleIdsMimeType()))
        return ids;
    for (const QByteArray& line : data->data(articleIdsMimeType()).split('\n')) {
        bool ok = false;
        const qint64 id = line.trimmed().toLongLong(&ok);
        if (ok && id > 0 && !ids.contains(id))
            ids << id;
    }
    return ids;
}

} // namespace mirsad::models
