// The notes pane as the analyst uses it with the mouse and the keyboard: the editor follows the
// selection (no keystroke lands in a note that is not selected), Delete only with something to
// delete, Redo ends with a new action, highlight rows readable in both themes, tags shown as
// chips and filterable, and each paragraph of a note in its own direction in the Arabic UI.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NoteListDelegate.h"
#include "annotations/NotesPane.h"
#include "filters/FilterBar.h"
#include "models/ArticleListModel.h"
#include "reader/HighlightColors.h"
#include "storage/Database.h"
#include "window/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QTabBar>
#include <QTextBlock>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

using namespace mirsad;

namespace {

// The notes of an article as they are on disk, read on a connection of the test's own.
QList<annotations::Note> notesOnDisk(const QString& path, qint64 articleId) {
    const QString connection = storage::uniqueConnectionName(QStringLiteral("check"));
    QList<annotations::Note> notes;
    {
        Result<QSqlDatabase> db = storage::openDatabase(path, connection, false);
        if (db) {
            if (Result<QList<annotations::Note>> listed = annotations::listNotes(*db, articleId))
                notes = *listed;
        }
    }
    storage::closeDatabase(connection);
    return notes;
}

QString bodyOnDisk(const QString& path, qint64 articleId, qint64 noteId) {
    for (const annotations::Note& note : notesOnDisk(path, articleId))
        if (note.id == noteId)
            return note.body;
    return QStringLiteral("(no such note)");
}

QListWidgetItem* rowFor(NotesPane* pane, int kind, qint64 id) {
    QListWidget* list = pane->list();
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(NotesPane::KindRole).toInt() == kind &&
            list->item(i)->data(NotesPane::IdRole).toLongLong() == id)
            return list->item(i);
    return nullptr;
}

// A click on a row of the notes list, as the user makes it.
void clickRow(QListWidget* list, QListWidgetItem* item) {
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

QAction* actionNamed(QMenu* menu, const QString& prefix) {
    for (QAction* action : menu->actions())
        if (action->text().remove(u'&').startsWith(prefix))
            return action;
    return nullptr;
}

QMenu* menuNamed(MainWindow& window, const QString& title) {
    for (QAction* action : window.menuBar()->actions())
        if (action->menu() && action->text().remove(u'&') == title)
            return action->menu();
    return nullptr;
}

// WCAG contrast ratio of two colours.
double contrast(const QColor& a, const QColor& b) {
    const auto luminance = [](const QColor& c) {
        const auto linear = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

// Selects a passage of the reader and highlights it with Ctrl+H.
void highlightWithKeys(MainWindow& window, const QString& passage) {
    ReaderView* reader = window.reader();
    const qsizetype start = reader->article().text.indexOf(passage);
    QVERIFY(start > 0);
    reader->selectText(start, start + passage.size());
    reader->setFocus();
    QTest::keyClick(reader, Qt::Key_H, Qt::ControlModifier);
}

} // namespace

class TestNotesPane : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    // Issue 17, finding 1: with a note on the article open, a click on a highlight must take the
    // editor off that note; what is typed then cannot land in it. Every change of selection
    // saves the note being left, and the editor always shows the selected note.
    void typingGoesToTheSelectedNoteOnly() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wrongnote.sqlite"));
        test::OpenWindow open = test::openWindow(path);
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const qint64 articleId = window.reader()->articleId();
        NotesPane* pane = window.notesPane();
        QListWidget* list = pane->list();
        MarkdownEditor* editor = pane->editor()->textEdit();

        highlightWithKeys(window, QStringLiteral("unprecedented"));
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);
        const qint64 highlightId = window.annotations()->highlights().first().id;

        // A note on the whole article (nothing selected in the list), typed into.
        QTRY_VERIFY(rowFor(pane, NotesPane::HighlightItem, highlightId));
        list->clearSelection();
        QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTRY_VERIFY(pane->editor()->noteId() > 0);
        const qint64 freeNote = pane->editor()->noteId();
        QCOMPARE(window.annotations()->note(freeNote)->highlightId, 0);
        // A file of one's own has no team: no sharing, and no "Private" on the rows.
        QVERIFY(!window.annotations()->isTeam());
        QVERIFY(!pane->shareButton()->isVisible());
        QVERIFY(!pane->editor()->isReadOnly());
        QVERIFY(!rowFor(pane, NotesPane::NoteItem, freeNote)->text().contains(QStringLiteral("Private")));
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, QStringLiteral("On the article"));

        // A click on the highlight's row: the editor leaves the note, nothing can be typed.
        clickRow(list, rowFor(pane, NotesPane::HighlightItem, highlightId));
        QCOMPARE(list->currentItem(), rowFor(pane, NotesPane::HighlightItem, highlightId));
        QCOMPARE(pane->editor()->noteId(), 0);
        QVERIFY(!editor->isEnabled());
        QVERIFY(editor->toPlainText().isEmpty());
        QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("notespane-highlight-selected.png"))));
        // The user clicks into the editor and types on: nothing reaches the note on the article.
        QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, QPoint(20, 10));
        QTest::keyClicks(editor, QStringLiteral(" LEAKED"));
        // What was typed before the click is saved (the note was left, not lost).
        QTRY_COMPARE_WITH_TIMEOUT(bodyOnDisk(path, articleId, freeNote), QStringLiteral("On the article"),
                                  3000);

        // "New note" with the highlight selected: a note on the highlight, typed into.
        QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTRY_VERIFY(pane->editor()->noteId() > 0 && pane->editor()->noteId() != freeNote);
        const qint64 highlightNote = pane->editor()->noteId();
        QCOMPARE(window.annotations()->note(highlightNote)->highlightId, highlightId);
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClicks(editor, QStringLiteral("On the passage"));

        // Back to the note on the article with the mouse, and on with the keyboard.
        clickRow(list, rowFor(pane, NotesPane::NoteItem, freeNote));
        QCOMPARE(pane->editor()->noteId(), freeNote);
        QCOMPARE(editor->toPlainText(), QStringLiteral("On the article"));
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, QStringLiteral(", again"));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_End); // the list: note on the article, highlight, its note
        QCOMPARE(list->currentItem(), rowFor(pane, NotesPane::NoteItem, highlightNote));
        QCOMPARE(pane->editor()->noteId(), highlightNote);
        QCOMPARE(editor->toPlainText(), QStringLiteral("On the passage"));
        QTest::keyClick(list, Qt::Key_Up);
        QCOMPARE(pane->editor()->noteId(), 0); // the highlight
        QTest::keyClick(list, Qt::Key_Up);
        QCOMPARE(pane->editor()->noteId(), freeNote);
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(pane->editor()->noteId(), 0);
        QVERIFY(!editor->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(bodyOnDisk(path, articleId, freeNote),
                                  QStringLiteral("On the article, again"), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(bodyOnDisk(path, articleId, highlightNote),
                                  QStringLiteral("On the passage"), 3000);
        QCOMPARE(notesOnDisk(path, articleId).size(), 2);
    }

    // Finding 13: Delete in the notes pane (the button, the menu item, the Delete key) only with a
    // note or highlight selected; the pane keeps its width when a note is selected.
    void deleteOnlyWithSomethingToDeleteAndAStableWidth() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("delete.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        NotesPane* pane = window.notesPane();
        QListWidget* list = pane->list();
        auto* deleteButton = pane->findChild<QToolButton*>(QStringLiteral("deleteNoteButton"));
        auto* deleteAction = window.findChild<QAction*>(QStringLiteral("actionDeleteNote"));
        QVERIFY(deleteButton && deleteAction);
        QCOMPARE(deleteAction->shortcut(), QKeySequence(QKeySequence::Delete));
        QTRY_COMPARE(list->count(), 1); // "No notes or highlights yet"
        QVERIFY(!deleteButton->isEnabled());
        QVERIFY(!deleteAction->isEnabled());
        // Clicking the empty list, or its hint, gives nothing to delete.
        clickRow(list, list->item(0));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Down);
        QVERIFY(!deleteButton->isEnabled());
        QVERIFY(!deleteAction->isEnabled());

        highlightWithKeys(window, QStringLiteral("unprecedented"));
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);
        const qint64 highlightId = window.annotations()->highlights().first().id;
        QTRY_VERIFY(rowFor(pane, NotesPane::HighlightItem, highlightId));
        QVERIFY(!deleteAction->isEnabled());
        const int width = pane->width();
        clickRow(list, rowFor(pane, NotesPane::HighlightItem, highlightId));
        QVERIFY(deleteButton->isEnabled());
        QVERIFY(deleteAction->isEnabled());

        // A note with a long header line and tags: the pane keeps its width.
        AppSettings::setAuthor(QStringLiteral("Analyst with a rather long name, Erbil desk, night shift"));
        QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTRY_VERIFY(pane->editor()->noteId() > 0);
        QTest::keyClicks(pane->editor()->textEdit(),
                         QStringLiteral("A long first line that goes on and on about the joint brigades"));
        QTest::keyClicks(pane->editor()->tagsEdit(), QStringLiteral("security, KRG, disputed-territories"));
        QTest::qWait(100);
        QCOMPARE(pane->width(), width);
        clickRow(list, rowFor(pane, NotesPane::HighlightItem, highlightId));
        clickRow(list, rowFor(pane, NotesPane::NoteItem,
                              pane->list()->item(1)->data(NotesPane::IdRole).toLongLong()));
        QVERIFY(pane->editor()->noteId() > 0);
        QTest::qWait(100);
        QCOMPARE(pane->width(), width);
        QVERIFY(
            window.grab().save(test::screenshotPath(QStringLiteral("notespane-note-selected-window.png"))));
        AppSettings::setAuthor(QString());

        // The Delete key in the list deletes the selected highlight (the note stays).
        clickRow(list, rowFor(pane, NotesPane::HighlightItem, highlightId));
        QTest::keyClick(list, Qt::Key_Delete);
        QTRY_COMPARE(window.annotations()->highlights().size(), 0);
        QCOMPARE(window.annotations()->notes().size(), 1);
        QTRY_VERIFY(!deleteAction->isEnabled());
        QVERIFY(!deleteButton->isEnabled());
    }

    // Finding 11: after Undo, a new action (here: adding a note) ends the redo history.
    void aNewActionEndsRedo() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("redo.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        NotesPane* pane = window.notesPane();
        QMenu* edit = menuNamed(window, QStringLiteral("Edit"));
        QVERIFY(edit);
        QAction* undo = actionNamed(edit, QStringLiteral("Undo"));
        QAction* redo = actionNamed(edit, QStringLiteral("Redo"));
        QVERIFY(undo && redo);
        QVERIFY(!redo->isEnabled());

        highlightWithKeys(window, QStringLiteral("unprecedented"));
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);
        const qint64 highlightId = window.annotations()->highlights().first().id;
        QTRY_VERIFY(rowFor(pane, NotesPane::HighlightItem, highlightId));
        clickRow(pane->list(), rowFor(pane, NotesPane::HighlightItem, highlightId));
        QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("deleteNoteButton")), Qt::LeftButton);
        QTRY_COMPARE(window.annotations()->highlights().size(), 0);
        QVERIFY(undo->text().contains(QStringLiteral("Remove highlight")));
        pane->list()->setFocus();
        QTest::keySequence(pane->list(), undo->shortcut()); // Edit ▸ Undo
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);
        QVERIFY(redo->isEnabled());
        QVERIFY2(redo->text().contains(QStringLiteral("Remove highlight")), qPrintable(redo->text()));

        // A new note: the redo of the removal is no longer offered.
        QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("newNoteButton")), Qt::LeftButton);
        QTRY_COMPARE(window.annotations()->notes().size(), 1);
        QTRY_VERIFY2(!redo->isEnabled(), qPrintable(redo->text()));
        QVERIFY2(undo->text().contains(QStringLiteral("Add note")), qPrintable(undo->text()));
        const qint64 noteId = window.annotations()->notes().first().id;
        QTRY_VERIFY(pane->editor()->textEdit()->hasFocus());
        QTest::keyClicks(pane->editor()->textEdit(), QStringLiteral("Kept by redo"));

        // Undoing the note (Ctrl+Z in the list) saves what was typed first; Redo brings it back.
        pane->list()->setFocus();
        QTest::keySequence(pane->list(), undo->shortcut());
        QTRY_COMPARE(window.annotations()->notes().size(), 0);
        QVERIFY(redo->isEnabled());
        QCOMPARE(pane->editor()->noteId(), 0);
        QTest::keySequence(pane->list(), redo->shortcut());
        QTRY_COMPARE(window.annotations()->notes().size(), 1);
        QCOMPARE(window.annotations()->notes().first().id, noteId);
        QCOMPARE(window.annotations()->notes().first().body, QStringLiteral("Kept by redo"));
    }

    // Finding 6: a highlight's row in the notes list reads in the light and the dark theme.
    void highlightRowsReadableInBothThemes() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("themes.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        NotesPane* pane = window.notesPane();
        QMenu* view = menuNamed(window, QStringLiteral("View"));
        QVERIFY(view);
        QMenu* themes = actionNamed(view, QStringLiteral("Theme"))->menu();
        QVERIFY(themes);

        highlightWithKeys(window, QStringLiteral("unprecedented"));
        QTRY_COMPARE(window.annotations()->highlights().size(), 1);
        const qint64 highlightId = window.annotations()->highlights().first().id;
        QTRY_VERIFY(rowFor(pane, NotesPane::HighlightItem, highlightId));
        // A second highlight in another colour (Ctrl+4: pink).
        ReaderView* reader = window.reader();
        const qsizetype start = reader->article().text.indexOf(QStringLiteral("Kurdistan"));
        QVERIFY(start > 0);
        reader->selectText(start, start + 9);
        QTest::keyClick(reader, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(window.annotations()->highlights().size(), 2);

        for (const QString& theme : {QStringLiteral("Dark"), QStringLiteral("Light")}) {
            actionNamed(themes, theme)->trigger();
            QTest::qWait(100);
            QCOMPARE(isDarkPalette(pane->list()->palette()), theme == QStringLiteral("Dark"));
            for (const annotations::Highlight& h : window.annotations()->highlights()) {
                QListWidgetItem* row = rowFor(pane, NotesPane::HighlightItem, h.id);
                QVERIFY(row);
                const QColor background = row->background().color();
                const QColor text = row->foreground().style() == Qt::NoBrush
                                        ? pane->list()->palette().color(QPalette::Text)
                                        : row->foreground().color();
                QVERIFY2(contrast(text, background) >= 4.5,
                         qPrintable(QStringLiteral("%1 theme, %2: %3 on %4 (%5:1)")
                                        .arg(theme, h.color, text.name(), background.name())
                                        .arg(contrast(text, background))));
            }
            pane->list()->clearSelection();
            QVERIFY(pane->grab().save(
                test::screenshotPath(QStringLiteral("notespane-highlights-%1.png").arg(theme.toLower()))));
        }
        AppSettings::setTheme(AppSettings::Theme::System);
        AppSettings::applyTheme(AppSettings::Theme::System);
    }

    // Issue 17, "note tags shown and filterable": tags as chips under the note; a click on a
    // chip shows only the notes with that tag; "Articles" filters the article list by it.
    void tagsShownAndFilterable() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("tags.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        const qint64 articleId = window.reader()->articleId();
        NotesPane* pane = window.notesPane();
        QListWidget* list = pane->list();
        auto* newNote = pane->findChild<QToolButton*>(QStringLiteral("newNoteButton"));
        const auto writeNote = [&](const QString& body, const QString& tags) -> qint64 {
            list->clearSelection();
            const qint64 before = pane->editor()->noteId();
            QTest::mouseClick(newNote, Qt::LeftButton);
            if (!QTest::qWaitFor(
                    [&] { return pane->editor()->noteId() > 0 && pane->editor()->noteId() != before; }))
                return 0;
            QTest::keyClicks(pane->editor()->textEdit(), body);
            QTest::keyClicks(pane->editor()->tagsEdit(), tags);
            return pane->editor()->noteId();
        };
        const qint64 krg = writeNote(QStringLiteral("Joint brigades"), QStringLiteral("security, KRG"));
        const qint64 oil = writeNote(QStringLiteral("Oil exports"), QStringLiteral("oil"));
        QVERIFY(krg > 0 && oil > 0);
        QTRY_COMPARE(rowFor(pane, NotesPane::NoteItem, krg)->data(NoteListDelegate::TagsRole).toStringList(),
                     (QStringList{QStringLiteral("security"), QStringLiteral("KRG")}));
        QCOMPARE(rowFor(pane, NotesPane::NoteItem, oil)->data(NoteListDelegate::TagsRole).toStringList(),
                 QStringList{QStringLiteral("oil")});
        QVERIFY(pane->tagBox()->isVisible());
        QTest::qWait(100);
        QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("notespane-tags.png"))));

        // A click on the "KRG" chip of the first note.
        QListWidgetItem* row = rowFor(pane, NotesPane::NoteItem, krg);
        const QList<QRect> chips = NoteListDelegate::chipRects(
            list->visualItemRect(row), {QStringLiteral("security"), QStringLiteral("KRG")}, list->font(),
            list->layoutDirection(), list);
        QCOMPARE(chips.size(), 2);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, chips.at(1).center());
        QTRY_COMPARE(pane->tagFilter(), QStringLiteral("KRG"));
        QCOMPARE(pane->tagBox()->currentText(), QStringLiteral("#KRG"));
        QVERIFY(rowFor(pane, NotesPane::NoteItem, krg));
        QVERIFY(!rowFor(pane, NotesPane::NoteItem, oil));
        QCOMPARE(list->count(), 1);
        QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("notespane-tag-filter.png"))));

        // "Articles": the article list shows the articles with a note tagged KRG, and says so.
        QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("articlesWithTagButton")),
                          Qt::LeftButton);
        QTRY_COMPARE(window.articleModel()->filter().noteTags, QStringList{QStringLiteral("KRG")});
        QTRY_COMPARE(window.articleModel()->rowCount(), 1);
        QCOMPARE(window.articleModel()->articleId(0), articleId);
        const auto chipLabels = [&] {
            QStringList labels;
            for (QToolButton* chip : window.findChildren<QToolButton*>(QStringLiteral("filterChip")))
                if (!chip->isHidden())
                    labels << chip->text();
            return labels.join(u'|');
        };
        QTRY_VERIFY2(chipLabels().contains(QStringLiteral("Note tag: #KRG")), qPrintable(chipLabels()));
        QTest::qWait(100);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("notespane-tag-articles.png"))));

        // Back to every note with the keyboard, in the tag box.
        pane->tagBox()->setFocus();
        QTest::keyClick(pane->tagBox(), Qt::Key_Home);
        QCOMPARE(pane->tagFilter(), QString());
        QVERIFY(rowFor(pane, NotesPane::NoteItem, oil));
        QVERIFY(rowFor(pane, NotesPane::NoteItem, krg));
    }

    // Finding 10: in the Arabic (right-to-left) UI, an English note's bullets and quotes sit on
    // the left, an Arabic paragraph of the same note on the right, in the editor and the preview.
    void noteParagraphsInTheirOwnDirection() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mirsad_ar.qm")));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            QTemporaryDir dir;
            test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("rtl.sqlite")));
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QCOMPARE(window.layoutDirection(), Qt::RightToLeft);
            QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            NotesPane* pane = window.notesPane();
            QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("newNoteButton")), Qt::LeftButton);
            QTRY_VERIFY(pane->editor()->noteId() > 0);
            MarkdownEditor* editor = pane->editor()->textEdit();
            const QString arabicLine = QStringLiteral("اتفاق على ألوية مشتركة");
            const QStringList lines{QStringLiteral("- Kirkuk first"), QString(),
                                    QStringLiteral("> a quoted line"), QString(), arabicLine};
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    QTest::keyClick(editor, Qt::Key_Return);
                // Key by key, with the character each key types (QTest's ASCII table has no Arabic).
                for (const QChar c : lines.at(i))
                    QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_unknown, QString(c), Qt::NoModifier);
            }
            QCOMPARE(editor->toPlainText(), lines.join(u'\n'));
            QTest::qWait(100);
            QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("notespane-rtl-editor.png"))));
            // Each line in its own direction: the English bullet and quote start at the left edge
            // of the editor, the Arabic line at the right.
            const int width = editor->viewport()->width();
            for (QTextBlock b = editor->document()->firstBlock(); b.isValid(); b = b.next()) {
                if (b.text().isEmpty())
                    continue;
                const bool arabic = b.text() == arabicLine;
                QCOMPARE(b.textDirection(), arabic ? Qt::RightToLeft : Qt::LeftToRight);
                const QRect start = editor->cursorRect(QTextCursor(b));
                QVERIFY2(arabic ? start.x() > width * 3 / 4 : start.x() < width / 4,
                         qPrintable(QStringLiteral("%1: %2 of %3").arg(b.text()).arg(start.x()).arg(width)));
            }

            // The preview, opened with its tab.
            auto* tabs = pane->editor()->findChild<QTabBar*>();
            QVERIFY(tabs);
            QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
            MarkdownPreview* preview = pane->editor()->preview();
            QVERIFY(preview->isVisible());
            QVERIFY(preview->toPlainText().contains(QStringLiteral("Kirkuk first")));
            QTest::qWait(100);
            QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("notespane-rtl-preview.png"))));
            int checked = 0;
            for (QTextBlock b = preview->document()->firstBlock(); b.isValid(); b = b.next()) {
                if (b.text().isEmpty())
                    continue;
                const bool arabic = b.text() == arabicLine;
                QCOMPARE(b.textDirection(), arabic ? Qt::RightToLeft : Qt::LeftToRight);
                const QRect start = preview->cursorRect(QTextCursor(b));
                const int previewWidth = preview->viewport()->width();
                QVERIFY2(arabic ? start.x() > previewWidth * 2 / 3 : start.x() < previewWidth / 3,
                         qPrintable(
                             QStringLiteral("%1: %2 of %3").arg(b.text()).arg(start.x()).arg(previewWidth)));
                ++checked;
            }
            QCOMPARE(checked, 3); // the list item, the quote, the Arabic paragraph
            const QTextBlock item = preview->document()->findBlock(preview->toPlainText().indexOf(u"Kirkuk"));
            QVERIFY(item.textList());
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestNotesPane)
#include "tst_notespane.moc"
