// The search box of the real window, typed into as a user does: the list follows after a pause
// (Enter at once), each row shows the passage that matched with its words in bold, a malformed
// query says what is wrong next to the box, the "?" button, F1 and Help ▸ Search Syntax show the
// query language, and an older archive's search vocabulary is filled in the background (with its
// progress in the status bar, stopped at quit and resumed) until inflections are found.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "filters/FilterBar.h"
#include "filters/SearchHelp.h"
#include "ingest/ArticleImport.h"
#include "search/SearchMatches.h"
#include "storage/Database.h"
#include "storage/SearchVocabulary.h"
#include "window/AppSettings.h"
#include "window/ArticleTitleDelegate.h"
#include "window/VocabularyFill.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStatusBar>
#include <QToolButton>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

using Model = models::ArticleListModel;

QStringList titles(const Model& model) {
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row, Model::TitleColumn).data().toString();
    return list;
}

// Key by key, as from a keyboard: an Arabic letter as an Arabic layout sends it (a key press
// with its text; QTest::keyClicks only knows Latin-1).
// Types `text` into the search box as a user does: click, select what is there, type.
void typeSearch(MainWindow& window, const QString& text) {
    QLineEdit* box = window.filterBar()->searchBox();
    QTest::mouseClick(box, Qt::LeftButton);
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(box, Qt::Key_Delete);
    else
        test::typeText(box, text);
}

// The marked words of a row's snippet.
QStringList markedWords(const QModelIndex& index) {
    const auto snippet = index.data(Model::SnippetRole).value<search::Snippet>();
    QStringList words;
    for (const text::Span& mark : snippet.marks)
        words << snippet.text.mid(mark.start, mark.end - mark.start);
    return words;
}

// A database with the sample articles whose search vocabulary is still to fill, as an archive
// made before migration 018 is after it.
bool makePendingArchive(const QString& path) {
    const QString name = storage::uniqueConnectionName(u"pending"_s);
    bool ok = false;
    {
        Result<QSqlDatabase> db = storage::openDatabase(path, name);
        if (!db)
            return false;
        Result<int> installed = ingest::installSampleArticles(*db);
        QSqlQuery query(*db);
        ok = installed && *installed == 3 &&
             query.exec(u"INSERT INTO search_vocabulary_fill VALUES ('')"_s) &&
             query.exec(u"DELETE FROM search_vocabulary"_s);
    }
    storage::closeDatabase(name);
    return ok;
}

// The window on `path`, started, with the status bar's messages recorded from the start.
struct RecordedWindow {
    test::OpenWindow open;
    QStringList messages;
};

// `setUp` runs before the window starts.
std::unique_ptr<RecordedWindow> startWindow(const QString& path,
                                            const std::function<void(MainWindow&)>& setUp) {
    auto recorded = std::make_unique<RecordedWindow>();
    recorded->open.storage = std::make_unique<storage::Storage>(path);
    recorded->open.window = std::make_unique<MainWindow>(*recorded->open.storage);
    MainWindow& window = *recorded->open.window;
    setUp(window);
    QObject::connect(window.statusBar(), &QStatusBar::messageChanged, window.statusBar(),
                     [messages = &recorded->messages](const QString& message) { *messages << message; });
    window.resize(1400, 860);
    window.show();
    QSignalSpy started(&window, &MainWindow::started);
    window.start();
    // (started may come from inside start(), when the database answers before it returns)
    if ((started.isEmpty() && !started.wait(30000)) || !started.first().first().toBool())
        return nullptr;
    return recorded;
}

qint64 fillRows(const QString& path, QString* after = nullptr) {
    const QString name = storage::uniqueConnectionName(u"check"_s);
    qint64 rows = -1;
    {
        Result<QSqlDatabase> db = storage::openDatabase(path, name);
        if (db) {
            QSqlQuery query(*db);
            if (query.exec(u"SELECT after_word FROM search_vocabulary_fill"_s)) {
                rows = 0;
                while (query.next()) {
                    ++rows;
                    if (after)
                        *after = query.value(0).toString();
                }
            }
        }
    }
    storage::closeDatabase(name);
    return rows;
}

} // namespace

class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void typingSearchesAndRowsShowWhatMatched() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(u"search.sqlite"_s));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        Model& model = *window.articleModel();
        QTableView* list = window.articleView();
        QTRY_COMPARE(model.rowCount(), 3); // the samples
        const int oneLine = ArticleTitleDelegate::singleLineHeight(list);
        QCOMPARE(list->rowHeight(0), oneLine);
        QVERIFY(!model.index(0, Model::TitleColumn).data(Model::SnippetRole).isValid());

        // Typing waits for a pause, then the list follows: اربيل finds the Arabic sample, which
        // writes وأربيل and أربيل. (A pause longer than the usual 300 ms, so that a busy machine
        // never takes the gap between two keys for one.)
        window.filterBar()->setSearchDelay(1000);
        QSignalSpy loaded(&model, &Model::pageLoaded);
        typeSearch(window, u"اربيل"_s);
        QCOMPARE(model.filter().text, QString()); // not yet: the user is still typing
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.filter().text, u"اربيل"_s);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0, Model::TitleColumn);
        QVERIFY(row.data().toString().contains(u"الكاظمي يستقبل وفد إقليم كوردستان"_s));
        // The row shows the passage that matched, its forms marked, on a second line.
        const auto snippet = row.data(Model::SnippetRole).value<search::Snippet>();
        QVERIFY(!snippet.isEmpty());
        const QStringList marked = markedWords(row);
        QVERIFY2(marked.contains(u"وأربيل"_s) || marked.contains(u"أربيل"_s), qPrintable(marked.join(u' ')));
        QVERIFY(model.hasSnippets());
        QCOMPARE(list->rowHeight(0), ArticleTitleDelegate::snippetRowHeight(list));
        QVERIFY(list->rowHeight(0) > oneLine);
        QVERIFY(list->grab().save(test::screenshotPath(u"search-snippet-arabic.png"_s)));

        // Enter searches at once; in English an inflection is found and marked (agreements →
        // agreement), in the two English samples.
        typeSearch(window, u"agreements"_s);
        QTest::keyClick(window.filterBar()->searchBox(), Qt::Key_Return);
        QCOMPARE(model.filter().text, u"agreements"_s); // no pause
        QTRY_COMPARE(model.rowCount(), 2);
        QTRY_VERIFY(markedWords(model.index(0, Model::TitleColumn)).contains(u"agreement"_s));
        QVERIFY(list->grab().save(test::screenshotPath(u"search-snippet-english.png"_s)));

        // Dark: the passage stays readable, its matches in the text's own colour.
        AppSettings::applyTheme(AppSettings::Theme::Dark);
        typeSearch(window, u"الموازنة OR budget"_s);
        QTest::keyClick(window.filterBar()->searchBox(), Qt::Key_Return);
        QTRY_COMPARE(model.rowCount(), 2);
        QTest::qWait(100);
        QVERIFY(list->grab().save(test::screenshotPath(u"search-snippet-dark.png"_s)));
        QVERIFY(window.grab().save(test::screenshotPath(u"search-window-dark.png"_s)));
        AppSettings::applyTheme(AppSettings::Theme::System);

        // Two searches in a row: only the newer one's answer shows, whatever order they end in.
        loaded.clear();
        typeSearch(window, u"Sinjar"_s);
        QTest::keyClick(window.filterBar()->searchBox(), Qt::Key_Return);
        typeSearch(window, u"Kazemi"_s);
        QTest::keyClick(window.filterBar()->searchBox(), Qt::Key_Return);
        QCOMPARE(model.filter().text, u"Kazemi"_s);
        QTRY_VERIFY(!loaded.isEmpty() && !model.isLoading());
        QTest::qWait(300); // an answer to Sinjar, had it been read, would be in by now
        QCOMPARE(titles(model).size(), 1);
        QVERIFY(titles(model).first().startsWith(u"Al-Kazemi refers"_s));

        // Without a text search the rows are one line again, without passages.
        typeSearch(window, QString());
        QTRY_COMPARE(model.rowCount(), 3);
        QVERIFY(!model.hasSnippets());
        QVERIFY(!model.index(0, Model::TitleColumn).data(Model::SnippetRole).isValid());
        QCOMPARE(list->rowHeight(0), oneLine);
    }

    void malformedQuerySaysWhatIsWrong() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(u"malformed.sqlite"_s));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        Model& model = *window.articleModel();
        FilterBar* bar = window.filterBar();
        QTRY_COMPARE(model.rowCount(), 3);
        typeSearch(window, u"Erbil"_s);
        QTRY_COMPARE(model.filter().text, u"Erbil"_s);
        QTRY_COMPARE(model.rowCount(), 2);
        const QColor normalBase = bar->searchBox()->palette().color(QPalette::Base);

        // An unclosed quotation mark: after the pause, the parser's sentence under the box, the
        // box in the warning colour; the list stays on the last search, not an empty one.
        QStringList messages;
        connect(window.statusBar(), &QStatusBar::messageChanged, this,
                [&messages](const QString& m) { messages << m; });
        test::typeText(bar->searchBox(), u" \"oil exports"_s);
        QTRY_VERIFY(!bar->searchError().isEmpty());
        QVERIFY2(bar->searchError().contains(u"never closed"_s), qPrintable(bar->searchError()));
        QVERIFY(bar->searchErrorLabel()->isVisible());
        QCOMPARE(bar->searchErrorLabel()->text(), bar->searchError());
        QVERIFY(bar->searchBox()->palette().color(QPalette::Base) != normalBase);
        QCOMPARE(model.filter().text, u"Erbil"_s);
        QCOMPARE(model.rowCount(), 2);
        for (const QString& message : std::as_const(messages))
            QVERIFY2(!message.contains(u"SQL"_s, Qt::CaseInsensitive) && !message.contains(u"fts5"_s),
                     qPrintable(message));
        QVERIFY(bar->grab().save(test::screenshotPath(u"search-error.png"_s)));
        // Enter does not search it either.
        QTest::keyClick(bar->searchBox(), Qt::Key_Return);
        QCOMPARE(model.filter().text, u"Erbil"_s);
        QVERIFY(bar->searchErrorLabel()->isVisible());
        // Other filters still apply, and the query stays in the box as typed.
        QTest::mouseClick(bar->findChild<QToolButton*>(u"filterUnread"_s), Qt::LeftButton);
        QCOMPARE(bar->searchBox()->text(), u"Erbil \"oil exports"_s);

        // Fixed: the error goes at once, the search follows after the pause.
        QTest::keyClick(bar->searchBox(), Qt::Key_End);
        test::typeText(bar->searchBox(), u"\""_s);
        QVERIFY(bar->searchError().isEmpty());
        QVERIFY(!bar->searchErrorLabel()->isVisible());
        QCOMPARE(bar->searchBox()->palette().color(QPalette::Base), normalBase);
        QTRY_COMPARE(model.filter().text, u"Erbil \"oil exports\""_s);

        // The other mistakes, each with its sentence; Arabic ones in dark.
        AppSettings::applyTheme(AppSettings::Theme::Dark);
        QTest::qWait(50);
        typeSearch(window, u"اربيل OR"_s);
        QTest::keyClick(bar->searchBox(), Qt::Key_Return);
        QVERIFY2(bar->searchError().contains(u"OR needs a word"_s), qPrintable(bar->searchError()));
        QVERIFY(bar->grab().save(test::screenshotPath(u"search-error-dark.png"_s)));
        AppSettings::applyTheme(AppSettings::Theme::System);
        QTest::qWait(50);
        typeSearch(window, u"-كركوك"_s);
        QTest::keyClick(bar->searchBox(), Qt::Key_Return);
        QVERIFY2(bar->searchError().contains(u"at least one word"_s), qPrintable(bar->searchError()));
        typeSearch(window, u"k*"_s);
        QTest::keyClick(bar->searchBox(), Qt::Key_Return);
        QVERIFY2(bar->searchError().contains(u"*"_s), qPrintable(bar->searchError()));

        // Clear all clears a malformed query too.
        typeSearch(window, u"\"x"_s);
        QTest::keyClick(bar->searchBox(), Qt::Key_Return);
        QVERIFY(!bar->searchError().isEmpty());
        QTest::mouseClick(bar->clearAllButton(), Qt::LeftButton);
        QCOMPARE(bar->searchBox()->text(), QString());
        QVERIFY(bar->searchError().isEmpty());
    }

    void helpShowsTheQueryLanguage() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        test::OpenWindow open = test::openWindow(dir.filePath(u"help.sqlite"_s));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        FilterBar* bar = window.filterBar();
        QVERIFY(bar->searchBox()->toolTip().contains(u"\"exact phrase\""_s));

        const auto popup = [&window]() -> SearchHelp* {
            for (SearchHelp* help : window.findChildren<SearchHelp*>()) {
                if (help->isVisible())
                    return help;
            }
            return nullptr;
        };
        // The "?" button.
        QTest::mouseClick(bar->searchHelpButton(), Qt::LeftButton);
        QTRY_VERIFY(popup());
        const QString text = popup()->findChild<QLabel*>(u"searchHelpText"_s)->text();
        for (const QString& part : {u"exact phrase"_s, u"OR"_s, u"-word"_s, u"prefix*"_s, u"كرد*"_s,
                                    u"kurd*"_s, u"نفط -كركوك"_s, u"oil -Kirkuk"_s})
            QVERIFY2(text.contains(part.toHtmlEscaped()), qPrintable(part));
        QVERIFY(popup()->geometry().top() >= bar->searchBox()->mapToGlobal(QPoint(0, 0)).y());
        QVERIFY(popup()->grab().save(test::screenshotPath(u"search-help.png"_s)));
        QTest::keyClick(popup(), Qt::Key_Escape);
        QTRY_VERIFY(!popup());

        // F1 in the box.
        QTest::mouseClick(bar->searchBox(), Qt::LeftButton);
        QTest::keyClick(bar->searchBox(), Qt::Key_F1);
        QTRY_VERIFY(popup());
        QTest::keyClick(popup(), Qt::Key_Escape);
        QTRY_VERIFY(!popup());

        // Help ▸ Search Syntax, with its shortcut in the menu.
        auto* action = window.findChild<QAction*>(u"actionSearchSyntax"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        action->trigger();
        QTRY_VERIFY(popup());
        QTest::keyClick(popup(), Qt::Key_Escape);
        QTRY_VERIFY(!popup());

        // In the Arabic UI the popup reads from the right.
        window.setLayoutDirection(Qt::RightToLeft);
        QTest::mouseClick(bar->searchHelpButton(), Qt::LeftButton);
        QTRY_VERIFY(popup());
        QVERIFY(popup()->grab().save(test::screenshotPath(u"search-help-rtl.png"_s)));
        QTest::keyClick(popup(), Qt::Key_Escape);
        window.setLayoutDirection(Qt::LeftToRight);
    }

    void olderArchiveVocabularyFillsInTheBackground() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        const QString path = dir.filePath(u"pending.sqlite"_s);
        QVERIFY(makePendingArchive(path));
        QCOMPARE(fillRows(path), 1);

        // The first session: steps of 5 words; the user quits after the third.
        {
            int steps = 0;
            std::unique_ptr<RecordedWindow> recorded = startWindow(path, [&steps](MainWindow& window) {
                window.vocabularyFill()->setWordsPerStep(5);
                QObject::connect(window.vocabularyFill(), &VocabularyFill::progress, &window,
                                 [&steps, &window] {
                                     if (++steps == 3)
                                         window.close();
                                 });
            });
            QVERIFY(recorded);
            QTRY_VERIFY_WITH_TIMEOUT(!recorded->open.window->isVisible(), 20000);
            QCOMPARE(steps, 3); // no step after the window closed
        }
        QString after;
        QCOMPARE(fillRows(path, &after), 1); // still to finish...
        QVERIFY(!after.isEmpty());           // ...from where it stopped

        // The next session goes on and finishes, with its progress in the status bar.
        std::unique_ptr<QSignalSpy> finished;
        std::unique_ptr<RecordedWindow> recorded = startWindow(path, [&finished](MainWindow& window) {
            window.vocabularyFill()->setWordsPerStep(40);
            finished = std::make_unique<QSignalSpy>(window.vocabularyFill(), &VocabularyFill::finished);
        });
        QVERIFY(recorded);
        MainWindow& window = *recorded->open.window;
        QVERIFY(finished->count() > 0 || finished->wait(60000));
        QCOMPARE(finished->first().first().toBool(), true);
        static const QRegularExpression progress(u"^Preparing search for word forms: [0-9,]+ words…$"_s);
        QVERIFY2(!recorded->messages.filter(progress).isEmpty(), qPrintable(recorded->messages.join(u'\n')));
        QCOMPARE(fillRows(path), 0);

        // Inflections are found now: agreements finds the articles that say agreement.
        typeSearch(window, u"agreements"_s);
        QTest::keyClick(window.filterBar()->searchBox(), Qt::Key_Return);
        QTRY_COMPARE(window.articleModel()->rowCount(), 2);
        QVERIFY(titles(*window.articleModel()).join(u'\n').contains(u"Sinjar"_s));
        QVERIFY(window.statusBar()->grab().save(test::screenshotPath(u"search-vocabulary-done.png"_s)));
    }
};

QTEST_MAIN(TestSearch)
#include "tst_search.moc"
