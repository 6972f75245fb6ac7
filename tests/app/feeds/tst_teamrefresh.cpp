// Refreshing on a team's archive: a colleague's client fetched a feed moments ago, so this
// window's "Refresh" does not fetch it again (the feed's server sees one request) and says who
// did, while the articles that fetch stored are in the list already (the live updates). In
// English and in Arabic, right to left.

#include "GuiTestSupport.h"
#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "ingest/FeedRefresher.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedQueries.h"

#include <QAction>
#include <QStatusBar>
#include <QTranslator>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestTeamRefresh : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
    test::TempDatabase* m_archive = nullptr;
    LoopbackHttpServer m_server;
    QString m_alice, m_bob;

    static QAction* action(QWidget* pane, const QString& text) {
        for (QAction* action : pane->actions())
            if (action->text() == text)
                return action;
        return nullptr;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
        QVERIFY(m_server.start());
        m_archive = new test::TempDatabase;
        const Result<QStringList> analysts =
            test::makeTeamArchive(*m_archive, {u"alice_tr_"_s, u"bob_tr_"_s});
        QVERIFY2(analysts, qPrintable(analysts.error()));
        m_alice = analysts->at(0);
        m_bob = analysts->at(1);
        LoopbackHttpServer::Route route;
        route.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                     "<title>Desk wire</title><link>https://wire.example/</link>"
                     "<item><guid>w1</guid><title>اجتماع في أربيل حول الموازنة</title>"
                     "<description>التقى الوفدان في أربيل.</description></item>"
                     "<item><guid>w2</guid><title>Duhok council meets on water</title>"
                     "<description>Duhok, Sunday.</description></item></channel></rss>\n";
        m_server.setRoute("/wire.xml", route);
    }
    void cleanupTestCase() { delete m_archive; }

    void aColleaguesFetchIsShownNotRepeated() {
        test::OpenWindow open = test::openWindow(m_archive->pathAs(m_bob));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QTRY_VERIFY(open.storage->changes().isListening());
        const int listed = window.articleModel()->rowCount();

        // The desk subscribes to a wire, and Alice's client fetches it.
        const QUrl url = m_server.url(u"/wire.xml"_s);
        const Result<qint64> feedId = storage::addFeed(m_archive->db(), url.toString(), u"Desk wire"_s);
        QVERIFY(feedId);
        {
            storage::DatabaseThread writer(m_archive->pathAs(m_alice), u"alice-writer"_s);
            QVERIFY(writer.open(false, storage::DatabaseThread::Use::Writing).result());
            ingest::FeedRefresher alice(writer);
            QList<ingest::RefreshOutcome> outcomes;
            connect(&alice, &ingest::FeedRefresher::feedFinished, this,
                    [&](const ingest::RefreshOutcome& outcome) { outcomes << outcome; });
            ingest::RefreshTarget target;
            target.feedId = *feedId;
            target.url = url;
            target.title = u"Desk wire"_s;
            alice.refresh({target});
            QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 20000);
            QCOMPARE(outcomes.first().kind, ingest::RefreshOutcome::Kind::Stored);
        }
        // Bob's list has her articles without his asking.
        QTRY_COMPARE_WITH_TIMEOUT(window.articleModel()->rowCount(), listed + 2, 5000);

        // He asks for the feed anyway: it is not fetched again, and he is told by whom it was.
        FeedPane* pane = window.findChild<FeedPane*>();
        QTRY_VERIFY(pane->model()->indexOfFeed(*feedId).isValid());
        pane->view()->setCurrentIndex(pane->model()->indexOfFeed(*feedId));
        QAction* refresh = action(pane, u"Refresh &Selected Feed"_s);
        QVERIFY(refresh);
        for (const bool arabic : {false, true}) {
            QTranslator translator;
            if (arabic) {
                QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
                QCoreApplication::installTranslator(&translator);
                QGuiApplication::setLayoutDirection(Qt::RightToLeft);
            }
            window.statusBar()->clearMessage();
            refresh->trigger();
            const QString expected =
                arabic ? u"جلبه %1 للتو"_s.arg(m_alice) : u"fetched by %1 just now"_s.arg(m_alice);
            QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(expected), 10000);
            QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Desk wire: "_s),
                     qPrintable(window.statusBar()->currentMessage()));
            QCOMPARE(m_server.requests().size(), 1);
            QCOMPARE(window.articleModel()->rowCount(), 2); // the feed's, as its row is selected
            QVERIFY(window.grab().save(
                test::screenshotPath(arabic ? u"teamrefresh-arabic.png"_s : u"teamrefresh.png"_s)));
            if (arabic) {
                QCoreApplication::removeTranslator(&translator);
                QGuiApplication::setLayoutDirection(Qt::LeftToRight);
            }
        }
        window.close();
    }
};

QTEST_MAIN(TestTeamRefresh)
#include "tst_teamrefresh.moc"
