#include "ingest/ArticleTagging.h"

#include "filters/RegionIndex.h"
#include "names/Gazetteer.h"
#include "names/NameMatcher.h"
#include "storage/Database.h"

#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

namespace mirsad::ingest {

namespace {

QMutex cacheMutex;
QHash<QString, std::shared_ptr<const Tagger>> cache;

// In-memory databases are private to their connection; files are shared by path.
QString cacheKey(const QSqlDatabase& db) {
    return db.databaseName() == QStringLiteral(":memory:") ? db.connectionName() : db.databaseName();
}

Status syncEntityTable(QSqlDatabase& db, const names::Gazetteer& gazetteer, const QString& version) {
    QSqlQuery check(db);
    check.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'entities_version'"));
    if (check.exec() && check.next() && check.value(0).toString() == version)
        return {};
    check.finish();
    storage::Transaction transaction(db);
    QSqlQuery clear(db);
    if (!clear.exec(QStringLiteral("DELETE FROM entities")))
        return Error{clear.lastError().text()};
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO entities (id, kind, name, name_ar, description, user_added) VALUES (?, ?, ?, ?, ?, "
        "EXISTS (SELECT 1 FROM user_entities u WHERE u.id = ?))"));
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
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('entities_version', ?)"));
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

    QSqlQuery entities(db);
    if (!entities.exec(QStringLiteral("SELECT id, kind, name, name_ar, aliases, within, description FROM "
                                      "user_entities ORDER BY created")))
        return Error{QStringLiteral("Could not read your entities: %1").arg(entities.lastError().text())};
    while (entities.next()) {
        names::Entity entity;
        entity.id = entities.value(0).toString();
        entity.kind = names::kindFromString(entities.value(1).toString()).value_or(names::EntityKind::Person);
        entity.name = entities.value(2).toString();
        entity.nameAr = entities.value(3).toString();
        entity.aliases = entities.value(4).toString().split(u'|', Qt::SkipEmptyParts);
        entity.within = entities.value(5).toString().split(u'|', Qt::SkipEmptyParts);
        entity.description = entities.value(6).toString();
        if (Status s = gazetteer.addEntity(entity); !s)
            qWarning("Skipping the user entity %s: %s", qPrintable(entity.id), qPrintable(s.error()));
    }
    QSqlQuery aliases(db);
    if (!aliases.exec(QStringLiteral("SELECT entity_id, alias FROM user_aliases ORDER BY created")))
        return Error{QStringLiteral("Could not read your aliases: %1").arg(aliases.lastError().text())};
    while (aliases.next()) {
        if (Status s = gazetteer.addAlias(aliases.value(0).toString(), aliases.value(1).toString()); !s)
            qWarning("Skipping an alias: %s", qPrintable(s.error()));
    }
    auto shared = std::make_shared<const names::Gazetteer>(std::move(gazetteer));
    auto tagger = std::make_shared<const Tagger>(shared, std::make_shared<const names::NameMatcher>(*shared));
    if (Status s = syncEntityTable(db, *shared, tagger->version()); !s)
        return Error{s.error()};
    // Articles stored from now on are indexed by region as they are written, so the region
    // filters never wait for a rebuild (cheap when the places did not change).
    if (Status s = filters::syncRegionIndex(db, *shared); !s)
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

} // namespace mirsad::ingest
