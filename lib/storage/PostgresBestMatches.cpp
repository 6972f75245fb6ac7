#include "storage/PostgresBestMatches.h"

#include "storage/Logging.h"
#include "storage/PostgresSearch.h"

#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace mirsad::storage {

namespace {

std::atomic<int> listSize{2000};
std::atomic<int> staleAfter{1000};
constexpr int kDeeperForWords = 5;

QString bigintArray(const QList<qint64>& ids) {
    QStringList numbers;
    for (qint64 id : ids)
        numbers << QString::number(id);
    return QStringLiteral("{%1}").arg(numbers.join(QLatin1Char(',')));
}

} // namespace

void setPostgresBestLists(int size, int stale) {
    listSize = qMax(1, size);
    staleAfter = qMax(0, stale);
}

std::optional<BestCandidates> postgresBestCandidates(const QSqlDatabase& db, const QString& match,
                                                     const QStringList& groups,
                                                     const QStringList& typedGroups, int pageSize) {
    if (groups.isEmpty())
        return std::nullopt;
    QList<qint64> lists;
    QSqlQuery list(db);
    list.setForwardOnly(true);
    if (!list.prepare(QStringLiteral("SELECT id FROM mirsad_best_list(?, ?, ?, ?)")))
        return std::nullopt;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        list.addBindValue(groups[i]);
        list.addBindValue(typedGroups.value(i) == groups[i] ? QString() : typedGroups.value(i));
        // Several words: deeper lists, so that their thresholds' sum falls below a page's last.
        list.addBindValue(groups.size() > 1 ? listSize.load() * kDeeperForWords : listSize.load());
        list.addBindValue(staleAfter.load());
        if (!list.exec()) {
            qCWarning(lcStorage) << "Relevance: the best matches of" << groups[i]
                                 << "could not be had; every match is ranked:" << list.lastError().text();
            return std::nullopt;
        }
        if (!list.next()) {
            qCInfo(lcStorage) << "Relevance: writers kept the best matches of" << groups[i]
                              << "from being made; every match is ranked";
            return std::nullopt;
        }
        lists << list.value(0).toLongLong();
    }
    // One statement, one snapshot: the lists' thresholds, `through` and members as they were
    // together (another client may bring a list up to date meanwhile). The documents that came
    // after the lists are ranked here. A word's members keep the score of their document (a
    // changed one leaves the list): one word's page needs no document read again. Several words
    // are ranked whole, each candidate by every word. The candidates are an array looked up by
    // key: the planner cannot know how few documents came after the lists.
    const QString rank = postgresRankExpression(QStringLiteral("s.document"), groups, typedGroups);
    const QString later = QStringLiteral("SELECT c.article_id FROM article_search c, state "
                                         "WHERE c.seq > state.through");
    // Several words required (nothing excluded) and no other condition: a candidate in every
    // word's list has its score from them; one missing from some is ranked only if it could
    // reach the page, its known part plus those lists' thresholds reaching the page's last score
    // among the former. A candidate missing from a list that holds all its word's matches lacks
    // the word.
    const bool allWords = match == groups.join(QStringLiteral(" & "));
    QString candidates;
    if (lists.size() == 1 && allWords) {
        candidates = QStringLiteral("SELECT m.article_id, m.score FROM mirsad_best_members(?::bigint[]) m "
                                    "UNION SELECT s.article_id, %1 FROM article_search s "
                                    "WHERE s.article_id = ANY(ARRAY(%2)) AND s.document @@ ?::tsquery")
                         .arg(rank, later);
    } else if (allWords && pageSize > 0) {
        candidates =
            QStringLiteral("SELECT k.article_id, k.known FROM known k, state WHERE k.n = state.lists "
                           "UNION SELECT s.article_id, %1 FROM article_search s "
                           "WHERE s.article_id = ANY(ARRAY("
                           "  SELECT k.article_id FROM known k, state, "
                           "  (SELECT coalesce((SELECT f.known FROM known f, state WHERE f.n = state.lists "
                           "   ORDER BY f.known DESC OFFSET %3 LIMIT 1), '-Infinity') AS low) page "
                           "  WHERE k.n < state.lists AND k.complete = state.lists - state.bounded "
                           "    AND k.known + (state.bound - k.held) >= page.low "
                           "  UNION %2)) AND s.document @@ ?::tsquery")
                .arg(rank, later)
                .arg(pageSize - 1);
    } else {
        candidates = QStringLiteral("SELECT s.article_id, %1 FROM article_search s "
                                    "WHERE s.article_id = ANY(ARRAY(SELECT m.article_id "
                                    "FROM mirsad_best_members(?::bigint[]) m UNION %2)) "
                                    "AND s.document @@ ?::tsquery")
                         .arg(rank, later);
    }
    QSqlQuery ranked(db);
    ranked.setForwardOnly(true);
    const QString sql =
        QStringLiteral(
            "WITH each AS MATERIALIZED (SELECT * FROM mirsad_best_state(?::bigint[])), "
            "state AS MATERIALIZED ("
            "  SELECT count(*) AS lists, count(threshold) AS bounded, "
            "         coalesce(sum(threshold::float8), 0) AS bound, max(threshold_id) AS bound_id, "
            "         min(through) AS through FROM each), "
            "%1"
            "ranked (article_id, score) AS (%2) "
            "SELECT state.lists, state.bounded, state.bound, state.bound_id, r.article_id, r.score "
            "FROM state LEFT JOIN ranked r ON true ORDER BY r.score DESC, r.article_id DESC")
            .arg(candidates.contains(QStringLiteral("known k"))
                     ? QStringLiteral(
                           "known AS MATERIALIZED ("
                           "  SELECT m.article_id, sum(m.score) AS known, count(*) AS n, "
                           "         coalesce(sum(e.threshold::float8), 0) AS held, "
                           "         count(*) FILTER (WHERE e.threshold IS NULL) AS complete "
                           "  FROM mirsad_best_members(?::bigint[]) m JOIN each e ON e.id = m.list_id "
                           "  GROUP BY m.article_id), ")
                     : QString(),
                 candidates);
    if (!ranked.prepare(sql))
        return std::nullopt;
    const QString ids = bigintArray(lists);
    ranked.addBindValue(ids);
    ranked.addBindValue(ids);
    ranked.addBindValue(match);
    if (!ranked.exec()) {
        qCWarning(lcStorage) << "Relevance: the best matches could not be ranked; every match is ranked:"
                             << ranked.lastError().text();
        return std::nullopt;
    }
    BestCandidates best;
    best.oneWord = lists.size() == 1;
    while (ranked.next()) {
        if (ranked.value(0).toLongLong() != lists.size()) // a list went meanwhile (unused a day)
            return std::nullopt;
        best.complete = ranked.value(1).toLongLong() < lists.size();
        best.bound = ranked.value(2).toDouble();
        best.boundId = ranked.value(3).toLongLong();
        if (!ranked.isNull(4))
            best.ranked << RankedMatch{ranked.value(4).toLongLong(), ranked.value(5).toDouble()};
    }
    return best;
}

} // namespace mirsad::storage
