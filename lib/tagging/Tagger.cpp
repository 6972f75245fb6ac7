#include "tagging/Tagger.h"

#include "names/Gazetteer.h"
#include "names/NameMatcher.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/PostgresRows.h"
#include "tagging/RegionIndex.h"
#include "tagging/UserNames.h"

#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

namespace mirsad::tagging {

namespace {

QMutex cacheMutex;
QHash<QString, std::shared_ptr<const Tagger>> cache;

// In-memory databases are private to their connection; files are shared by path.
QString cacheKey(const QSqlDatabase& db) {
    // A server's databases by server and name: two servers may both have a "team".
    if (storage::isPostgres(db))
        return QStringLiteral("postgresql://%1:%2/%3")
            .arg(db.hostName())
            .arg(db.port())
            .arg(db.databaseName());
    return db.databaseName() == QStringLiteral(":memory:") ? db.connectionName() : db.databaseName();
}

// The gazetteer's entities, a statement each (SQLite runs them in-process).
Status insertEntities(QSqlDatabase& db, const names::Gazetteer& gazetteer) {
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO entities (id, kind, name, name_ar, description, user_added) VALUES (?, ?, ?, ?, ?, "
        "CASE WHEN EXISTS (SELECT 1 FROM user_entities u WHERE u.id = ?) THEN 1 ELSE 0 END)"));
    for (const names::Entity& entity : gazetteer.entities()) {
        insert.addBindValue(storage::sqlText(entity.id));
        insert.addBindValue(names::kindToString(entity.kind));
        insert.addBindValue(storage::sqlText(entity.name));
        insert.addBindValue(storage::sqlText(entity.nameAr));
        insert.addBindValue(storage::sqlText(entity.description));
        insert.addBindValue(storage::sqlText(entity.id));
        if (!insert.exec())
            return Error{QStringLiteral("Could not store the entity %1: %2")
                             .arg(entity.id, insert.lastError().text())};
    }
    return {};
}

// The same on a server: a few thousand rows a statement, then which ones the user added.
Status insertEntitiesInBatches(QSqlDatabase& db, const names::Gazetteer& gazetteer) {
    const QString what = QStringLiteral("store the entities");
    storage::PostgresRows rows(
        "INSERT INTO entities (id, kind, name, name_ar, description, user_added) VALUES");
    for (const names::Entity& entity : gazetteer.entities()) {
        rows.row().text(entity.id.toUtf8()).text(names::kindToString(entity.kind).toUtf8());
        rows.text(entity.name.toUtf8())
            .text(entity.nameAr.toUtf8())
            .text(entity.description.toUtf8())
            .integer(0);
        if (rows.rows() >= 2000) {
            if (Status s = rows.exec(db, what); !s)
                return s;
        }
    }
    if (Status s = rows.exec(db, what); !s)
        return s;
    QSqlQuery mark(db);
    if (!mark.exec(
            QStringLiteral("UPDATE entities SET user_added = 1 WHERE id IN (SELECT id FROM user_entities)")))
        return storage::sqlError(what, mark);
    return {};
}

static bool entityTableIs(QSqlDatabase& db, const QString& version) {
    QSqlQuery check(db);
    check.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'entities_version'"));
    return check.exec() && check.next() && check.value(0).toString() == version;
}

Status syncEntityTable(QSqlDatabase& db, const names::Gazetteer& gazetteer, const QString& version) {
    if (entityTableIs(db, version))
        return {};
    storage::Transaction transaction(db);
    // Another client may be writing the same table: after it, there may be nothing left to do.
    if (Status s = storage::serializeWork(db, QStringLiteral("entities")); !s)
        return s;
    if (entityTableIs(db, version))
        return {};
    QSqlQuery clear(db);
    if (!clear.exec(QStringLiteral("DELETE FROM entities")))
        return Error{clear.lastError().text()};
    if (storage::isPostgres(db)) {
        if (Status s = insertEntitiesInBatches(db, gazetteer); !s)
            return s;
    } else if (Status s = insertEntities(db, gazetteer); !s)
        return s;
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('entities_version', ?) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    mark.addBindValue(version);
    if (!mark.exec())
        return Error{mark.lastError().text()};
    return transaction.commit();
}

} // namespace

Tagger::Tagger(std::shared_ptr<const names::Gazetteer> gazetteer,
               std::shared_ptr<const names::NameMatcher> matcher)
    : m_gazetteer(std::move(gazetteer))
    , m_matcher(std::move(matcher))
    , m_version(m_gazetteer->version()) {
}

QList<StoredMention> Tagger::mentionsIn(const Article& article) const {
    QList<StoredMention> mentions;
    const QList<names::Mention> found = m_matcher->match(article.text);
    mentions.reserve(found.size());
    for (const names::Mention& m : found)
        mentions << StoredMention{m.entityId, m.start, m.end, m.surface};
    return mentions;
}

Result<std::shared_ptr<const Tagger>> Tagger::builtin() {
    Result<names::Gazetteer> gazetteer = names::Gazetteer::builtin();
    if (!gazetteer)
        return Error{gazetteer.error()};
    auto shared = std::make_shared<const names::Gazetteer>(std::move(gazetteer).value());
    return std::make_shared<const Tagger>(shared, std::make_shared<const names::NameMatcher>(*shared));
}

Result<std::shared_ptr<const Tagger>> Tagger::load(QSqlDatabase& db) {
    Result<names::Gazetteer> loaded = names::Gazetteer::builtin();
    if (!loaded)
        return Error{loaded.error()};
    names::Gazetteer gazetteer = std::move(loaded).value();

    if (Status s = addUserNames(db, gazetteer); !s)
        return Error{s.error()};
    auto shared = std::make_shared<const names::Gazetteer>(std::move(gazetteer));
    auto tagger = std::make_shared<const Tagger>(shared, std::make_shared<const names::NameMatcher>(*shared));
    if (Status s = syncEntityTable(db, *shared, tagger->version()); !s)
        return Error{s.error()};
    // Articles stored from now on are indexed by region as they are written, so the region
    // filters never wait for a rebuild (cheap when the places did not change).
    if (Status s = tagging::syncRegionIndex(db, *shared); !s)
        return Error{s.error()};
    return std::shared_ptr<const Tagger>(tagger);
}

Result<std::shared_ptr<const Tagger>> Tagger::forDatabase(QSqlDatabase& db) {
    const QString key = cacheKey(db);
    {
        QMutexLocker lock(&cacheMutex);
        if (auto found = cache.constFind(key); found != cache.constEnd())
            return *found;
    }
    Result<std::shared_ptr<const Tagger>> loaded = load(db);
    if (loaded) {
        QMutexLocker lock(&cacheMutex);
        cache.insert(key, *loaded);
    }
    return loaded;
}

void Tagger::invalidate(const QSqlDatabase& db) {
    QMutexLocker lock(&cacheMutex);
    cache.remove(cacheKey(db));
}

Result<QString> tagArticle(QSqlDatabase& db, Article& article) {
    Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
    if (!tagger)
        return Error{tagger.error()};
    article.mentions = (*tagger)->mentionsIn(article);
    return (*tagger)->version();
}

} // namespace mirsad::tagging
