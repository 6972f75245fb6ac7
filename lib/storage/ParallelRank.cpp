#include "storage/ParallelRank.h"

#include "storage/SearchRank.h"
#include "storage/SearchTokenizer.h"
#include "storage/SqliteStatement.h"

#include <QFuture>
#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <limits>
#include <sqlite3.h>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace mirsad::storage {

namespace {

Q_LOGGING_CATEGORY(lcRank, "mirsad.storage.rank", QtWarningMsg)

// Below this many ids a slice's thread and connection cost more than the slice saves.
constexpr qint64 kParallelFromIds = 20000;
// Idle workers (and their connections) go after this long: typing a search keeps them.
constexpr int kWorkerIdleMs = 60000;
// Each worker's page cache: the slices read a word's doclists, which the next search of the
// same word (a query typed on) reads again.
constexpr int kWorkerCacheKiB = 16000;

// Its own pool: the global one runs other work (migrations, the window's loads) that a slice
// must not wait behind. At exit its threads end and close their connections.
Q_GLOBAL_STATIC(QThreadPool, rankPool)

QThreadPool* workers() {
    static const bool configured = [] {
        rankPool->setExpiryTimeout(kWorkerIdleMs);
        rankPool->setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
        return true;
    }();
    Q_UNUSED(configured)
    return rankPool();
}

// Which file a path names: a worker's connection must not outlive a file replaced under the
// same name (a new archive where an old one was).
struct FileIdentity {
    quint64 device = 0;
    quint64 inode = 0;
    friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

FileIdentity identify(const QByteArray& path) {
#ifdef Q_OS_UNIX
    struct stat info {};
    if (::stat(path.constData(), &info) == 0)
        return {quint64(info.st_dev), quint64(info.st_ino)};
#else
    Q_UNUSED(path)
#endif
    return {};
}

// A worker thread's read-only connection to the last archive it ranked.
class WorkerConnection {
public:
    ~WorkerConnection() { close(); }

    Result<sqlite3*> to(const QByteArray& path) {
        const FileIdentity identity = identify(path);
        if (m_db && path == m_path && identity == m_identity && identity != FileIdentity{})
            return m_db;
        close();
        // Read-write as the caller's own connection is (a read-only one cannot always use the
        // WAL's shared memory), but it only reads.
        const int rc =
            sqlite3_open_v2(path.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            const QString why = QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
            close();
            return couldNot(QStringLiteral("open the archive to rank a search"), why);
        }
        sqlite3_busy_timeout(m_db, 10000);
        const QByteArray pragmas =
            "PRAGMA query_only=1; PRAGMA cache_size=-" + QByteArray::number(kWorkerCacheKiB) + ";";
        sqlite3_exec(m_db, pragmas.constData(), nullptr, nullptr, nullptr);
        if (Status s = registerSearchTokenizer(m_db); !s) {
            close();
            return Error{s.error()};
        }
        if (Status s = registerSearchRank(m_db); !s) {
            close();
            return Error{s.error()};
        }
        m_path = path;
        m_identity = identity;
        return m_db;
    }

private:
    void close() {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        m_path.clear();
    }

    sqlite3* m_db = nullptr;
    QByteArray m_path;
    FileIdentity m_identity;
};

thread_local WorkerConnection workerConnection;

struct Slice {
    qint64 from = 0;
    qint64 to = 0; // inclusive
};

Result<QList<RankedMatch>> rankSlice(sqlite3* db, const QByteArray& sql, const QByteArray& match, Slice slice,
                                     RankFloor* floor) {
    SqliteStatement statement(db, sql.constData());
    if (!statement.isValid())
        return couldNot(QStringLiteral("rank the search's matches"), statement.error());
    statement.bind(1, match).bind(2, slice.from).bind(3, slice.to).bindPointer(4, floor, kRankFloorType);
    QList<RankedMatch> matches;
    for (;;) {
        Result<bool> row = statement.next();
        if (!row)
            return couldNot(QStringLiteral("rank the search's matches"), row.error());
        if (!*row)
            break;
        matches << RankedMatch{statement.int64(0), statement.real(1)};
    }
    statement.reset();
    return matches;
}

// Whether the archive is a file other connections can read as the caller sees it.
bool sharable(const QSqlDatabase& db, sqlite3* handle) {
    const QString name = db.databaseName();
    // Inside a transaction the caller may see its own rows that nobody else sees yet.
    // A read-only file is ranked on the one connection: the workers' would need its -wal and -shm.
    return sqlite3_get_autocommit(handle) != 0 && !name.isEmpty() && name != QStringLiteral(":memory:") &&
           !name.startsWith(QStringLiteral("file:")) && sqlite3_db_readonly(handle, "main") != 1;
}

} // namespace

Result<QList<RankedMatch>> rankMatches(const QSqlDatabase& db, const QString& match, const QString& terms,
                                       int keep, int parts) {
    sqlite3* handle = sqliteHandle(db);
    if (!handle)
        return Error{QStringLiteral("Ranking a search this way needs an SQLite archive.")};
    keep = qMax(1, keep);
    // Each in a subquery of its own: SQLite reads one end of the rowid B-tree for a lone min()
    // or max(), but scans the whole table for the two together.
    SqliteStatement bounds(handle, "SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)");
    Result<bool> bounded = bounds.next();
    if (!bounded)
        return couldNot(QStringLiteral("rank the search's matches"), bounded.error());
    const qint64 first = bounds.int64(0);
    const qint64 last = bounds.int64(1);
    bounds.reset();
    const qint64 span = last - first + 1;
    if (parts <= 0)
        parts = span >= kParallelFromIds ? qBound(1, QThread::idealThreadCount(), 4) : 1;
    if (!sharable(db, handle))
        parts = 1;
    parts = int(std::clamp<qint64>(parts, 1, qMax<qint64>(1, span)));

    const QByteArray sql =
        QStringLiteral("SELECT rowid, %1 AS score FROM article_search "
                       "WHERE article_search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND score < 0 "
                       "ORDER BY score, rowid DESC LIMIT %2")
            .arg(searchRankCall(QStringLiteral("article_search"), keep, terms, QStringLiteral("?4")))
            .arg(keep)
            .toUtf8();
    const QByteArray matchUtf8 = match.toUtf8();
    QList<Slice> slices;
    for (int i = 0; i < parts; ++i)
        slices << Slice{first + span * i / parts, first + span * (i + 1) / parts - 1};
    if (parts == 1)
        slices.first() = Slice{std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()};

    // The newest slice on this thread; the others on workers, meanwhile. Every slice prunes
    // against the best scores any of them has reached (SearchRank.h).
    RankFloor floor;
    const QByteArray path = db.databaseName().toUtf8();
    QList<QFuture<Result<QList<RankedMatch>>>> others;
    for (qsizetype i = 0; i + 1 < slices.size(); ++i)
        others << QtConcurrent::run(workers(), [path, sql, matchUtf8, slice = slices[i], floor = &floor] {
            Result<sqlite3*> connection = workerConnection.to(path);
            if (!connection)
                return Result<QList<RankedMatch>>(Error{connection.error()});
            return rankSlice(*connection, sql, matchUtf8, slice, floor);
        });
    Result<QList<RankedMatch>> ranked = rankSlice(handle, sql, matchUtf8, slices.last(), &floor);
    // Every worker finishes before `floor` goes out of scope, whatever happened here.
    for (qsizetype i = 0; i < others.size(); ++i) {
        Result<QList<RankedMatch>> slice = others[i].result();
        if (!ranked)
            continue;
        if (!slice) { // a worker could not read the file: its slice is ranked here instead
            qCWarning(lcRank, "%s", qPrintable(slice.error()));
            slice = rankSlice(handle, sql, matchUtf8, slices[i], &floor);
        }
        if (!slice)
            ranked = Error{slice.error()};
        else
            *ranked << *slice;
    }
    if (!ranked)
        return ranked;
    std::sort(ranked->begin(), ranked->end(), [](const RankedMatch& a, const RankedMatch& b) {
        return a.score != b.score ? a.score < b.score : a.id > b.id;
    });
    if (ranked->size() > keep)
        ranked->resize(keep);
    return ranked;
}

} // namespace mirsad::storage
