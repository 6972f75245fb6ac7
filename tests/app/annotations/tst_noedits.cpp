// No lost edits (issue 22): a note saved in two places at once keeps both texts, the later as a
// conflict copy the window says it made; when the team's server goes away mid-typing, what is
// typed is kept locally ("offline — saved locally") and saved, every character, when it is back,
// even after Mirsad was closed in between.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "ingest/ArticleImport.h"
#include "storage/Database.h"
#include "storage/Reconnect.h"

#include <QLabel>
#include <QListWidget>
#include <QSqlQuery>
#include <QTranslator>
#include <optional>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestNoEdits : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

    static qint64 value(QSqlDatabase& db, const QString& sql) {
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    // A note on the Kurdistan article, written by another connection (the archive's own).
    static qint64 noteOnArticle(test::TempDatabase& archive, const QString& body) {
        annotations::Note note;
        note.articleId = value(archive.db(), u"SELECT id FROM articles WHERE title LIKE '%كوردستان%'"_s);
        note.body = body;
        note.author = test::signedBy(u"analyst"_s);
        return annotations::insertNote(archive.db(), note).value();
    }
    static QString bodyOf(QSqlDatabase& db, qint64 id) {
        Result<annotations::Note> note = annotations::noteById(db, id);
        if (!note && storage::connectionLost(db) && storage::reconnect(db)) // the server ended it
            note = annotations::noteById(db, id);
        return note ? note->body : note.error();
    }
    // Saves what is typed now; false (with why) if it was not saved.
    static bool waitSaved(NotesPane* pane) {
        QSignalSpy saved(pane->autosaver(), &annotations::NoteAutosaver::saved);
        if (!pane->autosaver()->hasPendingEdit())
            qWarning() << "nothing to save; editing note" << pane->editor()->noteId();
        QSignalSpy failed(pane->autosaver(), &annotations::NoteAutosaver::saveFailed);
        pane->flush();
        // The save may be done before flush() returns: wait only when it is not.
        if (!saved.isEmpty() || saved.wait(10000))
            return true;
        qWarning() << "not saved:" << failed;
        return false;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    void conflictCopy_data() {
        QTest::addColumn<bool>("arabic");
        QTest::newRow("english") << false;
        QTest::newRow("arabic") << true;
    }

    // This window and another connection both save the note: theirs stays, what was typed here
    // goes whole to a conflict copy, opened in its place, and the pane says so.
    void conflictCopy() {
        QFETCH(bool, arabic);
        QTranslator translator;
        if (arabic) {
            QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
            QCoreApplication::installTranslator(&translator);
            QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        }
        test::TempDatabase archive;
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        // A team's archive has no samples unless given them; a file gets them as it opens.
        if (archive.isPostgres())
            QVERIFY(ingest::installSampleArticles(archive.db()));
        {
            test::OpenWindow open = test::openWindow(archive.path());
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            const qint64 id = noteOnArticle(archive, u"Draft"_s);
            QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
            window.annotations()->reload();
            NotesPane* pane = window.notesPane();
            pane->autosaver()->setDelays(60000, 60000); // saved when the test says
            QTRY_VERIFY(window.annotations()->note(id));
            pane->openNote(id);
            QTRY_COMPARE(pane->editor()->noteId(), id);
            MarkdownEditor* editor = pane->editor()->textEdit();
            editor->moveCursor(QTextCursor::End);
            test::typeText(editor, u" mine"_s);
            QVERIFY(waitSaved(pane));
            QCOMPARE(bodyOf(archive.db(), id), u"Draft mine"_s);
            QVERIFY(!pane->statusLabel()->isVisible());

            // Another connection saves the note, at the version it read.
            const qint64 version = annotations::noteById(archive.db(), id)->version;
            QVERIFY(annotations::saveNoteVersioned(archive.db(), id, version, u"Theirs"_s, {}, {}));

            QSignalSpy conflicts(pane->autosaver(), &annotations::NoteAutosaver::conflict);
            test::typeText(editor, u" و المزيد"_s);
            pane->flush();
            QVERIFY2(!conflicts.isEmpty() || conflicts.wait(10000), qPrintable(bodyOf(archive.db(), id)));
            const qint64 copyId = conflicts.first().at(1).toLongLong();
            QCOMPARE(bodyOf(archive.db(), id), u"Theirs"_s);
            QTRY_VERIFY(bodyOf(archive.db(), copyId).endsWith(u"Draft mine و المزيد"_s));
            // Told, in the pane and the status bar; the copy is open where typing goes on.
            QTRY_VERIFY(pane->statusLabel()->isVisible());
            const QString told = pane->statusLabel()->text();
            QVERIFY2(told.contains(QString::number(id)), qPrintable(told));
            QVERIFY2(arabic != told.contains(u"conflict copy"_s), qPrintable(told));
            QTRY_COMPARE(pane->editor()->noteId(), copyId);
            QTRY_VERIFY2(
                editor->toPlainText().endsWith(u"Draft mine و المزيد"_s),
                qPrintable(editor->toPlainText() + u" | "_s +
                           (window.annotations()->note(copyId) ? window.annotations()->note(copyId)->body
                                                               : u"(not listed)"_s)));
            test::typeText(editor, u"!"_s);
            QVERIFY(waitSaved(pane));
            QVERIFY(bodyOf(archive.db(), copyId).endsWith(u"Draft mine و المزيد!"_s));
            QCOMPARE(bodyOf(archive.db(), id), u"Theirs"_s);
            QTRY_COMPARE(pane->noteCount(), 2);
            QVERIFY(window.grab().save(
                test::screenshotPath(arabic ? u"noedits-conflict-arabic.png"_s : u"noedits-conflict.png"_s)));
            QVERIFY(pane->grab().save(test::screenshotPath(arabic ? u"noedits-conflict-arabic-pane.png"_s
                                                                  : u"noedits-conflict-pane.png"_s)));
            window.close();
        }
        if (arabic) {
            QGuiApplication::setLayoutDirection(Qt::LeftToRight);
            QCoreApplication::removeTranslator(&translator);
        }
    }

    // The server ends the window's connections while a note is being typed, and refuses new ones
    // for a while: the pane says it is offline and keeps the typing locally; once the server takes
    // connections again the window reconnects and saves every character.
    void offlineWhileTyping() {
        if (!test::testingPostgres())
            QSKIP("A file of one's own has no server to lose.");
        test::TempDatabase archive;
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        QVERIFY(ingest::installSampleArticles(archive.db()));
        const qint64 id = noteOnArticle(archive, u"Before"_s);
        QSqlQuery name(archive.db());
        QVERIFY(name.exec(u"SELECT current_database()"_s) && name.next());
        const QString database = name.value(0).toString();
        // The server's maintenance database, where the archive's connections are managed from.
        QFile serverFile(qEnvironmentVariable("MIRSAD_TEST_POSTGRES_FILE"));
        QVERIFY(serverFile.open(QIODevice::ReadOnly));
        const QString adminConnection = storage::uniqueConnectionName(u"admin"_s);
        std::optional<QSqlDatabase> server;
        {
            Result<QSqlDatabase> opened = storage::openDatabase(
                QString::fromUtf8(serverFile.readAll()).trimmed(), adminConnection, false);
            QVERIFY2(opened, qPrintable(opened.error()));
            server = *opened;
        }
        // The server goes away: every other session ends, and none may start.
        const auto serverAway = [&] {
            QSqlQuery admin(*server);
            QVERIFY2(admin.exec(u"ALTER DATABASE %1 ALLOW_CONNECTIONS false"_s.arg(database)),
                     qPrintable(admin.lastError().text()));
            QVERIFY(admin.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = '%1' AND pid <> pg_backend_pid()"_s.arg(database)));
        };
        const auto serverBack = [&] {
            QSqlQuery admin(*server);
            QVERIFY(admin.exec(u"ALTER DATABASE %1 ALLOW_CONNECTIONS true"_s.arg(database)));
        };
        QString typed = u"Before"_s;
        {
            test::OpenWindow open = test::openWindow(archive.path());
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
            NotesPane* pane = window.notesPane();
            annotations::NoteAutosaver* saver = pane->autosaver();
            saver->setDelays(60000, 60000); // saved when the test says
            saver->setRetryDelays(200, 800);
            QTRY_VERIFY(window.annotations()->note(id));
            pane->openNote(id);
            QTRY_COMPARE(pane->editor()->noteId(), id);
            MarkdownEditor* editor = pane->editor()->textEdit();
            editor->moveCursor(QTextCursor::End);
            test::typeText(editor, u" online"_s);
            typed += u" online"_s;
            QVERIFY(waitSaved(pane));
            QCOMPARE(bodyOf(archive.db(), id), typed);

            serverAway();
            QSignalSpy offline(saver, &annotations::NoteAutosaver::offlineChanged);
            test::typeText(editor, u" typed while away"_s);
            typed += u" typed while away"_s;
            pane->flush();
            QVERIFY(!offline.isEmpty() || offline.wait(10000));
            QCOMPARE(offline.first().first().toBool(), true);
            QVERIFY(saver->isOffline());
            QTRY_VERIFY(pane->statusLabel()->isVisible());
            QVERIFY2(pane->statusLabel()->text().contains(u"Offline — saved locally"_s),
                     qPrintable(pane->statusLabel()->text()));
            // More typing, into the journal; reconnection is tried and fails meanwhile.
            test::typeText(editor, u" و بالعربية"_s);
            typed += u" و بالعربية"_s;
            pane->flush();
            QTest::qWait(1500);
            QVERIFY(saver->isOffline());
            QList<annotations::JournalEntry> journal = saver->journal().pending();
            QCOMPARE(journal.size(), 1);
            QCOMPARE(journal.first().noteId, id);
            QCOMPARE(journal.first().body, typed);
            QVERIFY(window.grab().save(test::screenshotPath(u"noedits-offline.png"_s)));
            QVERIFY(pane->grab().save(test::screenshotPath(u"noedits-offline-pane.png"_s)));
            // The same state in the Arabic interface.
            {
                QTranslator translator;
                QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
                QCoreApplication::installTranslator(&translator);
                QGuiApplication::setLayoutDirection(Qt::RightToLeft);
                emit saver->offlineChanged(true); // the pane says it again, in Arabic
                QVERIFY(!pane->statusLabel()->text().contains(u"Offline"_s));
                QVERIFY(pane->grab().save(test::screenshotPath(u"noedits-offline-arabic-pane.png"_s)));
                QGuiApplication::setLayoutDirection(Qt::LeftToRight);
                QCoreApplication::removeTranslator(&translator);
                emit saver->offlineChanged(true);
            }

            serverBack();
            QTRY_VERIFY_WITH_TIMEOUT(!saver->isOffline(), 10000);
            QTRY_COMPARE(bodyOf(archive.db(), id), typed);
            QVERIFY(saver->journal().pending().isEmpty());
            QVERIFY2(pane->statusLabel()->text().contains(u"saved on"_s),
                     qPrintable(pane->statusLabel()->text()));
            // Typing goes on as usual, at the version the journal's save left.
            test::typeText(editor, u"."_s);
            typed += u"."_s;
            QVERIFY(waitSaved(pane));
            QCOMPARE(bodyOf(archive.db(), id), typed);
            QCOMPARE(value(archive.db(), u"SELECT count(*) FROM notes"_s), 1);

            // Away again, and Mirsad closes before it comes back.
            serverAway();
            test::typeText(editor, u" closing"_s);
            typed += u" closing"_s;
            pane->flush();
            QTRY_VERIFY_WITH_TIMEOUT(saver->isOffline(), 10000);
            test::typeText(editor, u" now"_s);
            typed += u" now"_s;
            window.close();
        }
        serverBack();
        {
            // The next start saves what the journal kept.
            test::OpenWindow open = test::openWindow(archive.path());
            QVERIFY(open.window);
            QTRY_COMPARE_WITH_TIMEOUT(bodyOf(archive.db(), id), typed, 10000);
            QTRY_VERIFY(open.window->notesPane()->autosaver()->journal().pending().isEmpty());
            QCOMPARE(value(archive.db(), u"SELECT count(*) FROM notes"_s), 1);
            open.window->close();
        }
        server.reset();
        storage::closeDatabase(adminConnection);
    }
};

QTEST_MAIN(TestNoEdits)
#include "tst_noedits.moc"
