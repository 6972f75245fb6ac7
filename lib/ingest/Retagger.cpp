#include "ingest/Retagger.h"

#include "ingest/ArticleTagging.h"
#include "names/Gazetteer.h"
#include "names/LatinSkeleton.h"
#include "names/WordTokenizer.h"
#include "storage/ArticleWriter.h"
#include "storage/Database.h"
#include "storage/DatabaseThread.h"
#include "storage/MentionsColumn.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <numeric>
#include <vector>

namespace mirsad::ingest {

namespace {

Error sqlFailure(const QString& what, const QSqlQuery& query) {
    return Error{QStringLiteral("Could not %1: %2").arg(what, query.lastError().text())};
}

bool hasWordCharacter(QStringView text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

// A stable id from an English name: "New Generation" → "new-generation".
QString idFromName(const QString& name) {
    QString id;
    for (QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            id += c;
        else if (!id.isEmpty() && !id.endsWith(u'-'))
            id += u'-';
    }
    while (id.endsWith(u'-'))
        id.chop(1);
    return id;
}

Result<std::shared_ptr<const Tagger>> currentTagger(QSqlDatabase& db) {
    return Tagger::forDatabase(db);
}

// One word of a name as the full-text vocabulary is searched for it: a Latin word by its
// romanisation skeleton, an Arabic one by its folded letters (without ال, so that لل matches).
struct TermKey {
    QString key;
    bool latin = false;
};

QString skeletonOf(QStringView word) {
    QVarLengthArray<char16_t, 64> buffer(word.size());
    const int n = names::latinSkeleton(word, buffer.data());
    return QString(reinterpret_cast<const QChar*>(buffer.data()), n);
}

// The words of each written form of a name (the trie also reads "Ba'ath" as "Baath").
QList<QList<TermKey>> formKeys(const QString& name) {
    QStringList forms{name};
    QString joined = name;
    joined.removeIf([](QChar c) { return c == u'\'' || c == u'\u2019' || c == u'\u02BC' || c == u'`'; });
    if (joined != name)
        forms << joined;
    QList<QList<TermKey>> result;
    for (const QString& form : forms) {
        QList<TermKey> keys;
        names::WordTokenizer tokenizer(form);
        names::Word word;
        while (tokenizer.next(word)) {
            const QString folded = word.folded().toString();
            if (word.script == names::Word::Script::Latin) {
                if (folded == u"al" || folded == u"el")
                    continue; // optional in text
                keys.append({skeletonOf(folded), true});
            } else if (folded.startsWith(u"\u0627\u0644") && folded.size() > 3) {
                keys.append({folded.mid(1), false});
            } else {
                keys.append({folded, false});
            }
        }
        if (!keys.isEmpty())
            result.append(keys);
    }
    return result;
}

QString ftsPhrase(const QString& term) {
    QString quoted = term;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

using MentionKey = std::tuple<QString, qsizetype, qsizetype>;

QList<MentionKey> keysOf(const QList<StoredMention>& mentions) {
    QList<MentionKey> keys;
    for (const StoredMention& m : mentions)
        keys.append({m.entityId, m.start, m.end});
    std::sort(keys.begin(), keys.end());
    return keys;
}

Result<RetagBatch> readBatch(QSqlQuery& query) {
    query.setForwardOnly(true);
    if (!query.exec())
        return sqlFailure(QStringLiteral("read the articles to re-tag"), query);
    RetagBatch batch;
    while (query.next()) {
        batch.ids.append(query.value(0).toLongLong());
        batch.texts.append(query.value(1).toString());
        batch.hashes.append(query.value(2).toString());
    }
    return batch;
}

} // namespace

Result<NamesAdded> storeUserEntity(QSqlDatabase& db, const names::Entity& given) {
    Result<std::shared_ptr<const Tagger>> tagger = currentTagger(db);
    if (!tagger)
        return Error{tagger.error()};
    const names::Gazetteer& gazetteer = (*tagger)->gazetteer();
    names::Entity entity = given;
    entity.name = entity.name.trimmed();
    entity.nameAr = entity.nameAr.trimmed();
    if (!hasWordCharacter(entity.name) && !hasWordCharacter(entity.nameAr))
        return Error{QStringLiteral("A new entity needs a name (--name or --name-ar).")};
    if (entity.id.isEmpty())
        entity.id = idFromName(entity.name.isEmpty() ? entity.nameAr : entity.name);
    if (entity.id.isEmpty() ||
        std::any_of(entity.id.begin(), entity.id.end(), [](QChar c) { return c.isSpace() || c == u'|'; }))
        return Error{
            QStringLiteral("The id \"%1\" cannot be used: give one without spaces (--id).").arg(entity.id)};
    if (gazetteer.entity(entity.id))
        return Error{
            QStringLiteral("There is already an entity with the id \"%1\"; choose another with --id.")
                .arg(entity.id)};
    for (const QString& parent : std::as_const(entity.within)) {
        if (!gazetteer.entity(parent))
            return Error{QStringLiteral("There is no entity \"%1\" for --within (see 'mirsadctl entities').")
                             .arg(parent)};
    }
    entity.aliases.removeIf([](const QString& a) { return !hasWordCharacter(a); });
    for (QString& alias : entity.aliases)
        alias = alias.trimmed();

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO user_entities (id, kind, name, name_ar, aliases, within, "
                                  "description, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(storage::sqlText(entity.id));
    insert.addBindValue(names::kindToString(entity.kind));
    insert.addBindValue(storage::sqlText(entity.name));
    insert.addBindValue(storage::sqlText(entity.nameAr));
    insert.addBindValue(storage::sqlText(entity.aliases.join(u'|')));
    insert.addBindValue(storage::sqlText(entity.within.join(u'|')));
    insert.addBindValue(storage::sqlText(entity.description.trimmed()));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!insert.exec())
        return sqlFailure(QStringLiteral("store the entity"), insert);
    Tagger::invalidate(db);

    NamesAdded added{{(*tagger)->version()}, entity.aliases, entity.id};
    for (const QString& name : {entity.name, entity.nameAr}) {
        if (!name.isEmpty())
            added.names.append(name);
    }
    return added;
}

Result<NamesAdded> storeUserAlias(QSqlDatabase& db, const QString& entityId, const QString& alias) {
    Result<std::shared_ptr<const Tagger>> tagger = currentTagger(db);
    if (!tagger)
        return Error{tagger.error()};
    const names::Entity* entity = (*tagger)->gazetteer().entity(entityId);
    if (!entity)
        return Error{QStringLiteral("There is no entity \"%1\" (see 'mirsadctl entities').").arg(entityId)};
    const QString trimmed = alias.trimmed();
    if (!hasWordCharacter(trimmed))
        return Error{QStringLiteral("An alias needs at least one letter or digit.")};
    if (entity->name == trimmed || entity->nameAr == trimmed || entity->aliases.contains(trimmed))
        return NamesAdded{}; // already known: nothing to re-tag

    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO user_aliases (entity_id, alias, created) VALUES (?, ?, ?)"));
    insert.addBindValue(storage::sqlText(entityId));
    insert.addBindValue(storage::sqlText(trimmed));
    insert.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!insert.exec())
        return sqlFailure(QStringLiteral("store the alias"), insert);
    Tagger::invalidate(db);
    return NamesAdded{{(*tagger)->version()}, {trimmed}, entityId};
}

Result<std::optional<QList<qint64>>> candidateArticles(QSqlDatabase& db, const QStringList& names) {
    // A term that many words contain (a short key) would make the query huge: that word is left
    // out of the search, which only widens it.
    constexpr qsizetype kMaxTermsPerWord = 300;
    struct Group {
        TermKey key;
        QStringList terms;
    };
    QList<QList<Group>> forms;
    for (const QString& name : names) {
        for (const QList<TermKey>& keys : formKeys(name)) {
            QList<Group> groups;
            for (const TermKey& key : keys)
                groups.append({key, {}});
            forms.append(groups);
        }
    }
    if (forms.isEmpty())
        return std::optional<QList<qint64>>(QList<qint64>{});

    QSqlQuery vocabulary(db);
    if (!vocabulary.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.mirsad_search_terms USING "
                                        "fts5vocab(main, article_search, row)")))
        return sqlFailure(QStringLiteral("read the search index"), vocabulary);
    vocabulary.setForwardOnly(true);
    if (!vocabulary.exec(QStringLiteral("SELECT term FROM temp.mirsad_search_terms")))
        return sqlFailure(QStringLiteral("read the search index"), vocabulary);
    while (vocabulary.next()) {
        const QString term = vocabulary.value(0).toString();
        QString skeleton;
        for (QList<Group>& groups : forms) {
            for (Group& group : groups) {
                if (group.terms.size() > kMaxTermsPerWord)
                    continue;
                if (group.key.latin && skeleton.isNull())
                    skeleton = skeletonOf(term);
                if ((group.key.latin ? skeleton : term).contains(group.key.key))
                    group.terms.append(term);
            }
        }
    }
    vocabulary.finish();

    QSet<qint64> ids;
    QSqlQuery search(db);
    search.setForwardOnly(true);
    search.prepare(QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH ?"));
    for (const QList<Group>& groups : std::as_const(forms)) {
        QStringList conjunction;
        bool impossible = false;
        for (const Group& group : groups) {
            if (group.terms.isEmpty()) {
                impossible = true; // no article has this word: the form appears nowhere
                break;
            }
            if (group.terms.size() > kMaxTermsPerWord)
                continue;
            QStringList alternatives;
            for (const QString& term : group.terms)
                alternatives.append(ftsPhrase(term));
            conjunction.append(u'(' + alternatives.join(QStringLiteral(" OR ")) + u')');
        }
        if (impossible)
            continue;
        if (conjunction.isEmpty())
            return std::optional<QList<qint64>>(); // only common words: cannot narrow
        search.addBindValue(conjunction.join(QStringLiteral(" AND ")));
        if (!search.exec())
            return sqlFailure(QStringLiteral("search the archive"), search);
        while (search.next())
            ids.insert(search.value(0).toLongLong());
    }
    QList<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    return std::optional<QList<qint64>>(sorted);
}

Result<RetagBatch> readOutdated(QSqlDatabase& db, const QString& version, qint64 afterId, int limit) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, text, content_hash FROM articles WHERE tagged_version != ? AND "
                                 "id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(storage::sqlText(version));
    query.addBindValue(afterId);
    query.addBindValue(limit);
    return readBatch(query);
}

Result<RetagBatch> readArticles(QSqlDatabase& db, const QList<qint64>& ids, const QString& version) {
    if (ids.isEmpty())
        return RetagBatch{};
    QStringList placeholders(ids.size(), QStringLiteral("?"));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, text, content_hash FROM articles WHERE tagged_version != ? AND "
                                 "id IN (%1) ORDER BY id")
                      .arg(placeholders.join(u',')));
    query.addBindValue(storage::sqlText(version));
    for (qint64 id : ids)
        query.addBindValue(id);
    return readBatch(query);
}

void matchArticle(const Tagger& tagger, RetagBatch& batch, qsizetype index) {
    Article article;
    article.text = batch.texts[index];
    batch.mentions[index] = tagger.mentionsIn(article);
}

void matchBatch(const Tagger& tagger, RetagBatch& batch) {
    batch.mentions.resize(batch.ids.size());
    std::vector<qsizetype> indexes(static_cast<std::size_t>(batch.ids.size()));
    std::iota(indexes.begin(), indexes.end(), 0);
    QtConcurrent::blockingMap(indexes, [&](qsizetype i) { matchArticle(tagger, batch, i); });
}

Result<int> writeBatch(QSqlDatabase& db, const RetagBatch& batch, const QString& version) {
    storage::Transaction transaction(db);
    storage::ArticleWriter writer(db);
    QSqlQuery current(db);
    current.prepare(QStringLiteral("SELECT content_hash FROM articles WHERE id = ?"));
    QSqlQuery old(db);
    old.prepare(QStringLiteral("SELECT mentions, text FROM articles WHERE id = ?"));
    int changed = 0;
    for (qsizetype i = 0; i < batch.ids.size(); ++i) {
        // An article re-fetched since it was read was tagged anew when it was stored.
        current.addBindValue(batch.ids[i]);
        if (!current.exec())
            return sqlFailure(QStringLiteral("re-tag the articles"), current);
        const bool same = current.next() && current.value(0).toString() == batch.hashes[i];
        current.finish();
        if (!same)
            continue;
        old.addBindValue(batch.ids[i]);
        if (!old.exec())
            return sqlFailure(QStringLiteral("re-tag the articles"), old);
        QList<MentionKey> before;
        if (old.next()) {
            for (const StoredMention& m :
                 storage::decodeMentions(old.value(0).toString(), old.value(1).toString()))
                before.append({m.entityId, m.start, m.end});
        }
        old.finish();
        std::sort(before.begin(), before.end());
        const QList<StoredMention>& mentions = batch.mentions.value(i);
        if (before != keysOf(mentions))
            ++changed;
        if (Status s = writer.replaceMentions(batch.ids[i], mentions, version); !s)
            return Error{s.error()};
    }
    if (Status s = writer.finish(); !s)
        return Error{s.error()};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return changed;
}

Result<qint64> bumpVersions(QSqlDatabase& db, const QSet<QString>& from, const QString& version, int limit) {
    qint64 bumped = 0;
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE articles SET tagged_version = ? WHERE id IN (SELECT id FROM articles "
                       "WHERE tagged_version = ? LIMIT ?)"));
    for (const QString& previous : from) {
        if (previous == version || bumped >= limit)
            continue;
        update.addBindValue(storage::sqlText(version));
        update.addBindValue(storage::sqlText(previous));
        update.addBindValue(limit - bumped);
        if (!update.exec())
            return sqlFailure(QStringLiteral("record the re-tagging"), update);
        bumped += update.numRowsAffected();
    }
    return bumped;
}

Result<qint64> countOutdated(QSqlDatabase& db, const QString& version) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM articles WHERE tagged_version != ?"));
    query.addBindValue(storage::sqlText(version));
    if (!query.exec() || !query.next())
        return sqlFailure(QStringLiteral("count the articles to re-tag"), query);
    return query.value(0).toLongLong();
}

Result<RetagReport> retagArchive(QSqlDatabase& db, const NamesAdded& added,
                                 const std::function<void(qint64, qint64)>& progress) {
    Result<std::shared_ptr<const Tagger>> loaded = Tagger::forDatabase(db);
    if (!loaded)
        return Error{loaded.error()};
    const Tagger& tagger = **loaded;
    const QString& version = tagger.version();
    Result<qint64> total = countOutdated(db, version);
    if (!total)
        return Error{total.error()};
    RetagReport report;
    const auto step = [&](RetagBatch& batch) -> Status {
        matchBatch(tagger, batch);
        Result<int> changed = writeBatch(db, batch, version);
        if (!changed)
            return Error{changed.error()};
        report.examined += batch.ids.size();
        report.changed += *changed;
        if (progress)
            progress(report.examined + report.bumped, *total);
        return {};
    };

    if (!added.isEmpty() && !added.previousVersions.contains(version)) {
        Result<std::optional<QList<qint64>>> candidates = candidateArticles(db, added.names);
        if (!candidates)
            return Error{candidates.error()};
        if (candidates->has_value()) {
            const QList<qint64>& ids = **candidates;
            for (qsizetype at = 0; at < ids.size(); at += Retagger::kBatchSize) {
                Result<RetagBatch> batch = readArticles(db, ids.mid(at, Retagger::kBatchSize), version);
                if (!batch)
                    return Error{batch.error()};
                if (Status s = step(*batch); !s)
                    return Error{s.error()};
            }
            for (;;) {
                storage::Transaction transaction(db);
                Result<qint64> bumped = bumpVersions(db, added.previousVersions, version, 5000);
                if (!bumped)
                    return Error{bumped.error()};
                if (Status s = transaction.commit(); !s)
                    return Error{s.error()};
                if (*bumped == 0)
                    break;
                report.bumped += *bumped;
                if (progress)
                    progress(report.examined + report.bumped, *total);
            }
        }
    }
    for (qint64 afterId = 0;;) {
        Result<RetagBatch> batch = readOutdated(db, version, afterId, Retagger::kBatchSize);
        if (!batch)
            return Error{batch.error()};
        if (batch->ids.isEmpty())
            break;
        afterId = batch->ids.last();
        if (Status s = step(*batch); !s)
            return Error{s.error()};
    }
    return report;
}

Retagger::Retagger(storage::DatabaseThread& writer, storage::DatabaseThread& reader, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_reader(reader) {
}

Retagger::~Retagger() {
    m_cancelled->store(true);
}

void Retagger::addAlias(const QString& entityId, const QString& alias) {
    m_writer.run([entityId, alias](QSqlDatabase& db) { return storeUserAlias(db, entityId, alias); })
        .then(this, [this, entityId, alias](const Result<NamesAdded>& added) {
            if (!added) {
                emit failed(added.error()); // refused: a run in flight goes on
                return;
            }
            emit aliasAdded(entityId, alias);
            namesStored(*added);
        });
}

void Retagger::addEntity(const names::Entity& entity) {
    m_writer.run([entity](QSqlDatabase& db) { return storeUserEntity(db, entity); })
        .then(this, [this, entity](const Result<NamesAdded>& added) {
            if (!added) {
                emit failed(added.error());
                return;
            }
            emit entityAdded(entity.id);
            namesStored(*added);
        });
}

void Retagger::namesStored(const NamesAdded& added) {
    if (added.isEmpty()) { // nothing new, but whatever is out of date still is
        start();
        return;
    }
    m_pending.merge(added);
    if (m_running) {
        // The run in flight uses the previous gazetteer: stop it and start again with the new one.
        m_restart = true;
        m_cancelled->store(true);
        return;
    }
    begin();
}

void Retagger::start() {
    if (!m_running)
        begin();
}

void Retagger::cancel() {
    m_restart = false;
    m_cancelled->store(true);
}

void Retagger::begin() {
    m_running = true;
    m_cancelled->store(false);
    m_added = std::exchange(m_pending, {});
    m_candidates.clear();
    m_bumped = false;
    m_afterId = 0;
    m_done = 0;
    m_changed = 0;
    struct Loaded {
        std::shared_ptr<const Tagger> tagger;
        qint64 outdated = 0;
    };
    // The tagger is loaded on the writer: loading brings the entities table up to date.
    m_writer
        .run([](QSqlDatabase& db) -> Result<Loaded> {
            Result<std::shared_ptr<const Tagger>> tagger = Tagger::forDatabase(db);
            if (!tagger)
                return Error{tagger.error()};
            Result<qint64> outdated = countOutdated(db, (*tagger)->version());
            if (!outdated)
                return Error{outdated.error()};
            return Loaded{*tagger, *outdated};
        })
        .then(this, [this](const Result<Loaded>& loaded) {
            if (!loaded)
                return fail(loaded.error());
            m_tagger = loaded->tagger;
            m_total = loaded->outdated;
            emit progress(0, m_total);
            if (m_total == 0 || m_added.isEmpty() || m_added.previousVersions.contains(m_tagger->version())) {
                m_added = {};
                return nextBatch();
            }
            m_reader.run([names = m_added.names](QSqlDatabase& db) { return candidateArticles(db, names); })
                .then(this, [this](const Result<std::optional<QList<qint64>>>& candidates) {
                    if (!candidates)
                        return fail(candidates.error());
                    if (candidates->has_value())
                        m_candidates = **candidates;
                    else
                        m_added = {}; // cannot narrow: every outdated article is matched again
                    nextBatch();
                });
        });
}

void Retagger::nextBatch() {
    if (m_cancelled->load())
        return finish(m_restart);
    const QString version = m_tagger->version();
    const auto process = [this, version](const Result<RetagBatch>& read) {
        if (!read)
            return fail(read.error());
        if (read->ids.isEmpty() && m_candidates.isEmpty() && (m_added.isEmpty() || m_bumped))
            return finish(false);
        auto batch = std::make_shared<RetagBatch>(*read);
        batch->mentions.resize(batch->ids.size());
        auto indexes = std::make_shared<std::vector<qsizetype>>(static_cast<std::size_t>(batch->ids.size()));
        std::iota(indexes->begin(), indexes->end(), 0);
        if (m_added.isEmpty() || m_bumped)
            m_afterId = batch->ids.isEmpty() ? m_afterId : batch->ids.last();
        QtConcurrent::map(*indexes, [tagger = m_tagger, batch, indexes](qsizetype i) {
            matchArticle(*tagger, *batch, i);
        }).then(this, [this, batch, version]() {
            if (m_cancelled->load() && m_restart)
                return finish(true); // the names changed: these results are already out of date
            m_writer.run([batch, version](QSqlDatabase& db) { return writeBatch(db, *batch, version); })
                .then(this, [this, batch](const Result<int>& changed) {
                    if (!changed)
                        return fail(changed.error());
                    m_done += batch->ids.size();
                    m_changed += *changed;
                    emit progress(std::min(m_done, m_total), m_total);
                    nextBatch();
                });
        });
    };

    if (!m_candidates.isEmpty()) { // the fast path: articles that may contain a new name
        const QList<qint64> ids = m_candidates.mid(0, kBatchSize);
        m_candidates.remove(0, ids.size());
        m_reader.run([ids, version](QSqlDatabase& db) { return readArticles(db, ids, version); })
            .then(this, process);
        return;
    }
    if (!m_added.isEmpty() && !m_bumped) { // then the others only take the new version
        m_writer
            .run([from = m_added.previousVersions, version](QSqlDatabase& db) -> Result<qint64> {
                storage::Transaction transaction(db);
                Result<qint64> bumped = bumpVersions(db, from, version, 5000);
                if (!bumped)
                    return bumped;
                if (Status s = transaction.commit(); !s)
                    return Error{s.error()};
                return bumped;
            })
            .then(this, [this](const Result<qint64>& bumped) {
                if (!bumped)
                    return fail(bumped.error());
                m_done += *bumped;
                m_bumped = *bumped == 0;
                emit progress(std::min(m_done, m_total), m_total);
                nextBatch();
            });
        return;
    }
    m_reader
        .run([version, after = m_afterId](QSqlDatabase& db) {
            return readOutdated(db, version, after, kBatchSize);
        })
        .then(this, process);
}

void Retagger::finish(bool restart) {
    m_running = false;
    if (!m_bumped && !m_added.isEmpty())
        m_pending.merge(m_added); // not all of its articles were seen: keep the fast path for later
    m_added = {};
    m_candidates.clear();
    if (restart) {
        m_restart = false;
        begin();
        return;
    }
    emit finished(m_changed);
}

void Retagger::fail(const QString& error) {
    m_running = false;
    m_restart = false;
    emit failed(error);
}

} // namespace mirsad::ingest
