#include "storage/MentionsColumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace mirsad::storage {

static void appendJsonString(QString& out, QStringView text) {
    out += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
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
        json += QString::number(mention.start);
        json += u',';
        json += QString::number(mention.end);
        json += u']';
    }
    json += u']';
    return json;
}

QString encodeEntityIds(const QList<StoredMention>& mentions) {
    QSet<QString> seen;
    QString json;
    json += u'[';
    for (const StoredMention& mention : mentions) {
        if (seen.contains(mention.entityId))
            continue;
        seen.insert(mention.entityId);
        if (json.size() > 1)
            json += u',';
        appendJsonString(json, mention.entityId);
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
