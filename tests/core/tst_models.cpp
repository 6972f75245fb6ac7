#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "models/ArticleListModel.h"
#include "models/FeedListModel.h"
#include "storage/Storage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace mirsad;

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void articleListLoadsInPages() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("m.sqlite")));
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
        QVERIFY(pages.wait());
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
        model.setFilter(unreadOnly);
        QVERIFY(pages.wait());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, models::ArticleListModel::TitleColumn).data().toString(),
                 QStringLiteral("Article 3"));
    }

    void feedListCountsUnread() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("f.sqlite")));
        QVERIFY(storage.open().result());
        storage.writer()
            .run([](QSqlDatabase& db) { return ingest::installSampleArticles(db); })
            .waitForFinished();

        models::FeedListModel model(storage);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &models::FeedListModel::loaded);
        model.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 2); // "All articles" and the local articles feed
        const int unread = model.index(0, 0).data(models::FeedListModel::UnreadRole).toInt();
        QVERIFY(unread >= 1);
        QCOMPARE(model.index(1, 0).data(models::FeedListModel::UnreadRole).toInt(), unread);
        QCOMPARE(model.index(1, 0).data(models::FeedListModel::KindRole).toString(), QStringLiteral("local"));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
