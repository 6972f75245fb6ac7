// Backups of an archive file and restoring them (storage/Backup.h): a backup is the committed
// archive, made while it is in use; a stopped one leaves nothing under its name; a damaged file is
// refused with a sentence naming its newest backup; a restore loses nothing, over a sound archive
// (kept as a backup, open windows see the restored one) or a damaged one (moved aside).

#include "FilterFixture.h"
#include "TestSupport.h"
#include "storage/ArticleWriter.h"
#include "storage/Backup.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestBackup : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_next = 0;

    QString path(const QString& name) const { return m_dir->filePath(name); }

    // Adds `count` articles to the archive open on `db`, in one transaction (committed unless told).
    static bool addArticles(QSqlDatabase& db, int count, int& next, bool commit = true,
                            std::unique_ptr<storage::Transaction>* open = nullptr) {
        Result<qint64> feed = storage::addFeed(db, u"https://backup.example/feed"_s, u"Backup"_s);
        if (!feed) { // the feed exists: find it
            QSqlQuery query(db);
            if (!query.exec(u"SELECT id FROM feeds LIMIT 1"_s) || !query.next())
                return false;
            feed = query.value(0).toLongLong();
        }
        auto transaction = std::make_unique<storage::Transaction>(db);
        {
            storage::ArticleWriter writer(db);
            for (int i = 0; i < count; ++i) {
                Article a;
                a.feedId = *feed;
                a.guid = u"backup-%1"_s.arg(next);
                a.title = u"Article %1 on Erbil"_s.arg(next);
                a.text = u"The talks in Erbil went on, day %1."_s.arg(next);
                a.published = test::utc(2025, 1, 1, 0).addSecs(3600 * next++);
                if (!writer.upsert(a))
                    return false;
            }
            if (!writer.finish())
                return false;
        }
        if (commit)
            return bool(transaction->commit());
        *open = std::move(transaction);
        return true;
    }
    // An archive file with `count` articles, closed.
    bool makeArchive(const QString& file, int count) {
        const QString connection = storage::uniqueConnectionName(u"make"_s);
        bool made = false;
        {
            Result<QSqlDatabase> db = storage::openDatabase(file, connection);
            made = db && addArticles(*db, count, m_next);
        }
        storage::closeDatabase(connection);
        return made;
    }
    static qint64 articlesIn(const QString& file) {
        const QString connection = storage::uniqueConnectionName(u"count"_s);
        qint64 n = -1;
        {
            Result<QSqlDatabase> db = storage::openDatabase(file, connection);
            QSqlQuery query(db ? *db : QSqlDatabase());
            if (db && query.exec(u"SELECT count(*) FROM articles"_s) && query.next())
                n = query.value(0).toLongLong();
        }
        storage::closeDatabase(connection);
        return n;
    }
    // Overwrites `length` bytes of the file at `offset` with garbage.
    static bool damage(const QString& file, qint64 offset, qint64 length) {
        QFile f(file);
        if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
            return false;
        return f.write(QByteArray(length, '\xAB')) == length;
    }
    static QStringList leftovers(const QString& folder) {
        return QDir(folder).entryList({u"*.partial*"_s}, QDir::Files);
    }

private slots:
    void initTestCase() { test::isolateFromUserData(); }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    // The backup holds what was committed when it was made, while another connection writes.
    void backupIsTheCommittedArchive() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 30));
        Result<QSqlDatabase> reader = storage::openDatabase(archive, u"backup-reader"_s);
        QVERIFY2(reader, qPrintable(reader.error()));
        Result<QSqlDatabase> writer = storage::openDatabase(archive, u"backup-writer"_s);
        QVERIFY2(writer, qPrintable(writer.error()));
        std::unique_ptr<storage::Transaction> pending;
        QVERIFY(addArticles(*writer, 5, m_next, false, &pending));
        const QString target = storage::newBackupPath(archive);
        QVERIFY(target.startsWith(archive + u".backups/desk-"_s));
        int steps = 0;
        const Status made = storage::backupArchive(*reader, target, [&](int done, int total) {
            ++steps;
            return done <= total;
        });
        QVERIFY2(made, qPrintable(made ? QString() : made.error()));
        QVERIFY(steps > 0);
        QVERIFY(pending->commit());
        pending.reset();
        QCOMPARE(articlesIn(target), 30);
        QCOMPARE(articlesIn(archive), 35);
        QVERIFY(storage::checkArchiveFile(target));
        QVERIFY(leftovers(storage::backupFolder(archive)).isEmpty());
        reader = Error{};
        writer = Error{};
        storage::closeDatabase(u"backup-reader"_s);
        storage::closeDatabase(u"backup-writer"_s);
    }

    void aStoppedBackupLeavesNothing() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 10));
        Result<QSqlDatabase> db = storage::openDatabase(archive, u"backup-stopped"_s);
        QVERIFY(db);
        const QString target = path(u"elsewhere/copy.sqlite"_s);
        const Status made = storage::backupArchive(*db, target, [](int, int) { return false; });
        QVERIFY(!made);
        QVERIFY2(made.error().contains(u"stopped"_s), qPrintable(made.error()));
        QVERIFY(!QFile::exists(target));
        QVERIFY(leftovers(path(u"elsewhere"_s)).isEmpty());
        db = Error{};
        storage::closeDatabase(u"backup-stopped"_s);
    }

    void backupsAreListedNewestFirst() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 3));
        QVERIFY(QDir().mkpath(storage::backupFolder(archive)));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QStringList names{storage::newBackupPath(archive, now.addDays(-2)), archive + u".v12.bak"_s,
                                storage::newBackupPath(archive, now.addDays(-1))};
        for (int i = 0; i < names.size(); ++i) {
            QVERIFY(QFile::copy(archive, names[i]));
            QFile file(names[i]);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(now.addDays(i - 3), QFileDevice::FileModificationTime));
        }
        QFile stray(storage::backupFolder(archive) + u"/notes.txt"_s);
        QVERIFY(stray.open(QIODevice::WriteOnly));
        const QList<storage::ArchiveBackup> backups = storage::archiveBackups(archive);
        QCOMPARE(backups.size(), 3);
        QCOMPARE(backups[0].path, names[2]);
        QCOMPARE(backups[1].path, names[1]);
        QCOMPARE(backups[2].path, names[0]);
        QVERIFY(backups[0].bytes > 0);
    }

    // A file whose pages are damaged fails the check; one whose header is, cannot be opened, and
    // the sentence names the newest backup and how to restore it.
    void aDamagedFileIsRefusedWithItsBackup() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 60));
        {
            Result<QSqlDatabase> db = storage::openDatabase(archive, u"backup-damaged"_s);
            QVERIFY(db);
            QVERIFY(storage::backupArchive(*db, storage::newBackupPath(archive)));
            QSqlQuery(*db).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        }
        storage::closeDatabase(u"backup-damaged"_s);
        const QString backup = storage::archiveBackups(archive).first().path;
        QVERIFY(storage::checkArchiveFile(archive));
        QVERIFY(QFileInfo(archive).size() > 16384 * 6);
        QVERIFY(damage(archive, 16384 * 2, 16384 * 3));
        const Status checked = storage::checkArchiveFile(archive);
        QVERIFY(!checked);
        QVERIFY2(checked.error().contains(archive), qPrintable(checked.error()));

        QVERIFY(damage(archive, 0, 100)); // the header too: not a database at all
        const Result<QSqlDatabase> opened = storage::openDatabase(archive, u"backup-refused"_s);
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(u"not a"_s), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(backup), qPrintable(opened.error()));
        QVERIFY2(opened.error().contains(u"restore"_s), qPrintable(opened.error()));
        // A new file still opens as ever.
        {
            const Result<QSqlDatabase> missing =
                storage::openDatabase(path(u"none/x.sqlite"_s), u"backup-new"_s);
            QVERIFY2(missing, qPrintable(missing.error()));
        }
        storage::closeDatabase(u"backup-new"_s);
    }

    // Over a sound archive: the restored one is what the backup held, the archive as it was is kept
    // as a backup, and a window that had it open reads the restored one.
    void restoreBringsTheArchiveBack() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 30));
        const QString backup = path(u"before.sqlite"_s);
        Result<QSqlDatabase> window = storage::openDatabase(archive, u"backup-window"_s);
        QVERIFY(window);
        QVERIFY(storage::backupArchive(*window, backup));
        QVERIFY(QSqlQuery(*window).exec(u"DELETE FROM articles WHERE id <= 10"_s));
        QCOMPARE(articlesIn(archive), 20);
        const Result<QString> kept = storage::restoreArchive(backup, archive);
        QVERIFY2(kept, qPrintable(kept.error()));
        QCOMPARE(articlesIn(archive), 30);
        QCOMPARE(articlesIn(*kept), 20);
        QVERIFY(kept->startsWith(storage::backupFolder(archive)));
        QSqlQuery seen(*window);
        QVERIFY(seen.exec(u"SELECT count(*) FROM articles"_s) && seen.next());
        QCOMPARE(seen.value(0).toLongLong(), 30);
        QVERIFY(storage::checkArchiveFile(archive));
        window = Error{};
        storage::closeDatabase(u"backup-window"_s);
    }

    void restoreOverADamagedArchive() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 12));
        const QString backup = path(u"good.sqlite"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(archive, u"backup-good"_s);
            QVERIFY(db);
            QVERIFY(storage::backupArchive(*db, backup));
        }
        storage::closeDatabase(u"backup-good"_s);
        QVERIFY(damage(archive, 0, 100));
        QFile file(archive);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray damaged = file.readAll();
        file.close();
        const Result<QString> aside = storage::restoreArchive(backup, archive);
        QVERIFY2(aside, qPrintable(aside.error()));
        QCOMPARE(articlesIn(archive), 12);
        QFile kept(*aside);
        QVERIFY2(kept.open(QIODevice::ReadOnly), qPrintable(*aside));
        QCOMPARE(kept.readAll(), damaged); // kept as it was, byte for byte
    }

    void aDamagedBackupIsNotRestored() {
        const QString archive = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(archive, 8));
        const QString backup = path(u"bad.sqlite"_s);
        QFile bad(backup);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(40000, 'x'));
        bad.close();
        const Result<QString> restored = storage::restoreArchive(backup, archive);
        QVERIFY(!restored);
        QVERIFY2(restored.error().contains(u"cannot be restored"_s), qPrintable(restored.error()));
        QCOMPARE(articlesIn(archive), 8);
        // Nor is an SQLite file that is no archive of Mirsad's.
        const QString other = path(u"other.sqlite"_s);
        {
            QSqlDatabase plain = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
            plain.setDatabaseName(other);
            QVERIFY(plain.open());
            QVERIFY(QSqlQuery(plain).exec(u"CREATE TABLE t (x)"_s));
            plain.close();
        }
        QSqlDatabase::removeDatabase(u"plain"_s);
        const Result<QString> foreign = storage::restoreArchive(other, archive);
        QVERIFY(!foreign);
        QVERIFY2(foreign.error().contains(u"not a Mirsad archive"_s), qPrintable(foreign.error()));
        QCOMPARE(articlesIn(archive), 8);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
