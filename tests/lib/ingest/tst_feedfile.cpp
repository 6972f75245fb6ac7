// A feed file on disk is no download (issue 18): the 50 MB cap of fetches does not apply, and the
// file streams in (parsed from the file a piece at a time, stored a chunk at a time), so a file
// of any size lands with bounded memory. Its peak memory is measured in a manual run (see the
// report of issue 18), not here: tests assert no timings or sizes of the process.
#include "TestSupport.h"
#include "feeds/FeedFile.h"
#include "feeds/FeedParser.h"
#include "ingest/FeedRefresher.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/DatabaseThread.h"
#include "storage/FeedQueries.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

// Writes an RSS file of `items` items with bodies of about `bodyBytes` bytes (each sentence with
// `entity` in it), a piece at a time; returns its size.
qint64 writeFeed(const QString& path, int items, int bodyBytes, const QByteArray& entity = "&amp;") {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big "
               "archive</title><link>https://site.example/</link>\n");
    const QByteArray sentence = "Erbil and Duhok in the news " + entity + " أربيل ودهوك في الأخبار. ";
    const QByteArray body = sentence.repeated(bodyBytes / sentence.size() + 1);
    for (int i = 0; i < items; ++i)
        file.write("<item><guid isPermaLink=\"false\">big-" + QByteArray::number(i) + "</guid><title>Item " +
                   QByteArray::number(i) + "</title><description><![CDATA[<p>" + QByteArray::number(i) + " " +
                   body + "</p>]]></description></item>\n");
    file.write("</channel></rss>\n");
    return file.size();
}

struct Counter final : feeds::FeedItemSink {
    int items = 0;
    QString lastTitle;
    bool take(feeds::FeedItem&& item, const feeds::ParsedFeed&) override {
        ++items;
        lastTitle = item.title;
        return true;
    }
    void restart() override { items = 0; }
};

} // namespace

class TestFeedFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // Past the whole-file size the file is parsed from disk; undeclared HTML entities still read
    // as HTML would (a second reading), as in a fetched feed.
    void streamsLargeFilesWithTheirEntities() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"entities.xml"_s);
        QVERIFY(writeFeed(path, 2000, 9000, "&nbsp;") > feeds::kWholeFeedFileBytes);
        Counter sink;
        Result<feeds::ParsedFeed> parsed = feeds::parseFeedFile(path, QUrl::fromLocalFile(path), sink);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(parsed->title, u"Big archive"_s);
        QCOMPARE(sink.items, 2000);
        QCOMPARE(sink.lastTitle, u"Item 1999"_s);
    }

    // A feed file larger than the old 50 MB cap, imported as mirsadctl import and File ▸ Import
    // do (a file:// subscription refreshed by the FeedRefresher): every article lands.
    void importsAFileLargerThanTheFetchCap() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.rss"_s);
        const int items = 6000;
        const qint64 size = writeFeed(path, items, 9000);
        QVERIFY(size > 50LL * 1024 * 1024);
        test::TempDatabase temp;
        QVERIFY2(temp.ok(), qPrintable(temp.error()));
        const QUrl url = QUrl::fromLocalFile(path);
        Result<qint64> feedId = storage::addFeed(temp.db(), url.toString(QUrl::FullyEncoded), {});
        QVERIFY2(feedId, qPrintable(feedId.error()));
        temp.close();

        {
            storage::DatabaseThread writer(temp.path(), u"writer"_s);
            QVERIFY(writer.open(true, storage::DatabaseThread::Use::Writing).result());
            ingest::FeedRefresher refresher(writer);
            QSignalSpy finished(&refresher, &ingest::FeedRefresher::feedFinished);
            ingest::RefreshTarget target;
            target.feedId = *feedId;
            target.url = url;
            refresher.refresh({target});
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 600000);
            const auto outcome = finished.first().first().value<ingest::RefreshOutcome>();
            QVERIFY2(outcome.kind == ingest::RefreshOutcome::Kind::Stored, qPrintable(outcome.error));
            QCOMPARE(outcome.report.inserted, items);
        }
        QFile::remove(path);

        Result<QSqlDatabase> db = storage::openDatabase(temp.path(), u"check"_s, false);
        QVERIFY2(db, qPrintable(db.error()));
        {
            // Every article whole: its text (stored compressed) read back as the reader does.
            QSqlQuery query(*db);
            QVERIFY(query.exec(u"SELECT id FROM articles WHERE feed_id = %1"_s.arg(*feedId)));
            int stored = 0;
            while (query.next()) {
                Result<Article> article = storage::loadArticle(*db, query.value(0).toLongLong());
                QVERIFY2(article, qPrintable(article.error()));
                QVERIFY2(article->text.contains(u"Erbil"_s), qPrintable(article->text.left(80)));
                ++stored;
            }
            QCOMPARE(stored, items);
        }
        *db = QSqlDatabase();
        storage::closeDatabase(u"check"_s);
    }

    // A JSON Feed cannot be read in pieces: it is read whole, up to a limit ten times the fetch
    // cap (a file past it is refused with a sentence saying why and what to do).
    void jsonFeedFileIsReadWhole() {
        QVERIFY(feeds::kMaxJsonFeedFileBytes > 50LL * 1024 * 1024);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"small.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            "{\"version\":\"https://jsonfeed.org/version/"
            "1.1\",\"title\":\"J\",\"items\":[{\"id\":\"1\",\"title\":\"One\",\"content_text\":\"Erbil\"}]}");
        file.close();
        Counter sink;
        Result<feeds::ParsedFeed> parsed = feeds::parseFeedFile(path, QUrl::fromLocalFile(path), sink);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QCOMPARE(sink.items, 1);
    }
};

QTEST_GUILESS_MAIN(TestFeedFile)
#include "tst_feedfile.moc"
