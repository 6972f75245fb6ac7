#include "storage/MentionsColumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <charconv>

namespace mirsad::storage {

// Appends text as a JSON string in UTF-8: ids are ASCII nearly always, copied a byte each;
// runs of other characters are converted whole.
static void appendJsonString(QByteArray& out, QStringView text) {
    out += '"';
    for (qsizetype i = 0; i < text.size();) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            qsizetype end = i + 1;
            while (end < text.size() && text[end].unicode() >= 0x80)
                ++end;
            out += text.sliced(i, end - i).toUtf8();
            i = end;
            continue;
        }
        if (c == u'"' || c == u'\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out += char(c);
        }
        ++i;
    }
    out += '"';
}

// std::to_chars writes what "%lld" did, without snprintf's format parsing, which cost more than
// the rest of the column.
static void appendNumber(QByteArray& out, qsizetype number) {
    char digits[24]; // enough for any long long: to_chars cannot fail
    const std::to_chars_result written =
        std::to_chars(digits, digits + sizeof digits, static_cast<long long>(number));
    out += QByteArrayView(digits, written.ptr);
}

QByteArray encodeMentions(const QList<StoredMention>& mentions) {
    const auto byStart = [](const StoredMention& a, const StoredMention& b) { return a.start < b.start; };
    if (!std::is_sorted(mentions.begin(), mentions.end(), byStart)) { // the matcher's always are
        QList<StoredMention> sorted = mentions;
        std::stable_sort(sorted.begin(), sorted.end(), byStart);
        return encodeMentions(sorted);
    }
    QByteArray json;
    json.reserve(2 + mentions.size() * 32);
    json += '[';
    for (const StoredMention& mention : mentions) {
        if (json.size() > 1)
            json += ',';
        json += '[';
        appendJsonString(json, mention.entityId);
        json += ',';
        appendNumber(json, mention.start);
        json += ',';
        appendNumber(json, mention.end);
        json += ']';
    }
    json += ']';
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
    QByteArray json;
    json += '[';
    for (const QString& id : distinctEntityIds(mentions)) {
        if (json.size() > 1)
            json += ',';
        appendJsonString(json, id);
    }
    json += ']';
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
