#include "storage/MentionsColumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <charconv>

namespace mirsad::storage {

// The most a JSON string of text takes in UTF-8: a control character takes six bytes.
static qsizetype jsonStringBound(QStringView text) {
    return 6 * text.size() + 2;
}

// Writes text as a JSON string in UTF-8 at `to` (jsonStringBound() bytes free); returns the end.
// Ids are printable ASCII nearly always: a byte per unit, no call per character.
static char* writeJsonString(char* to, QStringView text) {
    *to++ = '"';
    for (qsizetype i = 0; i < text.size();) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) { // a run of other characters, converted whole
            qsizetype end = i + 1;
            while (end < text.size() && text[end].unicode() >= 0x80)
                ++end;
            const QByteArray utf8 = text.sliced(i, end - i).toUtf8(); // at most 3 bytes a unit
            to = std::copy(utf8.cbegin(), utf8.cend(), to);
            i = end;
            continue;
        }
        if (c == u'"' || c == u'\\') {
            *to++ = '\\';
            *to++ = char(c);
        } else if (c < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            to = std::copy_n("\\u00", 4, to);
            *to++ = hex[c >> 4];
            *to++ = hex[c & 0xF];
        } else {
            *to++ = char(c);
        }
        ++i;
    }
    *to++ = '"';
    return to;
}

// std::to_chars writes what "%lld" did, without snprintf's format parsing, which cost more than
// the rest of the column. 20 bytes hold any long long.
static char* writeNumber(char* to, qsizetype number) {
    return std::to_chars(to, to + 20, static_cast<long long>(number)).ptr;
}

QByteArray encodeMentions(const QList<StoredMention>& mentions) {
    const auto byStart = [](const StoredMention& a, const StoredMention& b) { return a.start < b.start; };
    if (!std::is_sorted(mentions.begin(), mentions.end(), byStart)) { // the matcher's always are
        QList<StoredMention> sorted = mentions;
        std::stable_sort(sorted.begin(), sorted.end(), byStart);
        return encodeMentions(sorted);
    }
    // Written through a pointer into room reserved for the longest form, then cut to size.
    qsizetype bound = 2;
    for (const StoredMention& mention : mentions)
        bound += jsonStringBound(mention.entityId) + 2 * 20 + 5;
    QByteArray json(bound, Qt::Uninitialized);
    char* to = json.data();
    *to++ = '[';
    for (const StoredMention& mention : mentions) {
        if (to - json.constData() > 1)
            *to++ = ',';
        *to++ = '[';
        to = writeJsonString(to, mention.entityId);
        *to++ = ',';
        to = writeNumber(to, mention.start);
        *to++ = ',';
        to = writeNumber(to, mention.end);
        *to++ = ']';
    }
    *to++ = ']';
    json.truncate(to - json.constData());
    json.squeeze(); // the room reserved is several times what ASCII ids take; a feed's chunks wait with it
    return json;
}

QStringList distinctEntityIds(const QList<StoredMention>& mentions) {
    // An article names a handful of entities: a scan of those found costs less than a set.
    QStringList ids;
    for (const StoredMention& mention : mentions) {
        if (!ids.contains(mention.entityId))
            ids << mention.entityId;
    }
    return ids;
}

QByteArray encodeEntityIds(const QList<StoredMention>& mentions) {
    const QStringList ids = distinctEntityIds(mentions);
    qsizetype bound = 2;
    for (const QString& id : ids)
        bound += jsonStringBound(id) + 1;
    QByteArray json(bound, Qt::Uninitialized);
    char* to = json.data();
    *to++ = '[';
    for (const QString& id : ids) {
        if (to - json.constData() > 1)
            *to++ = ',';
        to = writeJsonString(to, id);
    }
    *to++ = ']';
    json.truncate(to - json.constData());
    return json;
}

QList<StoredMention> decodeMentions(QStringView json, QStringView text) {
    QList<StoredMention> mentions;
    if (json.size() <= 2)
        return mentions; // "[]" or ""
    const QJsonArray entries = QJsonDocument::fromJson(json.toUtf8()).array();
    mentions.reserve(entries.size());
    for (const QJsonValue& value : entries) {
        const QJsonArray entry = value.toArray();
        const QString entity = entry.at(0).toString();
        const qsizetype start = qsizetype(entry.at(1).toDouble(-1));
        const qsizetype end = qsizetype(entry.at(2).toDouble(-1));
        if (entity.isEmpty() || start < 0 || end <= start || end > text.size())
            continue;
        mentions << StoredMention{entity, start, end, text.sliced(start, end - start).toString()};
    }
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const StoredMention& a, const StoredMention& b) { return a.start < b.start; });
    return mentions;
}

} // namespace mirsad::storage
