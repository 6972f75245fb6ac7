#include "TestSupport.h"
#include "annotations/NotesPane.h"
#include "articles/ArticleFile.h"
#include "filters/SearchHighlight.h"
#include "models/ArticleListModel.h"
#include "reader/ReaderView.h"
#include "storage/Storage.h"
#include "window/MainWindow.h"

#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTranslator>
#include <QTreeView>

using namespace mirsad;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void firstStartShowsTheSeedArticle() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("gui.sqlite")));
        MainWindow window(storage);
        QSignalSpy started(&window, &MainWindow::started);
        QSignalSpy shown(&window, &MainWindow::articleShown);
        window.resize(1400, 860);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.count() > 0, 20000);
        QCOMPARE(started.first().first().toBool(), true);
        QVERIFY(shown.count() > 0 || shown.wait(20000));

        // The three panes are there and filled.
        QVERIFY(window.feedView()->model()->rowCount() >= 2);
        QVERIFY(window.articleView()->model()->rowCount() >= 1);
        const QString text = window.reader()->toPlainText();
        QVERIFY2(
            text.contains(QStringLiteral("Al-Kazemi refers to an “unprecedented” security coordination")),
            qPrintable(text.left(200)));
        QVERIFY(text.contains(QStringLiteral("Shafaq News")));
        QVERIFY(text.contains(QStringLiteral("Sulaymaniyah or Irbil")));
        QVERIFY(!text.contains(QStringLiteral("Leave a Reply")));
        QVERIFY(!text.contains(QStringLiteral("Connecting to %s")));
        QVERIFY(window.notesPane()->isVisible());
        QVERIFY(window.reader()->isVisible());

        QTest::qWait(200);
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(test::screenshotPath(QStringLiteral("mainwindow.png"))));
        QVERIFY(shot.width() >= 1000);
    }

    void searchMatchesAreMarkedInTheReader() {
        // The Arabic sample spells أربيل with its hamza; the analyst types it without.
        Result<Article> article = articles::readArticleFile(
            QStringLiteral(":/samples/shafaq-2020-08-16-kadhimi-krg-delegation-ar.txt"));
        QVERIFY2(article, qPrintable(article.error()));
        article->id = 1;
        ReaderView reader;
        reader.resize(900, 600);
        reader.show();
        reader.showArticle(*article, QStringLiteral("Local articles"));
        reader.setSearchMatches(filters::searchMatches(article->text, QStringLiteral("اربيل")));
        // Words that start with the query, as the full-text index matches them: "في أربيل" is one;
        // "وأربيل" (with the conjunction) is not, for the index as for the reader.
        QCOMPARE(reader.searchMatches().size(), 1);
        QStringList marked;
        const QList<QTextEdit::ExtraSelection> selections = reader.extraSelections();
        for (const QTextEdit::ExtraSelection& selection : selections)
            marked << selection.cursor.selectedText();
        QCOMPARE(marked, QStringList{QStringLiteral("أربيل")});
        QTest::qWait(100);
        QVERIFY(reader.grab().save(test::screenshotPath(QStringLiteral("reader-search-matches.png"))));
        reader.setSearchMatches({});
        QVERIFY(reader.extraSelections().isEmpty());
    }

    void arabicInterfaceIsRightToLeft() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mirsad_ar.qm")));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            QTemporaryDir dir;
            storage::Storage storage(dir.filePath(QStringLiteral("ar.sqlite")));
            MainWindow window(storage);
            QSignalSpy shown(&window, &MainWindow::articleShown);
            window.resize(1400, 860);
            window.show();
            window.start();
            QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0, 20000);
            QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
            QStringList menus;
            for (QAction* action : window.menuBar()->actions())
                menus << action->text();
            QVERIFY2(menus.contains(QStringLiteral("&ملف")), qPrintable(menus.join(u'|')));
            QTest::qWait(200);
            QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("mainwindow-arabic-ui.png"))));
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }

    void secondStartDoesNotReinstallSamples() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("again.sqlite"));
        int firstCount = 0;
        for (int run = 0; run < 2; ++run) {
            storage::Storage storage(path);
            MainWindow window(storage);
            QSignalSpy shown(&window, &MainWindow::articleShown);
            window.show();
            window.start();
            QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0, 20000);
            const int rows = window.articleView()->model()->rowCount();
            if (run == 0)
                firstCount = rows;
            else
                QCOMPARE(rows, firstCount);
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
