// Marking many articles read at once (Mark All as Read): exactly the articles of the filter,
// in one transaction, reporting what changed so that an undo restores it; and the local
// articles' feed is named in the UI's language whatever language created it.

#include "AnalystState.h"
#include "FilterFixture.h"
#include "storage/ArticleQueries.h"
#include "storage/FeedQueries.h"

#include <QSqlQuery>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestReadState : public QObject {
    Q_OBJECT
    test::TempDatabase* m_db = nullptr;
    QHash<QString, qint64> m_ids;
    QHash<QString, qint64> m_feeds;
    qint64 m_folder = 0;

    QStringList unread() const {
        QSqlQuery query(m_db->db());
        query.exec(u"SELECT a.id FROM articles a WHERE %1 = 0 ORDER BY a.id"_s.arg(
            test::markOf(m_db->isPostgres(), u"read"_s)));
        QStringList keys;
        while (query.next())
            keys << m_ids.key(query.value(0).toLongLong());
        keys.sort();
        return keys;
    }
    QStringList keysOf(const QList<qint64>& ids) const {
        QStringList keys;
        for (qint64 id : ids)
            keys << m_ids.key(id);
        keys.sort();
        return keys;
    }

private slots:
    void init() {
        test::isolateFromUserData();
        m_db = new test::TempDatabase;
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ids = test::storeFixture(m_db->db(), &m_feeds, &m_folder);
        QCOMPARE(m_ids.size(), 5);
        QCOMPARE(unread(), (QStringList{u"basra"_s, u"duhok"_s, u"erbil-ar"_s, u"kirkuk"_s}));
    }
    void cleanup() { delete m_db; }

    void marksOneFeedAndUndoes() {
        ArticleFilter filter;
        filter.feedIds = {m_feeds.value(u"en"_s)};
        Result<QList<qint64>> marked = storage::setReadWhere(m_db->db(), filter, true);
        QVERIFY2(marked, qPrintable(marked.error()));
        QCOMPARE(keysOf(*marked), (QStringList{u"basra"_s, u"duhok"_s, u"kirkuk"_s}));
        QCOMPARE(unread(), QStringList{u"erbil-ar"_s});
        // Again: nothing left to change, nothing to undo.
        Result<QList<qint64>> again = storage::setReadWhere(m_db->db(), filter, true);
        QVERIFY(again && again->isEmpty());
        // The undo gives back exactly what changed (baghdad-ar was read before and stays so).
        QVERIFY(storage::setReadIds(m_db->db(), *marked, false));
        QCOMPARE(unread(), (QStringList{u"basra"_s, u"duhok"_s, u"erbil-ar"_s, u"kirkuk"_s}));
    }

    void marksAFolderATextAndARegion() {
        ArticleFilter folder;
        folder.folderIds = {m_folder};
        Result<QList<qint64>> marked = storage::setReadWhere(m_db->db(), folder, true);
        QVERIFY2(marked, qPrintable(marked.error()));
        QCOMPARE(keysOf(*marked), QStringList{u"erbil-ar"_s}); // the Arabic feed is in the folder

        ArticleFilter text;
        text.text = u"oil"_s;
        marked = storage::setReadWhere(m_db->db(), text, true);
        QVERIFY2(marked, qPrintable(marked.error()));
        QCOMPARE(keysOf(*marked), QStringList{u"kirkuk"_s});

        ArticleFilter region;
        region.regions = {u"kurdistan-region"_s};
        region.unreadOnly = true; // what a list of the unread shows
        marked = storage::setReadWhere(m_db->db(), region, true);
        QVERIFY2(marked, qPrintable(marked.error()));
        QCOMPARE(keysOf(*marked), QStringList{u"duhok"_s});
        QCOMPARE(unread(), QStringList{u"basra"_s});
    }

    void marksEverythingUnread() {
        Result<QList<qint64>> marked = storage::setReadWhere(m_db->db(), {}, false);
        QVERIFY2(marked, qPrintable(marked.error()));
        QCOMPARE(keysOf(*marked), QStringList{u"baghdad-ar"_s});
        QCOMPARE(unread().size(), 5);
    }

    void localArticlesAreNamedInTheUiLanguage() {
        const QString url = QString::fromLatin1(storage::localFilesUrl);
        QCOMPARE(storage::shownFeedTitle(url, u"المقالات المحلية"_s), u"Local articles"_s);
        QCOMPARE(storage::shownFeedTitle(url, u"Local articles"_s), u"Local articles"_s);
        QCOMPARE(storage::shownFeedTitle(url, u"My files"_s), u"My files"_s); // renamed by the user
        QCOMPARE(storage::shownFeedTitle(u"https://en.example/feed"_s, u"المقالات المحلية"_s),
                 u"المقالات المحلية"_s);
    }
};

QTEST_GUILESS_MAIN(TestReadState)
#include "tst_readstate.moc"
