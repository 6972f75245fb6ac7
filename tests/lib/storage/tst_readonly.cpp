// An archive file this process cannot write (here its folder is a read-only mount, or 0555 with
// files 0444 for a user who cannot mount: PrivateMounts.h) opens read-only rather than failing
// with "unable to open database file": it reads, every write is refused with a sentence, and
// the file stays as it was. A WAL that cannot be read, and an older schema that cannot be
// upgraded, are refused with a sentence.

#include "PrivateMounts.h"
#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Storage.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

QByteArray digest(const QString& file) {
    return QCryptographicHash::hash(test::readFile(file), QCryptographicHash::Sha256);
}

qint64 count(QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

// An archive with the sample articles, closed (its WAL copied into the file and removed).
bool makeArchive(const QString& file) {
    const QString connection = storage::uniqueConnectionName(u"make"_s);
    bool made = false;
    {
        Result<QSqlDatabase> db = storage::openDatabase(file, connection);
        made = db && ingest::installSampleArticles(*db).ok();
    }
    storage::closeDatabase(connection);
    return made && !QFile::exists(file + u"-wal"_s);
}

} // namespace

class TestReadOnly : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    test::ReadOnlyFolder m_readOnly;

    QString path(const QString& name) const { return m_dir->filePath(name); }

private slots:
    void initTestCase() { test::isolateFromUserData(); }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup() {
        m_readOnly.restore();
        m_dir.reset();
    }

    void theFolderIsReallyReadOnly() {
        QFile file(path(u"probe"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString made = m_readOnly.make(m_dir->path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QVERIFY(!QFile(path(u"other"_s)).open(QIODevice::WriteOnly));
        QVERIFY(!QFile(path(u"probe"_s)).open(QIODevice::Append));
    }

    void aClosedArchiveOpensReadOnlyAndReads() {
        const QString file = path(u"desk.sqlite"_s);
        QVERIFY(makeArchive(file));
        const QByteArray before = digest(file);
        const QString made = m_readOnly.make(m_dir->path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        {
            const QString connection = storage::uniqueConnectionName(u"ro"_s);
            {
                Result<QSqlDatabase> db = storage::openDatabase(file, connection);
                QVERIFY2(db, qPrintable(db.error()));
                QVERIFY(storage::isReadOnly(*db));
                QCOMPARE(count(*db, u"SELECT count(*) FROM articles"_s), qint64(3));
                // Writes are refused with the sentence the user reads.
                storage::Transaction transaction(*db);
                QVERIFY(!transaction.active());
                const Status committed = transaction.commit();
                QVERIFY(!committed);
                QVERIFY2(committed.error().contains(u"This archive is read-only"_s),
                         qPrintable(committed.error()));
                QVERIFY2(committed.error().contains(u"nothing was changed"_s), qPrintable(committed.error()));
                // Closing tidies nothing up on a file it cannot write.
                QVERIFY(storage::tidyUpDatabase(*db));
            }
            storage::closeDatabase(connection);
        }
        QCOMPARE(digest(file), before);
        QVERIFY(!QFile::exists(file + u"-wal"_s)); // nothing could be, nor was, created beside it
    }

    void theStorageThreadsOpenReadOnly() {
        const QString file = path(u"threads.sqlite"_s);
        QVERIFY(makeArchive(file));
        const QByteArray before = digest(file);
        const QString made = m_readOnly.make(m_dir->path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        {
            storage::Storage storage(file);
            const Status opened = storage.open().result();
            QVERIFY2(opened, qPrintable(opened.error()));
            QVERIFY(storage.isReadOnly());
            QCOMPARE(storage.reader()
                         .run([](QSqlDatabase& db) { return count(db, u"SELECT count(*) FROM articles"_s); })
                         .result(),
                     qint64(3));
            const Status written = storage.writer()
                                       .run([](QSqlDatabase& db) -> Status {
                                           QSqlQuery query(db);
                                           if (!query.exec(u"UPDATE articles SET read = 1"_s))
                                               return storage::sqlError(u"mark the articles read"_s, query);
                                           return {};
                                       })
                                       .result();
            QVERIFY(!written);
            QVERIFY2(written.error().contains(u"This archive is read-only"_s), qPrintable(written.error()));
        }
        QCOMPARE(digest(file), before);
    }

    // The last writer did not close: its changes are in the -wal, with the -shm beside it.
    void changesInTheWalAreRead() {
        const QString live = path(u"live.sqlite"_s);
        QVERIFY(QDir().mkpath(path(u"copy"_s)));
        const QString copy = path(u"copy/live.sqlite"_s);
        const QString connection = storage::uniqueConnectionName(u"live"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(live, connection);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(ingest::installSampleArticles(*db));
            QVERIFY(QFile::exists(live + u"-wal"_s));
            QVERIFY(QFile::copy(live, copy));
            QVERIFY(QFile::copy(live + u"-wal"_s, copy + u"-wal"_s));
            QVERIFY(QFile::copy(live + u"-shm"_s, copy + u"-shm"_s));
        }
        storage::closeDatabase(connection);
        const QString made = m_readOnly.make(path(u"copy"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString reading = storage::uniqueConnectionName(u"ro"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(copy, reading);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::isReadOnly(*db));
            QCOMPARE(count(*db, u"SELECT count(*) FROM articles"_s), qint64(3));
        }
        storage::closeDatabase(reading);
    }

    // A -wal without its -shm, which a read-only folder cannot get: refused, not shown without
    // the changes in it.
    void aWalWithoutItsShmIsRefusedWithASentence() {
        const QString live = path(u"live.sqlite"_s);
        QVERIFY(QDir().mkpath(path(u"copy"_s)));
        const QString copy = path(u"copy/live.sqlite"_s);
        const QString connection = storage::uniqueConnectionName(u"live"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(live, connection);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(ingest::installSampleArticles(*db));
            QVERIFY(QFile::copy(live, copy));
            QVERIFY(QFile::copy(live + u"-wal"_s, copy + u"-wal"_s));
        }
        storage::closeDatabase(connection);
        const QString made = m_readOnly.make(path(u"copy"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString reading = storage::uniqueConnectionName(u"ro"_s);
        Result<QSqlDatabase> db = storage::openDatabase(copy, reading);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"live.sqlite-shm"_s) && db.error().contains(u"read-only"_s),
                 qPrintable(db.error()));
    }

    void anOlderSchemaIsRefusedUntouched() {
        const QString file = path(u"old.sqlite"_s);
        const QString connection = storage::uniqueConnectionName(u"old"_s);
        {
            Result<QSqlDatabase> db = storage::openDatabase(file, connection, false);
            QVERIFY2(db, qPrintable(db.error()));
            const Status migrated = storage::migrate(*db, storage::latestSchemaVersion() - 1);
            QVERIFY2(migrated, qPrintable(migrated.error()));
        }
        storage::closeDatabase(connection);
        const QByteArray before = digest(file);
        const QString made = m_readOnly.make(m_dir->path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        Result<QSqlDatabase> db = storage::openDatabase(file, storage::uniqueConnectionName(u"ro"_s));
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"is read-only and was made by an older Mirsad"_s) &&
                     db.error().contains(u"Copy it to a writable folder"_s),
                 qPrintable(db.error()));
        QCOMPARE(digest(file), before);
    }

    void aNewArchiveInAReadOnlyFolderIsASentence() {
        const QString made = m_readOnly.make(m_dir->path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        Result<QSqlDatabase> db =
            storage::openDatabase(path(u"new.sqlite"_s), storage::uniqueConnectionName(u"new"_s));
        QVERIFY(!db);
        QVERIFY2(db.error().contains(u"its folder cannot be written"_s), qPrintable(db.error()));
    }
};

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
