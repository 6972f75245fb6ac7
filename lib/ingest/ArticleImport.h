#pragma once

#include "articles/Article.h"
#include "core/Result.h"
#include "storage/ArticleWriter.h"

#include <QSqlDatabase>

namespace mirsad::ingest {

// Stores one parsed article (already tagged or not) in its own transaction.
Result<storage::UpsertResult> storeArticle(QSqlDatabase& db, Article article);

// Reads an article file (.txt/.html/.md), finds its names and stores it in the local
// articles feed, all in one transaction: on any error nothing is stored.
Result<storage::UpsertResult> importArticleFile(QSqlDatabase& db, const QString& path);

// Imports the sample articles bundled with Mirsad, once per database (the user may delete
// them afterwards without seeing them return). Returns how many were stored.
Result<int> installSampleArticles(QSqlDatabase& db);

} // namespace mirsad::ingest
