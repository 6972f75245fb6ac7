// Teaching names in the main window, driven as an analyst does (issue 17): a double-click
// selects a word of the article, Ctrl+Shift+E opens "Add a name", Enter answers it, Ctrl+Z
// takes it back; Names ▸ Manage Names changes and removes what was taught. "Names in this
// article" and the reader follow each change without a restart.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "filters/FilterBar.h"
#include "ingest/ArticleImport.h"
#include "names/AddNameDialog.h"
#include "names/EntityDirectory.h"
#include "names/EntityListPanel.h"
#include "names/ManageNamesDialog.h"
#include "storage/Database.h"
#include "tagging/Retagging.h"
#include "tagging/UserNames.h"
#include "window/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <functional>

using namespace mirsad;
using namespace Qt::StringLiterals;
using test::doubleClickWord;
using test::whenOpen;

namespace {

// The ids "Names in this article" lists.
QStringList listedEntities(EntityListPanel* list) {
    QStringList ids;
    for (int g = 0; g < list->topLevelItemCount(); ++g)
        for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i)
            ids << list->topLevelItem(g)->child(i)->data(0, EntityListPanel::EntityIdRole).toString();
    return ids;
}

QStringList rowsOf(QTreeWidget* list) {
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        rows << list->topLevelItem(i)->text(0) + u" | "_s + list->topLevelItem(i)->text(1);
    return rows;
}

int userAliasCount(storage::Storage& storage) {
    return storage.writer()
        .run([](QSqlDatabase& db) {
            Result<tagging::UserNameList> list = tagging::listUserNames(db);
            return list ? int(list->aliases.size() + list->entities.size()) : -1;
        })
        .result();
}

// A database with the article "Talks in Arbeelu" (a spelling of Erbil Mirsad does not know).
QString databaseWithArbeelu(const QTemporaryDir& dir, std::function<void(QSqlDatabase&)> prepare = {}) {
    const QString path = dir.filePath(u"names.sqlite"_s);
    Result<QSqlDatabase> db = storage::openDatabase(path, u"names-setup"_s);
    if (!db)
        return {};
    Article article;
    article.title = u"Talks in Arbeelu"_s;
    article.link = u"https://example.org/arbeelu"_s;
    article.text = u"Delegations from Baghdad met in Arbeelu on Monday. The New Horizon party of Arbeelu "
                   u"said the talks on salaries went well."_s;
    if (!ingest::storeArticle(*db, article))
        return {};
    if (prepare)
        prepare(*db);
    *db = QSqlDatabase();
    storage::closeDatabase(u"names-setup"_s);
    return path;
}

} // namespace

class TestTeachNames : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // Finding 3: "Kurds" is not a spelling of anything Mirsad knows, so the dialog proposes no
    // entity: it opens on a new entity whose kind is still to be chosen, and Enter adds nothing.
    void noDangerousDefault() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(u"kurds.sqlite"_s));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, u"Al-Kazemi"_s));
        ReaderView* reader = window.reader();
        doubleClickWord(reader, u"Kurds"_s);

        bool answered = false;
        whenOpen<AddNameDialog>(
            [](AddNameDialog* dialog) {
                QVERIFY(!dialog->isAlias());
                QVERIFY(dialog->aliasEntityId().isEmpty());
                QVERIFY(dialog->suggestionReason().isEmpty());
                auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
                QVERIFY(!ok->isEnabled()); // the kind is not chosen yet
                QCOMPARE(dialog->findChild<QComboBox*>(u"entityKind"_s)->currentIndex(), -1);
                QCOMPARE(dialog->findChild<QLineEdit*>(u"entityName"_s)->text(), u"Kurds"_s);
                QVERIFY(dialog->grab().save(test::screenshotPath(u"add-name-kurds.png"_s)));
                QTest::keyClick(dialog, Qt::Key_Return);
                QVERIFY2(dialog->isVisible(), "Enter must not add a name nobody chose");
                // Looking at the spellings page chooses nothing either.
                auto* aliasMode = dialog->findChild<QRadioButton*>(u"aliasMode"_s);
                QTest::mouseClick(aliasMode, Qt::LeftButton, {}, QPoint(8, aliasMode->height() / 2));
                QVERIFY(dialog->isAlias());
                QCOMPARE(dialog->findChild<QListWidget*>(u"entityMatches"_s)->selectedItems().size(), 0);
                QVERIFY(!ok->isEnabled());
                QTest::keyClick(dialog, Qt::Key_Return);
                QVERIFY(dialog->isVisible());
                QTest::keyClick(dialog, Qt::Key_Escape);
            },
            &answered);
        QTest::keyClick(reader, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QTest::qWait(200);
        QCOMPARE(userAliasCount(*open.storage), 0);
        QCOMPARE(window.undoStack()->count(), 0);
    }

    // A likely spelling is proposed, with the reason; teaching it updates the reader and "Names
    // in this article" (finding 9), and Ctrl+Z / Ctrl+Shift+Z take it back and forth.
    void teachingIsUndoableAndShownAtOnce() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(databaseWithArbeelu(dir));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, u"Arbeelu"_s));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        ReaderView* reader = window.reader();
        EntityListPanel* names = window.entityList();
        QVERIFY(!listedEntities(names).contains(u"erbil"_s));
        const int arbeelu = reader->documentPosition(reader->article().text.indexOf(u"Arbeelu"_s)) + 1;
        QVERIFY(reader->entityAt(arbeelu).isEmpty());
        doubleClickWord(reader, u"Arbeelu"_s);

        bool answered = false;
        whenOpen<AddNameDialog>(
            [](AddNameDialog* dialog) {
                QVERIFY(dialog->isAlias());
                QCOMPARE(dialog->aliasEntityId(), u"erbil"_s);
                const QString reason = dialog->findChild<QLabel*>(u"suggestionReason"_s)->text();
                QVERIFY2(reason.contains(u"Arbeelu"_s) && reason.contains(u"Erbil"_s), qPrintable(reason));
                QVERIFY(dialog->grab().save(test::screenshotPath(u"add-name-arbeelu.png"_s)));
                QTest::keyClick(dialog, Qt::Key_Return);
                QVERIFY(!dialog->isVisible());
            },
            &answered);
        QTest::keyClick(reader, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);

        // Shown at once: the list and the reader's names.
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"erbil"_s), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(reader->entityAt(arbeelu), u"erbil"_s, 20000);
        QCOMPARE(userAliasCount(*open.storage), 1);
        QCOMPARE(window.undoStack()->count(), 1);
        QVERIFY(window.grab().save(test::screenshotPath(u"teach-arbeelu-taught.png"_s)));

        // Ctrl+Z in the reader takes it back, and the archive is re-tagged back.
        window.activateWindow(); // what the window manager does when the dialog closes
        QVERIFY(QTest::qWaitForWindowActive(&window));
        reader->setFocus();
        QTest::keySequence(reader, QKeySequence::Undo);
        QTRY_COMPARE_WITH_TIMEOUT(userAliasCount(*open.storage), 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!listedEntities(names).contains(u"erbil"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(reader->entityAt(arbeelu).isEmpty(), 20000);
        QVERIFY(window.grab().save(test::screenshotPath(u"teach-arbeelu-undone.png"_s)));

        QTest::keySequence(reader, QKeySequence::Redo);
        QTRY_COMPARE_WITH_TIMEOUT(userAliasCount(*open.storage), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"erbil"_s), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(reader->entityAt(arbeelu), u"erbil"_s, 20000);
    }

    // Finding 12 and 13: a click on Sinjar in "Names in this article" gives one chip for Sinjar;
    // the count column has a header that says what it counts.
    void placeChipAndMentionsHeader() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(u"sinjar.sqlite"_s));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, u"Sinjar"_s));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        EntityListPanel* names = window.entityList();
        QCOMPARE(names->headerItem()->text(1), u"Mentions"_s);
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"sinjar"_s), 20000);
        QTreeWidgetItem* sinjar = nullptr;
        for (int g = 0; g < names->topLevelItemCount(); ++g)
            for (int i = 0; i < names->topLevelItem(g)->childCount(); ++i)
                if (names->topLevelItem(g)->child(i)->data(0, EntityListPanel::EntityIdRole) == u"sinjar"_s)
                    sinjar = names->topLevelItem(g)->child(i);
        QVERIFY(sinjar);
        names->scrollToItem(sinjar);
        QTest::mouseClick(names->viewport(), Qt::LeftButton, {}, names->visualItemRect(sinjar).center());
        auto* bar = window.findChild<FilterBar*>();
        QVERIFY(bar);
        QTRY_COMPARE(bar->chipButtons().size(), 1);
        const QString chip = bar->chipButtons().first()->text();
        QVERIFY2(chip.contains(u"Sinjar and places within"_s), qPrintable(chip));
        QVERIFY2(!chip.contains(u" or "_s), qPrintable(chip));
        QTest::qWait(200);
        QVERIFY(window.grab().save(test::screenshotPath(u"sinjar-chip.png"_s)));
    }

    // Names ▸ Manage Names lists what was taught; Delete removes, F2 changes, Ctrl+Z undoes,
    // each change re-tagging the archive.
    void manageNames() {
        QTemporaryDir dir;
        const QString path = databaseWithArbeelu(dir, [](QSqlDatabase& db) {
            names::Entity party;
            party.kind = names::EntityKind::Organization;
            party.name = u"New Horizon"_s;
            party.nameAr = u"الأفق الجديد"_s;
            party.within = {u"erbil"_s};
            QVERIFY(tagging::storeUserEntity(db, party));
            QVERIFY(tagging::storeUserAlias(db, u"erbil"_s, u"Arbeelu"_s));
            QVERIFY(tagging::retagArchive(db));
        });
        QVERIFY(!path.isEmpty());
        test::OpenWindow open = test::openWindow(path);
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, u"Arbeelu"_s));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        EntityListPanel* names = window.entityList();
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"new-horizon"_s), 20000);

        // Names ▸ Manage Names…, with the mouse.
        QMenuBar* bar = window.menuBar();
        QAction* namesMenu = nullptr;
        for (QAction* action : bar->actions())
            if (action->text() == u"&Names"_s)
                namesMenu = action;
        QVERIFY(namesMenu && namesMenu->menu());
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(namesMenu).center());
        QMenu* menu = namesMenu->menu();
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QAction* manage = menu->findChild<QAction*>(u"actionManageNames"_s);
        if (!manage)
            for (QAction* action : menu->actions())
                if (action->objectName() == u"actionManageNames"_s)
                    manage = action;
        QVERIFY(manage);
        QCOMPARE(manage->text(), u"&Manage Names…"_s);
        QTest::keyClick(menu, Qt::Key_M); // its mnemonic
        ManageNamesDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ManageNamesDialog*>()) && dialog->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTreeWidget* list = dialog->list();
        QTRY_COMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(rowsOf(list), (QStringList{u"New Horizon · الأفق الجديد | New organisation in Erbil"_s,
                                            u"Arbeelu | Spelling of Erbil · أربيل"_s}));
        QVERIFY(dialog->grab().save(test::screenshotPath(u"manage-names.png"_s)));

        // Delete removes the spelling: the article loses Erbil there.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->topLevelItem(1)).center());
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!listedEntities(names).contains(u"erbil"_s), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->findChild<QLabel*>(u"retagStatus"_s)->text().contains(u"up to date"_s), 20000);
        QVERIFY(dialog->grab().save(test::screenshotPath(u"manage-names-removed.png"_s)));
        // Ctrl+Z, in this window, puts it back.
        QTest::keySequence(list, QKeySequence::Undo);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"erbil"_s), 20000);

        // F2 changes the entity: renamed, the article no longer names it.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->topLevelItem(0)).center());
        bool answered = false;
        whenOpen<AddNameDialog>(
            [](AddNameDialog* edit) {
                QVERIFY(!edit->isAlias());
                auto* name = edit->findChild<QLineEdit*>(u"entityName"_s);
                QCOMPARE(name->text(), u"New Horizon"_s);
                QCOMPARE(edit->findChild<QComboBox*>(u"entityKind"_s)->currentText(), u"Organisation"_s);
                name->setFocus();
                QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClicks(name, u"Horizon Movement"_s);
                QVERIFY(edit->grab().save(test::screenshotPath(u"manage-names-edit.png"_s)));
                QTest::keyClick(name, Qt::Key_Return);
                QVERIFY(!edit->isVisible());
            },
            &answered);
        QTest::keyClick(list, Qt::Key_F2);
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(0), u"Horizon Movement · الأفق الجديد"_s,
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(!listedEntities(names).contains(u"new-horizon"_s), 20000);
        dialog->activateWindow(); // what the window manager does when the edit dialog closes
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keySequence(list, QKeySequence::Undo);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(0), u"New Horizon · الأفق الجديد"_s, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"new-horizon"_s), 20000);

        // Delete removes the entity; Ctrl+Z brings it back.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->topLevelItem(0)).center());
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 20000);
        QCOMPARE(list->topLevelItem(0)->text(0), u"Arbeelu"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!listedEntities(names).contains(u"new-horizon"_s), 20000);
        QTest::keySequence(list, QKeySequence::Undo);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(listedEntities(names).contains(u"new-horizon"_s), 20000);

        // The same window in the dark theme and with everything removed.
        AppSettings::applyTheme(AppSettings::Theme::Dark);
        QTest::qWait(100);
        QVERIFY(dialog->grab().save(test::screenshotPath(u"manage-names-dark.png"_s)));
        AppSettings::applyTheme(AppSettings::Theme::Light);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<ManageNamesDialog*>());
    }
};

QTEST_MAIN(TestTeachNames)
#include "tst_teachnames.moc"
