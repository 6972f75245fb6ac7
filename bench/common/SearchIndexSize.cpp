#include "SearchIndexSize.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// The bytes of one b-tree by its name in sqlite_schema, or -1 with `error` set.
qint64 treeBytes(const QSqlDatabase& db, const QString& name, QString& error) {
    QSqlQuery query(db);
    query.prepare(u"SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = ?"_s);
    query.addBindValue(name);
    if (!query.exec() || !query.next()) {
        error = u"dbstat: "_s + query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

} // namespace

SearchIndexSize measureSearchIndexSize(const QSqlDatabase& db) {
    SearchIndexSize size;
    size.indexBytes = 0;
    for (const QString& table : {u"article_search_data"_s, u"article_search_idx"_s,
                                 u"article_search_docsize"_s, u"article_search_config"_s})
        size.indexBytes += treeBytes(db, table, size.error);
    // A WITHOUT ROWID table is one b-tree, its primary key.
    size.vocabularyBytes = treeBytes(db, u"search_vocabulary"_s, size.error);
    QSqlQuery query(db);
    if (query.exec(u"SELECT count(*), count(DISTINCT word) FROM search_vocabulary"_s) && query.next()) {
        size.vocabularyRows = query.value(0).toLongLong();
        size.vocabularyWords = query.value(1).toLongLong();
    } else if (size.error.isEmpty()) {
        size.error = query.lastError().text();
    }
    return size;
}

QString SearchIndexSize::describe() const {
    if (!isValid())
        return u"search index size not measured (%1)"_s.arg(error.isEmpty() ? u"no index"_s : error);
    return u"search index %1 MB, its vocabulary %2 MB (%3 words, %4 rows): +%5 % (goal: at most 15 %)"_s
        .arg(double(indexBytes) / 1e6, 0, 'f', 1)
        .arg(double(vocabularyBytes) / 1e6, 0, 'f', 2)
        .arg(vocabularyWords)
        .arg(vocabularyRows)
        .arg(growthPercent(), 0, 'f', 2);
}
