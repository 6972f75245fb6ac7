// A note saved (as the window saves it, through NoteAutosaver on the writer thread) when the
// disk refuses the write stops with a sentence, and the archive stays as it was: sound, with the
// note's previous text. The text typed is not lost: the editor still holds it and sends it whole
// with the next keystroke, which saves it once there is room again.
//
// Two ways the disk refuses, both real: the file size limit (RLIMIT_FSIZE, set on this process
// for the save, with SIGXFSZ ignored as the programs do: the write fails with EFBIG) for any
// user, and, for root, a small tmpfs of the test's own that is really full (ENOSPC).

#include "PrivateMounts.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/NoteAutosaver.h"
#include "core/FileLimits.h"
#include "ingest/ArticleImport.h"
#include "storage/Storage.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

// Fills the file system of `folder` to the last byte with a file of its own; false if it could not.
bool fillUp(const QString& filler) {
    QFile file(filler);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray chunk(64 * 1024, 'x');
    while (file.write(chunk) == chunk.size())
        ;
    // The last chunk may have half fitted: fill the rest byte by byte.
    while (file.write("x", 1) == 1)
        ;
    file.close();
    return true;
}

} // namespace

class TestNoteFullDisk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        failWritesPastTheFileSizeLimit();
    }

    void aRefusedSaveLosesNothing_data() {
        QTest::addColumn<bool>("fullDisk"); // else the file size limit
        QTest::newRow("file size limit") << false;
        // Only root can mount the small disk; every user gets the file size limit above.
        if (test::SmallDisk::canMount())
            QTest::newRow("full disk") << true;
    }
    void aRefusedSaveLosesNothing() {
        QFETCH(bool, fullDisk);
        QTemporaryDir dir;
        test::SmallDisk disk;
        if (fullDisk) {
            const QString mounted = disk.mount(dir.path(), 16 * 1024 * 1024);
            QVERIFY2(mounted.isEmpty(), qPrintable(mounted));
        }
        const QString file = dir.filePath(u"notes.sqlite"_s);
        storage::Storage storage(file);
        const Status opened = storage.open().result();
        QVERIFY2(opened, qPrintable(opened.error()));
        const Result<qint64> noteId =
            storage.writer()
                .run([](QSqlDatabase& db) -> Result<qint64> {
                    if (Result<int> installed = ingest::installSampleArticles(db); !installed)
                        return Error{installed.error()};
                    QSqlQuery first(db);
                    if (!first.exec(u"SELECT min(id) FROM articles"_s) || !first.next())
                        return Error{u"no article"_s};
                    annotations::Note note;
                    note.articleId = first.value(0).toLongLong();
                    note.body = u"The first text, saved."_s;
                    return annotations::insertNote(db, note);
                })
                .result();
        QVERIFY2(noteId, qPrintable(noteId.error()));
        const auto stored = [&] {
            return storage.reader()
                .run([id = *noteId](QSqlDatabase& db) { return annotations::noteById(db, id); })
                .result();
        };

        annotations::NoteAutosaver saver(storage);
        QSignalSpy saved(&saver, &annotations::NoteAutosaver::saved);
        QSignalSpy failed(&saver, &annotations::NoteAutosaver::saveFailed);
        // Long enough to need pages the WAL does not have yet: a pasted report.
        QString typed = u"Typed on a full disk: "_s;
        while (typed.size() < 2 * 1024 * 1024)
            typed += u"The delegation from Erbil met the oil ministry in Baghdad. "_s;

        // The disk refuses.
        const QString filler = dir.filePath(u"filler"_s);
        rlimit before{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &before) == 0);
        if (!fullDisk) {
            storage.writer().drain(); // nothing else of the writer's meets the limit
            rlimit limited = before;
            limited.rlim_cur = 1; // no file of this process grows or is written past its first byte
            QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        } else {
            QVERIFY(fillUp(filler));
        }
        saver.edit(*noteId, 1, typed, {u"oil"_s});
        saver.flush();
        // The archive's refusal is what is said (under the size limit, the local journal of the
        // keystroke was refused first, and said so).
        const auto archiveRefused = [&] {
            for (const QList<QVariant>& signal : failed)
                if (signal.first().toString().startsWith(u"Could not save the note: "_s))
                    return true;
            return false;
        };
        const bool refused = QTest::qWaitFor(archiveRefused, 30000);
        if (!fullDisk)
            QVERIFY(setrlimit(RLIMIT_FSIZE, &before) == 0);
        else
            QVERIFY(QFile::remove(filler));
        QVERIFY2(refused, "the save was not refused");
        QVERIFY(saved.isEmpty());
        QString sentence;
        for (const QList<QVariant>& signal : failed)
            if (signal.first().toString().startsWith(u"Could not save the note: "_s))
                sentence = signal.first().toString();
        QVERIFY2(
            sentence.startsWith(u"Could not save the note: "_s) &&
                sentence.contains(u"The disk refused the write (is it full?): nothing of it was stored"_s),
            qPrintable(sentence));

        // The archive as it was: sound, and the note's text the one saved before.
        const Result<QString> checked = storage.reader()
                                            .run([](QSqlDatabase& db) -> Result<QString> {
                                                QSqlQuery query(db);
                                                if (!query.exec(u"PRAGMA integrity_check"_s) || !query.next())
                                                    return storage::sqlError(u"check"_s, query);
                                                return query.value(0).toString();
                                            })
                                            .result();
        QVERIFY2(checked && *checked == u"ok"_s, qPrintable(checked ? *checked : checked.error()));
        Result<annotations::Note> note = stored();
        QVERIFY2(note, qPrintable(note.error()));
        QCOMPARE(note->body, u"The first text, saved."_s);
        QCOMPARE(note->version, qint64(1));

        // With room again the next keystroke sends the editor's whole text, and it is saved.
        typed += u"!"_s;
        saver.edit(*noteId, 1, typed, {u"oil"_s});
        saver.flush();
        const qsizetype failures = failed.size();
        QVERIFY(saved.wait(30000));
        QCOMPARE(failed.size(), failures); // nothing more refused
        note = stored();
        QVERIFY2(note, qPrintable(note.error()));
        QCOMPARE(note->body, typed);
        QCOMPARE(note->tags, QStringList{u"oil"_s});
    }
};

QTEST_GUILESS_MAIN(TestNoteFullDisk)
#include "tst_notefulldisk.moc"
