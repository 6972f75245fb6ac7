#pragma once

#include "storage/ArticleFilter.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mirsad::names {
class Gazetteer;
}

namespace mirsad::filters {

// One active condition of a filter, as the filter bar shows it: a short label and the filter
// that remains when the user removes it.
struct FilterChip {
    enum class Kind { Feed, Folder, Entity, Region, Text, Since, Until, Unread, Starred, WithNotes, NoteTag };
    Kind kind = Kind::Text;
    QString label;   // e.g. "Person: Mohammed Shia al-Sudani", "Region: Kurdistan Region"
    QString toolTip; // the names in both scripts, or the exact times
    ArticleFilter without;
};

// Titles for ids the gazetteer does not know; unknown ids are shown as "#id".
struct FilterNames {
    QHash<qint64, QString> feeds;
    QHash<qint64, QString> folders;
};

// The chips of `filter`, in a stable order: feeds, folders, regions, entities, text, dates, states,
// note tags.
QList<FilterChip> describeFilter(const ArticleFilter& filter, const names::Gazetteer& gazetteer,
                                 const FilterNames& names = {});

} // namespace mirsad::filters
