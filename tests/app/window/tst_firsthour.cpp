// The analyst's first hour (issue 17), in order, on one real window driven with keys and
// clicks: the samples, reading with J/K, highlights, a note with a tag, a region and a person
// as filters, a search, a watchlist, a bad feed, a name taught and undone, the dark theme and
// the Arabic UI. A screenshot after each step (firsthour-NN-*.png) is for a person to look at.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "feeds/AddFeedDialog.h"
#include "feeds/FeedPane.h"
#include "filters/FilterBar.h"
#include "filters/Sidebar.h"
#include "models/FeedTreeModel.h"
#include "models/RegionTreeModel.h"
#include "models/WatchlistModel.h"
#include "names/AddNameDialog.h"
#include "names/EntityDirectory.h"
#include "storage/Database.h"
#include "tagging/UserNames.h"
#include "text/TextDirection.h"
#include "window/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>
#include <QUndoStack>
#include <functional>

using namespace mirsad;
using namespace Qt::StringLiterals;
using models::ArticleListModel;
using test::doubleClickWord;
using test::whenOpen;

namespace {

// Selects a passage as a user does: a click before its first letter, Shift+click after its last.
void selectPassage(ReaderView* reader, const QString& passage) {
    const qsizetype at = reader->article().text.indexOf(passage);
    QVERIFY2(at >= 0, qPrintable(passage));
    QTextCursor cursor(reader->document());
    cursor.setPosition(reader->documentPosition(at));
    reader->setTextCursor(cursor);
    reader->ensureCursorVisible();
    const QRect start = reader->cursorRect(cursor);
    cursor.setPosition(reader->documentPosition(at + passage.size()));
    const QRect end = reader->cursorRect(cursor);
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, QPoint(start.left() + 1, start.center().y()));
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      QPoint(end.left() - 1, end.center().y()));
    QCOMPARE(reader->textCursor().selectedText(), passage);
}

QStringList chipLabels(MainWindow& window) {
    QStringList labels;
    for (QToolButton* chip : window.filterBar()->chipButtons())
        if (!chip->isHidden())
            labels << text::withoutIsolates(chip->text());
    return labels;
}

// Removes every chip with clicks, as the user empties the filter.
void clearChips(MainWindow& window) {
    for (int i = 0; i < 10 && !window.filterBar()->chipButtons().isEmpty(); ++i) {
        QToolButton* chip = window.filterBar()->chipButtons().first();
        QTest::mouseClick(chip, Qt::LeftButton);
        QTest::qWait(50);
    }
    QTRY_VERIFY_WITH_TIMEOUT(window.articleModel()->filter().isEmpty(), 10000);
}

QStringList listedTitles(MainWindow& window) {
    QStringList titles;
    for (int row = 0; row < window.articleModel()->rowCount(); ++row)
        titles << window.articleModel()->index(row, ArticleListModel::TitleColumn).data().toString();
    return titles;
}

QModelIndex regionNamed(QAbstractItemModel* model, const QString& name, const QModelIndex& parent = {}) {
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
        if (QModelIndex found = regionNamed(model, name, index); found.isValid())
            return found;
    }
    return {};
}

QVariant scalar(storage::Storage& storage, const QString& sql) {
    return storage.reader()
        .run([sql](QSqlDatabase& db) {
            QSqlQuery query(db);
            return query.exec(sql) && query.next() ? query.value(0) : QVariant();
        })
        .result();
}

int userNameCount(storage::Storage& storage) {
    return storage.writer()
        .run([](QSqlDatabase& db) {
            Result<tagging::UserNameList> list = tagging::listUserNames(db);
            return list ? int(list->aliases.size() + list->entities.size()) : -1;
        })
        .result();
}

void shoot(QWidget& window, const QString& name) {
    QTest::qWait(150); // let the views paint what they were just given
    QVERIFY(window.grab().save(test::screenshotPath(u"firsthour-"_s + name + u".png"_s)));
}

// The action of an open popup menu whose text starts with `prefix` (without its '&').
QAction* actionIn(QMenu* menu, const QString& prefix) {
    for (QAction* action : menu->actions())
        if (action->text().remove(u'&').startsWith(prefix))
            return action;
    return nullptr;
}

} // namespace

class TestFirstHour : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    void backToWindow(MainWindow& window) {
        window.activateWindow(); // what the window manager does when a dialog closes
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_dir);
    }

    void cleanupTestCase() {
        AppSettings::setTheme(AppSettings::Theme::System);
        AppSettings::applyTheme(AppSettings::Theme::System);
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    }

    void firstHour() {
        const QString path = m_dir.filePath(u"firsthour.sqlite"_s);
        test::OpenWindow open = test::openWindow(path);
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        storage::Storage& storage = *open.storage;
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ReaderView* reader = window.reader();
        QTableView* list = window.articleView();

        // 1. The three samples are there; J and K in the list read them.
        QTRY_COMPARE_WITH_TIMEOUT(window.articleModel()->rowCount(), 3, 20000);
        QCOMPARE(scalar(storage, u"SELECT count(*) FROM articles"_s).toInt(), 3);
        list->setFocus();
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {},
            list->visualRect(window.articleModel()->index(0, ArticleListModel::TitleColumn)).center());
        QTRY_COMPARE(list->currentIndex().row(), 0);
        const QString first = reader->article().title;
        QTest::keyClick(list, Qt::Key_J);
        QTRY_COMPARE(list->currentIndex().row(), 1);
        QTRY_VERIFY(reader->article().title != first);
        QTest::keyClick(list, Qt::Key_J);
        QTRY_COMPARE(list->currentIndex().row(), 2);
        QTest::keyClick(list, Qt::Key_K);
        QTRY_COMPARE(list->currentIndex().row(), 1);
        QVERIFY(test::showArticleTitled(window, u"Al-Kazemi"_s));
        QTRY_COMPARE(window.articleModel()
                         ->index(list->currentIndex().row(), ArticleListModel::TitleColumn)
                         .data()
                         .toString(),
                     reader->article().title);
        shoot(window, u"01-samples-read"_s);

        // 2. A passage highlighted with Ctrl+H, a word in green with Ctrl+2.
        selectPassage(reader, u"security coordination"_s);
        QTest::keyClick(reader, Qt::Key_H, Qt::ControlModifier);
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);
        doubleClickWord(reader, u"terrorist"_s);
        QTest::keyClick(reader, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(window.annotations()->highlights().size(), 2);
        QStringList colours;
        for (const annotations::Highlight& h : window.annotations()->highlights())
            colours << h.color;
        QVERIFY2(colours.contains(u"green"_s), qPrintable(colours.join(u',')));
        QTRY_COMPARE_WITH_TIMEOUT(scalar(storage, u"SELECT count(*) FROM highlights"_s).toInt(), 2, 10000);
        QTextCursor nowhere(reader->document());
        reader->setTextCursor(nowhere);
        shoot(window, u"02-highlights"_s);

        // 3. Ctrl+Shift+N, a note in Markdown with a tag.
        const qint64 articleId = reader->articleId();
        NotesPane* pane = window.notesPane();
        pane->list()->clearSelection();
        reader->setFocus();
        QTest::keyClick(reader, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(pane->editor()->noteId() > 0);
        const qint64 noteId = pane->editor()->noteId();
        MarkdownEditor* editor = pane->editor()->textEdit();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, u"**Security** pact: see *Erbil*"_s);
        QLineEdit* tags = pane->editor()->tagsEdit();
        QTest::mouseClick(tags, Qt::LeftButton);
        QTest::keyClicks(tags, u"security"_s);
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, QPoint(10, 10)); // leaves the tags field
        const auto noteOnDisk = [&] {
            return storage.reader()
                .run([articleId, noteId](QSqlDatabase& db) {
                    annotations::Note found;
                    if (Result<QList<annotations::Note>> notes = annotations::listNotes(db, articleId))
                        for (const annotations::Note& note : *notes)
                            if (note.id == noteId)
                                found = note;
                    return found;
                })
                .result();
        };
        QTRY_COMPARE_WITH_TIMEOUT(noteOnDisk().body, u"**Security** pact: see *Erbil*"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(noteOnDisk().tags, QStringList{u"security"_s}, 10000);
        // No stale progress left from the start: the names were up to date, so no "0 of 0".
        QVERIFY2(!window.statusBar()->currentMessage().contains(u"Updating the names"_s),
                 qPrintable(window.statusBar()->currentMessage()));
        shoot(window, u"03-note"_s);

        // 4. A region from the sidebar: Kurdistan Region.
        Sidebar* sidebar = window.sidebar();
        QTest::mouseClick(sidebar->tabs()->tabBar(), Qt::LeftButton, {},
                          sidebar->tabs()->tabBar()->tabRect(0).center());
        QTreeView* regions = sidebar->regionView();
        QModelIndex kurdistan;
        QTRY_VERIFY_WITH_TIMEOUT((kurdistan = regionNamed(regions->model(), u"Kurdistan Region"_s)).isValid(),
                                 20000);
        regions->scrollTo(kurdistan);
        QTest::mouseClick(regions->viewport(), Qt::LeftButton, {}, regions->visualRect(kurdistan).center());
        const QString regionId = kurdistan.data(models::RegionTreeModel::EntityIdRole).toString();
        QTRY_COMPARE_WITH_TIMEOUT(window.articleModel()->filter().regions, QStringList{regionId}, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.articleModel()->isLoading(), 10000);
        const int inRegion = window.articleModel()->rowCount();
        QVERIFY2(inRegion >= 1 && inRegion <= 3, qPrintable(listedTitles(window).join(u'|')));
        QTRY_COMPARE(chipLabels(window).size(), 1);
        QVERIFY2(chipLabels(window).first().contains(u"Kurdistan Region"_s),
                 qPrintable(chipLabels(window).first()));
        QVERIFY(regions->selectionModel()->isSelected(kurdistan));
        shoot(window, u"04a-region"_s);

        // ... then a person: the hover card is a tooltip (it cannot be clicked), so the user
        // hovers the name in the reader, sees the card, and clicks the name itself.
        clearChips(window);
        QVERIFY(test::showArticleTitled(window, u"Al-Kazemi"_s));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        const qsizetype kazimi = reader->article().text.indexOf(u"Mustafa Al-Kazimi"_s);
        QVERIFY(kazimi > 0);
        const int kazimiAt = reader->documentPosition(kazimi + 8);
        QString person;
        QTRY_VERIFY_WITH_TIMEOUT(!(person = reader->entityAt(kazimiAt)).isEmpty(), 20000);
        QTextCursor at(reader->document());
        at.setPosition(kazimiAt);
        reader->setTextCursor(at);
        reader->ensureCursorVisible();
        const QPoint namePoint = reader->cursorRect(at).center();
        QTest::mouseMove(reader->viewport(), namePoint);
        QTest::qWait(100);
        QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, namePoint);
        QTRY_VERIFY_WITH_TIMEOUT(window.articleModel()->filter().entityGroups.size() == 1, 10000);
        QVERIFY(window.articleModel()->filter().entityGroups.first().contains(person));
        QTRY_VERIFY_WITH_TIMEOUT(!window.articleModel()->isLoading(), 10000);
        QVERIFY2(listedTitles(window).join(u'|').contains(u"Al-Kazemi"_s),
                 qPrintable(listedTitles(window).join(u'|')));
        QTRY_COMPARE(chipLabels(window).size(), 1);
        shoot(window, u"04b-person"_s);

        // 5. A search typed in the search box.
        clearChips(window);
        QLineEdit* search = window.filterBar()->searchBox();
        QTest::mouseClick(search, Qt::LeftButton);
        QTest::keyClicks(search, u"Sinjar"_s);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window.articleModel()->filter().text, u"Sinjar"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.articleModel()->isLoading() && window.articleModel()->rowCount() == 1, 10000);
        QVERIFY(listedTitles(window).first().contains(u"Sinjar"_s));
        QTRY_VERIFY_WITH_TIMEOUT(reader->article().title.contains(u"Sinjar"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!reader->searchMatches().isEmpty(), 10000);
        for (const text::Span& span : reader->searchMatches())
            QCOMPARE(reader->article().text.mid(span.start, span.end - span.start).toLower(), u"sinjar"_s);
        shoot(window, u"05-search"_s);

        // 6. The search saved as a watchlist, from the sidebar's Watchlists tab.
        QTest::mouseClick(sidebar->tabs()->tabBar(), Qt::LeftButton, {},
                          sidebar->tabs()->tabBar()->tabRect(2).center());
        QTRY_VERIFY(sidebar->saveWatchlistButton()->isVisible() &&
                    sidebar->saveWatchlistButton()->isEnabled());
        bool named = false;
        whenOpen<QInputDialog>(
            [](QInputDialog* dialog) {
                auto* field = dialog->findChild<QLineEdit*>();
                QVERIFY(field);
                QTest::keyClicks(field, u"Sinjar watch"_s);
                QTest::keyClick(field, Qt::Key_Return);
            },
            &named);
        QTest::mouseClick(sidebar->saveWatchlistButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(named, 10000);
        backToWindow(window);
        models::WatchlistModel* watchlists = sidebar->watchlistModel();
        QTRY_COMPARE_WITH_TIMEOUT(watchlists->rowCount(), 1, 10000);
        QCOMPARE(watchlists->index(0, 0).data(models::WatchlistModel::NameRole).toString(),
                 u"Sinjar watch"_s);
        // Its unread count is the database's (the Sinjar article is shown, so it is soon read).
        const auto unreadSinjar = [&] {
            return scalar(storage,
                          u"SELECT count(*) FROM articles WHERE read = 0 AND title LIKE '%Sinjar%'"_s)
                .toInt();
        };
        QTRY_VERIFY_WITH_TIMEOUT(watchlists->index(0, 0).data(models::WatchlistModel::UnreadRole).toInt() ==
                                     unreadSinjar(),
                                 10000);
        QCOMPARE(scalar(storage, u"SELECT count(*) FROM watchlists"_s).toInt(), 1);
        // Every watchlist button shows its whole label at the sidebar's default width.
        for (QToolButton* button :
             sidebar->saveWatchlistButton()->parentWidget()->findChildren<QToolButton*>())
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
        shoot(window, u"06-watchlist"_s);

        // 7. A bad feed: the dialog stays open with the reason; Cancel; no feed added.
        const int feedsBefore = scalar(storage, u"SELECT count(*) FROM feeds"_s).toInt();
        bool addFeedDone = false;
        whenOpen<AddFeedDialog>(
            [&](AddFeedDialog* dialog) {
                auto* url = dialog->findChild<QLineEdit*>(u"feedUrl"_s);
                auto* problem = dialog->findChild<QWidget*>(u"feedProblem"_s);
                auto* problemText = dialog->findChild<QLabel*>(u"feedProblemText"_s);
                QVERIFY(url && problem && problemText);
                url->selectAll();
                QTest::keyClicks(url, u"http://127.0.0.1:9/none.xml"_s);
                QTest::keyClick(url, Qt::Key_Return);
                QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible() && !problemText->text().isEmpty() &&
                                             problemText->text().contains(u"127.0.0.1:9"_s),
                                         20000);
                QVERIFY(dialog->isVisible());
                QCOMPARE(url->text(), u"http://127.0.0.1:9/none.xml"_s);
                QVERIFY(dialog->grab().save(test::screenshotPath(u"firsthour-07a-bad-feed-dialog.png"_s)));
                QPushButton* cancel =
                    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel);
                QVERIFY(cancel);
                QTest::mouseClick(cancel, Qt::LeftButton);
                QVERIFY(!dialog->isVisible());
            },
            &addFeedDone);
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(addFeedDone, 30000);
        backToWindow(window);
        QTest::qWait(200);
        QCOMPARE(scalar(storage, u"SELECT count(*) FROM feeds"_s).toInt(), feedsBefore);
        shoot(window, u"07b-bad-feed-cancelled"_s);

        // 8. A name taught (a new organisation, chosen explicitly) and undone with Ctrl+Z.
        clearChips(window);
        QVERIFY(test::showArticleTitled(window, u"Sinjar"_s));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        doubleClickWord(reader, u"Yazidis"_s);
        const int undoBefore = window.undoStack()->count();
        bool taught = false;
        whenOpen<AddNameDialog>(
            [](AddNameDialog* dialog) {
                auto* entityMode = dialog->findChild<QRadioButton*>(u"entityMode"_s);
                QVERIFY(entityMode);
                if (!entityMode->isChecked())
                    QTest::mouseClick(entityMode, Qt::LeftButton, {}, QPoint(8, entityMode->height() / 2));
                QVERIFY(!dialog->isAlias());
                auto* kind = dialog->findChild<QComboBox*>(u"entityKind"_s);
                auto* name = dialog->findChild<QLineEdit*>(u"entityName"_s);
                QVERIFY(kind && name);
                QCOMPARE(name->text(), u"Yazidis"_s);
                auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
                // The kind, chosen with the keyboard in its box: the first one offered.
                kind->setFocus();
                QTest::keyClick(kind, Qt::Key_Down);
                QVERIFY(kind->currentIndex() >= 0);
                QVERIFY(ok->isEnabled());
                QVERIFY(dialog->grab().save(test::screenshotPath(u"firsthour-08a-teach-dialog.png"_s)));
                QTest::mouseClick(ok, Qt::LeftButton);
                QVERIFY(!dialog->isVisible());
            },
            &taught);
        QTest::keyClick(reader, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(taught, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(userNameCount(storage), 1, 20000);
        QTRY_COMPARE(window.undoStack()->count(), undoBefore + 1);
        const int yazidis = reader->documentPosition(reader->article().text.indexOf(u"Yazidis"_s)) + 1;
        QTRY_VERIFY_WITH_TIMEOUT(!reader->entityAt(yazidis).isEmpty(), 20000);
        shoot(window, u"08b-name-taught"_s);
        backToWindow(window);
        reader->setFocus();
        QTest::keyClick(reader, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(userNameCount(storage), 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(reader->entityAt(yazidis).isEmpty(), 20000);
        shoot(window, u"08c-name-undone"_s);

        // 9. View ▸ Theme ▸ Dark, with the mouse through the menus.
        QMenuBar* bar = window.menuBar();
        QAction* viewMenu = nullptr;
        for (QAction* action : bar->actions())
            if (action->text().remove(u'&') == u"View"_s)
                viewMenu = action;
        QVERIFY(viewMenu);
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(viewMenu).center());
        QTRY_VERIFY(viewMenu->menu()->isVisible());
        QMenu* view = viewMenu->menu();
        QAction* theme = actionIn(view, u"Theme"_s);
        QVERIFY(theme && theme->menu());
        QTest::mouseMove(view, view->actionGeometry(theme).center());
        QTest::mouseClick(view, Qt::LeftButton, {}, view->actionGeometry(theme).center());
        QTRY_VERIFY(theme->menu()->isVisible());
        QMenu* themes = theme->menu();
        QAction* dark = actionIn(themes, u"Dark"_s);
        QVERIFY(dark);
        QTest::mouseMove(themes, themes->actionGeometry(dark).center());
        QTest::mouseClick(themes, Qt::LeftButton, {}, themes->actionGeometry(dark).center());
        QTRY_VERIFY(!themes->isVisible());
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 100);
        QVERIFY(window.palette().color(QPalette::WindowText).lightness() > 150);
        QVERIFY(test::showArticleTitled(window, u"Al-Kazemi"_s));
        shoot(window, u"09-dark"_s);
        AppSettings::setTheme(AppSettings::Theme::System);
        AppSettings::applyTheme(AppSettings::Theme::System);

        // 10. The Arabic UI: the language is chosen at start, so the analyst starts Mirsad again
        // in Arabic, on the same database.
        open.window.reset();
        open.storage.reset();
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            test::OpenWindow arabic = test::openWindow(path);
            QVERIFY(arabic.window);
            MainWindow& again = *arabic.window;
            QCOMPARE(again.layoutDirection(), Qt::RightToLeft);
            QVERIFY(test::showArticleTitled(again, u"الكاظمي"_s));
            QTRY_COMPARE_WITH_TIMEOUT(again.sidebar()->watchlistModel()->rowCount(), 1, 10000);
            QVERIFY(again.menuBar()->actions().first()->text() != u"&File"_s);
            // English cells keep their own direction in the right-to-left list ("9 May 2021").
            const QModelIndex date = again.articleModel()->index(0, ArticleListModel::DateColumn);
            auto* delegate =
                qobject_cast<QStyledItemDelegate*>(again.articleView()->itemDelegateForIndex(date));
            QVERIFY(delegate);
            QVERIFY(delegate->displayText(date.data(), QLocale()).startsWith(QChar(0x2068)));
            shoot(again, u"10-arabic"_s);
            QVERIFY(test::showArticleTitled(again, u"Al-Kazemi"_s));
            QTRY_COMPARE(again.annotations()->highlights().size(), 2);
            // An English quote in the notes list keeps its marks around it in the right-to-left UI.
            const auto quotesListed = [&] {
                QStringList quotes;
                QListWidget* notes = again.notesPane()->list();
                for (int row = 0; row < notes->count(); ++row)
                    if (notes->item(row)->data(NotesPane::KindRole) == NotesPane::HighlightItem)
                        quotes << notes->item(row)->text();
                return quotes;
            };
            QTRY_COMPARE(quotesListed().size(), 2);
            const QStringList quotes = quotesListed();
            for (const QString& quote : quotes)
                QVERIFY2(quote.startsWith(QString(QChar(0x2068)) + u"❝"_s), qPrintable(quote));
            shoot(again, u"10b-arabic-english-article"_s);
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
