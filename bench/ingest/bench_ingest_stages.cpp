// Where ingest time goes: runs each stage of `mirsadctl import` alone, on one thread, over the
// generated corpus of bench_ingest, and reports the median CPU time of each stage over several
// runs. The end-to-end race against Newsboat is bench_ingest; this one says what to speed up.
//   parse     feeds::parseFeed (XML to items)
//   article   feeds::toArticle (sanitise the HTML, derive the plain text)
//   tag       Tagger::mentionsIn (names in title and text)
//   derive    storage::ArticleDerived::of (identity, hash, search forms)
//   store     ingest::storePreparedArticles, the writer's part, into a fresh database (one
//             transaction per feed)
// Run: bench_ingest_stages [--runs N] [--feeds N] [--items N]

#include "FeedCorpus.h"
#include "feeds/FeedArticle.h"
#include "feeds/FeedParser.h"
#include "ingest/FeedImport.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"
#include "tagging/Tagger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <ctime>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

QTextStream out(stdout);

// CPU time of this thread: the stages run on it alone, so other load on the machine adds little.
double threadSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times each stage of an import on one thread."_s);
    parser.addHelpOption();
    parser.addOption({u"runs"_s, u"Runs (default 3)."_s, u"N"_s, u"3"_s});
    parser.addOption({u"feeds"_s, u"Feeds in the corpus (default 10)."_s, u"N"_s, u"10"_s});
    parser.addOption({u"items"_s, u"Items per feed (default 2000)."_s, u"N"_s, u"2000"_s});
    parser.process(app);

    CorpusOptions options;
    options.feeds = qMax(1, parser.value(u"feeds"_s).toInt());
    options.itemsPerFeed = qMax(1, parser.value(u"items"_s).toInt());
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());
    const QList<CorpusFeed> corpus = generateCorpus(options);
    qint64 bytes = 0;
    for (const CorpusFeed& feed : corpus)
        bytes += feed.body.size();

    QTemporaryDir dir;
    const QStringList stages = {u"parse"_s, u"article"_s, u"tag"_s, u"derive"_s, u"store"_s};
    std::map<QString, std::vector<double>> seconds;
    for (int run = 1; run <= runs; ++run) {
        const QString path = dir.filePath(u"stages-%1.sqlite"_s.arg(run));
        QSqlDatabase db;
        if (Result<QSqlDatabase> opened = storage::openDatabase(path, u"stages"_s); opened) {
            db = *opened;
        } else {
            out << opened.error() << Qt::endl;
            return 1;
        }
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
        if (!tagger) {
            out << tagger.error() << Qt::endl;
            return 1;
        }
        std::map<QString, double> total;
        for (const CorpusFeed& feed : corpus) {
            Result<qint64> feedId = storage::addFeed(db, u"http://127.0.0.1"_s + feed.path, {});
            double t = threadSeconds();
            Result<feeds::ParsedFeed> parsed = feeds::parseFeed(feed.body, {}, QUrl(u"http://127.0.0.1/"_s));
            total[u"parse"_s] += threadSeconds() - t;
            if (!parsed || !feedId) {
                out << u"Could not parse or subscribe %1"_s.arg(feed.path) << Qt::endl;
                return 1;
            }
            ingest::PreparedArticles prepared;
            for (const feeds::FeedItem& item : parsed->items) {
                t = threadSeconds();
                Article article = feeds::toArticle(item, *parsed);
                article.feedId = *feedId;
                const double t1 = threadSeconds();
                article.mentions = (*tagger)->mentionsIn(article);
                const double t2 = threadSeconds();
                prepared.derived << storage::ArticleDerived::of(article);
                const double t3 = threadSeconds();
                total[u"article"_s] += t1 - t;
                total[u"tag"_s] += t2 - t1;
                total[u"derive"_s] += t3 - t2;
                prepared.articles << std::move(article);
            }
            t = threadSeconds();
            {
                storage::Transaction transaction(db);
                storage::ArticleWriter writer(db);
                ingest::FeedStoreReport report;
                Status stored =
                    ingest::storePreparedArticles(writer, std::move(prepared), (*tagger)->version(), report);
                if (stored)
                    stored = writer.finish();
                if (stored)
                    stored = transaction.commit();
                if (!stored) {
                    out << stored.error() << Qt::endl;
                    return 1;
                }
            }
            total[u"store"_s] += threadSeconds() - t;
        }
        db = QSqlDatabase();
        storage::closeDatabase(u"stages"_s);
        out << u"run %1:"_s.arg(run);
        for (const QString& stage : stages) {
            seconds[stage].push_back(total[stage]);
            out << u" %1 %2 s"_s.arg(stage).arg(total[stage], 0, 'f', 2);
        }
        out << u", database %1 MB"_s.arg(double(QFile(path).size()) / 1e6, 0, 'f', 1) << Qt::endl;
    }

    out << u"\n%1 feeds x %2 items, %3 MB; median CPU seconds of %4 runs (one thread):"_s.arg(options.feeds)
               .arg(options.itemsPerFeed)
               .arg(double(bytes) / 1e6, 0, 'f', 1)
               .arg(runs)
        << Qt::endl;
    double sum = 0;
    for (const QString& stage : stages)
        sum += median(seconds[stage]);
    for (const QString& stage : stages) {
        const double m = median(seconds[stage]);
        out << u"  %1 %2 s  %3 %  %4 MB/s of feed XML"_s.arg(stage, -8)
                   .arg(m, 6, 'f', 2)
                   .arg(100 * m / sum, 4, 'f', 0)
                   .arg(m > 0 ? double(bytes) / 1e6 / m : 0, 6, 'f', 0)
            << Qt::endl;
    }
    out << u"  %1 %2 s"_s.arg(u"total"_s, -8).arg(sum, 6, 'f', 2) << Qt::endl;
    return 0;
}
