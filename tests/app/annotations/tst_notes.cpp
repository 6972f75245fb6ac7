#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteAutosaver.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoStack>

using namespace mirsad;

// Drags a selection over Article::text[start, end) with the mouse: a click, then a shift-click.
static void selectWithMouse(ReaderView* reader, qsizetype start, qsizetype end) {
    QTextCursor from(reader->document());
    from.setPosition(reader->documentPosition(start));
    reader->setTextCursor(from);
    reader->ensureCursorVisible();
    const QPoint a = reader->cursorRect(from).center() + QPoint(1, 0);
    QTextCursor to(reader->document());
    to.setPosition(reader->documentPosition(end));
    const QPoint b = reader->cursorRect(to).center() - QPoint(1, 0);
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, Qt::ShiftModifier, b);
}

class TestNotes : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    // The whole round: select and highlight with the keyboard shortcut, write a note, restart,
    // and find both where they were left.
    void highlightAndNoteSurviveARestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
        const QString passage = QStringLiteral("unprecedented");
        const QString noteText =
            QStringLiteral("# Joint brigades\nKadhimi and the KRG agree on **joint brigades** in "
                           "the _disputed areas_:\n- Kirkuk\n- Sinjar");
        qint64 articleId = 0;
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            ReaderView* reader = window.reader();
            articleId = reader->articleId();
            const qsizetype start = reader->article().text.indexOf(passage);
            QVERIFY(start > 0);

            selectWithMouse(reader, start, start + passage.size());
            QCOMPARE(reader->textCursor().selectedText(), passage);
            QTest::keyClick(reader, Qt::Key_H, Qt::ControlModifier);
            QTRY_COMPARE(window.annotations()->highlights().size(), 1);
            const annotations::Highlight h = window.annotations()->highlights().first();
            QCOMPARE(h.selector.quote, passage);
            QCOMPARE(h.selector.start, start);
            QVERIFY(!h.selector.prefix.isEmpty());
            QCOMPARE(reader->extraSelections().size(), 1);

            // A note on that highlight: select it in the pane, press "New note", type.
            NotesPane* pane = window.notesPane();
            QAbstractItemModelTester tester(pane->list()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QTRY_COMPARE(pane->list()->count(), 1);
            pane->list()->setCurrentRow(0);
            QTest::mouseClick(pane->findChild<QToolButton*>(QStringLiteral("newNoteButton")), Qt::LeftButton);
            QTRY_VERIFY(pane->editor()->noteId() > 0);
            QTRY_VERIFY(pane->editor()->textEdit()->hasFocus());
            const QStringList lines = noteText.split(u'\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (i > 0)
                    QTest::keyClick(pane->editor()->textEdit(), Qt::Key_Return);
                QTest::keyClicks(pane->editor()->textEdit(), lines.at(i));
            }
            QTest::keyClicks(pane->editor()->tagsEdit(), QStringLiteral("security, KRG"));
            QSignalSpy saved(pane, &NotesPane::noteSaved);
            QVERIFY(saved.wait(3000));
            QCOMPARE(pane->list()->count(), 2); // the highlight, then its note
            QVERIFY(pane->list()->item(1)->text().contains(QStringLiteral("joint brigades")));
            // The editor is KSyntaxHighlighting's Markdown; the preview renders it.
            QVERIFY(
                pane->editor()->textEdit()->document()->findChild<KSyntaxHighlighting::SyntaxHighlighter*>());
            pane->editor()->showPreview(true);
            QVERIFY(pane->editor()->preview()->toPlainText().contains(QStringLiteral("joint brigades")));
            QVERIFY(!pane->editor()->preview()->toPlainText().contains(QStringLiteral("**")));
            pane->editor()->showPreview(false);
            QTest::qWait(200);
            QVERIFY(pane->grab().save(test::screenshotPath(QStringLiteral("notes-pane.png"))));
            QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("notes-window.png"))));
            window.close();
        }
        {
            test::OpenWindow open = test::openWindow(path);
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
            QCOMPARE(window.reader()->articleId(), articleId);
            QTRY_COMPARE(window.annotations()->highlights().size(), 1);
            QCOMPARE(window.annotations()->highlights().first().selector.quote, passage);
            QTRY_COMPARE(window.reader()->extraSelections().size(), 1);
            QCOMPARE(window.reader()->extraSelections().first().cursor.selectedText(), passage);
            QCOMPARE(window.annotations()->notes().size(), 1);
            const annotations::Note note = window.annotations()->notes().first();
            QCOMPARE(note.body, noteText);
            QCOMPARE(note.tags, (QStringList{QStringLiteral("security"), QStringLiteral("KRG")}));
            QCOMPARE(note.highlightId, window.annotations()->highlights().first().id);
            QVERIFY(!note.author.isNull());
            QCOMPARE(window.notesPane()->list()->count(), 2);
        }
    }

    void undoRemoveAndRecolor() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("undo.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        ReaderView* reader = window.reader();
        ArticleAnnotations* annotations = window.annotations();
        const QString& text = reader->article().text;
        reader->selectText(10, 40);
        window.highlightSelection(QStringLiteral("green"));
        QTRY_COMPARE(annotations->highlights().size(), 1);
        QCOMPARE(annotations->highlights().first().color, QStringLiteral("green"));
        const qint64 id = annotations->highlights().first().id;

        annotations->setHighlightColor(id, QStringLiteral("pink"));
        QTRY_COMPARE(annotations->highlights().first().color, QStringLiteral("pink"));
        window.undoStack()->undo();
        QTRY_COMPARE(annotations->highlights().first().color, QStringLiteral("green"));

        // A note on the highlight; removing the highlight keeps the note; undo re-attaches it.
        window.notesPane()->newNote(id);
        QTRY_COMPARE(annotations->notes().size(), 1);
        annotations->removeHighlight(id);
        QTRY_COMPARE(annotations->highlights().size(), 0);
        QCOMPARE(annotations->notes().size(), 1);
        QCOMPARE(annotations->notes().first().highlightId, 0);
        window.undoStack()->undo();
        QTRY_COMPARE(annotations->highlights().size(), 1);
        QCOMPARE(annotations->highlights().first().id, id);
        QTRY_COMPARE(annotations->notes().first().highlightId, id);
        QCOMPARE(annotations->highlights().first().selector.quote, text.mid(10, 30));

        // Deleting a note is undoable too.
        const qint64 noteId = annotations->notes().first().id;
        window.notesPane()->openNote(noteId);
        QTRY_COMPARE(window.notesPane()->editor()->noteId(), noteId);
        window.notesPane()->deleteSelected();
        QTRY_COMPARE(annotations->notes().size(), 0);
        window.undoStack()->undo();
        QTRY_COMPARE(annotations->notes().size(), 1);
        QCOMPARE(annotations->notes().first().id, noteId);
        // Redo of the first highlight after undoing everything brings it back under its id.
        while (window.undoStack()->canUndo())
            window.undoStack()->undo();
        QTRY_COMPARE(annotations->highlights().size(), 0);
        window.undoStack()->redo();
        QTRY_COMPARE(annotations->highlights().size(), 1);
        QCOMPARE(annotations->highlights().first().id, id);
    }

    void keyboardNavigation() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("keys.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QTableView* list = window.articleView();
        models::ArticleListModel* model = window.articleModel();
        QVERIFY(model->rowCount() >= 3);
        // Let the start settle (a refresh at start reloads the list), then start from the top.
        QTRY_VERIFY(!model->isLoading());
        QTest::qWait(300);
        QTRY_VERIFY(!model->isLoading());
        if (list->currentIndex().row() != 0) {
            list->setCurrentIndex(model->index(0, models::ArticleListModel::TitleColumn));
            QTRY_COMPARE(window.reader()->articleId(), model->articleId(0));
        }
        list->setFocus();
        // Shown for 1.5 s: marked read.
        QVERIFY(!model->index(0, 0).data(models::ArticleListModel::ReadRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(model->index(0, 0).data(models::ArticleListModel::ReadRole).toBool(), 4000);

        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(list->currentIndex().row(), 1);
        QTRY_COMPARE(window.reader()->articleId(), model->articleId(1));
        QTest::keyClick(list, Qt::Key_K);
        QCOMPARE(list->currentIndex().row(), 0);

        QTest::keyClick(list, Qt::Key_S);
        QTRY_VERIFY(model->index(0, 0).data(models::ArticleListModel::StarredRole).toBool());
        QTest::keyClick(list, Qt::Key_S);
        QTRY_VERIFY(!model->index(0, 0).data(models::ArticleListModel::StarredRole).toBool());
        QTest::keyClick(list, Qt::Key_M);
        QTRY_VERIFY(!model->index(0, 0).data(models::ArticleListModel::ReadRole).toBool());

        // Space pages the reader to its end, then moves on to the next article.
        ReaderView* reader = window.reader();
        reader->resize(reader->width(), 200);
        QTest::qWait(50);
        const int before = reader->verticalScrollBar()->value();
        QTest::keyClick(reader, Qt::Key_Space);
        QVERIFY(reader->verticalScrollBar()->value() > before);
        for (int i = 0; i < 200 && list->currentIndex().row() == 0; ++i)
            QTest::keyClick(reader, Qt::Key_Space);
        QCOMPARE(list->currentIndex().row(), 1);
    }
};

QTEST_MAIN(TestNotes)
#include "tst_notes.moc"
