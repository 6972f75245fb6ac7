// The window on a team's archive: the same desk on the PostgreSQL test server. The articles come
// in through the ordinary import path; the analyst reads, searches, highlights and notes, closes
// the window and finds it all again, as on a file.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "filters/FilterBar.h"
#include "ingest/ArticleImport.h"

#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestTeamWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    void readSearchHighlightAndNoteOnTheServer() {
        test::TempDatabase archive; // on the test server: this test runs only with it
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        QVERIFY(archive.isPostgres());
        Result<int> installed = ingest::installSampleArticles(archive.db());
        QVERIFY2(installed, qPrintable(installed.error()));
        QVERIFY(*installed >= 3);
        const QString location = archive.path();
        archive.close();

        const QString passage = u"unprecedented"_s;
        const QString noteText = u"Coordination between Baghdad and Erbil: ask the KRG office."_s;
        qint64 articleId = 0;
        {
            test::OpenWindow open = test::openWindow(location);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(window.windowTitle().contains(u"postgresql://"_s));
            QCOMPARE(window.articleModel()->rowCount(), *installed);

            // A search on the server: an Arabic word with its clitics (wa-, al-) finds the Arabic sample.
            QLineEdit* box = window.filterBar()->searchBox();
            box->setFocus();
            test::typeText(box, u"والموازنة"_s);
            QTest::keyClick(box, Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(window.articleModel()->rowCount(), 1, 10000);
            QVERIFY(window.articleModel()
                        ->index(0, models::ArticleListModel::TitleColumn)
                        .data()
                        .toString()
                        .contains(u"كوردستان"_s));
            QVERIFY(window.grab().save(test::screenshotPath(u"teamwindow-search.png"_s)));
            box->clear();
            QTest::keyClick(box, Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(window.articleModel()->rowCount(), *installed, 10000);

            QVERIFY(test::showArticleTitled(window, u"Al-Kazemi"_s));
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            ReaderView* reader = window.reader();
            articleId = reader->articleId();
            const qsizetype start = reader->article().text.indexOf(passage);
            QVERIFY(start > 0);
            reader->selectText(start, start + passage.size());
            QTest::keyClick(reader, Qt::Key_H, Qt::ControlModifier);
            QTRY_COMPARE(window.annotations()->highlights().size(), 1);

            NotesPane* pane = window.notesPane();
            QTRY_COMPARE(pane->list()->count(), 1);
            pane->list()->setCurrentRow(0);
            QTest::mouseClick(pane->findChild<QToolButton*>(u"newNoteButton"_s), Qt::LeftButton);
            QTRY_VERIFY(pane->editor()->noteId() > 0);
            QTRY_VERIFY(pane->editor()->textEdit()->hasFocus());
            QTest::keyClicks(pane->editor()->textEdit(), noteText);
            QSignalSpy saved(pane, &NotesPane::noteSaved);
            QVERIFY(saved.wait(5000));
            QVERIFY(window.grab().save(test::screenshotPath(u"teamwindow-note.png"_s)));
            window.close();
        }
        {
            test::OpenWindow open = test::openWindow(location);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(test::showArticleTitled(window, u"Al-Kazemi"_s));
            QCOMPARE(window.reader()->articleId(), articleId);
            QTRY_COMPARE(window.annotations()->highlights().size(), 1);
            QCOMPARE(window.annotations()->highlights().first().selector.quote, passage);
            QTRY_COMPARE(window.annotations()->notes().size(), 1);
            QCOMPARE(window.annotations()->notes().first().body, noteText);
            QCOMPARE(window.annotations()->notes().first().highlightId,
                     window.annotations()->highlights().first().id);
        }
    }
};

QTEST_MAIN(TestTeamWindow)
#include "tst_teamwindow.moc"
