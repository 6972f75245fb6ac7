// mirsadctl copy through the real binary: an SQLite archive to PostgreSQL and back loses nothing,
// an interrupted copy resumes and ends the same, a second copy changes nothing, and a target
// holding another archive is refused.

#include "CtlRunner.h"
#include "ExchangeFixture.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "briefs/BriefStore.h"
#include "filters/Watchlist.h"

#include <QJsonObject>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <algorithm>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

// Every table a copy carries, with the rows compared: all but the schema's own bookkeeping.
const QList<std::pair<QString, QString>> kTables{
    {u"meta"_s, u"key NOT IN ('schema_version', 'vacuum_pending')"_s},
    {u"folders"_s, {}},
    {u"feeds"_s, {}},
    {u"articles"_s, {}},
    {u"article_bodies"_s, {}},
    {u"entities"_s, {}},
    {u"user_entities"_s, {}},
    {u"user_aliases"_s, {}},
    {u"place_closure"_s, {}},
    {u"article_entities"_s, {}},
    {u"article_regions"_s, {}},
    {u"entity_counts"_s, {}},
    {u"region_counts"_s, {}},
    {u"highlights"_s, {}},
    {u"notes"_s, {}},
    {u"watchlists"_s, {}},
    {u"briefs"_s, {}},
    {u"brief_articles"_s, {}},
    {u"search_vocabulary"_s, {}},
    {u"search_vocabulary_fill"_s, {}},
};

// Columns only a team's server has, its own bookkeeping, which a copy leaves: who holds or made
// the last fetch of a feed (resources/migrations-postgresql/011_feed_claims.sql).
const QStringList kServerBookkeeping{u"fetch_claimed_until"_s, u"fetch_claimed_by"_s, u"last_fetched_by"_s};

QString cell(const QVariant& value) {
    if (value.isNull())
        return u"NULL"_s;
    if (value.metaType().id() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    return value.toString();
}

// An archive's rows, table by table, each row its cells joined, sorted (the engines order text
// differently), with the columns named so that their order in the table does not matter.
using Dump = QMap<QString, QStringList>;

Dump dump(const QString& location) {
    Dump result;
    const QString connection = storage::uniqueConnectionName(u"dump"_s);
    {
        Result<QSqlDatabase> db = storage::openDatabase(location, connection);
        if (!db)
            qFatal("cannot open %s: %s", qPrintable(location), qPrintable(db.error()));
        for (const auto& [table, filter] : kTables) {
            QSqlQuery query(*db);
            if (!query.exec(u"SELECT * FROM %1 WHERE 1 = 0"_s.arg(table)))
                qFatal("%s", qPrintable(query.lastError().text()));
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                if (!kServerBookkeeping.contains(query.record().fieldName(i)))
                    columns << query.record().fieldName(i);
            // Whose watchlist it is: a server's own column (migration 010), the copying analyst.
            columns.removeAll(u"analyst"_s);
            std::sort(columns.begin(), columns.end());
            QStringList quoted;
            for (const QString& column : columns)
                quoted << u"\"%1\""_s.arg(column);
            if (!query.exec(u"SELECT %1 FROM %2%3"_s.arg(
                    quoted.join(u", "_s), table, filter.isEmpty() ? QString() : u" WHERE "_s + filter)))
                qFatal("%s", qPrintable(query.lastError().text()));
            QStringList rows;
            while (query.next()) {
                QStringList cells;
                for (int i = 0; i < columns.size(); ++i)
                    cells << columns[i] + u'=' + cell(query.value(i));
                rows << cells.join(u" | "_s);
            }
            std::sort(rows.begin(), rows.end());
            result.insert(table, rows);
        }
    }
    storage::closeDatabase(connection);
    return result;
}

void compareDumps(const Dump& actual, const Dump& expected) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QStringList& rows = actual.value(it.key());
        if (rows != it.value())
            qWarning() << it.key() << "expected" << it.value() << "\nactual" << rows;
        QVERIFY2(rows == it.value(), qPrintable(it.key()));
    }
}

} // namespace

class TestCopyCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QTemporaryDir m_config;
    QList<qint64> m_ids;

    test::CtlResult copy(const QString& from, const QString& to, const QStringList& more = {}) {
        return test::runCtl(from, QStringList{u"copy"_s, u"--to"_s, to} + more, 120'000);
    }

    // An archive with something in every table: articles in Arabic and English over two feeds
    // (one in a folder inside another), their names, read and starred state, highlights, a note
    // on a highlight and one on its own, a user name with an alias, a watchlist and a brief.
    QString makeSource(const QString& name, const QString& feedUrl) {
        const QString path = m_dir.filePath(name);
        const QString connection = storage::uniqueConnectionName(u"source"_s);
        {
            Result<QSqlDatabase> opened = storage::openDatabase(path, connection);
            if (!opened)
                qFatal("%s", qPrintable(opened.error()));
            QSqlDatabase db = *opened;
            m_ids = test::storeExchangeArticles(db);
            if (m_ids.size() != 3)
                qFatal("the articles were not stored");
            QSqlQuery query(db);
            for (
                const QString& sql :
                {u"INSERT INTO folders (id, name, parent_id, position) VALUES (7, 'Iraq', NULL, 0)"_s,
                 u"INSERT INTO folders (id, name, parent_id, position) VALUES (3, 'Kurdistan', 7, 1)"_s,
                 u"INSERT INTO feeds (url, title, kind, folder_id, created) VALUES ('%1', 'Rudaw', 'feed', 3, 1700000000)"_s
                     .arg(feedUrl),
                 u"UPDATE articles SET feed_id = (SELECT max(id) FROM feeds) WHERE id = %1"_s.arg(m_ids[1]),
                 u"UPDATE articles SET read = 1 WHERE id = %1"_s.arg(m_ids[0]),
                 u"UPDATE articles SET starred = 1 WHERE id = %1"_s.arg(m_ids[2]),
                 u"INSERT INTO user_entities (id, kind, name, name_ar, aliases, within, description, "
                 u"created) "
                 "VALUES ('user:kdp', 'organization', 'KDP', 'الحزب الديمقراطي الكردستاني', '', '', '', 1700000000)"_s,
                 u"INSERT INTO user_aliases (entity_id, alias, created) VALUES ('user:kdp', 'البارتي', 1700000001)"_s,
                 u"INSERT INTO watchlists (name, filter, position, created) VALUES ('Erbil', "
                 "'{\"query\":\"Erbil\"}', 0, 1700000002)"_s}) {
                if (!query.exec(sql))
                    qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            }
            annotations::Highlight highlight;
            highlight.articleId = m_ids[1];
            highlight.color = u"green"_s;
            highlight.selector = text::TextSelector{u"أربيل"_s, u"مسرور بارزاني في "_s, u" وفدا"_s, 22, 27};
            Result<qint64> highlightId = annotations::insertHighlight(db, highlight);
            annotations::Note note;
            note.articleId = m_ids[1];
            note.highlightId = highlightId ? *highlightId : 0;
            note.body = u"**الموازنة** قريبة"_s;
            note.author = u"Analyst"_s;
            note.tags = {u"budget"_s};
            Result<qint64> noteId = annotations::insertNote(db, note);
            note.highlightId = 0;
            note.articleId = m_ids[0];
            note.body = u"Oil exports up"_s;
            Result<qint64> secondNote = annotations::insertNote(db, note);
            briefs::SavedBrief brief;
            brief.title = u"موجز الأسبوع"_s;
            brief.introduction = u"Week in Erbil"_s;
            brief.articleIds = {m_ids[2], m_ids[0]};
            Result<qint64> briefId = briefs::saveBrief(db, brief);
            for (const Result<qint64>* stored : {&highlightId, &noteId, &secondNote, &briefId})
                if (!*stored)
                    qFatal("the annotations were not stored: %s", qPrintable(stored->error()));
        }
        storage::closeDatabase(connection);
        return path;
    }

    // What a user sees of an archive: the list and every article shown.
    QStringList views(const QString& location) {
        QStringList seen;
        const test::CtlResult list = test::runCtl(location, {u"list"_s, u"--json"_s});
        seen << list.out << list.err;
        const QJsonArray articles = QJsonDocument::fromJson(list.out.toUtf8()).array();
        for (const QJsonValue& article : articles) {
            const test::CtlResult shown =
                test::runCtl(location, {u"show"_s, QString::number(article[u"id"].toInteger()), u"--json"_s});
            seen << shown.out << shown.err;
        }
        const test::CtlResult found =
            test::runCtl(location, {u"list"_s, u"--query"_s, u"اربيل"_s, u"--json"_s});
        seen << found.out << found.err;
        const test::CtlResult annotations = test::runCtl(location, {u"annotations"_s, u"--json"_s});
        QJsonObject exported = QJsonDocument::fromJson(annotations.out.toUtf8()).object();
        exported.remove(u"generated"_s); // when it ran
        seen << QString::fromUtf8(QJsonDocument(exported).toJson()) << annotations.err;
        return seen;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY(m_dir.isValid());
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void roundTripLosesNothing() {
        const QString source = makeSource(u"source.sqlite"_s, u"https://rudaw.example/rss"_s);
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const QString back = m_dir.filePath(u"back.sqlite"_s);

        test::CtlResult run = copy(source, server.location());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.err.contains(u"articles: 3 of 3"_s), qPrintable(run.err));
        QVERIFY2(!run.out.contains(u"differs"_s), qPrintable(run.out));
        run = test::runCtl(server.location(), {u"copy"_s, u"--to"_s, back});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        const Dump original = dump(source);
        QVERIFY(original[u"articles"_s].size() == 3);
        QVERIFY(!original[u"article_entities"_s].isEmpty());
        QVERIFY(!original[u"search_vocabulary"_s].isEmpty());
        QCOMPARE(original[u"folders"_s].size(), 2);
        compareDumps(dump(server.location()), original);
        compareDumps(dump(back), original);
        const QStringList seenBack = views(back), seenSource = views(source);
        QCOMPARE(QJsonDocument::fromJson(seenSource[0].toUtf8()).array().size(), 3);
        QCOMPARE(QJsonDocument::fromJson(seenSource[8].toUtf8()).array().size(), 1); // اربيل: the Arabic one
        QCOMPARE(seenBack.size(), seenSource.size());
        for (qsizetype i = 0; i < seenBack.size(); ++i)
            QCOMPARE(seenBack[i].split(u'\n'), seenSource[i].split(u'\n'));

        // The search index was built on both targets: PostgreSQL's finds the Arabic and the
        // English articles by their folded words, the SQLite file's through list --query (above).
        const QString connection = storage::uniqueConnectionName(u"check"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(server.location(), connection);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(
                u"SELECT article_id FROM article_search WHERE document @@ 'اربيل & بغداد'::tsquery"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), m_ids[1]);
            QVERIFY(
                query.exec(u"SELECT count(*) FROM article_search WHERE document @@ 'basra:A'::tsquery"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), 1);
            // New rows there take ids after the copied ones.
            QVERIFY(query.exec(
                u"INSERT INTO watchlists (name, filter, created) VALUES ('n', '{}', 1) RETURNING id"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), 2);
        }
        storage::closeDatabase(connection);
    }

    // Highlights, notes, watchlists and briefs on a PostgreSQL archive (the copy gives it its
    // articles): new rows take ids after the copied ones, through the library and mirsadctl.
    void annotationsOnThePostgresCopy() {
        const QString source = makeSource(u"annotate.sqlite"_s, u"https://rudaw.example/rss"_s);
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        test::CtlResult run = copy(source, server.location());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));

        const QString connection = storage::uniqueConnectionName(u"annotate"_s);
        {
            Result<QSqlDatabase> opened = storage::openDatabase(server.location(), connection);
            QVERIFY2(opened, qPrintable(opened.error()));
            QSqlDatabase db = *opened;
            annotations::Highlight highlight;
            highlight.articleId = m_ids[0];
            highlight.color = u"yellow"_s;
            highlight.selector = text::TextSelector{u"Basra"_s, u"exports from "_s, u" rose"_s, 20, 25};
            Result<qint64> highlightId = annotations::insertHighlight(db, highlight);
            QVERIFY2(highlightId, qPrintable(highlightId.error()));
            QCOMPARE(*highlightId, 2); // the copy brought highlight 1
            Result<QList<annotations::Highlight>> highlights = annotations::listHighlights(db, m_ids[0]);
            QVERIFY2(highlights, qPrintable(highlights.error()));
            QCOMPARE(highlights->size(), 1);
            QCOMPARE(highlights->first().selector.end, 25);

            annotations::Note note;
            note.articleId = m_ids[0];
            note.highlightId = *highlightId;
            note.body = u"ملاحظة"_s;
            Result<qint64> noteId = annotations::insertNote(db, note);
            QVERIFY2(noteId, qPrintable(noteId.error()));
            QCOMPARE(*noteId, 3);
            Result<QList<qint64>> attached = annotations::deleteHighlight(db, *highlightId);
            QVERIFY2(attached, qPrintable(attached.error()));
            QCOMPARE(*attached, QList<qint64>{*noteId});
            // Undo: the highlight back under its own id, the note on it again.
            highlight.id = *highlightId;
            QCOMPARE(annotations::insertHighlight(db, highlight).value(), *highlightId);
            QVERIFY(annotations::attachNotes(db, *attached, *highlightId));
            QCOMPARE(annotations::noteById(db, *noteId)->highlightId, *highlightId);

            Result<qint64> watchlist = filters::addWatchlist(db, u"Basra"_s, ArticleFilter{});
            QVERIFY2(watchlist, qPrintable(watchlist.error()));
            QCOMPARE(*watchlist, 2);

            briefs::SavedBrief brief;
            brief.title = u"Oil"_s;
            brief.articleIds = {m_ids[1], m_ids[0], 999999};
            Result<qint64> briefId = briefs::saveBrief(db, brief);
            QVERIFY2(briefId, qPrintable(briefId.error()));
            QCOMPARE(*briefId, 2);
            Result<briefs::SavedBrief> loaded = briefs::loadBrief(db, *briefId);
            QVERIFY2(loaded, qPrintable(loaded.error()));
            QCOMPARE(loaded->articleIds, (QList<qint64>{m_ids[1], m_ids[0]}));
            Result<QList<briefs::BriefEntry>> entries =
                briefs::briefEntries(db, {m_ids[2], m_ids[0], m_ids[1]});
            QVERIFY2(entries, qPrintable(entries.error()));
            QCOMPARE(entries->size(), 3);
            QCOMPARE(entries->at(0).id, m_ids[2]);
            QCOMPARE(entries->at(1).id, m_ids[0]);
            QCOMPARE(entries->at(0).title, u"Erbil talks"_s);
            QCOMPARE(entries->at(2).source, u"Rudaw"_s); // the Arabic article's feed
        }
        storage::closeDatabase(connection);

        // mirsadctl highlight and note store there too.
        run = test::runCtl(server.location(), {u"highlight"_s, QString::number(m_ids[2]), u"--quote"_s,
                                               u"Masrour Barzani"_s, u"--note"_s, u"Met in Erbil"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        run = test::runCtl(server.location(), {u"note"_s, QString::number(m_ids[2]), u"Second thought"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const Dump after = dump(server.location());
        QCOMPARE(after[u"highlights"_s].size(), 3);
        QCOMPARE(after[u"notes"_s].size(), 5); // 2 copied, 1 above, 2 here
    }

    void interruptedCopyResumes_data() {
        QTest::addColumn<bool>("toPostgres");
        QTest::newRow("PostgreSQL") << true;
        QTest::newRow("SQLite") << false;
    }
    void interruptedCopyResumes() {
        QFETCH(bool, toPostgres);
        const QString source =
            makeSource(u"resume-%1.sqlite"_s.arg(toPostgres), u"https://rudaw.example/rss"_s);
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const QString target = toPostgres ? server.location() : m_dir.filePath(u"resume-target.sqlite"_s);

        // Killed in the middle of the articles: batches of one, gone after the second.
        qputenv("MIRSAD_TEST_COPY_KILL_AT", "articles:2");
        test::CtlResult run = copy(source, target, {u"--batch-size"_s, u"1"_s});
        qunsetenv("MIRSAD_TEST_COPY_KILL_AT");
        QVERIFY2(run.exitCode != 0, qPrintable(run.out + run.err));
        QVERIFY2(run.err.endsWith(u"articles: 2 of 3\n"_s), qPrintable(run.err));
        const Dump partial = dump(target);
        QCOMPARE(partial[u"articles"_s].size(), 2);
        QCOMPARE(partial[u"article_bodies"_s].size(), 2);
        QVERIFY(partial[u"highlights"_s].isEmpty());

        run = copy(source, target, {u"--batch-size"_s, u"1"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const Dump original = dump(source);
        compareDumps(dump(target), original);

        // Again: nothing to do, nothing changed.
        const QString counts = run.out;
        run = copy(source, target);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(run.out, counts);
        compareDumps(dump(target), original);
    }

    void anotherArchiveIsRefused() {
        const QString source = makeSource(u"first.sqlite"_s, u"https://rudaw.example/rss"_s);
        const QString other = makeSource(u"other.sqlite"_s, u"https://other.example/feed"_s);
        test::PostgresTestDatabase server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        test::CtlResult run = copy(source, server.location());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const Dump before = dump(server.location());

        run = copy(other, server.location());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"already holds a different archive"_s), qPrintable(run.err));
        compareDumps(dump(server.location()), before);

        run = test::runCtl(source, {u"copy"_s, u"--to"_s, source});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCopyCli)
#include "tst_copycli.moc"
