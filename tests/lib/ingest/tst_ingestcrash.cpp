// The crash test: mirsadctl importing a large feed is killed with SIGKILL at several points of
// its run; afterwards the database passes PRAGMA integrity_check and holds only whole articles
// (each with its search row, its title and its text complete), and since a feed is stored in
// one transaction, either none of the feed's articles or all of them, and the kept counts per
// entity and region (articles, unread) are exactly those of the articles that are there.

#include "CounterCheck.h"
#include "TestSupport.h"
#include "storage/ArticleBody.h"
#include "storage/SearchTokenizer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

constexpr int kItems = 3000;

// Item i's text begins with "Item i begins" and ends with "Item i ends.", so a cut-off text shows.
QByteArray largeFeed() {
    QString xml = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                  u"<title>Crash feed</title><link>https://crash.example/</link>\n"_s;
    const QString filler = u"The delegation from Erbil met officials in Baghdad to discuss the budget. "
                           u"وناقش الوفد القادم من أربيل ملف الموازنة مع المسؤولين في بغداد. "_s.repeated(20);
    for (int i = 0; i < kItems; ++i)
        xml += u"<item><guid>crash-%1</guid><title>Crash item %1</title>"
               u"<pubDate>Sun, 09 May 2021 12:00:00 GMT</pubDate><description><![CDATA[<p>Item %1 begins.</p>"
               u"<p>%2</p><p>Item %1 ends.</p>]]></description></item>\n"_s.arg(i)
                   .arg(filler);
    return (xml + u"</channel></rss>\n"_s).toUtf8();
}

} // namespace

class TestIngestCrash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killedImportLeavesWholeArticles_data();
    void killedImportLeavesWholeArticles();
    void killedWhileCommitting();

private:
    QProcess* startImport(const QString& database);
    // Checks a database left by a killed import; sets `stored` to the number of articles.
    void checkWholeArticles(const QString& database, qint64& stored);
    QTemporaryDir m_dir;
    QString m_feedPath;
    qint64 m_fullRunMs = 0;
};

QProcess* TestIngestCrash::startImport(const QString& database) {
    auto* process = new QProcess(this);
    process->setProgram(QStringLiteral(MIRSADCTL_PATH));
    process->setArguments({u"--db"_s, database, u"import"_s, m_feedPath});
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start();
    return process;
}

void TestIngestCrash::initTestCase() {
    test::isolateFromUserData();
    QVERIFY(m_dir.isValid());
    m_feedPath = m_dir.filePath(u"large-feed.xml"_s);
    QFile file(m_feedPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(largeFeed());
    file.close();
    // A whole run, to know where "the middle of the write" is.
    const QString database = m_dir.filePath(u"full.sqlite"_s);
    QElapsedTimer timer;
    timer.start();
    QProcess* process = startImport(database);
    QVERIFY(process->waitForFinished(120'000));
    m_fullRunMs = timer.elapsed();
    QCOMPARE(process->exitCode(), 0);
    qInfo("A full import of %d items takes %lld ms", kItems, m_fullRunMs);
}

void TestIngestCrash::killedImportLeavesWholeArticles_data() {
    QTest::addColumn<double>("fraction");
    for (double fraction : {0.3, 0.5, 0.65, 0.75, 0.85, 0.9, 0.95, 0.99})
        QTest::addRow("killed at %d%%", int(fraction * 100)) << fraction;
}

void TestIngestCrash::killedImportLeavesWholeArticles() {
    QFETCH(double, fraction);
    const QString database = m_dir.filePath(u"killed-%1.sqlite"_s.arg(int(fraction * 100)));
    QProcess* process = startImport(database);
    QVERIFY(process->waitForStarted());
    QTest::qSleep(int(double(m_fullRunMs) * fraction));
    process->kill(); // SIGKILL
    QVERIFY(process->waitForFinished(10'000));
    if (process->exitStatus() == QProcess::NormalExit)
        qInfo("The import finished before the kill; checking the complete result");
    if (!QFile::exists(database))
        QSKIP("Killed before the database was created");

    qint64 stored = -1;
    checkWholeArticles(database, stored);
}

void TestIngestCrash::killedWhileCommitting() {
    // The feed's transaction reaches the WAL file when it commits: kill as soon as it grows.
    const QString database = m_dir.filePath(u"committing.sqlite"_s);
    const QString wal = database + u"-wal"_s;
    constexpr qint64 threshold = 2 * 1024 * 1024; // well above what subscribing writes
    QProcess* process = startImport(database);
    QVERIFY(process->waitForStarted());
    QElapsedTimer timer;
    timer.start();
    while (QFileInfo(wal).size() < threshold && process->state() == QProcess::Running &&
           timer.elapsed() < 4 * m_fullRunMs)
        QTest::qSleep(1);
    const qint64 walAtKill = QFileInfo(wal).size();
    process->kill();
    QVERIFY(process->waitForFinished(10'000));
    qInfo("Killed with %lld bytes in the WAL", walAtKill);
    qint64 stored = -1;
    checkWholeArticles(database, stored);
    if (QTest::currentTestFailed())
        return;
    if (stored == 0 && walAtKill >= threshold)
        qInfo("The kill interrupted the commit; SQLite recovery kept none of it");
}

void TestIngestCrash::checkWholeArticles(const QString& database, qint64& stored) {
    stored = 0;
    const QString connection = storage::uniqueConnectionName(u"crash"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(database);
        QVERIFY(db.open());
        // A bare connection, to look at the file as the kill left it; it still needs the search
        // index's tokenizer to read article_search.
        const Status registered = storage::registerSearchTokenizer(db);
        QVERIFY2(registered, qPrintable(registered.error()));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        auto scalar = [&](const QString& sql) {
            QSqlQuery q(db);
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
        };
        if (scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'articles'"_s) == 0)
            return; // killed while creating the schema (itself a transaction)
        stored = scalar(u"SELECT count(*) FROM articles"_s);
        qInfo("%lld articles stored", stored);
        QVERIFY2(stored == 0 || stored == kItems, qPrintable(QString::number(stored)));
        QCOMPARE(scalar(u"SELECT count(*) FROM articles a WHERE NOT EXISTS "
                        u"(SELECT 1 FROM article_search s WHERE s.rowid = a.id)"_s),
                 0);
        // The feed list's counters (kept by triggers) agree with the rows the kill left.
        QCOMPARE(scalar(u"SELECT count(*) FROM feeds f WHERE f.article_count <> "
                        u"(SELECT count(*) FROM articles a WHERE a.feed_id = f.id) OR f.unread_count <> "
                        u"(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0)"_s),
                 0);
        QSqlQuery articles(db);
        QVERIFY(articles.exec(u"SELECT a.guid, a.title, b.body FROM articles a "
                              u"LEFT JOIN article_bodies b ON b.article_id = a.id"_s));
        while (articles.next()) {
            const QString n = articles.value(0).toString().mid(u"crash-"_s.size());
            QCOMPARE(articles.value(1).toString(), u"Crash item "_s + n);
            Result<storage::ArticleBody> body = storage::decompressBody(articles.value(2).toByteArray());
            QVERIFY2(body, qPrintable(body.error()));
            const QString text = body->text;
            QVERIFY2(text.startsWith(u"Item %1 begins."_s.arg(n)), qPrintable(text.left(40)));
            QVERIFY2(text.endsWith(u"Item %1 ends."_s.arg(n)), qPrintable(text.right(40)));
        }
        if (stored == kItems)
            QCOMPARE(scalar(u"SELECT count(*) FROM article_search WHERE article_search MATCH 'delegation'"_s),
                     qint64(kItems));
        // The kept counts (articles and unread per entity and region) are those of what survived.
        const QStringList wrong = test::counterMismatches(db);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; "_s)));
        if (stored == kItems)
            QCOMPARE(scalar(u"SELECT unread FROM region_counts WHERE region_id = 'kurdistan-region'"_s),
                     qint64(kItems));
    }
    QSqlDatabase::removeDatabase(connection);
}

QTEST_GUILESS_MAIN(TestIngestCrash)
#include "tst_ingestcrash.moc"
