// Reading with the keyboard on the real window: every unread count shown (the feed list, its
// folders and "All articles", the watchlists) follows what the database holds as articles are
// read (auto-mark, M, Mark All as Read and its undo) and imported; Next Unread walks across the
// list's pages and on to the next feed; Open in Browser and Copy Link act on the article's web
// address only; the feed chip names the feed.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "feeds/FeedPane.h"
#include "filters/DateField.h"
#include "filters/FilterBar.h"
#include "filters/Sidebar.h"
#include "models/FeedTreeModel.h"
#include "models/WatchlistModel.h"
#include "text/TextDirection.h"
#include "window/ReadingActions.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSqlQuery>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using namespace mirsad;
using namespace Qt::StringLiterals;
using models::ArticleListModel;
using models::FeedTreeModel;

namespace {

QByteArray rss(const QString& title, int items) {
    QByteArray body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>" +
                      title.toUtf8() + "</title><link>https://example.org/</link>";
    for (int i = 1; i <= items; ++i)
        body += QStringLiteral("<item><title>%2 story %1</title><link>https://example.org/%3/%1</link>"
                               "<guid>%3-%1</guid><pubDate>01 Jun 2021 10:%4:00 GMT</pubDate>"
                               "<description>Talks in Erbil, part %1.</description></item>")
                    .arg(i)
                    .arg(title, QString(title).replace(u' ', u'-'))
                    .arg(i, 2, 10, QLatin1Char('0'))
                    .toUtf8();
    return body + "</channel></rss>";
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& data) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return file.fileName();
}

// Imports files as File ▸ Import Files does (the import itself is not what these tests check).
void drop(QWidget& window, const QStringList& files) {
    window.findChild<FeedPane*>()->importSources(files);
}

// Unread articles in the database (of one feed, or all).
int unreadInDatabase(storage::Storage& storage, qint64 feedId = 0) {
    return storage.reader()
        .run([feedId](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("SELECT count(*) FROM articles WHERE read = 0 AND (? = 0 OR feed_id = ?)"));
            query.addBindValue(feedId);
            query.addBindValue(feedId);
            return query.exec() && query.next() ? query.value(0).toInt() : -1;
        })
        .result();
}

QModelIndex feedNamed(FeedTreeModel* model, const QString& name) {
    QModelIndex found;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data().toString() == name)
                found = index;
            walk(index);
        }
    };
    walk({});
    return found;
}

// Every count the window shows agrees with the database.
bool countsAgree(MainWindow& window, storage::Storage& storage, QString* why) {
    auto* feeds = window.findChild<FeedPane*>()->model();
    const int all = unreadInDatabase(storage);
    QStringList wrong;
    if (feeds->index(0, 0).data(FeedTreeModel::UnreadRole).toInt() != all)
        wrong << QStringLiteral("All articles shows %1, the database has %2")
                     .arg(feeds->index(0, 0).data(FeedTreeModel::UnreadRole).toInt())
                     .arg(all);
    for (int row = 1; row < feeds->rowCount(); ++row) {
        const QModelIndex index = feeds->index(row, 0);
        if (index.data(FeedTreeModel::NodeTypeRole).toInt() != int(FeedTreeModel::NodeType::Feed))
            continue;
        const int shown = index.data(FeedTreeModel::UnreadRole).toInt();
        const int stored = unreadInDatabase(storage, index.data(FeedTreeModel::FeedIdRole).toLongLong());
        if (shown != stored)
            wrong << QStringLiteral("%1 shows %2, the database has %3")
                         .arg(index.data().toString())
                         .arg(shown)
                         .arg(stored);
    }
    auto* watchlists = window.findChild<Sidebar*>()->watchlistModel();
    for (int row = 0; row < watchlists->rowCount(); ++row) {
        const int shown = watchlists->index(row, 0).data(models::WatchlistModel::UnreadRole).toInt();
        if (shown != all) // the test's watchlist is "everything"
            wrong << QStringLiteral("the watchlist shows %1, the database has %2").arg(shown).arg(all);
    }
    *why = wrong.join(QStringLiteral("; "));
    return wrong.isEmpty();
}

#define VERIFY_COUNTS(window, storage)                                                                       \
    do {                                                                                                     \
        QString why;                                                                                         \
        QTRY_VERIFY2_WITH_TIMEOUT(countsAgree(window, storage, &why), qPrintable(why), 10000);               \
    } while (false)

} // namespace

class TestReading : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_dir);
    }

    // Open in Browser and Copy Link take an article's link only when it is a web address: a
    // stored link of another scheme (a crafted feed, a colleague's row) is never opened.
    void onlyWebLinksAreOpened() {
        QCOMPARE(ReadingActions::webLink(u" https://www.rudaw.net/english/a "_s),
                 QUrl(u"https://www.rudaw.net/english/a"_s));
        QCOMPARE(ReadingActions::webLink(u"http://example.org/x"_s), QUrl(u"http://example.org/x"_s));
        for (const QString& link : {u"file:///etc/passwd"_s, u"javascript:alert(1)"_s, u"data:text/html,x"_s,
                                    u"ftp://example.org/x"_s, u"/relative/path"_s, u"https://"_s, u""_s})
            QVERIFY2(!ReadingActions::webLink(link).isValid(), qPrintable(link));
    }

    void unreadCountsFollowTheReading() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("counts.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        storage::Storage& storage = *open.storage;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* sidebar = window.findChild<Sidebar*>();
        // A watchlist needs a filter: everything since 2000, typed into the filter bar.
        QLineEdit* since = window.findChild<FilterBar*>()->sinceField()->lineEdit();
        QTest::mouseClick(since, Qt::LeftButton);
        QTest::keyClicks(since, QStringLiteral("2000-01-01"));
        QTest::keyClick(since, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(window.articleModel()->filter().since.isValid(), 10000);
        sidebar->saveWatchlist(QStringLiteral("Everything"));
        QTRY_COMPARE_WITH_TIMEOUT(sidebar->watchlistModel()->rowCount(), 1, 10000);
        QCOMPARE(unreadInDatabase(storage), 3);
        QTableView* list = window.articleView();
        list->setFocus();

        // The first sample is marked read after a moment; J, J reads the others.
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 2, 10000);
        VERIFY_COUNTS(window, storage);
        QTest::keyClick(list, Qt::Key_J);
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 1, 10000);
        VERIFY_COUNTS(window, storage);
        QTest::keyClick(list, Qt::Key_J);
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 0, 10000);
        VERIFY_COUNTS(window, storage);
        QCOMPARE(window.feedView()->model()->index(0, 0).data(FeedTreeModel::UnreadRole).toInt(), 0);

        // M marks it unread again.
        QTest::keyClick(list, Qt::Key_M);
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 1, 10000);
        VERIFY_COUNTS(window, storage);

        // Imported articles count, and reading one of them counts too.
        QTemporaryDir files;
        QStringList imported;
        for (int i = 1; i <= 4; ++i)
            imported << writeFile(
                files, QStringLiteral("note-%1.txt").arg(i),
                QStringLiteral("Report %1 from Duhok\n\nThe governor of Duhok met investors, "
                               "meeting %1.\n")
                    .arg(i)
                    .toUtf8());
        drop(window, imported);
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 5, 20000);
        VERIFY_COUNTS(window, storage);
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Report 2 from Duhok")));
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 4, 10000);
        VERIFY_COUNTS(window, storage);
        QVERIFY(window.feedView()->grab().save(test::screenshotPath(QStringLiteral("reading-counts.png"))));

        // Ctrl+R marks what the list shows; Ctrl+Z in the list gives it back.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 0, 10000);
        VERIFY_COUNTS(window, storage);
        for (int row = 0; row < window.articleModel()->rowCount(); ++row)
            QVERIFY(window.articleModel()->index(row, 0).data(ArticleListModel::ReadRole).toBool());
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage), 4, 10000);
        VERIFY_COUNTS(window, storage);
    }

    void markFeedReadFromTheFeedList() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("markfeed.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        storage::Storage& storage = *open.storage;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTemporaryDir files;
        drop(window, {writeFile(files, QStringLiteral("a.xml"), rss(QStringLiteral("Alpha Wire"), 4)),
                      writeFile(files, QStringLiteral("b.xml"), rss(QStringLiteral("Beta Wire"), 3))});
        auto* feeds = window.findChild<FeedPane*>()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            feedNamed(feeds, QStringLiteral("Beta Wire")).data(FeedTreeModel::UnreadRole).toInt() == 3 &&
                feedNamed(feeds, QStringLiteral("Alpha Wire")).data(FeedTreeModel::UnreadRole).toInt() == 4,
            20000);
        const qint64 beta =
            feedNamed(feeds, QStringLiteral("Beta Wire")).data(FeedTreeModel::FeedIdRole).toLongLong();

        // A right click on Beta Wire, then the menu's "Mark Feed as Read" with the keyboard.
        QTreeView* view = window.feedView();
        const QRect rect = view->visualRect(feedNamed(feeds, QStringLiteral("Beta Wire")));
        QString chosen;
        QTimer::singleShot(200, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* action : menu->actions()) {
                if (action->objectName() == u"actionMarkFeedRead") {
                    chosen = action->text();
                    menu->setActiveAction(action);
                    QTest::keyClick(menu, Qt::Key_Return);
                    return;
                }
            }
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                                view->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(view->viewport(), &event);
        QCOMPARE(chosen, QStringLiteral("&Mark Feed as Read"));
        QTRY_COMPARE_WITH_TIMEOUT(unreadInDatabase(storage, beta), 0, 10000);
        QCOMPARE(unreadInDatabase(storage), 4 + 3); // Alpha and the samples untouched
        VERIFY_COUNTS(window, storage);
    }

    void nextUnreadCrossesPagesAndFeeds() {
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("next.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        storage::Storage& storage = *open.storage;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTemporaryDir files;
        drop(window, {writeFile(files, QStringLiteral("a.xml"), rss(QStringLiteral("Alpha Wire"), 59)),
                      writeFile(files, QStringLiteral("b.xml"), rss(QStringLiteral("Beta Wire"), 3))});
        auto* feeds = window.findChild<FeedPane*>()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            feedNamed(feeds, QStringLiteral("Beta Wire")).data(FeedTreeModel::TotalRole).toInt() == 3 &&
                feedNamed(feeds, QStringLiteral("Alpha Wire")).data(FeedTreeModel::TotalRole).toInt() == 59,
            20000);
        // Alpha's stories 59 (newest) to 1: only 58 and 2 unread.
        const qint64 alpha =
            feedNamed(feeds, QStringLiteral("Alpha Wire")).data(FeedTreeModel::FeedIdRole).toLongLong();
        QVERIFY(storage.writer()
                    .run([alpha](QSqlDatabase& db) {
                        QSqlQuery query(db);
                        return query.exec(
                            QStringLiteral("UPDATE articles SET read = title NOT IN ('Alpha Wire story 58', "
                                           "'Alpha Wire story 2') WHERE feed_id = %1")
                                .arg(alpha));
                    })
                    .result());
        storage.notifyArticlesChanged();
        window.articleModel()->setPageSize(2); // the list loads two rows at a time

        // A click on Alpha Wire shows its newest story; the feed chip names the feed.
        // The feed list reloads after the change above; a click that lands while it does is lost,
        // as a user's would be, and the user clicks again.
        QTreeView* view = window.feedView();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (window.articleModel()->filter().feedIds == QList<qint64>{alpha})
                    return true;
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                                  view->visualRect(feedNamed(feeds, QStringLiteral("Alpha Wire"))).center());
                return false;
            }(),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().title, QStringLiteral("Alpha Wire story 59"),
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.articleModel()->filter().feedIds == QList<qint64>{alpha} &&
                                     !window.articleModel()->isLoading(),
                                 10000);
        QStringList chips;
        for (QToolButton* chip : window.findChild<FilterBar*>()->chipButtons())
            chips << chip->text();
        QCOMPARE(chips.size(), 1);
        QVERIFY2(text::withoutIsolates(chips.first()).startsWith(QStringLiteral("Feed: Alpha Wire")),
                 qPrintable(chips.join(u'|')));
        // (The view loads pages until it is full; story 2 is usually beyond them.)

        QTableView* list = window.articleView();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_N);
        QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().title, QStringLiteral("Alpha Wire story 58"),
                                  10000);
        QTest::keyClick(list, Qt::Key_Plus); // beyond the loaded pages
        QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().title, QStringLiteral("Alpha Wire story 2"),
                                  10000);
        QTest::keyClick(list, Qt::Key_Minus);
        QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().title, QStringLiteral("Alpha Wire story 58"),
                                  10000);
        QTest::keyClick(list, Qt::Key_N);
        QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().title, QStringLiteral("Alpha Wire story 2"),
                                  10000);
        // Nothing unread left in Alpha: on to the next feed with unread articles.
        QTest::keyClick(list, Qt::Key_N);
        QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().title, QStringLiteral("Beta Wire story 3"),
                                  10000);
        QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("Beta Wire"));

        // Open in Browser and Copy Link use the article's web address.
        QList<QUrl> opened;
        ReadingActions::setUrlOpener([&opened](const QUrl& url) {
            opened << url;
            return true;
        });
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(opened, QList<QUrl>{QUrl(QStringLiteral("https://example.org/Beta-Wire/3"))});
        QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(),
                 QUrl(QStringLiteral("https://example.org/Beta-Wire/3")).toString());

        // A sample article came from a file: no web address, nothing to open or copy.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(feedNamed(feeds, QStringLiteral("Local articles"))).center());
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Sinjar")));
        QAction* openInBrowser = window.readingActions()->openInBrowserAction();
        QTRY_VERIFY(!openInBrowser->isEnabled());
        QVERIFY(!window.readingActions()->copyLinkAction()->isEnabled());
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(opened.size(), 1);

        // The menus show the shortcuts; the toolbar has a proper name.
        QCOMPARE(openInBrowser->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(window.readingActions()->nextUnreadAction()->shortcut(), QKeySequence(Qt::Key_Plus));
        QCOMPARE(window.findChild<QToolBar*>(QStringLiteral("mainToolBar"))->toggleViewAction()->text(),
                 QStringLiteral("Main Toolbar"));
        ReadingActions::setUrlOpener({});
    }
};

QTEST_MAIN(TestReading)
#include "tst_reading.moc"
