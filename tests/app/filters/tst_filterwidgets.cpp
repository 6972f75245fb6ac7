// The filter bar and the sidebar, offscreen, driven with real clicks and keys: chips appear and
// go, the search box waits for a pause, the region tree and the names list narrow the filter,
// and a watchlist is saved with its unread count. Saves a screenshot of both.

#include "FilterFixture.h"
#include "filters/DateField.h"
#include "filters/FilterBar.h"
#include "filters/Sidebar.h"
#include "models/EntityListModel.h"
#include "models/RegionTreeModel.h"
#include "models/WatchlistModel.h"
#include "storage/Storage.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

QDateTime localMidnight(int y, int m, int d) {
    return QDateTime(QDate(y, m, d), QTime(0, 0)).toUTC();
}

// Types `text` into a date field as a user does: click, select what is there, type, Enter.
void typeDate(DateField* field, const QString& text, Qt::Key finish = Qt::Key_Return) {
    QLineEdit* edit = field->lineEdit();
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, finish);
}

// The fixture archive in a database, a sidebar on it and a filter bar wired as in the window.
struct SidebarFixture {
    QTemporaryDir dir;
    std::unique_ptr<storage::Storage> storage;
    std::unique_ptr<QWidget> window;
    Sidebar* sidebar = nullptr;
    FilterBar* bar = nullptr;

    bool open() {
        const QString path = dir.filePath(u"filters.sqlite"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, u"fixture"_s);
            if (!db.ok() || test::storeFixture(*db).size() != 5)
                return false;
            *db = QSqlDatabase();
            storage::closeDatabase(u"fixture"_s);
        }
        storage = std::make_unique<storage::Storage>(path);
        if (!storage->open().result().ok())
            return false;
        window = std::make_unique<QWidget>();
        auto* layout = new QHBoxLayout(window.get());
        sidebar = new Sidebar(*storage, window.get());
        QSignalSpy ready(sidebar, &Sidebar::ready);
        QSignalSpy refreshed(sidebar, &Sidebar::countsRefreshed);
        sidebar->load();
        bar = new FilterBar(window.get());
        layout->addWidget(sidebar, 1);
        layout->addWidget(bar, 2, Qt::AlignTop);
        window->resize(1000, 520);
        window->show();
        if (!ready.wait(20000) || !(refreshed.count() > 0 || refreshed.wait(20000)))
            return false;
        bar->setGazetteer(sidebar->gazetteer());
        // As MainWindow::applyFilter: every request ends in both.
        const auto apply = [this](const ArticleFilter& filter) {
            bar->setFilter(filter);
            sidebar->setCurrentFilter(filter);
        };
        QObject::connect(sidebar, &Sidebar::filterRequested, bar, apply);
        QObject::connect(bar, &FilterBar::filterChanged, sidebar, apply);
        return true;
    }

    void clickRegion(const QString& id, Qt::KeyboardModifiers modifiers = {}) {
        const QModelIndex index = sidebar->regionModel()->indexOf(id);
        QVERIFY2(index.isValid(), qPrintable(id));
        sidebar->regionView()->scrollTo(index);
        QTest::mouseClick(sidebar->regionView()->viewport(), Qt::LeftButton, modifiers,
                          sidebar->regionView()->visualRect(index).center());
    }

    QStringList selectedRegions() const {
        QStringList ids;
        for (const QModelIndex& index : sidebar->regionView()->selectionModel()->selectedRows())
            ids << index.data(models::RegionTreeModel::EntityIdRole).toString();
        ids.sort();
        return ids;
    }
};

} // namespace

class TestFilterWidgets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void dateFieldsTakeTypedDays() {
        FilterBar bar;
        bar.resize(1000, 80);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy changed(&bar, &FilterBar::filterChanged);

        // Typed over "from any date": the day applies on Enter, from its midnight.
        typeDate(bar.sinceField(), u"2020-10-01"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(bar.filter().since, localMidnight(2020, 10, 1));
        QCOMPARE(bar.sinceField()->lineEdit()->text(), u"2020-10-01"_s);

        // Typed over an existing day: the new day, not a mix of both.
        typeDate(bar.sinceField(), u"2020-11-05"_s);
        QCOMPARE(bar.filter().since, localMidnight(2020, 11, 5));

        // "to" includes its day: the filter ends at the midnight after it. Leaving the field
        // applies it too.
        typeDate(bar.untilField(), u"2020-11-20"_s, Qt::Key_Tab);
        QCOMPARE(bar.filter().until, localMidnight(2020, 11, 21));
        QStringList chips;
        for (QToolButton* chip : bar.chipButtons())
            chips << chip->text();
        QVERIFY2(chips.join(u'|').contains(u"To 2020-11-20"_s), qPrintable(chips.join(u'|')));

        // Something that is no date is marked and changes nothing.
        const int before = changed.count();
        typeDate(bar.untilField(), u"next week"_s);
        QCOMPARE(changed.count(), before);
        QVERIFY(bar.untilField()->hasInvalidText());
        QCOMPARE(bar.filter().until, localMidnight(2020, 11, 21));

        // Deleting the text is "any date" again.
        QLineEdit* until = bar.untilField()->lineEdit();
        QTest::keyClick(until, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(until, Qt::Key_Delete);
        QVERIFY(!bar.filter().until.isValid());
        QVERIFY(!bar.untilField()->hasInvalidText());
        QVERIFY(until->text().isEmpty());

        // So does the field's clear button.
        QToolButton* clearButton = nullptr;
        for (QToolButton* button : bar.sinceField()->lineEdit()->findChildren<QToolButton*>())
            if (button->isVisible())
                clearButton = button;
        QVERIFY(clearButton);
        QTest::mouseClick(clearButton, Qt::LeftButton);
        QVERIFY(!bar.filter().since.isValid());
        QVERIFY(bar.filter().isEmpty());
    }

    void dateFieldsTakeTheLocalesShortFormat() {
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // dd/MM/yyyy
        {
            FilterBar bar;
            bar.show();
            typeDate(bar.sinceField(), u"05/11/2020"_s);
            QCOMPARE(bar.filter().since, localMidnight(2020, 11, 5));
        }
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // M/d/yy
        {
            FilterBar bar;
            bar.show();
            typeDate(bar.untilField(), u"11/5/20"_s);
            QCOMPARE(bar.filter().until, localMidnight(2020, 11, 6));
            typeDate(bar.sinceField(), u"11/5/2020"_s);
            QCOMPARE(bar.filter().since, localMidnight(2020, 11, 5));
        }
        QLocale::setDefault(QLocale(QLocale::Arabic, QLocale::Iraq));
        {
            // Arabic-Indic digits, as an Arabic keyboard types them.
            FilterBar bar;
            bar.show();
            QInputMethodEvent typed;
            typed.setCommitString(u"٢٠٢٠-١٠-٠١"_s);
            QTest::mouseClick(bar.sinceField()->lineEdit(), Qt::LeftButton);
            QApplication::sendEvent(bar.sinceField()->lineEdit(), &typed);
            QTest::keyClick(bar.sinceField()->lineEdit(), Qt::Key_Return);
            QCOMPARE(bar.filter().since, localMidnight(2020, 10, 1));
        }
        QLocale::setDefault(previous);
    }

    void dateCalendarsOpenOnASensibleMonth() {
        FilterBar bar;
        bar.resize(1000, 80);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));

        // No day chosen: the calendar opens on this month, not on January 2000.
        QCalendarWidget* calendar = bar.sinceField()->calendar();
        QTest::mouseClick(bar.sinceField()->calendarButton(), Qt::LeftButton);
        QTRY_VERIFY(calendar->isVisible());
        const QDate today = QDate::currentDate();
        QCOMPARE(calendar->yearShown(), today.year());
        QCOMPARE(calendar->monthShown(), today.month());
        QTest::keyClick(calendar, Qt::Key_Escape);
        QTRY_VERIFY(!calendar->isVisible());
        QVERIFY(!bar.filter().since.isValid());

        // With a day: on its month; the keyboard picks the next day.
        typeDate(bar.sinceField(), u"2020-10-01"_s);
        QTest::keyClick(bar.sinceField()->lineEdit(), Qt::Key_Down, Qt::AltModifier);
        QTRY_VERIFY(calendar->isVisible());
        QCOMPARE(calendar->yearShown(), 2020);
        QCOMPARE(calendar->monthShown(), 10);
        QVERIFY(calendar->grab().save(test::screenshotPath(u"filters-date-calendar.png"_s)));
        QWidget* days = calendar->findChild<QWidget*>(u"qt_calendar_calendarview"_s);
        QVERIFY(days);
        QTest::keyClick(days, Qt::Key_Right);
        QTest::keyClick(days, Qt::Key_Return);
        QTRY_VERIFY(!calendar->isVisible());
        QCOMPARE(bar.filter().since, localMidnight(2020, 10, 2));
        QVERIFY(bar.grab().save(test::screenshotPath(u"filters-dates.png"_s)));
    }

    void regionClicksChooseARegionAsTheTreeShows() {
        SidebarFixture f;
        QVERIFY(f.open());
        QSignalSpy requested(f.sidebar, &Sidebar::filterRequested);

        f.clickRegion(u"kurdistan-region"_s);
        QCOMPARE(f.bar->filter().regions, QStringList{u"kurdistan-region"_s});
        // Another region replaces it: one chip, one selected row.
        f.clickRegion(u"basra-governorate"_s);
        QCOMPARE(f.bar->filter().regions, QStringList{u"basra-governorate"_s});
        QCOMPARE(f.bar->chipButtons().size(), 1);
        QCOMPARE(f.selectedRegions(), QStringList{u"basra-governorate"_s});

        // Ctrl+click adds one: both chips, both rows selected.
        f.clickRegion(u"kurdistan-region"_s, Qt::ControlModifier);
        QCOMPARE(f.bar->filter().regions, (QStringList{u"basra-governorate"_s, u"kurdistan-region"_s}));
        QCOMPARE(f.selectedRegions(), (QStringList{u"basra-governorate"_s, u"kurdistan-region"_s}));
        QTest::qWait(20);
        QCOMPARE(f.bar->chipButtons().size(), 2);
        QVERIFY(f.window->grab().save(test::screenshotPath(u"filters-two-regions.png"_s)));

        // Removing a chip unselects its row.
        QToolButton* basraChip = f.bar->chipButtons().first();
        QVERIFY(basraChip->text().contains(u"Basra"_s));
        QTest::mouseClick(basraChip, Qt::LeftButton);
        QCOMPARE(f.bar->filter().regions, QStringList{u"kurdistan-region"_s});
        QCOMPARE(f.selectedRegions(), QStringList{u"kurdistan-region"_s});
        // Clear all: nothing selected.
        QTest::mouseClick(f.bar->clearAllButton(), Qt::LeftButton);
        QVERIFY(f.bar->filter().isEmpty());
        QVERIFY(f.selectedRegions().isEmpty());
    }

    void watchlistNeedsAFilter() {
        SidebarFixture f;
        QVERIFY(f.open());
        f.sidebar->tabs()->setCurrentIndex(2);
        // Nothing to save: the button says why instead of saving an empty watchlist.
        QToolButton* save = f.sidebar->saveWatchlistButton();
        QVERIFY(!save->isEnabled());
        QVERIFY2(save->toolTip().contains(u"Nothing to save"_s), qPrintable(save->toolTip()));
        QTest::qWait(50);
        QVERIFY(f.window->grab().save(test::screenshotPath(u"filters-watchlist-empty.png"_s)));
        f.sidebar->tabs()->setCurrentIndex(0);
        f.clickRegion(u"kurdistan-region"_s);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(f.bar->clearAllButton(), Qt::LeftButton);
        QVERIFY(!save->isEnabled());
    }

    void sidebarTabsFitTheirTitles() {
        SidebarFixture f;
        QVERIFY(f.open());
        // The sidebar's default width in the window.
        f.window->resize(220 + 700, 520);
        f.sidebar->setFixedWidth(220);
        QTest::qWait(50);
        QTabBar* tabs = f.sidebar->tabs()->tabBar();
        // No scroll arrows, and every title whole.
        for (QToolButton* arrow : tabs->findChildren<QToolButton*>())
            QVERIFY(!arrow->isVisible());
        QVERIFY(tabs->sizeHint().width() <= tabs->width());
        for (int i = 0; i < tabs->count(); ++i)
            QVERIFY(!tabs->tabToolTip(i).isEmpty());
    }

    void namesKeepTheirOwnDirection() {
        // An English name in the Arabic UI: "70 Forces", not "Forces 70". The views' delegates
        // isolate each item's text; the chips isolate names and the search.
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            SidebarFixture f;
            QVERIFY(f.open());
            f.sidebar->tabs()->setCurrentIndex(1);
            QTest::keyClicks(f.sidebar->entitySearch(), u"70 Forces"_s);
            QCOMPARE(f.sidebar->entityModel()->entityId(0), u"unit-70"_s);
            const QModelIndex unit = f.sidebar->entityModel()->index(0);
            auto* delegate =
                qobject_cast<QStyledItemDelegate*>(f.sidebar->entityView()->itemDelegateForIndex(unit));
            QVERIFY(delegate);
            QCOMPARE(delegate->displayText(unit.data(), QLocale()), u"\u206870 Forces\u2069"_s);
            QTest::mouseClick(f.sidebar->entityView()->viewport(), Qt::LeftButton, {},
                              f.sidebar->entityView()->visualRect(unit).center());
            QTest::keyClicks(f.bar->searchBox(), u"oil"_s);
            QTest::keyClick(f.bar->searchBox(), Qt::Key_Return);
            QTest::qWait(20);
            QStringList chips;
            for (QToolButton* chip : f.bar->chipButtons())
                chips << chip->text();
            QVERIFY2(chips.join(u'|').contains(u"\u206870 Forces\u2069"_s), qPrintable(chips.join(u'|')));
            QVERIFY2(chips.join(u'|').contains(u"النص: «\u2068oil\u2069»"_s), qPrintable(chips.join(u'|')));
            QTest::qWait(50);
            QVERIFY(f.window->grab().save(test::screenshotPath(u"filters-rtl-names.png"_s)));
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }

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
