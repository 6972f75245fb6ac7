#pragma once

// A small archive for the filter tests: five articles in two feeds (one in a folder), in both
// scripts, tagged by the real tagger, with read/starred state and a note.

#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "names/Gazetteer.h"
#include "storage/FeedQueries.h"
#include "tagging/RegionIndex.h"
#include "tagging/Tagger.h"

#include <QHash>
#include <QTimeZone>

namespace mirsad::test {

struct FixtureArticle {
    QString key;
    QString feed; // "en" or "ar"
    QString title;
    QString text;
    QDateTime published;
    bool read = false;
    bool starred = false;
    bool note = false;
};

inline QDateTime utc(int y, int mo, int d, int h, int mi = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::UTC);
}

inline QList<FixtureArticle> fixtureArticles() {
    return {
        {QStringLiteral("duhok"), QStringLiteral("en"), QStringLiteral("Investors visit the north"),
         QStringLiteral("The governor of Duhok met investors on Sunday to discuss new roads."),
         utc(2021, 5, 9, 10), false, false, false},
        {QStringLiteral("erbil-ar"), QStringLiteral("ar"), QStringLiteral("اجتماع في أربيل"),
         QStringLiteral("زار رئيس الوزراء محمد شياع السوداني مدينة أربيل لبحث ملف الرواتب."),
         utc(2021, 5, 9, 22, 30), false, false, false},
        {QStringLiteral("kirkuk"), QStringLiteral("en"), QStringLiteral("Kirkuk oil talks"),
         QStringLiteral("Prime Minister Mohammed Shia al-Sudani discussed oil exports in Kirkuk."),
         utc(2021, 5, 10, 8), false, true, false},
        {QStringLiteral("baghdad-ar"), QStringLiteral("ar"), QStringLiteral("بيان من بغداد"),
         QStringLiteral("أصدر مصطفى الكاظمي بياناً من بغـــداد حول الأمن."), utc(2021, 5, 11, 12), true, false,
         false},
        {QStringLiteral("basra"), QStringLiteral("en"), QStringLiteral("Basra port exports"),
         QStringLiteral("Exports through the port of Basra rose this month."), utc(2021, 5, 12, 9), false,
         false, true},
    };
}

// Stores the fixture; returns article ids by key and fills feed/folder ids.
inline QHash<QString, qint64> storeFixture(QSqlDatabase& db, QHash<QString, qint64>* feeds = nullptr,
                                           qint64* folder = nullptr) {
    QHash<QString, qint64> ids;
    Result<qint64> folderId = storage::ensureFolder(db, QStringLiteral("Kurdish press"));
    Result<qint64> en =
        storage::addFeed(db, QStringLiteral("https://en.example/feed"), QStringLiteral("English Wire"));
    Result<qint64> ar =
        storage::addFeed(db, QStringLiteral("https://ar.example/feed"), QStringLiteral("الوكالة"), *folderId);
    if (!folderId || !en || !ar)
        return ids;
    if (feeds)
        *feeds = {{QStringLiteral("en"), *en}, {QStringLiteral("ar"), *ar}};
    if (folder)
        *folder = *folderId;
    for (const FixtureArticle& f : fixtureArticles()) {
        Article article;
        article.feedId = f.feed == u"en" ? *en : *ar;
        article.guid = f.key;
        article.title = f.title;
        article.text = f.text;
        article.published = f.published;
        article.fetched = f.published;
        Result<storage::UpsertResult> stored = ingest::storeArticle(db, article);
        if (!stored)
            return {};
        ids.insert(f.key, stored->id);
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE articles SET read = ?, starred = ? WHERE id = ?"));
        query.addBindValue(f.read ? 1 : 0);
        query.addBindValue(f.starred ? 1 : 0);
        query.addBindValue(stored->id);
        query.exec();
        if (f.note) {
            query.prepare(QStringLiteral("INSERT INTO notes (article_id, body, author, created, updated) "
                                         "VALUES (?, 'n', 'me', 0, 0)"));
            query.addBindValue(stored->id);
            query.exec();
        }
    }
    Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
    if (!tagger || !tagging::syncRegionIndex(db, (*tagger)->gazetteer()))
        return {};
    return ids;
}

} // namespace mirsad::test
