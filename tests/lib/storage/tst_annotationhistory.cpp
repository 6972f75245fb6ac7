// The audit of highlights and notes on a team's archive (resources/migrations-postgresql/009):
// the server records who added, changed or deleted which annotation, when, with the text before
// and after; each person reads the history of what they may read, and nobody rewrites it. Two
// real roles and raw SQL, as colleagues with psql.

#include "FilterFixture.h"
#include "storage/Database.h"
#include "storage/Team.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestAnnotationHistory : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    qint64 m_article = 0;
    QString m_alice, m_bob, m_aliceConnection, m_bobConnection;

    QSqlDatabase alice() { return QSqlDatabase::database(m_aliceConnection, false); }
    QSqlDatabase bob() { return QSqlDatabase::database(m_bobConnection, false); }
    static QVariant value(QSqlDatabase db, const QString& sql) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }
    static bool exec(QSqlDatabase db, const QString& sql) {
        QSqlQuery query(db);
        return query.exec(sql);
    }
    // The history of a note as `db` may read it: action, actor, old text → new text, oldest first.
    static QStringList history(QSqlDatabase db, qint64 noteId) {
        QSqlQuery query(db);
        query.exec(u"SELECT action, actor, coalesce(old_text, '-'), coalesce(new_text, '-'), "
                   "coalesce(new_shared, old_shared) FROM annotation_history "
                   "WHERE kind = 'note' AND annotation_id = %1 ORDER BY id"_s.arg(noteId));
        QStringList rows;
        while (query.next())
            rows << u"%1 %2 %3→%4 %5"_s.arg(query.value(0).toString(), query.value(1).toString(),
                                            query.value(2).toString(), query.value(3).toString(),
                                            query.value(4).toString());
        return rows;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY2(test::testingPostgres(), "the audit is the server's: the PostgreSQL run");
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        const QHash<QString, qint64> ids = test::storeFixture(m_db->db());
        QVERIFY(!ids.isEmpty());
        m_article = ids.value(ids.keys().first());
        const QString run = QString::number(QCoreApplication::applicationPid());
        m_alice = u"alice_audit_"_s + run;
        m_bob = u"bob_audit_"_s + run;
        QVERIFY(storage::initTeam(m_db->db()));
        for (const QString& name : {m_alice, m_bob})
            QVERIFY(storage::addTeamMember(m_db->db(), name, storage::TeamRole::Analyst));
        m_aliceConnection = storage::uniqueConnectionName(u"alice"_s);
        m_bobConnection = storage::uniqueConnectionName(u"bob"_s);
        QVERIFY(storage::openDatabase(m_db->pathAs(m_alice), m_aliceConnection, false));
        QVERIFY(storage::openDatabase(m_db->pathAs(m_bob), m_bobConnection, false));
    }
    void cleanupTestCase() {
        storage::closeDatabase(m_aliceConnection);
        storage::closeDatabase(m_bobConnection);
        delete m_db;
    }

    void aNotesLifeIsRecordedAndReadableWhereTheNoteIs() {
        const qint64 note = value(alice(), u"INSERT INTO notes (article_id, body, created, updated) "
                                           "VALUES (%1, 'draft', 0, 0) RETURNING id"_s.arg(m_article))
                                .toLongLong();
        QVERIFY(note > 0);
        QVERIFY(exec(alice(), u"UPDATE notes SET body = 'final' WHERE id = %1"_s.arg(note)));
        QVERIFY(exec(alice(), u"UPDATE notes SET updated = 5 WHERE id = %1"_s.arg(note))); // nothing to see
        const QStringList hers = {u"added %1 -→draft 0"_s.arg(m_alice),
                                  u"changed %1 draft→final 0"_s.arg(m_alice)};
        QCOMPARE(history(alice(), note), hers);
        QVERIFY(value(alice(),
                      u"SELECT at IS NOT NULL FROM annotation_history WHERE annotation_id = %1"_s.arg(note))
                    .toBool());
        // Private: Bob reads neither the note nor its history.
        QCOMPARE(history(bob(), note), QStringList());

        QVERIFY(exec(alice(), u"UPDATE notes SET shared = 1 WHERE id = %1"_s.arg(note)));
        QCOMPARE(history(bob(), note), hers + QStringList{u"changed %1 final→final 1"_s.arg(m_alice)});

        // Deleted: the author keeps its history; nobody else reads a note that is gone.
        QVERIFY(exec(alice(), u"DELETE FROM notes WHERE id = %1"_s.arg(note)));
        QCOMPARE(history(alice(), note).size(), 4);
        QCOMPARE(history(alice(), note).last(), u"deleted %1 final→- 1"_s.arg(m_alice));
        QCOMPARE(history(bob(), note), QStringList());
        // The owner, who administers the archive, reads everything.
        QCOMPARE(history(m_db->db(), note).size(), 4);
    }

    void nobodyRewritesHistory() {
        const qint64 note = value(alice(), u"INSERT INTO notes (article_id, body, created, updated, shared) "
                                           "VALUES (%1, 'on record', 0, 0, 1) RETURNING id"_s.arg(m_article))
                                .toLongLong();
        QVERIFY(note > 0);
        for (QSqlDatabase db : {alice(), bob()}) {
            QVERIFY(
                !exec(db, u"INSERT INTO annotation_history (kind, annotation_id, article_id, author, action, "
                          "actor) VALUES ('note', %1, %2, 'x', 'deleted', 'x')"_s.arg(note)
                              .arg(m_article)));
            QVERIFY(exec(
                db,
                u"UPDATE annotation_history SET new_text = 'forged' WHERE annotation_id = %1"_s.arg(note)));
            QVERIFY(exec(db, u"DELETE FROM annotation_history WHERE annotation_id = %1"_s.arg(note)));
        }
        QCOMPARE(history(m_db->db(), note), QStringList{u"added %1 -→on record 1"_s.arg(m_alice)});
        // Highlights are recorded too.
        QVERIFY(exec(bob(),
                     u"INSERT INTO highlights (article_id, color, quote, start, \"end\", created, updated) "
                     "VALUES (%1, 'yellow', 'Erbil', 0, 5, 0, 0)"_s.arg(m_article)));
        QCOMPARE(
            value(bob(),
                  u"SELECT new_text FROM annotation_history WHERE kind = 'highlight' AND actor = '%1'"_s.arg(
                      m_bob))
                .toString(),
            u"Erbil [yellow]"_s);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationHistory)
#include "tst_annotationhistory.moc"
