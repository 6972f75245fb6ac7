// Subscribing from the Add Feed dialog, driven with the keyboard on the real window: what is
// typed is explained when it is no address, the dialog stays open (busy, cancellable) while
// the address is checked, a failure is shown in it with the address left to correct, and a
// feed that later fails to refresh is marked in the feed list with its error.

#include "GuiTestSupport.h"
#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "feeds/AddFeedDialog.h"
#include "feeds/FeedPane.h"
#include "models/FeedTreeModel.h"
#include "storage/FeedQueries.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

using namespace mirsad;
using models::FeedTreeModel;

namespace {

QByteArray rss(const QString& title, int items) {
    QByteArray body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>" +
                      title.toUtf8() + "</title><link>https://example.org/</link>";
    for (int i = 0; i < items; ++i)
        body += QStringLiteral("<item><title>Story %1 of %2</title><link>https://example.org/%1</link>"
                               "<guid>%2-%1</guid><pubDate>Mon, 0%1 Jun 2021 10:00:00 GMT</pubDate>"
                               "<description>Talks in Erbil, part %1.</description></item>")
                    .arg(i + 1)
                    .arg(title)
                    .toUtf8();
    return body + "</channel></rss>";
}

// The feeds in the list, by address.
QHash<QString, QModelIndex> feedsByUrl(FeedTreeModel* model) {
    QHash<QString, QModelIndex> feeds;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(FeedTreeModel::NodeTypeRole).toInt() == int(FeedTreeModel::NodeType::Feed))
                feeds.insert(index.data(FeedTreeModel::UrlRole).toString(), index);
            walk(index);
        }
    };
    walk({});
    return feeds;
}

LoopbackHttpServer::Route route(const QByteArray& body, int status = 200) {
    LoopbackHttpServer::Route route;
    route.body = body;
    route.status = status;
    return route;
}

// Closes the dialog whatever happens in the step, so that a failing check cannot leave the
// test waiting on a modal dialog.
struct CloseAtEnd {
    QDialog* dialog;
    ~CloseAtEnd() {
        if (dialog && dialog->isVisible())
            dialog->reject();
    }
};

} // namespace

class TestAddFeed : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // Ctrl+Shift+A on the window, then `step` on the dialog it opens (modal: run from its loop).
    void openDialog(MainWindow& window, std::function<void(AddFeedDialog*)> step) {
        window.activateWindow(); // back from the last dialog
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTimer::singleShot(0, this, [&] {
            AddFeedDialog* dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(
                (dialog = qobject_cast<AddFeedDialog*>(QApplication::activeModalWidget())) != nullptr, 5000);
            CloseAtEnd guard{dialog};
            step(dialog);
        });
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_dir);
    }

    void failedSubscriptionStaysInTheDialog() {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setRoute("/wire.xml", route(rss(QStringLiteral("Erbil Wire"), 3)));
        LoopbackHttpServer::Route slow;
        slow.body = rss(QStringLiteral("Slow Wire"), 1);
        slow.mode = LoopbackHttpServer::Route::Mode::NeverFinish;
        server.setRoute("/slow.xml", slow);
        const QString unreachable = QStringLiteral("http://127.0.0.1:9/none.xml");

        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("addfeed.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* pane = window.findChild<FeedPane*>();
        QVERIFY(pane);
        const int feedsBefore = int(feedsByUrl(pane->model()).size());

        // 1. Words are no address: Subscribe is disabled and the dialog says why. 2. An
        // unreachable address: the dialog stays, says why, and keeps the address.
        QString problemShown;
        openDialog(window, [&](AddFeedDialog* dialog) {
            auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("feedUrl"));
            auto* subscribe = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            auto* problem = dialog->findChild<QWidget*>(QStringLiteral("feedProblem"));
            auto* problemText = dialog->findChild<QLabel*>(QStringLiteral("feedProblemText"));
            QVERIFY(url && subscribe && problem && problemText);
            url->selectAll();
            QTest::keyClicks(url, QStringLiteral("kurdistan news"));
            QVERIFY(!subscribe->isEnabled());
            QVERIFY(problem->isVisible());
            QVERIFY2(problemText->text().contains(QStringLiteral("no spaces")),
                     qPrintable(problemText->text()));
            QVERIFY(dialog->grab().save(test::screenshotPath(QStringLiteral("add-feed-invalid.png"))));

            url->selectAll();
            QTest::keyClicks(url, unreachable);
            QVERIFY(subscribe->isEnabled());
            QVERIFY(!problem->isVisible());
            QTest::keyClick(url, Qt::Key_Return);
            // Checking, then the fetcher's sentence, in the dialog that is still open.
            QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 20000);
            QVERIFY(dialog->isVisible());
            problemShown = problemText->text();
            QVERIFY2(problemShown.contains(QStringLiteral("127.0.0.1:9")), qPrintable(problemShown));
            QCOMPARE(url->text(), unreachable);
            QVERIFY(url->isEnabled());
            QVERIFY(subscribe->isEnabled());
            QVERIFY(dialog->grab().save(test::screenshotPath(QStringLiteral("add-feed-failed.png"))));

            // Corrected, it subscribes and closes.
            url->selectAll();
            QTest::keyClicks(url, server.url(QStringLiteral("/wire.xml")).toString());
            QTest::keyClick(url, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 20000);
            QCOMPARE(dialog->result(), int(QDialog::Accepted));
        });
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!problemShown.isEmpty());

        // The failed address left nothing; the good one is there, selected, with its articles.
        QTRY_VERIFY_WITH_TIMEOUT(
            feedsByUrl(pane->model()).contains(server.url(QStringLiteral("/wire.xml")).toString()), 10000);
        const QHash<QString, QModelIndex> feeds = feedsByUrl(pane->model());
        QVERIFY(!feeds.contains(unreachable));
        QCOMPARE(int(feeds.size()), feedsBefore + 1);
        QTRY_COMPARE_WITH_TIMEOUT(pane->view()->currentIndex().data(FeedTreeModel::UrlRole).toString(),
                                  server.url(QStringLiteral("/wire.xml")).toString(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->view()->currentIndex().data(FeedTreeModel::TotalRole).toInt(), 3,
                                  10000);
        QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("could not be fetched")));

        // 3. Cancel while the address is checked: the dialog closes and nothing is kept.
        openDialog(window, [&](AddFeedDialog* dialog) {
            auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("feedUrl"));
            auto* checking = dialog->findChild<QWidget*>(QStringLiteral("feedChecking"));
            url->selectAll();
            QTest::keyClicks(url, server.url(QStringLiteral("/slow.xml")).toString());
            QTest::keyClick(url, Qt::Key_Return);
            QVERIFY(checking->isVisible());
            QVERIFY(!url->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(server.requests().size() >= 2, 10000); // the fetch is on its way
            QVERIFY(dialog->isVisible());
            QVERIFY(dialog->grab().save(test::screenshotPath(QStringLiteral("add-feed-checking.png"))));
            QTest::keyClick(dialog, Qt::Key_Escape);
            QVERIFY(!dialog->isVisible());
        });
        QVERIFY(!QTest::currentTestFailed());
        QTest::qWait(500);
        QTRY_VERIFY_WITH_TIMEOUT(
            !feedsByUrl(pane->model()).contains(server.url(QStringLiteral("/slow.xml")).toString()), 10000);
        const Result<std::optional<qint64>> kept =
            open.storage->reader()
                .run([url = server.url(QStringLiteral("/slow.xml")).toString()](QSqlDatabase& db) {
                    return Result<std::optional<qint64>>(storage::feedIdForUrl(db, url));
                })
                .result();
        QVERIFY(kept && !kept->has_value());
        QCOMPARE(int(feedsByUrl(pane->model()).size()), feedsBefore + 1);
    }

    void failedRefreshIsMarkedInTheList() {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setRoute("/wire.xml", route(rss(QStringLiteral("Duhok Wire"), 2)));
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("refresh.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* pane = window.findChild<FeedPane*>();
        const QString address = server.url(QStringLiteral("/wire.xml")).toString();
        openDialog(window, [&](AddFeedDialog* dialog) {
            auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("feedUrl"));
            url->selectAll();
            QTest::keyClicks(url, address);
            QTest::keyClick(url, Qt::Key_Return);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 20000);
        });
        QVERIFY(!QTest::currentTestFailed());
        QTRY_VERIFY_WITH_TIMEOUT(feedsByUrl(pane->model()).contains(address), 10000);

        // The site breaks: F5 refreshes, the feed is marked, its error in the tooltip, and the
        // status bar's count agrees.
        server.setRoute("/wire.xml", route("oops", 500));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        pane->view()->setFocus();
        QTest::keyClick(pane->view(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(
            !feedsByUrl(pane->model()).value(address).data(FeedTreeModel::ErrorRole).toString().isEmpty(),
            20000);
        const QModelIndex marked = feedsByUrl(pane->model()).value(address);
        QVERIFY2(marked.data(Qt::ToolTipRole).toString().contains(QStringLiteral("500")),
                 qPrintable(marked.data(Qt::ToolTipRole).toString()));
        QCOMPARE(marked.data(FeedTreeModel::TotalRole).toInt(), 2); // what it had is kept
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QStringLiteral("1 could not be fetched")), 10000);
        QTest::qWait(200);
        QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("feed-marked-failed.png"))));
    }

    // An address that moved for good to a feed in the list is that feed: the dialog closes on
    // it, nothing is added, and the status bar says where the address went.
    void movedAddressOfAFeedSubscribedAlready() {
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.setRoute("/wire.xml", route(rss(QStringLiteral("Zakho Wire"), 2)));
        server.setRedirect("/old-wire.xml", "/wire.xml", 301);
        test::OpenWindow open = test::openWindow(m_dir.filePath(QStringLiteral("moved.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* pane = window.findChild<FeedPane*>();
        const QString address = server.url(QStringLiteral("/wire.xml")).toString();
        const QString oldAddress = server.url(QStringLiteral("/old-wire.xml")).toString();
        for (const QString& typed : {address, oldAddress}) {
            openDialog(window, [&](AddFeedDialog* dialog) {
                auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("feedUrl"));
                url->selectAll();
                QTest::keyClicks(url, typed);
                QTest::keyClick(url, Qt::Key_Return);
                QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 20000);
                QCOMPARE(dialog->result(), int(QDialog::Accepted));
            });
            QVERIFY(!QTest::currentTestFailed());
            QTRY_VERIFY_WITH_TIMEOUT(feedsByUrl(pane->model()).contains(address), 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(
                QStringLiteral("%1 moved to %2, which is already subscribed as “Zakho Wire”.")
                    .arg(oldAddress, address)),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(pane->view()->currentIndex().data(FeedTreeModel::UrlRole).toString(),
                                  address, 10000);
        const QHash<QString, QModelIndex> feeds = feedsByUrl(pane->model());
        QVERIFY(!feeds.contains(oldAddress));
        QCOMPARE(feeds.value(address).data(FeedTreeModel::TotalRole).toInt(), 2);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("add-feed-moved-subscribed.png"))));
    }
};

QTEST_MAIN(TestAddFeed)
#include "tst_addfeed.moc"
