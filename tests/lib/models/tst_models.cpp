#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "models/ArticleListModel.h"
#include "models/FeedTreeModel.h"
#include "search/SearchMatches.h"
#include "storage/FeedQueries.h"
#include "storage/Storage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace mirsad;

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void articleListLoadsInPages() {
        test::TempDatabase archive; // a file, or a database on the test server
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        archive.close();
        storage::Storage storage(archive.path());
        QVERIFY(storage.open().result());
        // Seven articles with distinct dates.
        const QList<int> days = {1, 2, 3, 4, 5, 6, 7};
        storage.writer()
            .run([days](QSqlDatabase& db) {
                for (int day : days) {
                    Article article;
                    article.title = QStringLiteral("Article %1").arg(day);
                    article.text = QStringLiteral("Talks in Erbil on day %1.").arg(day);
                    article.published = QDateTime(QDate(2024, 1, day), QTime(9, 0), QTimeZone::UTC);
                    if (!ingest::storeArticle(db, article))
                        return false;
                }
                return true;
            })
            .waitForFinished();

        models::ArticleListModel model(storage);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(3);
        QSignalSpy pages(&model, &models::ArticleListModel::pageLoaded);
        model.setFilter({});
        QTRY_VERIFY(pages.count() >= 1);
        QCOMPARE(pages.first().first().toInt(), 3); // one page, not everything
        QCOMPARE(model.index(0, models::ArticleListModel::TitleColumn).data().toString(),
                 QStringLiteral("Article 7"));
        // The views (and the model tester) ask for more as they need it; keep asking until done.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (model.canFetchMore({}))
                    model.fetchMore({});
                return !model.canFetchMore({}) && !model.isLoading();
            }(),
            10000);
        QCOMPARE(model.rowCount(), 7);
        QVERIFY(pages.count() >= 3);
        for (const QList<QVariant>& page : pages)
            QVERIFY(page.first().toInt() <= 3);
        QCOMPARE(model.index(6, models::ArticleListModel::TitleColumn).data().toString(),
                 QStringLiteral("Article 1"));
        QVERIFY(model.index(0, 0)
                    .data(models::ArticleListModel::EntitiesRole)
                    .toStringList()
                    .contains(QStringLiteral("erbil")));
        QCOMPARE(model.index(0, 0).data(Qt::FontRole).value<QFont>().bold(), true); // unread

        ArticleFilter unreadOnly;
        unreadOnly.text = QStringLiteral("day 3");
        pages.clear();
        model.setFilter(unreadOnly);
        QTRY_VERIFY(pages.count() >= 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, models::ArticleListModel::TitleColumn).data().toString(),
                 QStringLiteral("Article 3"));

        // A text search's rows carry the passage that matched, in the title column.
        QVERIFY(model.hasSnippets());
        const auto snippet = model.index(0, models::ArticleListModel::TitleColumn)
                                 .data(models::ArticleListModel::SnippetRole)
                                 .value<search::Snippet>();
        QCOMPARE(snippet.text, QStringLiteral("Talks in Erbil on day 3."));
        QCOMPARE(snippet.marks.size(), 2); // day, 3
        QVERIFY(!model.index(0, models::ArticleListModel::DateColumn)
                     .data(models::ArticleListModel::SnippetRole)
                     .isValid());

        // A malformed query: the parser's sentence, and no rows of the search before as if
        // they were its own.
        QSignalSpy failed(&model, &models::ArticleListModel::loadFailed);
        ArticleFilter malformed;
        malformed.text = QStringLiteral("\"Erbil");
        model.setFilter(malformed);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("never closed")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));

        // Filters set one after the other before the reader gets to them: only the last one's rows
        // are ever shown (the reader skips the others when it gets to them after the last is set).
        pages.clear();
        failed.clear();
        QStringList shown; // what the list holds each time a page comes in
        const QMetaObject::Connection watch =
            connect(&model, &models::ArticleListModel::pageLoaded, this, [&] {
                for (int row = 0; row < model.rowCount(); ++row)
                    shown << model.index(row, models::ArticleListModel::TitleColumn).data().toString();
            });
        for (int day = 1; day <= 7; ++day) {
            ArticleFilter filter;
            filter.text = QStringLiteral("day %1").arg(day);
            model.setFilter(filter);
        }
        QTRY_VERIFY(pages.count() >= 1);
        QTest::qWait(200);
        disconnect(watch);
        // Never a page of the filters before the last one (on a loaded machine the last one's
        // page may come in twice, never another's).
        QVERIFY(!shown.isEmpty());
        QVERIFY2(shown.count(QStringLiteral("Article 7")) == shown.size(), qPrintable(shown.join(u", ")));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, models::ArticleListModel::TitleColumn).data().toString(),
                 QStringLiteral("Article 7"));
    }

    void feedTreeHasFoldersAndCounts() {
        test::TempDatabase archive; // a file, or a database on the test server
        QVERIFY2(archive.ok(), qPrintable(archive.error()));
        archive.close();
        storage::Storage storage(archive.path());
        QVERIFY(storage.open().result());
        // Samples in the local feed, and two subscriptions, one in a folder with a failed refresh.
        const qint64 folder =
            storage.writer()
                .run([](QSqlDatabase& db) {
                    (void)ingest::installSampleArticles(db);
                    Result<qint64> f = storage::ensureFolder(db, QStringLiteral("Kurdistan"));
                    Result<qint64> a = storage::addFeed(db, QStringLiteral("https://a.example/feed"),
                                                        QStringLiteral("Alpha"), *f);
                    (void)storage::addFeed(db, QStringLiteral("https://b.example/feed"),
                                           QStringLiteral("Beta"));
                    (void)storage::recordFetch(db, *a, {}, {}, QStringLiteral("HTTP 500"),
                                               QDateTime::currentDateTimeUtc());
                    return *f;
                })
                .result();

        models::FeedTreeModel model(storage);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &models::FeedTreeModel::loaded);
        model.reload();
        QTRY_VERIFY(loaded.count() >= 1);
        // All articles, the folder, Beta, then the local articles last.
        QCOMPARE(model.rowCount(), 4);
        const QModelIndex all = model.index(0, 0);
        QCOMPARE(all.data(models::FeedTreeModel::NodeTypeRole).toInt(),
                 int(models::FeedTreeModel::NodeType::AllArticles));
        const int unread = all.data(models::FeedTreeModel::UnreadRole).toInt();
        QVERIFY(unread >= 3);
        const QModelIndex folderIndex = model.indexOfFolder(folder);
        QVERIFY(folderIndex.isValid());
        QCOMPARE(model.rowCount(folderIndex), 1);
        const QModelIndex alpha = model.index(0, 0, folderIndex);
        QCOMPARE(alpha.data().toString(), QStringLiteral("Alpha"));
        QCOMPARE(alpha.data(models::FeedTreeModel::ErrorRole).toString(), QStringLiteral("HTTP 500"));
        QVERIFY(alpha.data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 500")));
        const QModelIndex local = model.index(3, 0);
        QCOMPARE(local.data(models::FeedTreeModel::UnreadRole).toInt(), unread);
        QCOMPARE(folderIndex.data(models::FeedTreeModel::FeedIdsRole).value<QList<qint64>>(),
                 QList<qint64>{alpha.data(models::FeedTreeModel::FeedIdRole).toLongLong()});

        // A count change updates the row in place (the selection survives), no reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        storage.writer()
            .run([](QSqlDatabase& db) { QSqlQuery(db).exec(QStringLiteral("UPDATE articles SET read = 1")); })
            .waitForFinished();
        loaded.clear();
        model.reload();
        QTRY_VERIFY(loaded.count() >= 1);
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 2);
        QCOMPARE(model.index(0, 0).data(models::FeedTreeModel::UnreadRole).toInt(), 0);

        model.setFeedProgress(alpha.data(models::FeedTreeModel::FeedIdRole).toLongLong(), 40);
        QCOMPARE(model.indexOfFeed(alpha.data(models::FeedTreeModel::FeedIdRole).toLongLong())
                     .data(models::FeedTreeModel::ProgressRole)
                     .toInt(),
                 40);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
