#include "tagging/Retagging.h"

#include "names/LatinSkeleton.h"
#include "names/WordTokenizer.h"
#include "storage/ArticleBody.h"
#include "storage/ArticleWriter.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/MentionsColumn.h"
#include "tagging/Tagger.h"

#include <QSqlQuery>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <numeric>
#include <vector>

namespace mirsad::tagging {

namespace {

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
            if (word.isLatinArticle())
                continue; // optional in text
            if (word.script == names::Word::Script::Latin) {
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

// A word of the index as a tsquery operand (storage/PostgresSearch.h): quoted, matched as is.
QString tsqueryWord(const QString& term) {
    QString quoted = term;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
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
        return storage::sqlError(QStringLiteral("read the articles to re-tag"), query);
    RetagBatch batch;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        Result<storage::ArticleBody> body = storage::decompressBody(query.value(1).toByteArray());
        if (!body)
            return Error{
                QStringLiteral("Could not read article %1 to re-tag it: %2").arg(id).arg(body.error())};
        batch.ids.append(id);
        batch.texts.append(std::move(body->text));
        batch.hashes.append(query.value(2).toString());
    }
    return batch;
}

} // namespace

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

    // Every word of the index: FTS5's own list on SQLite; on PostgreSQL the search vocabulary,
    // which the writer keeps with every word it indexes (reading the words out of every
    // document, ts_stat, would read the whole index).
    const bool postgres = storage::isPostgres(db);
    QSqlQuery vocabulary(db);
    if (!postgres &&
        !vocabulary.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.mirsad_search_terms USING "
                                        "fts5vocab(main, article_search, row)")))
        return storage::sqlError(QStringLiteral("read the search index"), vocabulary);
    vocabulary.setForwardOnly(true);
    if (!vocabulary.exec(postgres ? QStringLiteral("SELECT DISTINCT word FROM search_vocabulary")
                                  : QStringLiteral("SELECT term FROM temp.mirsad_search_terms")))
        return storage::sqlError(QStringLiteral("read the search index"), vocabulary);
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
    search.prepare(postgres
                       ? QStringLiteral("SELECT article_id FROM article_search WHERE document @@ ?::tsquery")
                       : QStringLiteral("SELECT rowid FROM article_search WHERE article_search MATCH ?"));
    // The same query in either language: FTS5's ("a" OR "b") AND ..., or tsquery's ('a' | 'b') & ...
    const QString orWord = postgres ? QStringLiteral(" | ") : QStringLiteral(" OR ");
    const QString andWord = postgres ? QStringLiteral(" & ") : QStringLiteral(" AND ");
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
                alternatives.append(postgres ? tsqueryWord(term) : ftsPhrase(term));
            conjunction.append(u'(' + alternatives.join(orWord) + u')');
        }
        if (impossible)
            continue;
        if (conjunction.isEmpty())
            return std::optional<QList<qint64>>(); // only common words: cannot narrow
        search.addBindValue(conjunction.join(andWord));
        if (!search.exec())
            return storage::sqlError(QStringLiteral("search the archive"), search);
        while (search.next())
            ids.insert(search.value(0).toLongLong());
    }
    QList<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    return std::optional<QList<qint64>>(sorted);
}

Result<RetagBatch> readOutdated(QSqlDatabase& db, const QString& version, qint64 afterId, int limit) {
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT a.id, b.body, a.content_hash FROM articles a LEFT JOIN article_bodies b "
                       "ON b.article_id = a.id WHERE a.tagged_version != ? AND a.id > ? "
                       "ORDER BY a.id LIMIT ?"));
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
    query.prepare(
        QStringLiteral("SELECT a.id, b.body, a.content_hash FROM articles a LEFT JOIN article_bodies b "
                       "ON b.article_id = a.id WHERE a.tagged_version != ? AND a.id IN (%1) "
                       "ORDER BY a.id")
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
    old.prepare(QStringLiteral("SELECT mentions FROM articles WHERE id = ?"));
    int changed = 0;
    for (qsizetype i = 0; i < batch.ids.size(); ++i) {
        // An article re-fetched since it was read was tagged anew when it was stored.
        current.addBindValue(batch.ids[i]);
        if (!current.exec())
            return storage::sqlError(QStringLiteral("re-tag the articles"), current);
        const bool same = current.next() && current.value(0).toString() == batch.hashes[i];
        current.finish();
        if (!same)
            continue;
        old.addBindValue(batch.ids[i]);
        if (!old.exec())
            return storage::sqlError(QStringLiteral("re-tag the articles"), old);
        QList<MentionKey> before;
        if (old.next()) {
            // The same content hash: the text read with the batch is the stored one.
            for (const StoredMention& m :
                 storage::decodeMentions(old.value(0).toString(), batch.texts.value(i)))
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
            return storage::sqlError(QStringLiteral("record the re-tagging"), update);
        bumped += update.numRowsAffected();
    }
    return bumped;
}

Result<qint64> bumpBatch(QSqlDatabase& db, const QSet<QString>& from, const QString& version) {
    storage::Transaction transaction(db);
    Result<qint64> bumped = bumpVersions(db, from, version, RetagPlan::kBumpBatchSize);
    if (!bumped)
        return bumped;
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return bumped;
}

Result<qint64> countOutdated(QSqlDatabase& db, const QString& version) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM articles WHERE tagged_version != ?"));
    query.addBindValue(storage::sqlText(version));
    if (!query.exec() || !query.next())
        return storage::sqlError(QStringLiteral("count the articles to re-tag"), query);
    return query.value(0).toLongLong();
}

RetagPlan::RetagPlan(NamesAdded added, QString version, qint64 outdated)
    : m_added(std::move(added))
    , m_version(std::move(version)) {
    // Names added to an earlier version than the articles': nothing narrows the search.
    if (outdated > 0 && !m_added.isEmpty() && !m_added.previousVersions.contains(m_version))
        m_phase = Phase::FindCandidates;
    else
        m_added = {};
    // Nothing out of date: looking for it would read every article row, bodies and all.
    if (outdated == 0)
        m_phase = Phase::Done;
}

RetagPlan::Step RetagPlan::next() const {
    switch (m_phase) {
    case Phase::FindCandidates:
        return Step::FindCandidates;
    case Phase::Candidates:
        return m_candidates.isEmpty() ? Step::BumpVersions : Step::ReadCandidates;
    case Phase::Outdated:
        return Step::ReadOutdated;
    case Phase::Done:
        break;
    }
    return Step::Done;
}

void RetagPlan::setCandidates(std::optional<QList<qint64>> candidates) {
    if (candidates) {
        m_candidates = std::move(*candidates);
        m_phase = Phase::Candidates;
    } else {
        m_added = {};
        m_phase = Phase::Outdated;
    }
}

QList<qint64> RetagPlan::takeCandidates() {
    QList<qint64> ids = m_candidates.mid(0, kBatchSize);
    m_candidates.remove(0, ids.size());
    return ids;
}

void RetagPlan::bumped(qint64 count) {
    if (count == 0) { // the fast path is done: whatever is still out of date is another story
        m_added = {};
        m_phase = Phase::Outdated;
    }
}

void RetagPlan::outdatedRead(const RetagBatch& batch) {
    if (batch.ids.isEmpty())
        m_phase = Phase::Done;
    else
        m_afterId = batch.ids.last();
}

NamesAdded RetagPlan::unfinished() const {
    return m_added;
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
    const auto retag = [&](Result<RetagBatch>&& batch) -> Status {
        if (!batch)
            return Error{batch.error()};
        matchBatch(tagger, *batch);
        Result<int> changed = writeBatch(db, *batch, version);
        if (!changed)
            return Error{changed.error()};
        report.examined += batch->ids.size();
        report.changed += *changed;
        if (progress)
            progress(report.examined + report.bumped, *total);
        return {};
    };

    RetagPlan plan(added, version, *total);
    for (;;) {
        Status status;
        switch (plan.next()) {
        case RetagPlan::Step::FindCandidates:
            if (Result<std::optional<QList<qint64>>> candidates = candidateArticles(db, plan.names()))
                plan.setCandidates(*candidates);
            else
                status = Error{candidates.error()};
            break;
        case RetagPlan::Step::ReadCandidates:
            status = retag(readArticles(db, plan.takeCandidates(), version));
            break;
        case RetagPlan::Step::BumpVersions:
            if (Result<qint64> bumped = bumpBatch(db, plan.previousVersions(), version)) {
                plan.bumped(*bumped);
                report.bumped += *bumped;
                if (progress && *bumped > 0)
                    progress(report.examined + report.bumped, *total);
            } else {
                status = Error{bumped.error()};
            }
            break;
        case RetagPlan::Step::ReadOutdated: {
            Result<RetagBatch> batch = readOutdated(db, version, plan.afterId(), RetagPlan::kBatchSize);
            if (batch)
                plan.outdatedRead(*batch);
            if (!batch || !batch->ids.isEmpty())
                status = retag(std::move(batch));
            break;
        }
        case RetagPlan::Step::Done:
            return report;
        }
        if (!status)
            return Error{status.error()};
    }
}

} // namespace mirsad::tagging
