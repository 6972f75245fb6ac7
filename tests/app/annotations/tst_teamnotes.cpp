// The notes pane on a team's archive: each note says whose it is and whether the team sees it;
// the analyst shares and unshares their own (undoably), never sees a colleague's private notes,
// and finds a colleague's shared note read-only, as the server would refuse any change to it.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "annotations/NoteEditor.h"
#include "annotations/NotesPane.h"
#include "ingest/ArticleImport.h"
#include "storage/Database.h"
#include "storage/Location.h"
#include "storage/Team.h"

#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestTeamNotes : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
    test::TempDatabase* m_archive = nullptr;
    QString m_alice, m_bob;
    qint64 m_articleId = 0;
    QString m_aliceConnection;

    qint64 count(const QString& sql) {
        QSqlQuery query(m_archive->db());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    // The note rows of the pane, by their text.
    static QStringList noteRows(NotesPane* pane) {
        QStringList rows;
        for (int i = 0; i < pane->list()->count(); ++i)
            if (pane->list()->item(i)->data(NotesPane::KindRole).toInt() == NotesPane::NoteItem)
                rows << pane->list()->item(i)->text();
        return rows;
    }
    static int rowWith(NotesPane* pane, const QString& text) {
        for (int i = 0; i < pane->list()->count(); ++i)
            if (pane->list()->item(i)->text().contains(text))
                return i;
        return -1;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
        m_archive = new test::TempDatabase;
        const Result<QStringList> analysts = test::makeTeamArchive(*m_archive, {u"alice_"_s, u"bob_"_s});
        QVERIFY2(analysts, qPrintable(analysts.error()));
        m_alice = analysts->at(0);
        m_bob = analysts->at(1);
        m_articleId = count(u"SELECT id FROM articles WHERE title LIKE '%كوردستان%'"_s);
        QVERIFY(m_articleId > 0);

        // Alice, connected as herself, writes a private draft and a note she shares.
        m_aliceConnection = storage::uniqueConnectionName(m_alice);
        Result<QSqlDatabase> alice = storage::openDatabase(m_archive->pathAs(m_alice), m_aliceConnection);
        QVERIFY2(alice, qPrintable(alice.error()));
        annotations::Note draft;
        draft.articleId = m_articleId;
        draft.body = u"مسودة أليس الخاصة"_s;
        QVERIFY(annotations::insertNote(*alice, draft));
        annotations::Note finding = draft;
        finding.body = u"ملاحظة مشتركة: اجتماع بغداد وأربيل"_s;
        finding.shared = true;
        QVERIFY(annotations::insertNote(*alice, finding));
    }
    void cleanupTestCase() {
        storage::closeDatabase(m_aliceConnection);
        delete m_archive;
    }

    void colleaguesNotesAsTheServerAllows() {
        test::OpenWindow open = test::openWindow(m_archive->pathAs(m_bob));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
        NotesPane* pane = window.notesPane();
        // Her shared note only, marked as hers and shared; her draft is not even listed.
        QTRY_COMPARE(noteRows(pane).size(), 1);
        QVERIFY2(noteRows(pane).first().contains(m_alice), qPrintable(noteRows(pane).first()));
        QVERIFY(noteRows(pane).first().contains(u"Shared with the team"_s));
        QCOMPARE(rowWith(pane, u"مسودة"_s), -1);
        QVERIFY(pane->shareButton()->isVisible());

        // Selected: read-only, neither deletable nor shareable, and the editor says whose it is.
        pane->list()->setCurrentRow(rowWith(pane, u"اجتماع"_s));
        NoteEditor* editor = pane->editor();
        QTRY_VERIFY(editor->noteId() > 0);
        QVERIFY(editor->isReadOnly());
        QVERIFY(editor->textEdit()->isReadOnly());
        QVERIFY(editor->textEdit()->toolTip().contains(m_alice));
        QVERIFY(!pane->canDelete());
        QVERIFY(!pane->shareButton()->isEnabled());
        editor->textEdit()->setFocus();
        QTest::keyClicks(editor->textEdit(), u"defaced"_s);
        QVERIFY(!editor->textEdit()->toPlainText().contains(u"defaced"_s));
        // The header, longer on a team's archive, gets the lines it wraps to.
        auto* header = editor->findChild<QLabel*>(u"noteHeader"_s);
        QVERIFY(header->text().contains(u"read-only"_s));
        QTRY_VERIFY(header->height() >= header->heightForWidth(header->width()));
        QTRY_VERIFY(editor->findChild<QTabWidget*>()->y() > header->geometry().bottom());
        QVERIFY(window.grab().save(test::screenshotPath(u"teamnotes-colleague.png"_s)));

        // Were a change of hers attempted all the same, the server's refusal reaches the status bar.
        const qint64 hers = editor->noteId();
        window.annotations()->setNoteShared(hers, false);
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(m_alice),
                     qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(window.statusBar()->currentMessage().contains(u"only its author"_s));
        QTRY_VERIFY(window.annotations()->note(hers) && window.annotations()->note(hers)->shared);

        // His own note: private at first, shared with a click, private again on undo.
        pane->newNote(0);
        QTRY_COMPARE(noteRows(pane).size(), 2);
        QTRY_VERIFY(editor->noteId() > 0 && !editor->isReadOnly());
        const qint64 mine = editor->noteId();
        test::typeText(editor->textEdit(), u"قراءة بوب"_s);
        pane->flush();
        QTRY_VERIFY(pane->shareButton()->isEnabled());
        QVERIFY(!pane->shareButton()->isChecked());
        QTRY_VERIFY(noteRows(pane).join(u'|').contains(u"Private"_s));
        const QString sharedInDb = u"SELECT shared FROM notes WHERE id = %1"_s.arg(mine);
        QCOMPARE(count(sharedInDb), 0);
        QCOMPARE(count(u"SELECT author = '%1' FROM notes WHERE id = %2"_s.arg(m_bob).arg(mine)), 1);
        pane->shareButton()->click();
        QTRY_COMPARE(count(sharedInDb), 1);
        QTRY_VERIFY(noteRows(pane).filter(m_bob).join(u'|').contains(u"Shared with the team"_s));
        QVERIFY(pane->shareButton()->isChecked());
        QCOMPARE(pane->editor()->noteId(), mine);
        QVERIFY(window.grab().save(test::screenshotPath(u"teamnotes-shared.png"_s)));
        // Alice sees it now.
        QSqlQuery alice(QSqlDatabase::database(m_aliceConnection));
        QVERIFY(alice.exec(u"SELECT body FROM notes WHERE id = %1"_s.arg(mine)) && alice.next());
        QCOMPARE(alice.value(0).toString(), u"قراءة بوب"_s);
        window.undoStack()->undo();
        QTRY_COMPARE(count(sharedInDb), 0);
        QTRY_VERIFY(noteRows(pane).filter(m_bob).join(u'|').contains(u"Private"_s));
        QVERIFY(!pane->shareButton()->isChecked());
        window.undoStack()->redo();
        QTRY_COMPARE(count(sharedInDb), 1);
        QTRY_VERIFY(noteRows(pane).filter(m_bob).join(u'|').contains(u"Shared with the team"_s));

        // The list's context menu makes it private again.
        QString offered;
        QTimer::singleShot(300, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* action : menu->actions())
                if (action->text() == u"Make private"_s && action->isEnabled()) {
                    offered = action->text();
                    action->trigger();
                }
            menu->close();
        });
        const QRect row = pane->list()->visualItemRect(pane->list()->item(rowWith(pane, u"قراءة بوب"_s)));
        emit pane->list()->customContextMenuRequested(row.center());
        QCOMPARE(offered, u"Make private"_s);
        QTRY_COMPARE(count(sharedInDb), 0);
        window.close();
    }

    // The same in the Arabic interface, right to left.
    void arabicInterface() {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/mirsad_ar.qm"_s));
        QCoreApplication::installTranslator(&translator);
        QGuiApplication::setLayoutDirection(Qt::RightToLeft);
        {
            test::OpenWindow open = test::openWindow(m_archive->pathAs(m_bob));
            QVERIFY(open.window);
            MainWindow& window = *open.window;
            QVERIFY(test::showArticleTitled(window, u"كوردستان"_s));
            NotesPane* pane = window.notesPane();
            QTRY_COMPARE(noteRows(pane).size(), 2);
            pane->list()->setCurrentRow(rowWith(pane, u"اجتماع"_s));
            QTRY_VERIFY(pane->editor()->isReadOnly());
            QVERIFY(!pane->shareButton()->text().contains(u"Shared"_s));
            QVERIFY(!noteRows(pane).join(u'|').contains(u"Shared with the team"_s));
            auto* header = pane->editor()->findChild<QLabel*>(u"noteHeader"_s);
            QTRY_VERIFY(header->height() >= header->heightForWidth(header->width()));
            QTRY_VERIFY(pane->editor()->findChild<QTabWidget*>()->y() > header->geometry().bottom());
            QVERIFY(window.grab().save(test::screenshotPath(u"teamnotes-arabic.png"_s)));
            QVERIFY(pane->grab().save(test::screenshotPath(u"teamnotes-arabic-pane.png"_s)));
            window.close();
        }
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestTeamNotes)
#include "tst_teamnotes.moc"
