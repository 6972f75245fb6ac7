#include "TestSupport.h"
#include "feeds/AddFeedDialog.h"
#include "feeds/FeedPane.h"
#include "ingest/FeedUpdater.h"
#include "models/FeedTreeModel.h"
#include "storage/FeedQueries.h"
#include "storage/Storage.h"

#include <QSignalSpy>
#include <QTreeView>

using namespace mirsad;
using models::FeedTreeModel;

class TestFeedPane : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void importedFeedFilesShowWithCountsAndErrors() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("feeds.sqlite")));
        QVERIFY(storage.open().result());
        ingest::FeedUpdater updater(storage);
        FeedPane pane(storage, updater);
        pane.resize(320, 420);
        pane.show();
        QSignalSpy finished(&updater, &ingest::FeedUpdater::finished);
        QSignalSpy outcomes(&updater, &ingest::FeedUpdater::feedFinished);

        // Two good feed files (English, and Arabic in windows-1256) and a broken one.
        pane.importSources({test::dataPath(QStringLiteral("feeds/rss2-english.xml")),
                            test::dataPath(QStringLiteral("feeds/rss2-arabic-windows1256.xml"))});
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.count(), 2, 20000);
        for (const QList<QVariant>& outcome : outcomes)
            QCOMPARE(outcome.first().value<ingest::RefreshOutcome>().kind,
                     ingest::RefreshOutcome::Kind::Stored);

        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowCount() == 3, 10000); // all, two feeds
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->index(0, 0).data(FeedTreeModel::UnreadRole).toInt() >= 4,
                                 10000);
        QStringList titles;
        for (int row = 1; row < pane.model()->rowCount(); ++row)
            titles << pane.model()->index(row, 0).data().toString();
        QVERIFY2(titles.contains(QStringLiteral("شفق نيوز")), qPrintable(titles.join(u',')));

        // A feed whose file went bad keeps its articles and shows the error.
        QTemporaryDir feeds;
        const QString path = feeds.filePath(QStringLiteral("changing.xml"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("feeds/rss2-english.xml")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        outcomes.clear();
        pane.importSources({path});
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.count(), 1, 20000);
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
        broken.write("<rss><channel><item><title>cut");
        broken.close();
        outcomes.clear();
        updater.refreshAll();
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.count(), 3, 20000);
        QModelIndex changing;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < pane.model()->rowCount(); ++row) {
                    const QModelIndex index = pane.model()->index(row, 0);
                    if (index.data(FeedTreeModel::UrlRole)
                            .toString()
                            .endsWith(QStringLiteral("changing.xml")) &&
                        !index.data(FeedTreeModel::ErrorRole).toString().isEmpty())
                        changing = index;
                }
                return changing.isValid();
            }(),
            10000);
        QVERIFY(
            changing.data(FeedTreeModel::ErrorRole).toString().contains(QStringLiteral("not well-formed")));
        QVERIFY(changing.data(FeedTreeModel::TotalRole).toInt() >= 2); // what it had is kept

        pane.view()->setCurrentIndex(changing);
        QCOMPARE(pane.selectedFeedIds(),
                 QList<qint64>{changing.data(FeedTreeModel::FeedIdRole).toLongLong()});
        QTest::qWait(100);
        QVERIFY(pane.grab().save(test::screenshotPath(QStringLiteral("feed-pane.png"))));
    }

    void addFeedDialogAcceptsOnlyWebAddresses_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("url");
        QTest::newRow("full") << QStringLiteral("https://www.shafaq.com/en/rss")
                              << QStringLiteral("https://www.shafaq.com/en/rss");
        QTest::newRow("bare host") << QStringLiteral("rudaw.net/rss")
                                   << QStringLiteral("http://rudaw.net/rss");
        QTest::newRow("words") << QStringLiteral("kurdistan news") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://example.org/feed") << QString();
    }

    void addFeedDialogAcceptsOnlyWebAddresses() {
        QFETCH(QString, input);
        QFETCH(QString, url);
        QCOMPARE(AddFeedDialog::urlFromInput(input).toString(), url);
    }
};

QTEST_MAIN(TestFeedPane)
#include "tst_feedpane.moc"
