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
                                                     const QStringList& typedGroups) {
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
        list.addBindValue(listSize.load());
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
    const QString candidates =
        lists.size() == 1 && match == groups.first() // nothing excluded: the members match
            ? QStringLiteral("SELECT m.article_id, m.score FROM mirsad_best_members(?::bigint[]) m "
                             "UNION SELECT s.article_id, %1 FROM article_search s "
                             "WHERE s.article_id = ANY(ARRAY(%2)) AND s.document @@ ?::tsquery")
                  .arg(rank, later)
            : QStringLiteral("SELECT s.article_id, %1 FROM article_search s "
                             "WHERE s.article_id = ANY(ARRAY(SELECT m.article_id "
                             "FROM mirsad_best_members(?::bigint[]) m UNION %2)) "
                             "AND s.document @@ ?::tsquery")
                  .arg(rank, later);
    QSqlQuery ranked(db);
    ranked.setForwardOnly(true);
    const QString sql =
        QStringLiteral(
            "WITH state AS MATERIALIZED ("
            "  SELECT count(*) AS lists, count(threshold) AS bounded, sum(threshold::float8) AS bound, "
            "         max(threshold_id) AS bound_id, min(through) AS through "
            "  FROM mirsad_best_state(?::bigint[])), "
            "ranked (article_id, score) AS (%1) "
            "SELECT state.lists, state.bounded, state.bound, state.bound_id, r.article_id, r.score "
            "FROM state LEFT JOIN ranked r ON true ORDER BY r.score DESC, r.article_id DESC")
            .arg(candidates);
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
