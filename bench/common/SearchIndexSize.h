#pragma once

#include <QSqlDatabase>
#include <QString>

// What the search vocabulary (migration 018's search_vocabulary: each word of the index under
// its keys) adds to the full-text index (article_search's tables), in bytes on disk as SQLite's
// dbstat counts them. Issue 19's goal: the index grows by at most 15 %.
struct SearchIndexSize {
    qint64 indexBytes = -1;      // article_search's shadow tables (data, idx, docsize, config)
    qint64 vocabularyBytes = -1; // search_vocabulary
    qint64 vocabularyRows = -1;  // (key, word) rows
    qint64 vocabularyWords = -1; // distinct words
    QString error;               // why it could not be measured

    bool isValid() const { return error.isEmpty() && indexBytes > 0; }
    double growthPercent() const { return 100.0 * double(vocabularyBytes) / double(indexBytes); }
    // One line: "search index 123.4 MB, vocabulary 1.2 MB (N words, M rows): +1.0 %".
    QString describe() const;
};

// Reads the sizes from `db` (any connection: dbstat needs no tokenizer). Scans the tables' pages.
SearchIndexSize measureSearchIndexSize(const QSqlDatabase& db);
