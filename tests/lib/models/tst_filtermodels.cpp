// The sidebar models under QAbstractItemModelTester: the region tree (a place under two
// regions appears under both), people and organisations by mentions with a filter in both
// scripts, and watchlists with unread counts.

#include "FilterFixture.h"
#include "filters/SidebarCounts.h"
#include "filters/Watchlist.h"
#include "models/EntityListModel.h"
#include "models/RegionTreeModel.h"
#include "models/WatchlistModel.h"

#include <QAbstractItemModelTester>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestFilterModels : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    names::Gazetteer m_gazetteer;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        m_db = new test::TempDatabase;
        QVERIFY(m_db->ok());
        QCOMPARE(test::storeFixture(m_db->db()).size(), 5);
        m_gazetteer = (*tagging::Tagger::forDatabase(m_db->db()))->gazetteer();
    }
    void cleanupTestCase() { delete m_db; }

    void regionTree() {
        models::RegionTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGazetteer(m_gazetteer);
        Result<filters::SidebarCounts> counts = filters::loadSidebarCounts(m_db->db());
        QVERIFY(counts.ok());
        model.setCounts(counts->regions);
        const QModelIndex kurdistan = model.indexOf(u"kurdistan-region"_s);
        QVERIFY(kurdistan.isValid());
        QCOMPARE(kurdistan.data(models::RegionTreeModel::CountRole).toLongLong(), 2);
        QCOMPARE(kurdistan.siblingAtColumn(1).data().toString(), u"2"_s);
        QCOMPARE(model.indexOf(u"iraq"_s).data(models::RegionTreeModel::CountRole).toLongLong(), 5);
        int kirkuks = 0;
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int row = 0; row < model.rowCount(parent); ++row) {
                const QModelIndex child = model.index(row, 0, parent);
                kirkuks += child.data(models::RegionTreeModel::EntityIdRole).toString() == u"kirkuk";
                walk(child);
            }
        };
        walk({});
        // Kirkuk sits under its governorate (itself under Iraq and the disputed territories) and
        // directly under the disputed territories: three paths.
        QCOMPARE(kirkuks, 3);
        model.setCounts({});
        QCOMPARE(kurdistan.data(models::RegionTreeModel::CountRole).toLongLong(), 0);
    }

    // An Arabic interface lists names and regions in Arabic, the English name in the tooltip.
    void namesFollowTheInterfaceLanguage() {
        const QLocale before;
        models::RegionTreeModel regions;
        regions.setGazetteer(m_gazetteer);
        models::EntityListModel people;
        people.setGazetteer(m_gazetteer);
        people.setFilterText(u"kadhimi"_s);
        const QModelIndex kurdistan = regions.indexOf(u"kurdistan-region"_s);
        QCOMPARE(kurdistan.data().toString(), u"Kurdistan Region"_s);
        QCOMPARE(people.index(0).data().toString(), u"Mustafa al-Kadhimi"_s);
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Iraq));
        QCOMPARE(kurdistan.data().toString(), kurdistan.data(models::RegionTreeModel::NameArRole).toString());
        QVERIFY(kurdistan.data().toString().contains(u"كردستان"_s));
        QVERIFY(kurdistan.data(Qt::ToolTipRole).toString().startsWith(u"Kurdistan Region"_s));
        QVERIFY(people.index(0).data().toString().contains(u"الكاظمي"_s));
        QLocale::setDefault(before);
    }

    void entityList_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("first");
        QTest::newRow("most mentioned first") << QString() << u"mohammed-shia-al-sudani"_s;
        QTest::newRow("English spelling") << u"kadhimi"_s << u"mustafa-al-kadhimi"_s;
        QTest::newRow("Arabic, with hamza and diacritics") << u"الكَاظِمي"_s << u"mustafa-al-kadhimi"_s;
        QTest::newRow("an organisation, by alias") << u"Partiya Demokrat"_s << u"kdp"_s;
    }
    void entityList() {
        QFETCH(QString, filter);
        QFETCH(QString, first);
        models::EntityListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGazetteer(m_gazetteer);
        model.setCounts(filters::loadSidebarCounts(m_db->db())->entities);
        model.setFilterText(filter);
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.entityId(0), first);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row).data(models::EntityListModel::KindRole).toString() != u"place");
    }

    void entityCounts() {
        models::EntityListModel model;
        model.setGazetteer(m_gazetteer);
        model.setCounts(filters::loadSidebarCounts(m_db->db())->entities);
        QCOMPARE(model.index(0).data(models::EntityListModel::CountRole).toLongLong(), 2);
        QVERIFY(model.index(0).data().toString().endsWith(u"(2)"_s));
        model.setFilterText(u"zzzz-nobody"_s);
        QCOMPARE(model.rowCount(), 0);
    }

    void watchlists() {
        models::WatchlistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ArticleFilter kurdistan;
        kurdistan.regions << u"kurdistan-region"_s;
        ArticleFilter starred;
        starred.starredOnly = true;
        QVERIFY(filters::addWatchlist(m_db->db(), u"Kurdistan"_s, kurdistan).ok());
        QVERIFY(filters::addWatchlist(m_db->db(), u"Starred"_s, starred).ok());
        model.setWatchlists(*filters::listWatchlists(m_db->db(), true));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), u"Kurdistan (2)"_s);
        QCOMPARE(model.index(1).data(models::WatchlistModel::UnreadRole).toLongLong(), 1);
        QVERIFY(model.watchlistAt(1) && model.watchlistAt(1)->filter == starred);
        QVERIFY(!model.watchlistAt(2));
        model.setWatchlists(*filters::listWatchlists(m_db->db(), false));
        QCOMPARE(model.index(0).data().toString(), u"Kurdistan"_s);
        model.setWatchlists({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestFilterModels)
#include "tst_filtermodels.moc"
