// articles.mentions: the JSON form of an article's names, written for every stored article and
// read back by the reader, `show` and the re-tagger.

#include "storage/MentionsColumn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;

class TestMentionsColumn : public QObject {
    Q_OBJECT
private slots:
    void roundTripSortedWithSurfacesFromTheText() {
        const QString text = u"Erbil, then أربيل and Duhok."_s;
        const QList<StoredMention> mentions = {
            {u"duhok"_s, 22, 27, {}}, {u"erbil"_s, 0, 5, {}}, {u"erbil"_s, 12, 17, {}}};
        const QString json = QString::fromUtf8(storage::encodeMentions(mentions));
        QCOMPARE(json, uR"([["erbil",0,5],["erbil",12,17],["duhok",22,27]])"_s);
        const QList<StoredMention> back = storage::decodeMentions(json, text);
        QCOMPARE(back.size(), 3);
        QCOMPARE(back[1].surface, u"أربيل"_s);
        QCOMPARE(back[2].entityId, u"duhok"_s);
        QCOMPARE(storage::encodeEntityIds(mentions), R"(["duhok","erbil"])"_ba);
        QCOMPARE(storage::encodeMentions({}), "[]"_ba);
        QVERIFY(storage::decodeMentions(u"[]"_s, text).isEmpty());
    }

    // Ids are the user's own words too (entities they add): quotes, backslashes and control
    // characters must give valid JSON that reads back the same.
    void awkwardIdsStayValidJson() {
        const QString awkward = u"al-\"Hakim\" \\ 1\n2\t\u0001 حكيم"_s;
        const QList<StoredMention> mentions = {{awkward, 1, 3, {}}};
        for (const QByteArray& json :
             {storage::encodeMentions(mentions), storage::encodeEntityIds(mentions)}) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(json, &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
            const QJsonValue first = document.array().at(0);
            QCOMPARE(first.isArray() ? first.toArray().at(0).toString() : first.toString(), awkward);
        }
        QCOMPARE(storage::decodeMentions(QString::fromUtf8(storage::encodeMentions(mentions)), u"abcd"_s)
                     .value(0)
                     .entityId,
                 awkward);
    }

    // A damaged value loses the entries it cannot place, not the article.
    void damagedEntriesAreSkipped() {
        const QString text = u"Kirkuk"_s;
        QCOMPARE(
            storage::decodeMentions(uR"([["kirkuk",0,6],["x",4,99],["y",-1,2],["z",3,3],7])"_s, text).size(),
            1);
        QVERIFY(storage::decodeMentions(u"not json"_s, text).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMentionsColumn)
#include "tst_mentionscolumn.moc"
