#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/NotesPane.h"
#include "articles/ArticleFile.h"
#include "filters/DateField.h"
#include "filters/FilterBar.h"
#include "filters/SearchHighlight.h"
#include "filters/Sidebar.h"
#include "models/ArticleListModel.h"
#include "names/EntityListPanel.h"
#include "names/NameTeacher.h"
#include "reader/ReaderView.h"
#include "storage/Storage.h"
#include "window/MainWindow.h"
#include "window/PaneLayout.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace mirsad;

namespace {

void typeDate(DateField* field, const QString& text) {
    QTest::mouseClick(field->lineEdit(), Qt::LeftButton);
    QTest::keyClick(field->lineEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field->lineEdit(), text);
    QTest::keyClick(field->lineEdit(), Qt::Key_Return);
}

// The list's rows once it has reloaded after a filter change.
QStringList listedTitles(MainWindow& window) {
    QStringList titles;
    models::ArticleListModel* model = window.articleModel();
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row, models::ArticleListModel::TitleColumn).data().toString();
    return titles;
}

bool waitForRows(MainWindow& window, int rows) {
    return QTest::qWaitFor([&] { return window.articleModel()->rowCount() == rows; }, 10000);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void datesTypedInTheBarFilterTheList() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("dates.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(waitForRows(window, 3));
        // The samples: 2020-08-16, 2020-10-09 (Sinjar) and 2021-05-09.
        typeDate(window.filterBar()->sinceField(), QStringLiteral("2020-10-01"));
        QVERIFY(waitForRows(window, 2));
        // "to" 2020-10-09 includes the Sinjar article published that evening.
        typeDate(window.filterBar()->untilField(), QStringLiteral("2020-10-09"));
        QVERIFY(waitForRows(window, 1));
        QVERIFY2(listedTitles(window).first().contains(QStringLiteral("Sinjar")),
                 qPrintable(listedTitles(window).join(u'|')));
        QTest::qWait(100);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("mainwindow-date-filter.png"))));
    }

    void filtersThatExcludeEverythingSaySo() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("empty.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Sinjar")));
        QTRY_VERIFY(window.entityList()->topLevelItemCount() > 0);

        typeDate(window.filterBar()->sinceField(), QStringLiteral("2031-01-01"));
        QVERIFY(waitForRows(window, 0));
        QTRY_VERIFY(
            window.reader()->toPlainText().contains(QStringLiteral("No article matches the filters")));
        QVERIFY(!window.reader()->toPlainText().contains(QStringLiteral("Import article files")));
        // The previous article's names are gone with it.
        QCOMPARE(window.entityList()->topLevelItemCount(), 0);
        QTest::qWait(100);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("mainwindow-no-match.png"))));

        // The link under the message clears the filters.
        ReaderView* reader = window.reader();
        const int linkPosition =
            reader->document()->find(QStringLiteral("Clear all filters")).selectionStart() + 2;
        QTextCursor cursor(reader->document());
        cursor.setPosition(linkPosition);
        const QPoint point = reader->cursorRect(cursor).center();
        QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, point);
        QVERIFY(waitForRows(window, 3));
        QVERIFY(window.filterBar()->filter().isEmpty());
        QVERIFY(window.filterBar()->sinceField()->lineEdit()->text().isEmpty());
    }

    void statusDescribingANameFilterFollowsIt() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("status.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Sinjar")));
        // Click Sinjar in "Names in this article".
        EntityListPanel* names = window.entityList();
        QTRY_VERIFY(
            !names->findItems(QStringLiteral("Sinjar"), Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
        QTreeWidgetItem* sinjar =
            names->findItems(QStringLiteral("Sinjar"), Qt::MatchStartsWith | Qt::MatchRecursive).first();
        names->scrollToItem(sinjar);
        QTest::mouseClick(names->viewport(), Qt::LeftButton, {}, names->visualItemRect(sinjar).center());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("mention")),
                 qPrintable(window.statusBar()->currentMessage()));
        QCOMPARE(window.filterBar()->chipButtons().size(), 1);

        // Removing the chip removes the message that describes it.
        QTest::mouseClick(window.filterBar()->chipButtons().first(), Qt::LeftButton);
        QVERIFY(window.filterBar()->filter().isEmpty());
        QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    void layoutsKeepTitleAndReaderDownTo800x500() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("layout.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QHeaderView* header = window.articleView()->horizontalHeader();
        for (const QSize size : {QSize(1280, 800), QSize(900, 600), QSize(800, 500)}) {
            window.resize(size);
            QTest::qWait(150);
            const QString name = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
            // No minimum forces it wider or taller.
            QVERIFY2(window.width() <= size.width() + 1, qPrintable(name));
            QVERIFY2(window.height() <= size.height() + 1,
                     qPrintable(QStringLiteral("%1: %2 px tall").arg(name).arg(window.height())));
            const int list = window.articleView()->viewport()->width();
            const int title = header->sectionSize(models::ArticleListModel::TitleColumn);
            const int names = header->sectionSize(models::ArticleListModel::NamesColumn);
            const int source = header->sectionSize(models::ArticleListModel::SourceColumn);
            // The title keeps the largest share of the list: more than the source and the names
            // together, and a third of the list or more. (It had 176 of 674 px at 900×600.)
            QVERIFY2(title * 3 >= list,
                     qPrintable(QStringLiteral("%1: title %2 of %3").arg(name).arg(title).arg(list)));
            QVERIFY2(title > names + source, qPrintable(name));
            QVERIFY2(title >= 200, qPrintable(QStringLiteral("%1: title %2").arg(name).arg(title)));
            // The reader keeps a width to read in.
            QVERIFY2(window.reader()->width() >= 360,
                     qPrintable(QStringLiteral("%1: reader %2").arg(name).arg(window.reader()->width())));
            QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("mainwindow-%1.png").arg(name))));
        }

        // F9 folds the feeds and filters away and back, F11 the notes; the menu follows.
        PaneLayout* panes = window.panes();
        QAction* feeds = panes->feedPaneAction();
        QAction* notes = panes->notesPaneAction();
        QCOMPARE(feeds->objectName(), QStringLiteral("actionShowFeedPane"));
        QCOMPARE(notes->objectName(), QStringLiteral("actionShowNotesPane"));
        QVERIFY(feeds->isChecked() && notes->isChecked());
        const int readerBefore = window.reader()->width();
        window.articleView()->setFocus();
        QTest::keyClick(window.articleView(), Qt::Key_F9);
        QTest::qWait(50);
        QCOMPARE(panes->sizes().first(), 0);
        QVERIFY(!feeds->isChecked());
        QTest::keyClick(window.articleView(), Qt::Key_F11);
        QTest::qWait(50);
        QVERIFY(!notes->isChecked());
        auto* readerSplitter = window.findChild<QSplitter*>(QStringLiteral("readerSplitter"));
        QVERIFY(readerSplitter);
        QCOMPARE(readerSplitter->sizes().value(1), 0);
        QVERIFY(window.reader()->width() > readerBefore + 200);
        QVERIFY(
            window.grab().save(test::screenshotPath(QStringLiteral("mainwindow-800x500-panes-folded.png"))));
        QTest::keyClick(window.articleView(), Qt::Key_F9);
        QTest::keyClick(window.articleView(), Qt::Key_F11);
        QTest::qWait(50);
        QVERIFY(feeds->isChecked() && notes->isChecked());
        QVERIFY(panes->sizes().first() > 100);
        QVERIFY(readerSplitter->sizes().value(1) > 100);
        // Shown in the View menu with their shortcuts.
        QCOMPARE(feeds->shortcut(), QKeySequence(Qt::Key_F9));
        QCOMPARE(notes->shortcut(), QKeySequence(Qt::Key_F11));
        QVERIFY(!feeds->associatedObjects().isEmpty());
    }

    void sidebarTabsFitAtTheDefaultWidth() {
        for (const bool arabic : {false, true}) {
            QTranslator translator;
            if (arabic) {
                QVERIFY(translator.load(QStringLiteral(":/i18n/mirsad_ar.qm")));
                QCoreApplication::installTranslator(&translator);
                QGuiApplication::setLayoutDirection(Qt::RightToLeft);
            }
            {
                QTemporaryDir dir;
                test::isolateSettings(dir);
                test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("tabs.sqlite")));
                QVERIFY(open.window);
                QTabBar* tabs = open.window->sidebar()->tabs()->tabBar();
                QTest::qWait(50);
                for (QToolButton* arrow : tabs->findChildren<QToolButton*>())
                    QVERIFY(!arrow->isVisible());
                // Every tab fits at its natural width: no title elided.
                QVERIFY2(
                    tabs->sizeHint().width() <= tabs->width(),
                    qPrintable(QStringLiteral("%1 > %2").arg(tabs->sizeHint().width()).arg(tabs->width())));
                for (int i = 0; i < tabs->count(); ++i)
                    QVERIFY(!tabs->tabToolTip(i).isEmpty());
                QVERIFY(open.window->sidebar()->grab().save(
                    test::screenshotPath(arabic ? QStringLiteral("sidebar-tabs-arabic.png")
                                                : QStringLiteral("sidebar-tabs.png"))));
            }
            if (arabic) {
                QGuiApplication::setLayoutDirection(Qt::LeftToRight);
                QCoreApplication::removeTranslator(&translator);
            }
        }
    }

    // At start Mirsad checks that every article was tagged with the names in use; when that finds
    // nothing to do the status bar says nothing about it (it used to keep "0 of 0 articles").
    void nothingToRetagIsNoNews() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("quiet.sqlite")));
        MainWindow window(storage);
        auto* teacher = window.findChild<NameTeacher*>();
        QVERIFY(teacher);
        QSignalSpy messages(teacher, &NameTeacher::message);
        QSignalSpy shown(&window, &MainWindow::articleShown);
        window.show();
        window.start();
        QVERIFY(shown.count() > 0 || shown.wait(20000));
        QTest::qWait(1500); // the start-up re-tagging check has run by now
        for (const QList<QVariant>& message : std::as_const(messages))
            QVERIFY2(!message.first().toString().contains(QStringLiteral("0 of 0")),
                     qPrintable(message.first().toString()));
        QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("Updating the names")));
    }

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
        // Every form the search finds, as the full-text index matches them: "في أربيل" and
        // "وأربيل" (with the conjunction) alike.
        QCOMPARE(reader.searchMatches().size(), 2);
        QStringList marked;
        const QList<QTextEdit::ExtraSelection> selections = reader.extraSelections();
        for (const QTextEdit::ExtraSelection& selection : selections)
            marked << selection.cursor.selectedText();
        marked.sort();
        QCOMPARE(marked, (QStringList{QStringLiteral("أربيل"), QStringLiteral("وأربيل")}));
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
