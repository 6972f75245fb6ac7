#include "storage/MentionsColumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <charconv>

namespace mirsad::storage {

// Appends text as a JSON string: runs that need no escaping are appended whole.
static void appendJsonString(QString& out, QStringView text) {
    out += u'"';
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c != u'"' && c != u'\\' && c >= 0x20)
            continue;
        out += text.sliced(run, i - run);
        if (c < 0x20)
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            (out += u'\\') += QChar(c);
        run = i + 1;
    }
    out += text.sliced(run);
    out += u'"';
}

// std::to_chars writes what "%lld" did, without snprintf's format parsing, which cost more than
// the rest of the column.
static void appendNumber(QString& out, qsizetype number) {
    char digits[24]; // enough for any long long: to_chars cannot fail
    const std::to_chars_result written =
        std::to_chars(digits, digits + sizeof digits, static_cast<long long>(number));
    out += QLatin1StringView(digits, written.ptr);
}

QString encodeMentions(QList<StoredMention> mentions) {
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const StoredMention& a, const StoredMention& b) { return a.start < b.start; });
    QString json;
    json.reserve(2 + mentions.size() * 32);
    json += u'[';
    for (const StoredMention& mention : mentions) {
        if (json.size() > 1)
            json += u',';
        json += u'[';
        appendJsonString(json, mention.entityId);
        json += u',';
        appendNumber(json, mention.start);
        json += u',';
        appendNumber(json, mention.end);
        json += u']';
    }
    json += u']';
    return json;
}

QStringList distinctEntityIds(const QList<StoredMention>& mentions) {
    QStringList ids;
    QSet<QString> seen;
    for (const StoredMention& mention : mentions) {
        if (!seen.contains(mention.entityId)) {
            seen.insert(mention.entityId);
            ids << mention.entityId;
        }
    }
    return ids;
}

QString encodeEntityIds(const QList<StoredMention>& mentions) {
    QString json;
    json += u'[';
    for (const QString& id : distinctEntityIds(mentions)) {
        if (json.size() > 1)
            json += u',';
        appendJsonString(json, id);
    }
    json += u']';
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
