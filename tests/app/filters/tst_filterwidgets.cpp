// The filter bar and the sidebar, offscreen, driven with real clicks and keys: chips appear and
// go, the search box waits for a pause, the region tree and the names list narrow the filter,
// and a watchlist is saved with its unread count. Saves a screenshot of both.

#include "FilterFixture.h"
#include "filters/FilterBar.h"
#include "filters/Sidebar.h"
#include "models/EntityListModel.h"
#include "models/RegionTreeModel.h"
#include "models/WatchlistModel.h"
#include "storage/Storage.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestFilterWidgets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void filterBarChipsAndSearch() {
        Result<names::Gazetteer> gazetteer = names::Gazetteer::builtin();
        QVERIFY(gazetteer.ok());
        FilterBar bar;
        bar.setGazetteer(std::make_shared<const names::Gazetteer>(*gazetteer));
        bar.setSearchDelay(50);
        bar.resize(900, 80);
        bar.show();
        QSignalSpy changed(&bar, &FilterBar::filterChanged);

        ArticleFilter filter;
        filter.regions << u"kurdistan-region"_s;
        filter.entityGroups << QStringList{u"mohammed-shia-al-sudani"_s};
        bar.setFilter(filter);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(bar.chipButtons().size(), 2);

        // Typing applies after a pause, once.
        QTest::keyClicks(bar.searchBox(), u"oil"_s);
        QCOMPARE(changed.count(), 0);
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().first().value<ArticleFilter>().text, u"oil"_s);
        QCOMPARE(bar.chipButtons().size(), 3);

        // Clicking the region chip removes that condition only.
        QToolButton* regionChip = bar.chipButtons().first();
        QVERIFY(regionChip->text().contains(u"Kurdistan Region"_s));
        QTest::mouseClick(regionChip, Qt::LeftButton);
        QCOMPARE(changed.count(), 2);
        const ArticleFilter after = changed.last().first().value<ArticleFilter>();
        QVERIFY(after.regions.isEmpty());
        QCOMPARE(after.entityGroups.size(), 1);
        QCOMPARE(after.text, u"oil"_s);
        QCOMPARE(bar.filter(), after);
        QTest::qWait(20); // the old chips are deleted later
        QCOMPARE(bar.chipButtons().size(), 2);
    }

    void sidebarAndBarTogether() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"filters.sqlite"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, u"fixture"_s);
            QVERIFY(db.ok());
            QCOMPARE(test::storeFixture(*db).size(), 5);
            *db = QSqlDatabase();
            storage::closeDatabase(u"fixture"_s);
        }
        storage::Storage storage(path);
        QVERIFY(storage.open().result().ok());

        QWidget window;
        window.setWindowTitle(u"Mirsad filters"_s);
        auto* layout = new QHBoxLayout(&window);
        auto* sidebar = new Sidebar(storage, &window);
        sidebar->load();
        auto* bar = new FilterBar(&window);
        layout->addWidget(sidebar, 1);
        layout->addWidget(bar, 2, Qt::AlignTop);
        window.resize(1200, 560);
        window.show();

        QSignalSpy ready(sidebar, &Sidebar::ready);
        QSignalSpy failed(sidebar, &Sidebar::failed);
        QSignalSpy refreshed(sidebar, &Sidebar::countsRefreshed);
        QVERIFY2(ready.count() > 0 || ready.wait(20000), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(refreshed.count() > 0 || refreshed.wait(20000));
        bar->setGazetteer(sidebar->gazetteer());
        QSignalSpy requested(sidebar, &Sidebar::filterRequested);
        connect(sidebar, &Sidebar::filterRequested, bar, &FilterBar::setFilter);
        connect(sidebar, &Sidebar::filterRequested, sidebar, &Sidebar::setCurrentFilter);
        connect(bar, &FilterBar::filterChanged, sidebar, &Sidebar::setCurrentFilter);

        // Click Kurdistan Region in the tree.
        const QModelIndex kurdistan = sidebar->regionModel()->indexOf(u"kurdistan-region"_s);
        QVERIFY(kurdistan.isValid());
        QCOMPARE(kurdistan.data(models::RegionTreeModel::CountRole).toLongLong(), 2);
        sidebar->regionView()->scrollTo(kurdistan);
        QTest::mouseClick(sidebar->regionView()->viewport(), Qt::LeftButton, {},
                          sidebar->regionView()->visualRect(kurdistan).center());
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.last().first().value<ArticleFilter>().regions, QStringList{u"kurdistan-region"_s});

        // Find al-Sudani by his Arabic name and click him: the filter narrows further.
        sidebar->tabs()->setCurrentIndex(1);
        // Arabic arrives from the input method, not as key codes.
        QInputMethodEvent typed;
        typed.setCommitString(u"السوداني"_s);
        QApplication::sendEvent(sidebar->entitySearch(), &typed);
        QCOMPARE(sidebar->entityModel()->entityId(0), u"mohammed-shia-al-sudani"_s);
        const QModelIndex sudani = sidebar->entityModel()->index(0);
        QTest::mouseClick(sidebar->entityView()->viewport(), Qt::LeftButton, {},
                          sidebar->entityView()->visualRect(sudani).center());
        QCOMPARE(requested.count(), 2);
        const ArticleFilter narrowed = requested.last().first().value<ArticleFilter>();
        QCOMPARE(narrowed.regions, QStringList{u"kurdistan-region"_s});
        QCOMPARE(narrowed.entityGroups, QList<QStringList>{{u"mohammed-shia-al-sudani"_s}});
        QCOMPARE(bar->chipButtons().size(), 2);

        // Save it as a watchlist: listed with its unread count.
        sidebar->tabs()->setCurrentIndex(2);
        refreshed.clear();
        sidebar->saveWatchlist(u"Sudani in Kurdistan"_s);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0, 10000);
        QCOMPARE(sidebar->watchlistModel()->rowCount(), 1);
        QCOMPARE(sidebar->watchlistModel()->index(0).data().toString(), u"Sudani in Kurdistan (1)"_s);

        // Clicking the watchlist asks for its filter.
        QTest::mouseClick(sidebar->watchlistView()->viewport(), Qt::LeftButton, {},
                          sidebar->watchlistView()->visualRect(sidebar->watchlistModel()->index(0)).center());
        QCOMPARE(requested.count(), 3);
        QCOMPARE(requested.last().first().value<ArticleFilter>(), narrowed);

        sidebar->tabs()->setCurrentIndex(0);
        QTest::qWait(100);
        QVERIFY(window.grab().save(test::screenshotPath(u"filters-sidebar-bar.png"_s)));
        sidebar->tabs()->setCurrentIndex(1);
        QTest::qWait(50);
        QVERIFY(window.grab().save(test::screenshotPath(u"filters-names.png"_s)));

        sidebar->tabs()->setCurrentIndex(2);
        QTest::qWait(50);
        QVERIFY(window.grab().save(test::screenshotPath(u"filters-watchlists.png"_s)));

        // Rename, then delete.
        const qint64 id = sidebar->watchlistModel()->watchlists().first().id;
        refreshed.clear();
        sidebar->renameWatchlist(id, u"KRI + PM"_s);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0, 10000);
        QCOMPARE(sidebar->watchlistModel()->index(0).data(models::WatchlistModel::NameRole).toString(),
                 u"KRI + PM"_s);
        refreshed.clear();
        sidebar->deleteWatchlist(id);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0, 10000);
        QCOMPARE(sidebar->watchlistModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestFilterWidgets)
#include "tst_filterwidgets.moc"
