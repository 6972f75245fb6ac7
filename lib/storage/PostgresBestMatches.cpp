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

// A PostgreSQL array literal of texts: each element quoted, its quotes and backslashes escaped.
QString textArray(const QStringList& texts) {
    QStringList quoted;
    for (QString text : texts) {
        text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + text + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

void setPostgresBestLists(int size, int stale) {
    listSize = qMax(1, size);
    staleAfter = qMax(0, stale);
}

std::optional<BestCandidates> postgresBestCandidates(const QSqlDatabase& db, const QString& match,
                                                     const QStringList& groups,
                                                     const QStringList& typedGroups, int keep) {
    if (groups.isEmpty())
        return std::nullopt;
    QStringList typed;
    for (qsizetype i = 0; i < groups.size(); ++i)
        typed << (typedGroups.value(i) == groups[i] ? QString() : typedGroups.value(i));
    QSqlQuery list(db);
    list.setForwardOnly(true);
    list.prepare(QStringLiteral("SELECT id FROM mirsad_best_list(?, ?::text[], ?::text[], ?, ?)"));
    list.addBindValue(match);
    list.addBindValue(textArray(groups));
    list.addBindValue(textArray(typed));
    list.addBindValue(listSize.load());
    list.addBindValue(staleAfter.load());
    if (!list.exec()) {
        qCWarning(lcStorage) << "Relevance: the best matches of" << match
                             << "could not be had; every match is ranked:" << list.lastError().text();
        return std::nullopt;
    }
    if (!list.next()) {
        qCInfo(lcStorage) << "Relevance: writers kept the best matches of" << match
                          << "from being made; every match is ranked";
        return std::nullopt;
    }
    const QString id = QStringLiteral("{%1}").arg(list.value(0).toLongLong());
    // One statement, one snapshot: the list's threshold, `through` and members as they were
    // together (another client may bring the list up to date meanwhile). The members keep the
    // score of their document (a changed one leaves the list); the documents that came after the
    // list are ranked here. They are an array looked up by key: the planner cannot know how few
    // documents came after the list.
    QSqlQuery ranked(db);
    ranked.setForwardOnly(true);
    ranked.prepare(
        QStringLiteral("WITH state AS MATERIALIZED (SELECT * FROM mirsad_best_state(?::bigint[])), "
                       "ranked (article_id, score) AS ("
                       "  SELECT m.article_id, m.score FROM mirsad_best_members(?::bigint[]) m "
                       "  UNION SELECT s.article_id, %1 FROM article_search s "
                       "  WHERE s.article_id = ANY(ARRAY(SELECT c.article_id FROM article_search c, state "
                       "                                 WHERE c.seq > state.through)) "
                       "    AND s.document @@ ?::tsquery) "
                       "SELECT state.threshold IS NULL, state.threshold, state.threshold_id, r.article_id, "
                       "       r.score "
                       "FROM state LEFT JOIN ranked r ON true ORDER BY r.score DESC, r.article_id DESC %2")
            .arg(postgresRankExpression(QStringLiteral("s.document"), groups, typedGroups),
                 keep > 0 ? QStringLiteral("LIMIT %1").arg(keep) : QString()));
    ranked.addBindValue(id);
    ranked.addBindValue(id);
    ranked.addBindValue(match);
    if (!ranked.exec()) {
        qCWarning(lcStorage) << "Relevance: the best matches could not be ranked; every match is ranked:"
                             << ranked.lastError().text();
        return std::nullopt;
    }
    if (!ranked.next()) // the list went meanwhile (unused for a day)
        return std::nullopt;
    BestCandidates best;
    best.complete = ranked.value(0).toBool();
    best.bound = ranked.value(1).toDouble();
    best.boundId = ranked.value(2).toLongLong();
    do {
        if (!ranked.isNull(3))
            best.ranked << RankedMatch{ranked.value(3).toLongLong(), ranked.value(4).toDouble()};
    } while (ranked.next());
    return best;
}

} // namespace mirsad::storage
