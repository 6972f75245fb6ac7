// The window on an archive it cannot write (its folder a read-only mount, or 0555 with files 0444
// for a user who cannot mount: PrivateMounts.h): a banner above the panes says so, the actions
// that would change it are disabled, the notes are shown but cannot be edited, and the file stays
// as it was. In English and in the Arabic interface (right to left), with a screenshot of each.

#include "GuiTestSupport.h"
#include "PrivateMounts.h"
#include "annotations/Annotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "window/PaneLayout.h"

#include <QCryptographicHash>
#include <QLabel>
#include <QScopeGuard>
#include <QStatusBar>
#include <QToolButton>
#include <QTranslator>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestReadOnlyArchive : public QObject {
    Q_OBJECT

    // The sample articles, each with a note, closed.
    static bool makeArchive(const QString& file) {
        const QString connection = storage::uniqueConnectionName(u"make"_s);
        bool made = false;
        {
            Result<QSqlDatabase> db = storage::openDatabase(file, connection);
            made = db && ingest::installSampleArticles(*db).ok();
            QSqlQuery articles(db ? *db : QSqlDatabase());
            made = made && articles.exec(u"SELECT id FROM articles"_s);
            while (made && articles.next()) {
                annotations::Note note;
                note.articleId = articles.value(0).toLongLong();
                note.body = u"Written before the archive was archived."_s;
                note.author = u"Rana"_s;
                made = annotations::insertNote(*db, note).ok();
            }
        }
        storage::closeDatabase(connection);
        return made;
    }

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void theWindowSaysSoAndChangesNothing_data() {
        QTest::addColumn<bool>("arabic");
        QTest::newRow("English") << false;
        QTest::newRow("Arabic") << true;
    }
    void theWindowSaysSoAndChangesNothing() {
        QFETCH(bool, arabic);
        QTranslator translator;
        if (arabic) {
            QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
            QCoreApplication::installTranslator(&translator);
            QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        }
        const auto leftToRight = qScopeGuard([&] {
            QCoreApplication::removeTranslator(&translator);
            QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        });
        QTemporaryDir dir;
        test::isolateSettings(dir);
        QVERIFY(QDir().mkpath(dir.filePath(u"archive"_s)));
        const QString file = dir.filePath(u"archive/desk.sqlite"_s);
        QVERIFY(makeArchive(file));
        const QByteArray before = test::readFile(file);
        test::ReadOnlyFolder readOnly;
        const QString made = readOnly.make(dir.filePath(u"archive"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        {
            test::OpenWindow open = test::openWindow(file);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(open.storage->isReadOnly());

            QLabel* banner = window.readOnlyBanner();
            QVERIFY(banner->isVisible());
            QVERIFY2(banner->text().contains(arabic ? u"للقراءة فقط"_s : u"This archive is read-only"_s),
                     qPrintable(banner->text()));
            QVERIFY(banner->text().contains(u"desk.sqlite"_s));
            // Above the panes, across the window.
            QVERIFY(banner->mapTo(&window, QPoint(0, 0)).y() <
                    window.panes()->mapTo(&window, QPoint(0, 0)).y());

            for (const char* name : {"actionImportFiles", "actionRefreshAll", "actionAddFeed", "actionStar",
                                     "actionToggleRead", "actionHighlight", "actionNewNote"}) {
                auto* action = window.findChild<QAction*>(QLatin1String(name));
                QVERIFY2(action, name);
                QVERIFY2(!action->isEnabled(), name);
            }

            // The note is there to read, not to change.
            NotesPane* notes = window.notesPane();
            QTRY_COMPARE(notes->noteCount(), 1);
            QVERIFY(!notes->findChild<QToolButton*>(u"newNoteButton"_s)->isEnabled());
            const Result<QList<annotations::Note>> listed =
                open.storage->reader()
                    .run([id = window.reader()->articleId()](QSqlDatabase& db) {
                        return annotations::listNotes(db, id);
                    })
                    .result();
            QVERIFY(listed && listed->size() == 1);
            notes->openNote(listed->first().id);
            QTRY_COMPARE(notes->editor()->noteId(), listed->first().id);
            QVERIFY(notes->editor()->isReadOnly());
            QVERIFY(notes->editor()->textEdit()->isReadOnly());
            QVERIFY(!notes->canDelete());
            notes->newNote(); // as Ctrl+Shift+N would: refused, with a sentence
            QCOMPARE(notes->noteCount(), 1);

            // The keys of the list (S, M) say why they do nothing.
            window.toggleRead();
            QVERIFY2(
                window.statusBar()->currentMessage().contains(arabic ? u"للقراءة فقط"_s : u"read-only"_s),
                qPrintable(window.statusBar()->currentMessage()));
            window.statusBar()->clearMessage();
            QTest::qWait(100);
            QVERIFY(window.grab().save(
                test::screenshotPath(arabic ? u"readonly-archive-arabic.png"_s : u"readonly-archive.png"_s)));
        }
        readOnly.restore();
        QCOMPARE(test::readFile(file), before);
    }
};

QTEST_MAIN(TestReadOnlyArchive)
#include "tst_readonlyarchive.moc"
