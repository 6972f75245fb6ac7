// Live updates in the window on a team's archive: while Bob types a note of his own, Alice shares
// one on the article he reads and imports an article; his window shows both within a second,
// without his typing, his selection or his place moving; her private draft never shows.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "ingest/ArticleImport.h"
#include "storage/Database.h"
#include "storage/Team.h"

#include <QElapsedTimer>
#include <QListWidget>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestLiveNotes : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
    test::TempDatabase* m_archive = nullptr;
    QString m_alice, m_bob;
    qint64 m_articleId = 0;
    QString m_aliceConnection;

    qint64 count(const QString& sql) {
        QSqlQuery query(m_archive->db());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    static QStringList noteRows(NotesPane* pane) {
        QStringList rows;
        for (int i = 0; i < pane->list()->count(); ++i)
            if (pane->list()->item(i)->data(NotesPane::KindRole).toInt() == NotesPane::NoteItem)
                rows << pane->list()->item(i)->text();
        return rows;
    }
    bool aliceWrites(const QString& sql) {
        QSqlQuery query(QSqlDatabase::database(m_aliceConnection));
        return query.exec(sql);
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
        m_archive = new test::TempDatabase;
        const Result<QStringList> analysts =
            test::makeTeamArchive(*m_archive, {u"alice_lv_"_s, u"bob_lv_"_s});
        QVERIFY2(analysts, qPrintable(analysts.error()));
        m_alice = analysts->at(0);
        m_bob = analysts->at(1);
        m_articleId = count(u"SELECT id FROM articles WHERE title LIKE '%كوردستان%'"_s);
        QVERIFY(m_articleId > 0);
        m_aliceConnection = storage::uniqueConnectionName(m_alice);
        Result<QSqlDatabase> alice = storage::openDatabase(m_archive->pathAs(m_alice), m_aliceConnection);
        QVERIFY2(alice, qPrintable(alice.error()));
    }
    void cleanupTestCase() {
        storage::closeDatabase(m_aliceConnection);
        delete m_archive;
    }

    void colleaguesWorkAppearWhileTyping() {
        test::OpenWindow open = test::openWindow(m_archive->pathAs(m_bob));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QTRY_VERIFY(open.storage->changes().isListening());
        QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
        NotesPane* pane = window.notesPane();
        NoteEditor* editor = pane->editor();

        // Bob starts a note and types, unsaved yet.
        pane->newNote(0);
        QTRY_VERIFY(editor->noteId() > 0 && !editor->isReadOnly());
        const qint64 his = editor->noteId();
        test::typeText(editor->textEdit(), u"Bob reads: "_s);
        const int listed = window.articleModel()->rowCount();

        // Alice shares a note on it, and keeps a draft to herself.
        QVERIFY(aliceWrites(
            u"INSERT INTO notes (article_id, body, created, updated, shared) VALUES "
            "(%1, 'مسودة خاصة', 0, 0, 0), (%1, 'Alice: the Erbil meeting moved to Sunday', 0, 0, 1)"_s.arg(
                m_articleId)));
        QElapsedTimer sinceCommit;
        sinceCommit.start();
        QTRY_VERIFY_WITH_TIMEOUT(noteRows(pane).join(u'|').contains(u"Erbil meeting"_s), 5000);
        const qint64 latency = sinceCommit.elapsed();
        QVERIFY2(latency < 1000, qPrintable(u"shown after %1 ms"_s.arg(latency)));
        QVERIFY(!noteRows(pane).join(u'|').contains(u"مسودة"_s));
        // His note is still the one open, and he goes on typing where he was.
        QCOMPARE(editor->noteId(), his);
        test::typeText(editor->textEdit(), u"she is right"_s);
        QCOMPARE(editor->textEdit()->toPlainText(), u"Bob reads: she is right"_s);
        QCOMPARE(window.annotations()->articleId(), m_articleId);

        // She imports an article: his list has it, and he is still on his article.
        QSqlQuery owner(m_archive->db());
        QVERIFY(
            owner.exec(u"INSERT INTO articles (feed_id, dedupe_key, title, fetched, sort_time, content_hash) "
                       "SELECT feed_id, 'live-import', 'Live: Sulaymaniyah council meets', 0, 1, 'h' "
                       "FROM articles WHERE id = %1"_s.arg(m_articleId)));
        QTRY_VERIFY_WITH_TIMEOUT(window.articleModel()->rowCount() == listed + 1, 5000);
        QCOMPARE(window.annotations()->articleId(), m_articleId);
        QCOMPARE(editor->noteId(), his);
        QVERIFY(window.grab().save(test::screenshotPath(u"livenotes-colleague.png"_s)));
        pane->flush();
        QTRY_COMPARE(
            count(
                u"SELECT count(*) FROM notes WHERE id = %1 AND body = 'Bob reads: she is right'"_s.arg(his)),
            1);
        window.close();
    }
};

QTEST_MAIN(TestLiveNotes)
#include "tst_livenotes.moc"
