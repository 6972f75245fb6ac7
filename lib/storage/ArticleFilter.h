#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mirsad {

// What the article list shows. Every field narrows the result (AND); within a list field the
// values are alternatives (OR) unless said otherwise.
struct ArticleFilter {
    QList<qint64> feedIds;           // any of these feeds; empty = all feeds
    QList<qint64> folderIds;         // any feed in these folders or their subfolders
    QList<QStringList> entityGroups; // each group: the article mentions any of its entity ids
    QStringList regions;             // each (AND): the article names this place or one within it
    QString text;                    // full-text query, as typed
    QDateTime since;                 // inclusive
    QDateTime until;                 // exclusive
    bool unreadOnly = false;
    bool starredOnly = false;
    bool withNotesOnly = false;
    QStringList noteTags; // each (AND): the article has a note with this tag (ignoring case)

    bool isEmpty() const {
        return feedIds.isEmpty() && folderIds.isEmpty() && entityGroups.isEmpty() && regions.isEmpty() &&
               text.trimmed().isEmpty() && !since.isValid() && !until.isValid() && !unreadOnly &&
               !starredOnly && !withNotesOnly && noteTags.isEmpty();
    }
    bool operator==(const ArticleFilter&) const = default;
};

} // namespace mirsad
