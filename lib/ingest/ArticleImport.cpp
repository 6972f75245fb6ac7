#include "ingest/ArticleImport.h"

#include "articles/ArticleFile.h"
#include "storage/Database.h"
#include "storage/FeedQueries.h"
#include "tagging/Tagger.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace mirsad::ingest {

Result<storage::UpsertResult> storeArticle(QSqlDatabase& db, Article article) {
    // Tagging may first bring the entities table up to date, in a transaction of its own.
    Result<QString> version = tagging::tagArticle(db, article);
    if (!version)
        return Error{version.error()};
    storage::Transaction transaction(db);
    if (article.feedId <= 0) {
        Result<qint64> feed = storage::localFilesFeed(db);
        if (!feed)
            return Error{feed.error()};
        article.feedId = *feed;
    }
    storage::ArticleWriter writer(db);
    Result<storage::UpsertResult> stored = writer.upsert(article, *version);
    if (!stored)
        return stored;
    if (Status s = writer.finish(); !s)
        return Error{s.error()};
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return stored;
}

Result<storage::UpsertResult> importArticleFile(QSqlDatabase& db, const QString& path) {
    Result<Article> article = articles::readArticleFile(path);
    if (!article)
        return Error{article.error()};
    return storeArticle(db, std::move(article).value());
}

Result<int> installSampleArticles(QSqlDatabase& db) {
    const QString marker = QStringLiteral("samples_installed");
    QSqlQuery check(db);
    check.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    check.addBindValue(marker);
    if (!check.exec())
        return Error{check.lastError().text()};
    if (check.next())
        return 0;
    int stored = 0;
    const QDir samples(QStringLiteral(":/samples"));
    for (const QString& name : samples.entryList(QDir::Files, QDir::Name)) {
        Result<storage::UpsertResult> result = importArticleFile(db, samples.filePath(name));
        if (!result)
            return Error{
                QStringLiteral("Could not install the sample article %1: %2").arg(name, result.error())};
        ++stored;
    }
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                                "value = excluded.value"));
    mark.addBindValue(marker);
    mark.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!mark.exec())
        return Error{mark.lastError().text()};
    return stored;
}

} // namespace mirsad::ingest
