// A note's history in the window, as the team's server kept it (resources/migrations-postgresql/
// 009): made, edited twice and shared, its "History…" (the list's context menu) shows each
// change newest first, with who made it and the text before and after, in English and Arabic.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/AnnotationHistory.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/HistoryDialog.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "ingest/ArticleImport.h"
#include "storage/Database.h"
#include "storage/Team.h"
#include "window/AppSettings.h"

#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSqlQuery>
#include <QTextBrowser>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestNoteHistory : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
    test::TempDatabase* m_archive = nullptr;
    QString m_alice;
    qint64 m_note = 0;

    qint64 count(const QString& sql) {
        QSqlQuery query(m_archive->db());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    static int rowWith(NotesPane* pane, const QString& text) {
        for (int i = 0; i < pane->list()->count(); ++i)
            if (pane->list()->item(i)->text().contains(text))
                return i;
        return -1;
    }
    static QStringList column(HistoryDialog* dialog, int column) {
        QStringList texts;
        for (int i = 0; i < dialog->entries()->topLevelItemCount(); ++i)
            texts << dialog->entries()->topLevelItem(i)->text(column);
        return texts;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
        m_archive = new test::TempDatabase;
        const Result<QStringList> analysts = test::makeTeamArchive(*m_archive, {u"alice_hist_"_s});
        QVERIFY2(analysts, qPrintable(analysts.error()));
        m_alice = analysts->at(0);
    }
    void cleanupTestCase() { delete m_archive; }

    void historyThroughTheContextMenu() {
        test::OpenWindow open = test::openWindow(m_archive->pathAs(m_alice));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
        NotesPane* pane = window.notesPane();
        NoteEditor* editor = pane->editor();

        // Made, then edited twice (each saved), then shared.
        pane->newNote(0);
        QTRY_VERIFY(editor->noteId() > 0 && !editor->isReadOnly());
        m_note = editor->noteId();
        const auto saved = [&](const QString& text) {
            return count(u"SELECT count(*) FROM notes WHERE id = %1 AND body = '%2'"_s.arg(m_note).arg(
                       text)) == 1;
        };
        test::typeText(editor->textEdit(), u"Meeting in Erbil"_s);
        pane->flush();
        QTRY_VERIFY(saved(u"Meeting in Erbil"_s));
        test::typeText(editor->textEdit(), u" on Monday"_s);
        pane->flush();
        QTRY_VERIFY(saved(u"Meeting in Erbil on Monday"_s));
        QTextCursor cursor = editor->textEdit()->textCursor();
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::PreviousWord, QTextCursor::KeepAnchor);
        editor->textEdit()->setTextCursor(cursor);
        test::typeText(editor->textEdit(), u"Tuesday"_s);
        pane->flush();
        QTRY_VERIFY(saved(u"Meeting in Erbil on Tuesday"_s));
        QTRY_VERIFY(pane->shareButton()->isEnabled());
        pane->shareButton()->click();
        QTRY_COMPARE(count(u"SELECT shared FROM notes WHERE id = %1"_s.arg(m_note)), 1);
        const qint64 recorded =
            count(u"SELECT count(*) FROM annotation_history WHERE kind = 'note' AND annotation_id = %1"_s.arg(
                m_note));
        QVERIFY2(recorded >= 4, qPrintable(QString::number(recorded)));

        // "History…" in the list's context menu.
        QString offered;
        QTimer::singleShot(300, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* action : menu->actions())
                if (action->text() == u"History…"_s && action->isEnabled()) {
                    offered = action->text();
                    action->trigger();
                }
            menu->close();
        });
        const int row = rowWith(pane, u"Tuesday"_s);
        QVERIFY(row >= 0);
        emit pane->list()->customContextMenuRequested(
            pane->list()->visualItemRect(pane->list()->item(row)).center());
        QCOMPARE(offered, u"History…"_s);
        QTRY_VERIFY(pane->historyDialog() && pane->historyDialog()->isLoaded());
        HistoryDialog* dialog = pane->historyDialog();
        QVERIFY(dialog->isVisible());

        // Every change the server kept, newest first: shared, the two edits (and any save made
        // while typing), added; each by Alice.
        QCOMPARE(dialog->entries()->topLevelItemCount(), int(recorded));
        const QStringList what = column(dialog, 2);
        QCOMPARE(what.first(), u"shared with the team"_s);
        QCOMPARE(what.last(), u"added"_s);
        QVERIFY(what.count(u"changed"_s) >= 2);
        for (const QString& who : column(dialog, 1))
            QVERIFY2(who.contains(m_alice), qPrintable(who));
        QVERIFY(column(dialog, 3).first().contains(u"private → shared"_s));
        QVERIFY(column(dialog, 3).at(1).contains(u"on Monday"_s));
        QVERIFY(column(dialog, 3).at(1).contains(u"on Tuesday"_s));
        QVERIFY(!column(dialog, 0).first().isEmpty());
        QVERIFY(column(dialog, 3).at(recorded - 2).contains(u"(empty)"_s)); // the new note had no text
        // The latest edit's text before and after, the changed word marked.
        dialog->entries()->setCurrentItem(dialog->entries()->topLevelItem(1));
        const QString details = dialog->details()->toPlainText();
        QVERIFY2(details.contains(u"Before"_s) && details.contains(u"After"_s), qPrintable(details));
        QVERIFY(details.contains(u"Meeting in Erbil on Monday"_s));
        QVERIFY(details.contains(u"Meeting in Erbil on Tuesday"_s));
        QVERIFY(dialog->details()->toHtml().contains(u"line-through"_s));
        QVERIFY(dialog->grab().save(test::screenshotPath(u"notehistory.png"_s)));
        dialog->close();
        QTRY_VERIFY(!pane->historyDialog());
        window.close();
    }

    // The same in the Arabic interface, right to left, in the dark theme.
    void arabicInterface() {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        AppSettings::applyTheme(AppSettings::Theme::Dark);
        {
            test::OpenWindow open = test::openWindow(m_archive->pathAs(m_alice));
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
            NotesPane* pane = window.notesPane();
            QTRY_VERIFY(rowWith(pane, u"Tuesday"_s) >= 0);
            pane->list()->setCurrentRow(rowWith(pane, u"Tuesday"_s));
            pane->showSelectedHistory();
            QTRY_VERIFY(pane->historyDialog() && pane->historyDialog()->isLoaded());
            HistoryDialog* dialog = pane->historyDialog();
            QCOMPARE(dialog->layoutDirection(), Qt::RightToLeft);
            QVERIFY(!column(dialog, 2).contains(u"added"_s));
            QVERIFY(!dialog->statusLabel()->text().contains(u"newest"_s));
            dialog->entries()->setCurrentItem(dialog->entries()->topLevelItem(1));
            QVERIFY(dialog->grab().save(test::screenshotPath(u"notehistory-arabic-dark.png"_s)));
            dialog->close();
            window.close();
        }
        AppSettings::applyTheme(AppSettings::Theme::System);
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestNoteHistory)
#include "tst_notehistory.moc"
