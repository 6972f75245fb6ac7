#include "TestSupport.h"
#include "annotations/AnnotationHistory.h"
#include "annotations/Annotations.h"
#include "annotations/NoteAutosaver.h"
#include "ingest/ArticleImport.h"
#include "storage/Storage.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace mirsad;
using namespace mirsad::annotations;

static Article sampleArticle(const QString& text) {
    Article article;
    article.guid = QStringLiteral("annotations-test-1");
    article.title = QStringLiteral("Kadhimi meets a Kurdistan Region delegation");
    article.text = text;
    article.published = QDateTime(QDate(2021, 5, 9), QTime(15, 15), QTimeZone::UTC);
    return article;
}

static const QString firstText = QStringLiteral(
    "Prime Minister Mustafa Al-Kadhimi met a delegation from the Kurdistan Region in Baghdad.\n\n"
    "They discussed the budget and the salaries of the Region's employees.\n\n"
    "The talks will resume in Erbil next week.");

// A note on the sample article, at version 2 with `body`.
static qint64 noteWithText(test::TempDatabase& temp, const QString& body) {
    Result<storage::UpsertResult> stored = ingest::storeArticle(temp.db(), sampleArticle(firstText));
    if (!stored)
        return 0;
    Note note;
    note.articleId = stored->id;
    note.author = test::signedBy(QStringLiteral("analyst"));
    const Result<qint64> id = insertNote(temp.db(), note);
    if (!id || !saveNoteVersioned(temp.db(), *id, 1, body, {}, {}))
        return 0;
    return *id;
}

static QString bodyOf(test::TempDatabase& temp, qint64 id) {
    const Result<Note> note = noteById(temp.db(), id);
    return note ? note->body : QString();
}

static qint64 versionOf(test::TempDatabase& temp, qint64 id) {
    const Result<Note> note = noteById(temp.db(), id);
    return note ? note->version : 0;
}

class TestAnnotations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // A team's server keeps each annotation's history, newest first; a file of one's own keeps
    // none, and says so without an error.
    void historyWhereTheServerKeepsIt() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        Result<storage::UpsertResult> stored = ingest::storeArticle(temp.db(), sampleArticle(firstText));
        QVERIFY2(stored, qPrintable(stored.error()));
        Note note;
        note.articleId = stored->id;
        note.body = QStringLiteral("first");
        Result<qint64> id = insertNote(temp.db(), note);
        QVERIFY2(id, qPrintable(id.error()));
        QVERIFY(updateNote(temp.db(), *id, QStringLiteral("second"), {}, QDateTime::currentDateTimeUtc()));
        QVERIFY(setNoteShared(temp.db(), *id, true));
        Result<AnnotationHistory> history = annotationHistory(temp.db(), AnnotationKind::Note, *id);
        QVERIFY2(history, qPrintable(history.error()));
        if (!temp.isPostgres()) {
            QVERIFY(!history->kept);
            QVERIFY(history->entries.isEmpty());
            return;
        }
        QVERIFY(history->kept);
        QCOMPARE(history->entries.size(), 3);
        QCOMPARE(history->entries[0].event, HistoryEntry::Shared);
        QCOMPARE(history->entries[0].newShared, std::optional<bool>(true));
        QCOMPARE(history->entries[1].event, HistoryEntry::Changed);
        QCOMPARE(history->entries[1].oldText, QStringLiteral("first"));
        QCOMPARE(history->entries[1].newText, QStringLiteral("second"));
        QCOMPARE(history->entries[2].event, HistoryEntry::Added);
        QVERIFY(!history->entries[2].actor.isEmpty());
        QVERIFY(qAbs(history->entries[2].at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        Result<AnnotationHistory> none = annotationHistory(temp.db(), AnnotationKind::Highlight, *id);
        QVERIFY(none && none->kept && none->entries.isEmpty());
    }

    void highlightsAndNotesRoundTrip() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        Result<storage::UpsertResult> stored = ingest::storeArticle(temp.db(), sampleArticle(firstText));
        QVERIFY2(stored, qPrintable(stored.error()));
        const qint64 articleId = stored->id;

        const qsizetype start = firstText.indexOf(QStringLiteral("the budget"));
        Highlight h;
        h.articleId = articleId;
        h.color = QStringLiteral("green");
        h.selector = text::selectorFor(firstText, start, start + 10);
        Result<qint64> id = insertHighlight(temp.db(), h);
        QVERIFY2(id, qPrintable(id.error()));
        Highlight early = h;
        early.selector = text::selectorFor(firstText, 0, 14);
        QVERIFY(insertHighlight(temp.db(), early));

        Note note;
        note.articleId = articleId;
        note.highlightId = *id;
        note.body = QStringLiteral("**Budget** talks: see the _2021_ law.");
        note.author = QStringLiteral("analyst");
        note.tags = {QStringLiteral("budget"), QStringLiteral("KRG")};
        Result<qint64> noteId = insertNote(temp.db(), note);
        QVERIFY2(noteId, qPrintable(noteId.error()));

        Result<QList<Highlight>> highlights = listHighlights(temp.db(), articleId);
        QVERIFY(highlights);
        QCOMPARE(highlights->size(), 2);
        QCOMPARE(highlights->at(0).selector.quote, QStringLiteral("Prime Minister")); // reading order
        QCOMPARE(highlights->at(1).selector.quote, QStringLiteral("the budget"));
        QCOMPARE(highlights->at(1).color, QStringLiteral("green"));
        QCOMPARE(highlights->at(1).selector.prefix, h.selector.prefix);
        QCOMPARE(highlights->at(1).selector.suffix, h.selector.suffix);

        Result<QList<Note>> notes = listNotes(temp.db(), articleId);
        QVERIFY(notes);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().body, note.body);
        QCOMPARE(notes->first().tags, note.tags);
        QCOMPARE(notes->first().highlightId, *id);

        // The article list counts the note.
        QCOMPARE(temp.count(QStringLiteral("notes")), 1);

        // Removing the highlight keeps the note; undo attaches it again under the same id.
        Result<QList<qint64>> detached = deleteHighlight(temp.db(), *id);
        QVERIFY(detached);
        QCOMPARE(*detached, QList<qint64>{*noteId});
        QCOMPARE(noteById(temp.db(), *noteId)->highlightId, 0);
        Highlight restored = highlights->at(1);
        QCOMPARE(*insertHighlight(temp.db(), restored), *id);
        QVERIFY(attachNotes(temp.db(), *detached, *id));
        QCOMPARE(noteById(temp.db(), *noteId)->highlightId, *id);

        QVERIFY(setHighlightColor(temp.db(), *id, QStringLiteral("pink")));
        QCOMPARE(listHighlights(temp.db(), articleId)->at(1).color, QStringLiteral("pink"));

        QVERIFY(deleteNote(temp.db(), *noteId));
        QVERIFY(!noteById(temp.db(), *noteId));
    }

    // A feed re-fetch that edits the article moves the highlights with their passages, and flags
    // (never deletes) the one whose passage is gone.
    void refetchReanchorsHighlights() {
        test::TempDatabase temp;
        QVERIFY(temp.ok());
        Result<storage::UpsertResult> stored = ingest::storeArticle(temp.db(), sampleArticle(firstText));
        QVERIFY(stored);
        const auto highlight = [&](const QString& quote) {
            const qsizetype start = firstText.indexOf(quote);
            Highlight h;
            h.articleId = stored->id;
            h.color = QStringLiteral("yellow");
            h.selector = text::selectorFor(firstText, start, start + quote.size());
            return *insertHighlight(temp.db(), h);
        };
        const qint64 moved = highlight(QStringLiteral("salaries of the Region's employees"));
        const qint64 gone = highlight(QStringLiteral("resume in Erbil next week"));

        const QString edited = QStringLiteral("UPDATED: ") +
                               firstText.left(firstText.lastIndexOf(u'\n') - 1) +
                               QStringLiteral("\n\nNo date was set for further talks.");
        Result<storage::UpsertResult> updated = ingest::storeArticle(temp.db(), sampleArticle(edited));
        QVERIFY2(updated, qPrintable(updated.error()));
        QCOMPARE(updated->outcome, storage::UpsertOutcome::Updated);
        QCOMPARE(updated->id, stored->id);

        const QList<Highlight> after = *listHighlights(temp.db(), stored->id);
        QCOMPARE(after.size(), 2);
        for (const Highlight& h : after) {
            if (h.id == moved) {
                QVERIFY(!h.orphaned);
                QCOMPARE(edited.mid(h.selector.start, h.selector.end - h.selector.start),
                         QStringLiteral("salaries of the Region's employees"));
            } else {
                QCOMPARE(h.id, gone);
                QVERIFY(h.orphaned);
                QCOMPARE(h.selector.quote, QStringLiteral("resume in Erbil next week"));
            }
        }
    }

    // Typing is saved while it goes on (not only when it stops), off the UI thread.
    void autosaveWhileTyping() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("autosave.sqlite")));
        QVERIFY(storage.open().result());
        const Result<storage::UpsertResult> stored =
            storage.writer()
                .run([](QSqlDatabase& db) { return ingest::storeArticle(db, sampleArticle(firstText)); })
                .result();
        QVERIFY(stored);
        Note note;
        note.articleId = stored->id;
        const qint64 id =
            *storage.writer().run([note](QSqlDatabase& db) { return insertNote(db, note); }).result();

        NoteAutosaver saver(storage);
        QSignalSpy saved(&saver, &NoteAutosaver::saved);
        QString body;
        QElapsedTimer clock;
        clock.start();
        // Steady typing, a character every 100 ms for 2.5 s: never a 500 ms pause.
        while (clock.elapsed() < 2500) {
            body += u'x';
            saver.edit(id, 1, body, {QStringLiteral("draft")});
            QTest::qWait(100);
        }
        QVERIFY2(saved.count() >= 2, qPrintable(QString::number(saved.count())));
        const Note onDisk =
            *storage.reader().run([id](QSqlDatabase& db) { return noteById(db, id); }).result();
        QVERIFY(body.startsWith(onDisk.body));
        QVERIFY2(body.size() - onDisk.body.size() <= 11,
                 qPrintable(QString::number(body.size() - onDisk.body.size())));
        QCOMPARE(onDisk.tags, QStringList{QStringLiteral("draft")});

        saver.flush();
        storage.writer().drain();
        QCOMPARE(storage.reader().run([id](QSqlDatabase& db) { return noteById(db, id); }).result()->body,
                 body);
    }

    // Every keystroke is in the journal before the next one, whatever the autosave's delays; the
    // entry goes once the archive has the text.
    void journalKeepsEveryKeystroke() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        const qint64 id = noteWithText(temp, QStringLiteral("Draft"));
        storage::Storage storage(temp.path());
        QVERIFY(storage.open().result());
        const qint64 version = versionOf(temp, id);
        NoteAutosaver saver(storage);
        saver.setDelays(60000, 60000); // only the journal, until the test flushes
        QString body = QStringLiteral("Draft");
        for (const QChar c : QStringLiteral(" — الكاظمي")) {
            body += c;
            saver.edit(id, version, body, {QStringLiteral("KRG")});
            const QList<JournalEntry> journal = saver.journal().pending();
            QCOMPARE(journal.size(), 1);
            QCOMPARE(journal.first().noteId, id);
            QCOMPARE(journal.first().version, version);
            QCOMPARE(journal.first().body, body);
            QCOMPARE(journal.first().tags, QStringList{QStringLiteral("KRG")});
        }
        QCOMPARE(bodyOf(temp, id), QStringLiteral("Draft"));
        QSignalSpy saved(&saver, &NoteAutosaver::saved);
        saver.flush();
        QVERIFY(saved.wait(10000));
        QCOMPARE(bodyOf(temp, id), body);
        QVERIFY(saver.journal().pending().isEmpty());
    }

    // What a killed Mirsad left in the journal is saved at the next start. Typed on top of a save
    // the kill kept from being confirmed, it follows that save; typed on a version a colleague
    // has since replaced, it goes to a conflict copy; already in the archive, nothing changes.
    void journalReplayAfterAKill_data() {
        QTest::addColumn<QString>("archiveHas");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("notes");
        QTest::addColumn<int>("recovered");
        QTest::newRow("own save unconfirmed")
            << QStringLiteral("Draft, more") << QStringLiteral("Draft, more and more") << 1 << 1;
        QTest::newRow("a colleague's save")
            << QStringLiteral("A colleague's text") << QStringLiteral("A colleague's text") << 2 << 1;
        QTest::newRow("saved before the kill")
            << QStringLiteral("Draft, more and more") << QStringLiteral("Draft, more and more") << 1 << 0;
    }
    void journalReplayAfterAKill() {
        QFETCH(QString, archiveHas);
        QFETCH(QString, expected);
        QFETCH(int, notes);
        QFETCH(int, recovered);
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        const qint64 id = noteWithText(temp, QStringLiteral("Draft"));
        const QStringList tags{QStringLiteral("budget")};
        // The killed session typed on version 2 and had sent "Draft, more" when it was killed.
        JournalEntry left{
            id, 2, QStringLiteral("Draft, more and more"), tags, QDateTime::currentDateTimeUtc(), 7, {}};
        left.unconfirmed << savedTextDigest(QStringLiteral("Draft, more"), tags);
        QVERIFY(NoteJournal(temp.path()).write(left));
        const qint64 before = versionOf(temp, id);
        // Then the archive got version 3: the killed session's own save, or a colleague's.
        Result<NoteSave> landed = saveNoteVersioned(temp.db(), id, before, archiveHas, tags, {});
        QVERIFY2(landed, qPrintable(landed.error()));
        QCOMPARE(landed->conflictOf, 0);

        storage::Storage storage(temp.path());
        QVERIFY(storage.open().result());
        NoteAutosaver saver(storage);
        QSignalSpy recoveredSpy(&saver, &NoteAutosaver::recovered);
        QFuture<void> replayed = saver.saveJournal();
        QTRY_VERIFY(replayed.isFinished());
        QCOMPARE(recoveredSpy.count(), recovered);
        QCOMPARE(bodyOf(temp, id), expected);
        QSqlQuery count(temp.db());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM notes")) && count.next());
        QCOMPARE(count.value(0).toInt(), notes);
        if (notes == 2) {
            QSqlQuery copy(temp.db());
            QVERIFY(copy.exec(QStringLiteral("SELECT body FROM notes WHERE id <> %1").arg(id)) &&
                    copy.next());
            QVERIFY2(copy.value(0).toString().endsWith(left.body), qPrintable(copy.value(0).toString()));
        }
        QVERIFY(saver.journal().pending().isEmpty());
    }

    // Two connections save the same note, each at the version it read: the first is saved, the
    // second kept whole as a conflict copy on the same highlight, and the result says so.
    void concurrentSavesKeepBothTexts() {
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        const QString other = storage::uniqueConnectionName(QStringLiteral("other"));
        {
            Result<QSqlDatabase> second = storage::openDatabase(temp.path(), other, false);
            QVERIFY2(second, qPrintable(second.error()));
            Result<storage::UpsertResult> stored = ingest::storeArticle(temp.db(), sampleArticle(firstText));
            QVERIFY(stored);
            Highlight h;
            h.articleId = stored->id;
            h.color = QStringLiteral("yellow");
            h.selector = text::selectorFor(firstText, 0, 14);
            const qint64 highlightId = *insertHighlight(temp.db(), h);
            Note note;
            note.articleId = stored->id;
            note.highlightId = highlightId;
            note.author = test::signedBy(QStringLiteral("analyst"));
            const qint64 id = *insertNote(temp.db(), note);
            const qint64 loaded = noteById(*second, id)->version;
            QCOMPARE(loaded, 1);

            // The first window saves twice in a row (its own saves never conflict).
            Result<NoteSave> first =
                saveNoteVersioned(temp.db(), id, loaded, QStringLiteral("first"), {}, {});
            QVERIFY2(first, qPrintable(first.error()));
            QCOMPARE(first->noteId, id);
            QCOMPARE(first->conflictOf, 0);
            first = saveNoteVersioned(temp.db(), id, first->version, QStringLiteral("first, revised"),
                                      {QStringLiteral("budget")}, {});
            QVERIFY(first);
            QCOMPARE(first->version, 3);
            QCOMPARE(noteById(*second, id)->version, 3);

            // The second saves what it typed on version 1.
            const QString typed = QStringLiteral("second: ميزانية الإقليم\nevery character");
            Result<NoteSave> late =
                saveNoteVersioned(*second, id, loaded, typed, {QStringLiteral("KRG")}, {});
            QVERIFY2(late, qPrintable(late.error()));
            QCOMPARE(late->conflictOf, id);
            QVERIFY(late->noteId != id);
            QCOMPARE(late->conflictAuthor, note.author);
            QCOMPARE(noteById(temp.db(), id)->body, QStringLiteral("first, revised"));
            const Note copy = *noteById(temp.db(), late->noteId);
            QVERIFY2(copy.body.endsWith(typed), qPrintable(copy.body));
            QVERIFY(copy.body.startsWith(conflictCopyPrefix(conflictCopyHeader(), id, note.author)));
            QVERIFY(copy.body.contains(
                QStringLiteral("Conflict copy** of note %1 by %2").arg(id).arg(note.author)));
            QCOMPARE(copy.highlightId, highlightId);
            QCOMPARE(copy.articleId, stored->id);
            QCOMPARE(copy.tags, QStringList{QStringLiteral("KRG")});
            QCOMPARE(listNotes(temp.db(), stored->id)->size(), 2);
            // Typing goes on in the copy, at its version.
            QVERIFY(saveNoteVersioned(*second, late->noteId, late->version, copy.body + u'!', {}, {}));

            // A note deleted meanwhile is not a conflict: the error says it is gone.
            QVERIFY(deleteNote(temp.db(), id));
            Result<NoteSave> gone = saveNoteVersioned(*second, id, 3, QStringLiteral("too late"), {}, {});
            QVERIFY(!gone);
            QVERIFY2(gone.error().contains(QStringLiteral("no longer exists")), qPrintable(gone.error()));

            // A highlight's colour changed elsewhere is refused, not overwritten.
            const qint64 shown = highlightVersion(*second, highlightId).value();
            QVERIFY(setHighlightColor(temp.db(), highlightId, QStringLiteral("green"), shown));
            const Status stale = setHighlightColor(*second, highlightId, QStringLiteral("pink"), shown);
            QVERIFY(!stale);
            QVERIFY2(stale.error().contains(QStringLiteral("changed it elsewhere")),
                     qPrintable(stale.error()));
            QCOMPARE(listHighlights(temp.db(), stored->id)->first().color, QStringLiteral("green"));
            QVERIFY(setHighlightColor(*second, highlightId, QStringLiteral("pink"), shown + 1));
            // Any other change of the text counts too (a trigger), as a colleague's psql would make it.
            QSqlQuery raw(temp.db());
            QVERIFY(raw.exec(
                QStringLiteral("UPDATE notes SET body = 'by hand' WHERE id = %1").arg(late->noteId)));
            QCOMPARE(noteById(temp.db(), late->noteId)->version, 3);
        }
        storage::closeDatabase(other);
    }
};

QTEST_GUILESS_MAIN(TestAnnotations)
#include "tst_annotations.moc"
