#include "briefs/Brief.h"

#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/FeedQueries.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace mirsad::briefs {

namespace {

struct EntityRow {
    names::EntityKind kind = names::EntityKind::Person;
    QString name;
    QString nameAr;
};

// The names of these entities, one query for all of them.
Result<QHash<QString, EntityRow>> loadEntities(const QSqlDatabase& db, const QStringList& ids) {
    QHash<QString, EntityRow> rows;
    if (ids.isEmpty())
        return rows;
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT e.id, e.kind, e.name, e.name_ar FROM %1 JOIN entities e ON e.id = j.value")
            .arg(storage::jsonArrayTable(db)));
    query.addBindValue(QStringLiteral("[\"%1\"]").arg(ids.join(QStringLiteral("\",\""))));
    if (!query.exec())
        return storage::sqlError(QStringLiteral("read the names of the brief's articles"), query);
    while (query.next())
        rows.insert(
            query.value(0).toString(),
            EntityRow{names::kindFromString(query.value(1).toString()).value_or(names::EntityKind::Person),
                      query.value(2).toString(), query.value(3).toString()});
    return rows;
}

QString shownName(const QString& name, const QString& nameAr) {
    return QLocale().language() == QLocale::Arabic && !nameAr.isEmpty() ? nameAr : name;
}

// An entity id (or several, alternatives) in the interface's language.
QString entityNames(const QSqlDatabase& db, const QStringList& ids) {
    const Result<QHash<QString, EntityRow>> rows = loadEntities(db, ids);
    QStringList shown;
    for (const QString& id : ids)
        shown << (rows && rows->contains(id) ? shownName(rows->value(id).name, rows->value(id).nameAr) : id);
    return shown.join(QStringLiteral(" / "));
}

QString day(const QDateTime& time) {
    return time.toUTC().date().toString(Qt::ISODate);
}

} // namespace

int Brief::highlightCount() const {
    int count = 0;
    for (const BriefArticle& article : articles)
        count += int(article.highlights.size());
    return count;
}

int Brief::noteCount() const {
    int count = 0;
    for (const BriefArticle& article : articles)
        count += int(article.notes.size());
    return count;
}

Result<QList<qint64>> articleIdsMatching(const QSqlDatabase& db, const ArticleFilter& filter, int limit) {
    constexpr int pageSize = 1000;
    QList<qint64> ids;
    std::optional<storage::PageCursor> after;
    while (limit < 0 || ids.size() < limit) {
        const int want = limit < 0 ? pageSize : std::min(pageSize, limit - int(ids.size()));
        Result<QList<storage::ArticleSummary>> page = storage::listArticles(db, filter, want, after);
        if (!page)
            return Error{page.error()};
        for (const storage::ArticleSummary& summary : *page)
            ids << summary.id;
        if (page->size() < want)
            break;
        after = storage::PageCursor{page->last().sortTime, page->last().id};
    }
    return ids;
}

QString describeFilter(const QSqlDatabase& db, const ArticleFilter& filter) {
    QStringList parts;
    if (!filter.feedIds.isEmpty() || !filter.folderIds.isEmpty()) {
        QStringList feeds;
        if (const Result<QList<storage::FeedInfo>> all = storage::listFeeds(db))
            for (const storage::FeedInfo& feed : *all)
                if (filter.feedIds.contains(feed.id) || filter.folderIds.contains(feed.folderId))
                    feeds << feed.title;
        parts << feeds.join(QStringLiteral(", "));
    }
    for (const QStringList& group : filter.entityGroups)
        parts << entityNames(db, group);
    for (const QString& region : filter.regions)
        parts << entityNames(db, {region});
    if (!filter.text.trimmed().isEmpty())
        parts << QStringLiteral("“%1”").arg(filter.text.trimmed());
    if (filter.since.isValid() && filter.until.isValid())
        parts << QStringLiteral("%1 – %2").arg(day(filter.since), day(filter.until.addSecs(-1)));
    else if (filter.since.isValid())
        parts << QStringLiteral("≥ %1").arg(day(filter.since));
    else if (filter.until.isValid())
        parts << QStringLiteral("≤ %1").arg(day(filter.until.addSecs(-1)));
    if (filter.unreadOnly)
        parts << QStringLiteral("unread");
    if (filter.starredOnly)
        parts << QStringLiteral("starred");
    if (filter.withNotesOnly)
        parts << QStringLiteral("with notes");
    for (const QString& tag : filter.noteTags)
        parts << QStringLiteral("#%1").arg(tag);
    return parts.join(QStringLiteral(" · "));
}

Result<Brief> gatherBrief(const QSqlDatabase& db, const QList<qint64>& ids, const GatherOptions& options) {
    Brief brief;
    brief.generated = QDateTime::currentDateTimeUtc();
    QHash<qint64, QString> feedTitles;
    if (Result<QList<storage::FeedInfo>> feeds = storage::listFeeds(db))
        for (const storage::FeedInfo& feed : *feeds)
            feedTitles.insert(feed.id, feed.title);
    else
        return Error{feeds.error()};

    QSet<qint64> seen;
    for (const qint64 id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        Result<Article> article = storage::loadArticle(db, id);
        if (!article)
            continue; // deleted since it was picked
        BriefArticle entry;
        Result<QList<annotations::Highlight>> highlights = annotations::listHighlights(db, id);
        if (!highlights)
            return Error{highlights.error()};
        Result<QList<annotations::Note>> notes = annotations::listNotes(db, id);
        if (!notes)
            return Error{notes.error()};
        if (options.annotatedOnly && highlights->isEmpty() && notes->isEmpty())
            continue;
        entry.article = std::move(*article);
        entry.article.html.clear();
        entry.feedTitle = feedTitles.value(entry.article.feedId);
        entry.highlights = std::move(*highlights);
        entry.notes = std::move(*notes);
        if (const QDateTime published = entry.article.published; published.isValid()) {
            if (!brief.earliest.isValid() || published < brief.earliest)
                brief.earliest = published;
            if (!brief.latest.isValid() || published > brief.latest)
                brief.latest = published;
        }
        brief.articles << std::move(entry);
    }

    // The index of names: each entity with the articles that name it, in brief order.
    QHash<QString, QList<int>> named;
    QStringList entityIds;
    for (int i = 0; i < brief.articles.size(); ++i)
        for (const StoredMention& mention : brief.articles[i].article.mentions) {
            QList<int>& articles = named[mention.entityId];
            if (articles.isEmpty())
                entityIds << mention.entityId;
            if (articles.isEmpty() || articles.last() != i)
                articles << i;
        }
    Result<QHash<QString, EntityRow>> entities = loadEntities(db, entityIds);
    if (!entities)
        return Error{entities.error()};
    for (const QString& id : std::as_const(entityIds)) {
        const auto row = entities->constFind(id);
        if (row == entities->cend())
            continue; // a name removed from the gazetteer since the article was tagged
        brief.names << BriefName{id, row->kind, row->name, row->nameAr, named.value(id)};
    }
    std::sort(brief.names.begin(), brief.names.end(), [](const BriefName& a, const BriefName& b) {
        if (a.kind != b.kind)
            return int(a.kind) < int(b.kind);
        if (a.articles.size() != b.articles.size())
            return a.articles.size() > b.articles.size();
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return brief;
}

} // namespace mirsad::briefs
