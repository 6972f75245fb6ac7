// Background work never holds the user (issue 18): quitting with a re-tag or an import in flight
// closes the window at once, the work stops at a clean transaction boundary (the database stays
// consistent) and the next start resumes and finishes it. A re-tag can be paused from the Names
// menu, and its state shows in the status bar.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "names/NameTeacher.h"
#include "storage/Database.h"
#include "tagging/Retagging.h"
#include "tagging/Tagger.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSqlQuery>
#include <QStatusBar>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

// A connection of the test's own to the window's database file, for checks.
class Check {
public:
    explicit Check(const QString& path)
        : m_name(storage::uniqueConnectionName(u"check"_s)) {
        Result<QSqlDatabase> db = storage::openDatabase(path, m_name, false);
        if (db)
            m_db = *db;
    }
    ~Check() {
        m_db = QSqlDatabase();
        storage::closeDatabase(m_name);
    }
    QSqlDatabase& db() { return m_db; }
    qint64 value(const QString& sql) {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    QString integrity() {
        QSqlQuery query(m_db);
        return query.exec(u"PRAGMA integrity_check"_s) && query.next() ? query.value(0).toString()
                                                                       : QString();
    }
    qint64 outdated() {
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(m_db);
        return tagger ? tagging::countOutdated(m_db, (*tagger)->version()).value() : -1;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// Opens a menu of the menu bar and chooses an item by its accelerator, as a user does.
void chooseFromMenu(MainWindow& window, const QString& title, Qt::Key accelerator) {
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QAction* menuAction = nullptr;
    for (QAction* action : window.menuBar()->actions())
        if (action->text() == title)
            menuAction = action;
    QVERIFY(menuAction);
    window.menuBar()->setActiveAction(menuAction);
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    QVERIFY(menu);
    QTest::keyClick(menu, accelerator);
}

void chooseFromNamesMenu(MainWindow& window, Qt::Key accelerator) {
    chooseFromMenu(window, u"&Names"_s, accelerator);
}

// File ▸ Quit, from the keyboard.
void quit(MainWindow& window) {
    chooseFromMenu(window, u"&File"_s, Qt::Key_Q);
}

QString statusOf(MainWindow& window) {
    return window.statusBar()->currentMessage();
}

QAction* pauseAction(MainWindow& window) {
    return window.findChild<QAction*>(u"actionPauseRetag"_s);
}

} // namespace

class TestQuitting : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void quitDuringRetagThenResume() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        const QString path = dir.filePath(u"archive.sqlite"_s);
        constexpr int kArticles = 5000; // ten batches of the re-tag
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, u"setup"_s, true);
            QVERIFY2(db, qPrintable(db.error()));
            for (int i = 0; i < kArticles; ++i) {
                Article a;
                a.title = u"Report %1"_s.arg(i);
                a.link = u"https://example.org/r/%1"_s.arg(i);
                a.text =
                    i % 2 ? u"The governor of Erbil met officials from Kirkuk and Duhok, report %1."_s.arg(i)
                          : u"وصل وفد من أربيل إلى بغداد لبحث رواتب الموظفين، التقرير %1"_s.arg(i);
                Result<storage::UpsertResult> stored = ingest::storeArticle(*db, a);
                QVERIFY2(stored, qPrintable(stored.error()));
            }
            QSqlQuery old(*db);
            QVERIFY(old.exec(u"UPDATE articles SET tagged_version = 'old'"_s)); // names added since
            *db = QSqlDatabase();
            storage::closeDatabase(u"setup"_s);
        }
        Check check(path);
        const qint64 outdatedAtStart = check.outdated();
        QVERIFY(outdatedAtStart >= kArticles);

        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QAction* pause = pauseAction(window);
            QVERIFY(pause);
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).contains(u"Updating the names in the archive"_s),
                                     20000);
            QVERIFY(pause->isEnabled());
            QVERIFY(!pause->isChecked());

            // Names ▸ Pause Updating Names: checked, said in the status bar, and the archive
            // stops changing once the batch in flight is written. That batch is matched at idle
            // priority, which a loaded machine may leave waiting for seconds: wait for it to be
            // written (the run parked) rather than for a fixed time, then check nothing follows.
            chooseFromNamesMenu(window, Qt::Key_P);
            QVERIFY(pause->isChecked());
            QTRY_VERIFY(statusOf(window).contains(u"paused at"_s));
            NameTeacher* teacher = window.findChild<NameTeacher*>();
            QVERIFY(teacher);
            QTRY_VERIFY_WITH_TIMEOUT(teacher->retagger().isParked(), 60000);
            QTest::qWait(1500);
            const qint64 paused = check.outdated();
            QVERIFY(paused > 0);
            QVERIFY(window.grab().save(test::screenshotPath(u"retag-paused.png"_s)));
            QTest::qWait(1500);
            QCOMPARE(check.outdated(), paused);

            // Resumed, then quit at once: the window goes, and so does the re-tagging, after at
            // most the batch it was writing.
            chooseFromNamesMenu(window, Qt::Key_P);
            QVERIFY(!pause->isChecked());
            QVERIFY(!statusOf(window).contains(u"paused"_s));
            quit(window);
            QVERIFY(!window.isVisible());
            QTest::qWait(3000); // events still run: nothing may go on
            const qint64 afterQuit = check.outdated();
            QVERIFY2(
                afterQuit >= paused - tagging::RetagPlan::kBatchSize,
                qPrintable(u"%1 articles were re-tagged after the window closed"_s.arg(paused - afterQuit)));
        }
        QCOMPARE(check.integrity(), u"ok"_s);
        const qint64 leftOver = check.outdated();
        QVERIFY(leftOver > 0);

        // The next start goes on and finishes.
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            QTRY_COMPARE_WITH_TIMEOUT(check.outdated(), 0, 120000);
            QTRY_VERIFY(!pauseAction(*open.window)->isEnabled());
            quit(*open.window);
        }
        QCOMPARE(check.integrity(), u"ok"_s);
        // What the interrupted runs wrote is what tagging every article afresh writes.
        QSqlQuery reset(check.db());
        QVERIFY(reset.exec(u"UPDATE articles SET tagged_version = 'again'"_s));
        Result<tagging::RetagReport> again = tagging::retagArchive(check.db());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->examined, check.value(u"SELECT count(*) FROM articles"_s));
        QCOMPARE(again->changed, 0);
    }

    void quitDuringImportThenResume() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        const QString path = dir.filePath(u"archive.sqlite"_s);
        // A feed file streamed from disk (past the size read whole), dropped on the window.
        const QString feedPath = dir.filePath(u"archive-export.rss"_s);
        constexpr int kItems = 2500;
        {
            QFile file(feedPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Export"
                "</title><link>https://site.example/</link>\n");
            const QByteArray body =
                QByteArray("Erbil and Duhok in the news. أربيل ودهوك في الأخبار. ").repeated(120);
            for (int i = 0; i < kItems; ++i)
                file.write("<item><guid isPermaLink=\"false\">x-" + QByteArray::number(i) +
                           "</guid><title>Item " + QByteArray::number(i) +
                           "</title><description><![CDATA[<p>" + body + "</p>]]></description></item>\n");
            file.write("</channel></rss>\n");
            QVERIFY(file.size() > 16 * 1024 * 1024);
        }
        const QString feedUrl = QUrl::fromLocalFile(feedPath).toString(QUrl::FullyEncoded);
        const QString countSql =
            u"SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = '%1'"_s.arg(
                feedUrl);

        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            Check check(path);
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(feedPath)});
            const QPoint centre = window.rect().center();
            // A drag from the file manager: it enters the window, then is dropped.
            QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&window, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QVERIFY(QCoreApplication::sendEvent(&window, &drop) || drop.isAccepted());
            QTRY_COMPARE_WITH_TIMEOUT(
                check.value(u"SELECT count(*) FROM feeds WHERE url = '%1'"_s.arg(feedUrl)), 1, 20000);
            quit(window);
            QVERIFY(!window.isVisible());
        } // the window and its storage go, as when the application ends
        {
            Check check(path);
            QCOMPARE(check.integrity(), u"ok"_s);
            QCOMPARE(check.value(countSql), 0); // rolled back, not half-written
        }

        // The next start reads the file again (it was never stored) and finishes.
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            Check check(path);
            QTRY_COMPARE_WITH_TIMEOUT(check.value(countSql), kItems, 300000);
            quit(*open.window);
        }
        Check check(path);
        QCOMPARE(check.integrity(), u"ok"_s);
        QCOMPARE(check.value(countSql), kItems);
    }
};

QTEST_MAIN(TestQuitting)
#include "tst_quitting.moc"
