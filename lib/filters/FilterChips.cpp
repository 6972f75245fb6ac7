#include "filters/FilterChips.h"

#include "names/Gazetteer.h"
#include "text/TextDirection.h"

#include <QCoreApplication>
#include <algorithm>

namespace mirsad::filters {

namespace {

// The context is the one lupdate gives this namespace's tr() (the labels were never translated
// while it was "FilterChip": the Arabic UI showed "Text: “oil”" with its quotes reversed).
QString tr(const char* text) {
    return QCoreApplication::translate("mirsad::filters", text);
}

QString kindLabel(const names::Entity* entity) {
    if (!entity)
        return tr("Name");
    switch (entity->kind) {
    case names::EntityKind::Person:
        return tr("Person");
    case names::EntityKind::Place:
        return tr("Place");
    case names::EntityKind::Organization:
        return tr("Organisation");
    }
    return tr("Name");
}

// Names and the user's text are isolated: an English name in the Arabic UI ("70 Forces") keeps
// its order, and so do the quotes around a search.
QString entityName(const names::Gazetteer& gazetteer, const QString& id) {
    const names::Entity* entity = gazetteer.entity(id);
    return text::isolated(entity ? entity->name : id);
}

QString entityToolTip(const names::Gazetteer& gazetteer, const QStringList& ids) {
    QStringList lines;
    for (const QString& id : ids) {
        const names::Entity* entity = gazetteer.entity(id);
        lines << (entity ? QStringLiteral("%1 — %2").arg(entity->name, entity->nameAr) : id);
    }
    return lines.join(u'\n');
}

// A group made of a place and places within it (what a click on a place's name filters to).
bool isPlaceWithPlacesWithin(const names::Gazetteer& gazetteer, const QStringList& group) {
    const names::Entity* first = gazetteer.entity(group.first());
    if (!first || first->kind != names::EntityKind::Place)
        return false;
    const QStringList within = gazetteer.descendants(first->id);
    return std::all_of(group.begin(), group.end(), [&](const QString& id) { return within.contains(id); });
}

QString timeText(const QDateTime& time) {
    const QDateTime local = time.toLocalTime();
    return local.time() == QTime(0, 0) ? local.date().toString(Qt::ISODate)
                                       : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

template <typename T> QList<T> removedAt(QList<T> list, qsizetype index) {
    list.removeAt(index);
    return list;
}

} // namespace

QList<FilterChip> describeFilter(const ArticleFilter& filter, const names::Gazetteer& gazetteer,
                                 const FilterNames& names) {
    QList<FilterChip> chips;
    auto add = [&](FilterChip::Kind kind, const QString& label, const QString& toolTip,
                   ArticleFilter without) {
        chips << FilterChip{kind, label, toolTip, std::move(without)};
    };
    for (qsizetype i = 0; i < filter.feedIds.size(); ++i) {
        ArticleFilter without = filter;
        without.feedIds = removedAt(filter.feedIds, i);
        const qint64 id = filter.feedIds[i];
        add(FilterChip::Kind::Feed,
            tr("Feed: %1").arg(text::isolated(names.feeds.value(id, QStringLiteral("#%1").arg(id)))), {},
            without);
    }
    for (qsizetype i = 0; i < filter.folderIds.size(); ++i) {
        ArticleFilter without = filter;
        without.folderIds = removedAt(filter.folderIds, i);
        const qint64 id = filter.folderIds[i];
        add(FilterChip::Kind::Folder,
            tr("Folder: %1").arg(text::isolated(names.folders.value(id, QStringLiteral("#%1").arg(id)))), {},
            without);
    }
    for (qsizetype i = 0; i < filter.regions.size(); ++i) {
        ArticleFilter without = filter;
        without.regions = removedAt(filter.regions, i);
        add(FilterChip::Kind::Region, tr("Region: %1").arg(entityName(gazetteer, filter.regions[i])),
            entityToolTip(gazetteer, {filter.regions[i]}), without);
    }
    for (qsizetype i = 0; i < filter.entityGroups.size(); ++i) {
        const QStringList& group = filter.entityGroups[i];
        if (group.isEmpty())
            continue;
        ArticleFilter without = filter;
        without.entityGroups = removedAt(filter.entityGroups, i);
        const names::Entity* first = gazetteer.entity(group.first());
        QString shown;
        if (group.size() == 1) {
            shown = entityName(gazetteer, group.first());
        } else if (isPlaceWithPlacesWithin(gazetteer, group)) {
            // A click on a place filters to it and what lies within it: one place to the user.
            shown = tr("%1 and places within").arg(first->name);
        } else {
            QStringList listed;
            for (const QString& id : group.mid(0, 3))
                listed << entityName(gazetteer, id);
            if (group.size() > 3)
                listed << tr("%1 more").arg(group.size() - 3);
            shown = listed.join(tr(" or "));
        }
        add(FilterChip::Kind::Entity, QStringLiteral("%1: %2").arg(kindLabel(first), shown),
            entityToolTip(gazetteer, group), without);
    }
    if (!filter.text.trimmed().isEmpty()) {
        ArticleFilter without = filter;
        without.text.clear();
        add(FilterChip::Kind::Text, tr("Text: “%1”").arg(text::isolated(filter.text.trimmed())), {}, without);
    }
    if (filter.since.isValid()) {
        ArticleFilter without = filter;
        without.since = {};
        add(FilterChip::Kind::Since, tr("From %1").arg(timeText(filter.since)),
            filter.since.toUTC().toString(Qt::ISODate), without);
    }
    if (filter.until.isValid()) {
        ArticleFilter without = filter;
        without.until = {};
        // The bar's "to" day is inclusive: the filter ends at midnight after it.
        const QDateTime local = filter.until.toLocalTime();
        const QString label = local.time() == QTime(0, 0)
                                  ? tr("To %1").arg(local.date().addDays(-1).toString(Qt::ISODate))
                                  : tr("Before %1").arg(timeText(filter.until));
        add(FilterChip::Kind::Until, label, filter.until.toUTC().toString(Qt::ISODate), without);
    }
    if (filter.unreadOnly) {
        ArticleFilter without = filter;
        without.unreadOnly = false;
        add(FilterChip::Kind::Unread, tr("Unread"), {}, without);
    }
    if (filter.starredOnly) {
        ArticleFilter without = filter;
        without.starredOnly = false;
        add(FilterChip::Kind::Starred, tr("Starred"), {}, without);
    }
    if (filter.withNotesOnly) {
        ArticleFilter without = filter;
        without.withNotesOnly = false;
        add(FilterChip::Kind::WithNotes, tr("Has notes"), {}, without);
    }
    for (qsizetype i = 0; i < filter.noteTags.size(); ++i) {
        ArticleFilter without = filter;
        without.noteTags = removedAt(filter.noteTags, i);
        add(FilterChip::Kind::NoteTag, tr("Note tag: #%1").arg(filter.noteTags[i]),
            tr("Articles with a note tagged #%1").arg(filter.noteTags[i]), without);
    }
    return chips;
}

} // namespace mirsad::filters
