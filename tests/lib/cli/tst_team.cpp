// A team on one PostgreSQL archive: `mirsadctl team` makes the groups and adds people as roles
// of their own; each highlight and note is its author's, private until shared, and only its
// author changes it. The server enforces that: the checks below connect as each person and use
// plain SQL as a colleague with psql would, as well as Mirsad's own API and commands.

#include "CtlRunner.h"
#include "FilterFixture.h"
#include "annotations/Annotations.h"
#include "storage/Database.h"
#include "storage/Location.h"
#include "storage/Team.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestTeam : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    QHash<QString, qint64> m_ids;
    QString m_alice, m_bob, m_rita; // roles are the server's: unique to this run
    QStringList m_connections;

    // A connection of `user`'s own, closed at the end.
    QSqlDatabase connect(const QString& user) {
        const QString name = storage::uniqueConnectionName(user);
        Result<QSqlDatabase> db = storage::openDatabase(m_db->pathAs(user), name);
        if (!db) {
            qWarning("%s", qPrintable(db.error()));
            return {};
        }
        m_connections << name;
        return *db;
    }
    static qint64 count(const QSqlDatabase& db, const QString& sql) {
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    static QJsonArray notesIn(const QString& json) {
        QJsonArray notes;
        for (const QJsonValue article :
             QJsonDocument::fromJson(json.toUtf8()).object()[u"articles"_s].toArray())
            for (const QJsonValue note : article[u"notes"_s].toArray())
                notes << note;
        return notes;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY2(test::testingPostgres(), "a team needs the PostgreSQL run");
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ids = test::storeFixture(m_db->db());
        const QString run = QString::number(QCoreApplication::applicationPid());
        m_alice = u"alice_"_s + run;
        m_bob = u"bob_"_s + run;
        m_rita = u"rita_"_s + run;
    }
    void cleanupTestCase() {
        for (const QString& name : std::as_const(m_connections))
            storage::closeDatabase(name);
        delete m_db;
    }

    void peopleNeedATeamFirst() {
        const test::CtlResult added = test::runCtl(m_db->path(), {u"team"_s, u"add"_s, m_alice});
        QCOMPARE(added.exitCode, 1);
        QVERIFY2(added.err.contains(u"team init"_s), qPrintable(added.err));
    }

    void ownerSetsTheTeamUp() {
        const test::CtlResult init = test::runCtl(m_db->path(), {u"team"_s, u"init"_s});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        // Again, as after an upgrade: nothing breaks.
        QCOMPARE(test::runCtl(m_db->path(), {u"team"_s, u"init"_s}).exitCode, 0);
        for (const auto& [name, role] : {std::pair{m_alice, u"analyst"_s}, std::pair{m_bob, u"analyst"_s},
                                         std::pair{m_rita, u"reader"_s}}) {
            const test::CtlResult added =
                test::runCtl(m_db->path(), {u"team"_s, u"add"_s, name, u"--role"_s, role});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        const test::CtlResult listed = test::runCtl(m_db->path(), {u"team"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(m_alice + u"\tanalyst"_s), qPrintable(listed.out));
        QVERIFY2(listed.out.contains(m_rita + u"\treader"_s), qPrintable(listed.out));
    }

    void onlyTheOwnerSetsUp() {
        const test::CtlResult init = test::runCtl(m_db->pathAs(m_alice), {u"team"_s, u"init"_s});
        QCOMPARE(init.exitCode, 1);
        QVERIFY2(init.err.contains(u"owner"_s), qPrintable(init.err));
        const test::CtlResult add = test::runCtl(m_db->pathAs(m_alice), {u"team"_s, u"add"_s, u"mallory"_s});
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(!add.err.isEmpty(), "an analyst cannot add people");
    }

    void namesAreCheckedNotSpliced() {
        for (const QString& bad : {u"x; DROP TABLE notes"_s, u"pg_admin"_s, u"\"quoted\""_s}) {
            const test::CtlResult added = test::runCtl(m_db->path(), {u"team"_s, u"add"_s, bad});
            QCOMPARE(added.exitCode, 1);
            QVERIFY2(added.err.contains(u"name"_s) || added.err.contains(u"pg_"_s), qPrintable(added.err));
        }
        QVERIFY(m_db->count(u"notes"_s) >= 0);
        const test::CtlResult removed =
            test::runCtl(m_db->path(), {u"team"_s, u"remove"_s, u"nobody_here"_s});
        QCOMPARE(removed.exitCode, 1);
        QVERIFY2(removed.err.contains(u"not in"_s), qPrintable(removed.err));
    }

    // Alice writes one private and one shared note, and highlights a passage privately.
    void authorsAreTheirRoles() {
        const QString kirkuk = QString::number(m_ids.value(u"kirkuk"_s));
        const test::CtlResult privateNote =
            test::runCtl(m_db->pathAs(m_alice), {u"note"_s, kirkuk, u"alice private draft"_s});
        QVERIFY2(privateNote.exitCode == 0, qPrintable(privateNote.err));
        const test::CtlResult sharedNote = test::runCtl(
            m_db->pathAs(m_alice), {u"note"_s, kirkuk, u"alice shared finding"_s, u"--shared"_s});
        QVERIFY2(sharedNote.exitCode == 0, qPrintable(sharedNote.err));
        const test::CtlResult highlight =
            test::runCtl(m_db->pathAs(m_alice), {u"highlight"_s, kirkuk, u"--quote"_s, u"oil exports"_s});
        QVERIFY2(highlight.exitCode == 0, qPrintable(highlight.err));
        // Nobody signs as someone else on a team's server.
        const test::CtlResult forged =
            test::runCtl(m_db->pathAs(m_alice), {u"note"_s, kirkuk, u"forged"_s, u"--author"_s, m_bob});
        QCOMPARE(forged.exitCode, 2);

        QSqlDatabase owner = m_db->db();
        QCOMPARE(count(owner, u"SELECT count(*) FROM notes WHERE author = '%1'"_s.arg(m_alice)), 2);
        QCOMPARE(
            count(owner, u"SELECT count(*) FROM notes WHERE author = '%1' AND shared = 1"_s.arg(m_alice)), 1);
        QCOMPARE(count(owner,
                       u"SELECT count(*) FROM highlights WHERE author = '%1' AND shared = 0"_s.arg(m_alice)),
                 1);
    }

    // Bob, with plain SQL: he sees Alice's shared note only, and can change none of her work.
    void privateWorkIsHiddenFromColleagues() {
        QSqlDatabase bob = connect(m_bob);
        QVERIFY(bob.isOpen());
        QCOMPARE(count(bob, u"SELECT count(*) FROM notes"_s), 1);
        QCOMPARE(count(bob, u"SELECT count(*) FROM notes WHERE body LIKE 'alice private%'"_s), 0);
        QCOMPARE(count(bob, u"SELECT count(*) FROM highlights"_s), 0);
        // The article list counts only the notes he may see.
        QCOMPARE(
            count(bob, u"SELECT count(*) FROM notes WHERE article_id = %1"_s.arg(m_ids.value(u"kirkuk"_s))),
            1);

        QSqlQuery query(bob);
        QVERIFY(query.exec(u"UPDATE notes SET body = 'defaced'"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"DELETE FROM notes"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        QVERIFY(query.exec(u"UPDATE notes SET shared = 1"_s));
        QCOMPARE(query.numRowsAffected(), 0);
        // Nor can he write in her name.
        QVERIFY(!query.exec(u"INSERT INTO notes (article_id, body, author, created, updated) "
                            "VALUES (%1, 'in her name', '%2', 0, 0)"_s.arg(m_ids.value(u"kirkuk"_s))
                                .arg(m_alice)));
        QVERIFY2(query.lastError().text().contains(u"row-level security"_s),
                 qPrintable(query.lastError().text()));

        QSqlDatabase owner = m_db->db();
        QCOMPARE(count(owner, u"SELECT count(*) FROM notes WHERE body = 'defaced'"_s), 0);
        QCOMPARE(count(owner, u"SELECT count(*) FROM notes WHERE author = '%1'"_s.arg(m_alice)), 2);
    }

    // Through Mirsad's API, a refused change is an error that names the author, never a silent save.
    void refusedChangesSaySo() {
        QSqlDatabase bob = connect(m_bob);
        QVERIFY(bob.isOpen());
        Result<QList<annotations::Note>> seen = annotations::listNotes(bob, m_ids.value(u"kirkuk"_s));
        QVERIFY2(seen, qPrintable(seen.error()));
        QCOMPARE(seen->size(), 1);
        const annotations::Note hers = seen->first();
        QCOMPARE(hers.author, m_alice);
        QVERIFY(hers.shared);
        const Status saved = annotations::updateNote(bob, hers.id, u"overwritten"_s, {}, {});
        QVERIFY(!saved);
        QVERIFY2(saved.error().contains(m_alice) && saved.error().contains(u"only its author"_s),
                 qPrintable(saved.error()));
        QVERIFY(!annotations::deleteNote(bob, hers.id));
        QVERIFY(!annotations::setNoteShared(bob, hers.id, false));

        // His own note is his, private until he shares it.
        annotations::Note mine;
        mine.articleId = m_ids.value(u"kirkuk"_s);
        mine.body = u"bob's reading"_s;
        mine.author = u"whatever the settings say"_s;
        Result<qint64> stored = annotations::insertNote(bob, mine);
        QVERIFY2(stored, qPrintable(stored.error()));
        Result<annotations::Note> back = annotations::noteById(bob, *stored);
        QVERIFY(back);
        QCOMPARE(back->author, m_bob);
        QVERIFY(!back->shared);
        QVERIFY(annotations::updateNote(bob, *stored, u"bob's reading, revised"_s, {}, {}));
        QSqlDatabase alice = connect(m_alice);
        QCOMPARE(count(alice, u"SELECT count(*) FROM notes WHERE author = '%1'"_s.arg(m_bob)), 0);
        QVERIFY(annotations::setNoteShared(bob, *stored, true));
        QCOMPARE(count(alice, u"SELECT count(*) FROM notes WHERE author = '%1'"_s.arg(m_bob)), 1);
    }

    // A reader reads and marks read, and cannot annotate.
    void readersRead() {
        QSqlDatabase rita = connect(m_rita);
        QVERIFY(rita.isOpen());
        QVERIFY(count(rita, u"SELECT count(*) FROM articles"_s) == 5);
        QSqlQuery query(rita);
        QVERIFY2(query.exec(u"UPDATE articles SET read = 1 WHERE id = %1"_s.arg(m_ids.value(u"duhok"_s))),
                 qPrintable(query.lastError().text()));
        QCOMPARE(query.numRowsAffected(), 1);
        annotations::Note note;
        note.articleId = m_ids.value(u"duhok"_s);
        note.body = u"a reader's note"_s;
        Result<qint64> refused = annotations::insertNote(rita, note);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"permission denied"_s), qPrintable(refused.error()));
        QVERIFY(!query.exec(u"DELETE FROM feeds"_s));
    }

    // `annotations --json` tells each one's author and whether it is shared.
    void annotationsShowAuthorAndSharing() {
        const test::CtlResult listed = test::runCtl(m_db->pathAs(m_alice), {u"annotations"_s, u"--json"_s});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray notes = notesIn(listed.out);
        QCOMPARE(notes.size(), 3); // her two and Bob's shared one
        int privateOnes = 0;
        for (const QJsonValue note : notes) {
            QVERIFY(note[u"author"_s].toString() == m_alice || note[u"author"_s].toString() == m_bob);
            if (!note[u"shared"_s].toBool()) {
                ++privateOnes;
                QCOMPARE(note[u"author"_s].toString(), m_alice);
            }
        }
        QCOMPARE(privateOnes, 1);
    }

    void removedPeopleLeaveTheirWork() {
        const test::CtlResult removed = test::runCtl(m_db->path(), {u"team"_s, u"remove"_s, m_bob});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!test::runCtl(m_db->path(), {u"team"_s, u"list"_s}).out.contains(m_bob));
        QCOMPARE(count(m_db->db(), u"SELECT count(*) FROM notes WHERE author = '%1'"_s.arg(m_bob)), 1);
        const test::CtlResult refused = test::runCtl(m_db->pathAs(m_bob), {u"list"_s});
        QVERIFY(refused.exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
