#pragma once

#include "core/Result.h"
#include "search/QueryParser.h"
#include "storage/PostgresRows.h"
#include "storage/SqliteStatement.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>
#include <optional>

namespace mirsad::storage {

// The search index's vocabulary (migration 018): each word of the index under its keys
// (search/WordForms.h). It turns a parsed query into an FTS5 query over article_search.

// A query for article_search: `match` for MATCH, and how its phrases rank (mirsad_rank's `terms`,
// storage/SearchRank.h). Each query word becomes the alternatives of its forms, ("a" OR "b"), one
// FTS5 phrase each; they rank as one term, the typed word's own forms weighing 1 and its
// inflections 0.5: "1,1,0.5 1" is a word with three forms, then a phrase or prefix.
// On PostgreSQL `match` is a tsquery over the same words instead (storage/PostgresSearch.h):
// ('a' | 'b') for a word's forms, 'a' <-> 'b' for a phrase, 'p':* for a prefix, & and !; and
// `typed` the query's words in the forms typed, any of them, which relevance weighs up.
struct CompiledSearch {
    QString match;
    QString terms;
    QString typed; // PostgreSQL only
    // PostgreSQL: each required word (or OR of words) of `match` on its own, with its forms as
    // typed (empty when they are the same), which relevance ranks one by one and adds up.
    QStringList groups;
    QStringList typedGroups;
    bool isEmpty() const { return match.isEmpty(); }
};

// Looks the query's words up in the vocabulary. An empty query compiles to an empty match.
Result<CompiledSearch> compileSearch(const QSqlDatabase& db, const search::ParsedQuery& query);
// Parses and compiles; a malformed query's error is the parser's sentence for the user.
Result<CompiledSearch> compileSearch(const QSqlDatabase& db, QStringView typed);

// The distinct words of texts made by searchTextUtf8, as the index's tokenizer splits them,
// separated by spaces: one allocation for an article's words (they are found off the writer's
// thread, for every article an import stores).
QByteArray indexWords(std::initializer_list<QByteArrayView> searchTexts);

// The writer's side: adds the keys of the words it has not seen yet (in this process), in the
// writer's transaction. Words already in the table are ignored by SQLite. A word is taken as
// known once its rows are written, also when the transaction is later rolled back: it is then
// missing from the vocabulary until the next process stores it again (only its inflections
// cannot be found meanwhile).
class VocabularyWriter {
public:
    VocabularyWriter() = default;
    explicit VocabularyWriter(sqlite3* db);
    // On PostgreSQL the keys are gathered and written by flush(), many rows a statement.
    explicit VocabularyWriter(QSqlDatabase postgres);
    bool isValid() const { return m_rows || m_insert.isValid(); }
    const QString& error() const { return m_insert.error(); }
    // `words`: separated by spaces, as indexWords makes them.
    Status add(QByteArrayView words);
    // Writes what add() gathered (PostgreSQL; SQLite writes at once). Before committing.
    Status flush();

private:
    SqliteStatement m_insert;
    QSqlDatabase m_postgresDb;
    std::optional<PostgresRows> m_rows;
    QSet<QByteArray> m_known; // words already added; cleared when it grows past kMaxKnown
    static constexpr qsizetype kMaxKnown = 200'000;
};

// Filling the vocabulary of an archive made before it existed: one step of up to `words` words
// of the index, in its own transaction. Returns how many words it read; 0 when the vocabulary is
// complete (then the fill's row is gone).
Result<qint64> fillSearchVocabulary(QSqlDatabase& db, int words = 5000);
// When the vocabulary was made by other rules than this build's (search::kWordKeysVersion), it
// is emptied and a fill from the index begins. openDatabase calls it after migrating.
Status checkSearchVocabularyRules(QSqlDatabase& db);
// All the steps left at once, for a caller that waits anyway (mirsadctl, the benchmarks); returns
// how many words were read.
Result<qint64> fillWholeSearchVocabulary(QSqlDatabase& db, int wordsPerStep = 20000);
// Whether a fill is still to do.
bool searchVocabularyFilling(const QSqlDatabase& db);

} // namespace mirsad::storage
