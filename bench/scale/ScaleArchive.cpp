#include "ScaleArchive.h"

#include "ChildRun.h"
#include "FeedCorpus.h"
#include "PlainDatabase.h"
#include "StaticHttpServer.h"
#include "annotations/Annotations.h"
#include "names/Entity.h"
#include "names/Gazetteer.h"
#include "storage/ArticleQueries.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "text/TextAnchor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

// Bump when the generated corpus or the way the archive is built changes.
constexpr int kGeneratorVersion = 1;
constexpr int kItemsPerFeedFile = 8000; // files of about 30 MB, under the 50 MB fetch cap
constexpr int kLongWords = 10000;

CorpusOptions corpusOptions(qint64 articles) {
    CorpusOptions options;
    options.feeds = int(qMax<qint64>(10, (articles + kItemsPerFeedFile - 1) / kItemsPerFeedFile));
    options.totalItems = articles;
    options.itemBytes = 3800; // the corpus: 770 MB of RSS for 200,000 items
    options.itemBytesSpread = 1900;
    options.seed = 20250101;
    // Two years of news, the newest items of all feeds alternating.
    options.start = QDateTime(QDate(2023, 1, 1), QTime(0, 0), QTimeZone::UTC);
    options.intervalSeconds = qMax<qint64>(1, 2LL * 365 * 86400 / qMax<qint64>(1, articles));
    options.interleave = true;
    options.pathPrefix = u"feed"_s;
    // An English (RSS) and an Arabic (Atom) article of 10,000 words, near the top of the list.
    for (int feed : {1, 2})
        options.longItems << LongItem{feed, qMax(0, corpusFeedItems(options, feed) - 2), kLongWords};
    return options;
}

qint64 fileBytes(const QString& path) {
    return QFileInfo::exists(path) ? QFileInfo(path).size() : 0;
}

Result<qint64> scalar(QSqlDatabase& db, const QString& sql, const QVariantList& values = {}) {
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return Error{u"Could not prepare \"%1\": %2"_s.arg(sql, query.lastError().text())};
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return Error{u"Could not run \"%1\": %2"_s.arg(sql, query.lastError().text())};
    return query.value(0).toLongLong();
}

int wordCount(const QString& text) {
    return int(text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts).size());
}

// Gives the long articles analyst highlights the way the reader stores them, spread through the
// text: the reader draws them over the names' highlights.
Status highlightLongArticles(QSqlDatabase& db, ScaleArchive& archive) {
    static const QStringList colors = {u"yellow"_s, u"green"_s, u"blue"_s, u"pink"_s, u"orange"_s};
    for (qint64 id : std::as_const(archive.longArticleIds)) {
        Result<Article> article = storage::loadArticle(db, id);
        if (!article)
            return Error{article.error()};
        archive.longArticleWords << wordCount(article->text);
        const qsizetype length = article->text.size();
        constexpr int kHighlights = 30;
        for (int i = 0; i < kHighlights; ++i) {
            qsizetype start = length * i / kHighlights + 17;
            while (start < length && !article->text.at(start).isSpace())
                ++start;
            const qsizetype end = qMin(length, start + 1 + 60);
            if (end <= start + 1)
                continue;
            annotations::Highlight h;
            h.articleId = id;
            h.color = colors[i % colors.size()];
            h.selector = text::selectorFor(article->text, start + 1, end);
            h.created = h.updated = QDateTime::currentDateTimeUtc();
            if (Result<qint64> stored = annotations::insertHighlight(db, h); !stored)
                return Error{stored.error()};
        }
    }
    return {};
}

QJsonObject toJson(const ScaleArchive& a) {
    QJsonArray ids, words;
    for (qint64 id : a.longArticleIds)
        ids << id;
    for (int w : a.longArticleWords)
        words << w;
    return {{u"articles"_s, a.articles},
            {u"storedRows"_s, a.storedRows},
            {u"feeds"_s, a.feeds},
            {u"corpusBytes"_s, a.corpusBytes},
            {u"longArticleIds"_s, ids},
            {u"longArticleWords"_s, words},
            {u"importSeconds"_s, a.importSeconds},
            {u"importPeakMb"_s, a.importPeakMb},
            {u"sizeAfterImport"_s, a.sizeAfterImport},
            {u"newsboatBytes"_s, a.newsboatBytes},
            {u"newsboatItems"_s, a.newsboatItems},
            {u"newsboatNote"_s, a.newsboatNote}};
}

ScaleArchive fromJson(const QJsonObject& o, const QString& folder) {
    ScaleArchive a;
    a.folder = folder;
    a.database = QDir(folder).filePath(u"archive.sqlite"_s);
    a.articles = o[u"articles"_s].toInteger();
    a.storedRows = o[u"storedRows"_s].toInteger();
    a.feeds = o[u"feeds"_s].toInt();
    a.corpusBytes = o[u"corpusBytes"_s].toInteger();
    for (const QJsonValue& v : o[u"longArticleIds"_s].toArray())
        a.longArticleIds << v.toInteger();
    for (const QJsonValue& v : o[u"longArticleWords"_s].toArray())
        a.longArticleWords << v.toInt();
    a.importSeconds = o[u"importSeconds"_s].toDouble();
    a.importPeakMb = o[u"importPeakMb"_s].toDouble();
    a.sizeAfterImport = o[u"sizeAfterImport"_s].toInteger();
    a.newsboatBytes = o[u"newsboatBytes"_s].toInteger(-1);
    a.newsboatItems = o[u"newsboatItems"_s].toInteger(-1);
    a.newsboatNote = o[u"newsboatNote"_s].toString();
    return a;
}

} // namespace

qint64 databaseBytes(const QString& path) {
    return fileBytes(path) + fileBytes(path + u"-wal"_s);
}

QString scaleArchiveFolder(const QString& root, qint64 articles) {
    QString gazetteer = u"none"_s;
    if (Result<names::Gazetteer> builtin = names::Gazetteer::builtin())
        gazetteer = builtin->version().left(8);
    return QDir(root).filePath(u"scale_%1_g%2_s%3_v%4"_s.arg(articles)
                                   .arg(kGeneratorVersion)
                                   .arg(storage::latestSchemaVersion())
                                   .arg(gazetteer));
}

Result<ScaleArchive> loadOrBuildArchive(const QString& root, qint64 articles, const ScaleTools& tools,
                                        bool keepFeeds, const std::function<void(const QString&)>& log) {
    const QString folder = scaleArchiveFolder(root, articles);
    QDir dir(folder);
    const QString manifestPath = dir.filePath(u"manifest.json"_s);
    if (QFile manifest(manifestPath); manifest.open(QIODevice::ReadOnly)) {
        ScaleArchive cached = fromJson(QJsonDocument::fromJson(manifest.readAll()).object(), folder);
        if (cached.articles == articles && QFileInfo::exists(cached.database)) {
            log(u"Archive: cached in %1"_s.arg(folder));
            return cached;
        }
    }
    // Not complete: start again.
    if (dir.exists() && !dir.removeRecursively())
        return Error{u"Could not remove the incomplete archive folder %1."_s.arg(folder)};
    if (!QDir().mkpath(dir.filePath(u"feeds"_s)))
        return Error{u"Could not create the folder %1."_s.arg(folder)};

    ScaleArchive archive;
    archive.folder = folder;
    archive.database = dir.filePath(u"archive.sqlite"_s);
    archive.articles = articles;

    // 1. The feed files, generated in parallel.
    const CorpusOptions options = corpusOptions(articles);
    archive.feeds = options.feeds;
    log(u"Archive: generating %1 feed files of %2 articles in all in %3 ..."_s.arg(options.feeds)
            .arg(articles)
            .arg(dir.filePath(u"feeds"_s)));
    QElapsedTimer timer;
    timer.start();
    const QList<names::Entity> entities = corpusEntities();
    QList<int> indexes;
    for (int f = 0; f < options.feeds; ++f)
        indexes << f;
    QList<CorpusFeed> written = QtConcurrent::blockingMapped(indexes, [&](int f) {
        CorpusFeed feed = generateFeed(options, f, entities);
        QFile file(dir.filePath(u"feeds"_s + feed.path));
        CorpusFeed result;
        result.path = file.fileName();
        result.atom = feed.atom;
        result.items = feed.items;
        if (file.open(QIODevice::WriteOnly) && file.write(feed.body) == feed.body.size())
            result.body = QByteArray::number(feed.body.size());
        return result;
    });
    QStringList files;
    for (const CorpusFeed& feed : std::as_const(written)) {
        if (feed.body.isEmpty())
            return Error{u"Could not write the feed file %1."_s.arg(feed.path)};
        archive.corpusBytes += feed.body.toLongLong();
        files << feed.path;
    }
    log(u"Archive: %1 MB of feeds generated in %2 s"_s.arg(double(archive.corpusBytes) / 1e6, 0, 'f', 0)
            .arg(double(timer.elapsed()) / 1000, 0, 'f', 1));

    // 2. The real import.
    log(u"Archive: %1 --db %2 import FEED_FILES ..."_s.arg(tools.mirsadctl, archive.database));
    const ChildRun import =
        runChild(tools.mirsadctl, QStringList{u"--db"_s, archive.database, u"import"_s} + files,
                 tools.environment, dir.filePath(u"import.log"_s));
    if (import.exitCode != 0)
        return Error{u"mirsadctl import failed (exit %1); see %2."_s.arg(import.exitCode)
                         .arg(dir.filePath(u"import.log"_s))};
    archive.importSeconds = import.wallSeconds;
    archive.importPeakMb = double(import.peakRssKb) / 1024;
    archive.sizeAfterImport = databaseBytes(archive.database);
    log(u"Archive: imported in %1 s (peak %2 MB), %3 MB"_s.arg(import.wallSeconds, 0, 'f', 1)
            .arg(archive.importPeakMb, 0, 'f', 0)
            .arg(double(archive.sizeAfterImport) / 1e6, 0, 'f', 0));

    // 3. The first start of the app (it adds its sample articles to any database once).
    const ChildRun first = runChild(tools.mirsad, {u"--db"_s, archive.database},
                                    tools.environment + QStringList{u"MIRSAD_BENCH_TIMING=quit:0"_s},
                                    dir.filePath(u"first-start.log"_s));
    if (first.exitCode != 0)
        return Error{
            u"The first start of mirsad on the new archive failed (exit %1); see %2."_s.arg(first.exitCode)
                .arg(dir.filePath(u"first-start.log"_s))};

    // 4. The long articles and their highlights.
    {
        const QString connection = storage::uniqueConnectionName(u"bench-scale"_s);
        Result<QSqlDatabase> db = storage::openDatabase(archive.database, connection);
        if (!db)
            return Error{db.error()};
        Result<qint64> rows = scalar(*db, u"SELECT count(*) FROM articles"_s);
        if (!rows)
            return Error{rows.error()};
        archive.storedRows = *rows;
        for (const LongItem& item : options.longItems) {
            CorpusFeed feed;
            feed.atom = written[item.feed].atom;
            Result<qint64> id = scalar(*db, u"SELECT id FROM articles WHERE guid = ?"_s,
                                       {corpusItemGuid(feed, item.feed, item.item)});
            if (!id)
                return Error{u"The 10,000-word article %1 is not in the archive."_s.arg(
                    corpusItemGuid(feed, item.feed, item.item))};
            archive.longArticleIds << *id;
        }
        Status highlighted = highlightLongArticles(*db, archive);
        *db = QSqlDatabase();
        storage::closeDatabase(connection);
        if (!highlighted)
            return Error{highlighted.error()};
    }
    if (archive.storedRows < articles)
        return Error{u"The import stored %1 articles of %2; see %3."_s.arg(archive.storedRows)
                         .arg(articles)
                         .arg(dir.filePath(u"import.log"_s))};

    // 5. Newsboat reads the same feeds (served on loopback: it fetches over HTTP).
    if (tools.newsboat.isEmpty()) {
        archive.newsboatNote = u"newsboat not found"_s;
    } else {
        StaticHttpServer server;
        for (const CorpusFeed& feed : std::as_const(written))
            server.addFileRoute(u"/"_s.append(QFileInfo(feed.path).fileName()).toUtf8(), feed.path,
                                feed.atom ? "application/atom+xml; charset=utf-8"
                                          : "application/rss+xml; charset=utf-8");
        if (!server.start())
            return Error{u"Could not listen on 127.0.0.1 for Newsboat."_s};
        QFile urls(dir.filePath(u"newsboat-urls"_s));
        if (!urls.open(QIODevice::WriteOnly))
            return Error{u"Could not write %1."_s.arg(urls.fileName())};
        for (const CorpusFeed& feed : std::as_const(written))
            urls.write(server.url(u"/"_s + QFileInfo(feed.path).fileName()).toString().toUtf8() + '\n');
        urls.close();
        const QString cache = dir.filePath(u"newsboat-cache.db"_s);
        log(u"Archive: %1 -u URLS -c CACHE -x reload ..."_s.arg(tools.newsboat));
        const ChildRun boat =
            runChild(tools.newsboat, {u"-u"_s, urls.fileName(), u"-c"_s, cache, u"-x"_s, u"reload"_s},
                     tools.environment, dir.filePath(u"newsboat.log"_s));
        archive.newsboatItems = countRows(cache, u"rss_item"_s); // Newsboat's cache
        archive.newsboatBytes = fileBytes(cache);
        archive.newsboatNote =
            u"newsboat %1 s, exit %2"_s.arg(boat.wallSeconds, 0, 'f', 1).arg(boat.exitCode);
        if (boat.exitCode != 0 || archive.newsboatItems != articles)
            log(u"Archive: newsboat stored %1 items of %2 (exit %3); see %4"_s.arg(archive.newsboatItems)
                    .arg(articles)
                    .arg(boat.exitCode)
                    .arg(dir.filePath(u"newsboat.log"_s)));
        QFile::remove(cache);
    }
    if (!keepFeeds)
        QDir(dir.filePath(u"feeds"_s)).removeRecursively();

    QFile manifest(manifestPath);
    if (!manifest.open(QIODevice::WriteOnly) || manifest.write(QJsonDocument(toJson(archive)).toJson()) < 0)
        return Error{u"Could not write %1."_s.arg(manifestPath)};
    log(u"Archive: built in %1 s"_s.arg(double(timer.elapsed()) / 1000, 0, 'f', 0));
    return archive;
}
