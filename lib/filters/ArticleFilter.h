#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mirsad {

// What the article list shows. Every field narrows the result (AND).
struct ArticleFilter {
    QList<qint64> feedIds;           // any of these feeds; empty = all feeds
    QList<QStringList> entityGroups; // each group: the article mentions any of its entity ids
    QString text;                    // full-text query, as typed
    QDateTime since;                 // inclusive
    QDateTime until;                 // exclusive
    bool unreadOnly = false;
    bool starredOnly = false;
    bool withNotesOnly = false;

    bool isEmpty() const {
        return feedIds.isEmpty() && entityGroups.isEmpty() && text.trimmed().isEmpty() && !since.isValid() &&
               !until.isValid() && !unreadOnly && !starredOnly && !withNotesOnly;
    }
};

} // namespace mirsad
