// The search document of an article on PostgreSQL (storage/PostgresSearch.h): the words and
// positions the SQLite index has, title weighted A, and what the server makes of it: a word finds
// the article, a prefix finds it, a phrase does not run from the title into the body.

#include "TestSupport.h"
#include "search/SearchText.h"
#include "storage/Database.h"
#include "storage/PostgresCopy.h"
#include "storage/PostgresSearch.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace mirsad;
using storage::postgresSearchDocument;

class TestPostgresSearch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void literal_data() {
        QTest::addColumn<QByteArray>("title");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("nothing") << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("title only") << QByteArray("oil deal") << QByteArray()
                                    << QByteArray("'oil':1A 'deal':2A");
        QTest::newRow("body continues after a gap") << QByteArray("oil deal") << QByteArray("deal signed")
                                                    << QByteArray("'oil':1A 'deal':2A,4 'signed':5");
        QTest::newRow("no title") << QByteArray() << QByteArray("a b a") << QByteArray("'a':2,4 'b':3");
        QTest::newRow("separators and capitals")
            << QByteArray("  Kirkuk-oil, 2026!") << QByteArray("KIRKUK_x")
            << QByteArray("'kirkuk':1A,5 'oil':2A '2026':3A 'x':6");
        QTest::newRow("arabic bytes are word bytes")
            << QByteArray("\xd9\x86\xd9\x81\xd8\xb7 x") << QByteArray("\xd9\x86\xd9\x81\xd8\xb7")
            << QByteArray("'\xd9\x86\xd9\x81\xd8\xb7':1A,4 'x':2A");
        const QByteArray longWord(storage::kSearchMaxWordBytes + 1, 'w');
        QTest::newRow("a word too long is left out but keeps its place")
            << QByteArray("a " + longWord + " b") << QByteArray() << QByteArray("'a':1A 'b':3A");
    }
    void literal() {
        QFETCH(QByteArray, title);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(postgresSearchDocument(title, body), expected);
    }

    void positionsAreClampedAndLimited() {
        // 20000 words: "x" at every odd position, a distinct word at every even one near the end.
        QByteArray body;
        for (int i = 0; i < 10000; ++i)
            body += "x y ";
        body += "late late";
        const QByteArray document = postgresSearchDocument({}, body);
        // x keeps its first 255 positions: 2, 4, ..., 510 (the body starts at 2).
        QByteArray x = "'x':";
        for (int k = 0; k < storage::kSearchMaxPositionsPerWord; ++k)
            x += QByteArray::number(2 + 2 * k) + (k + 1 < storage::kSearchMaxPositionsPerWord ? "," : "");
        QVERIFY(document.startsWith(x + " 'y':3,5,"));
        // Past PostgreSQL's last position both "late"s are at 16383, once.
        QVERIFY2(document.endsWith(" 'late':16383"), document.right(40).constData());
    }

    void documentBytesAreLimited() {
        QByteArray body;
        for (int i = 0; body.size() < 2 * storage::kSearchMaxDocumentBytes; ++i)
            body += QByteArray::number(1000000 + i).repeated(20) + ' ';
        const QByteArray document = postgresSearchDocument({}, body);
        QVERIFY(!document.isEmpty());
        QVERIFY(document.size() < storage::kSearchMaxDocumentBytes + 200000);
    }

    // The writer COPYs documents in tsvector's binary form: the server reads each as the literal.
    void binaryDocumentIsTheLiteral() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery query(db.db());
        QVERIFY(query.exec(u"CREATE TEMP TABLE docs (n bigint, binary_form tsvector, literal tsvector)"_s));
        QList<std::pair<QByteArray, QByteArray>> documents = {
            {{}, {}},
            {"oil deal", "deal signed"},
            {"  Kirkuk-oil, 2026!", "KIRKUK_x"},
            {"\xd9\x86\xd9\x81\xd8\xb7 x", "\xd9\x86\xd9\x81\xd8\xb7 z a b a"},
            {"a " + QByteArray(storage::kSearchMaxWordBytes + 1, 'w') + " b", {}},
        };
        QByteArray many;
        for (int i = 0; i < 10000; ++i)
            many += "x y " + QByteArray::number(i % 700) + ' ';
        documents.append({"title words", many + "late late"});
        storage::PostgresCopy copy("docs (n, binary_form)", 2);
        for (qsizetype n = 0; n < documents.size(); ++n)
            copy.row().integer(n).binary(
                storage::postgresSearchDocumentBinary(documents[n].first, documents[n].second));
        const Status copied = copy.exec(db.db(), u"copy documents"_s);
        QVERIFY2(copied, qPrintable(copied.error()));
        QVERIFY(query.prepare(u"UPDATE docs SET literal = ?::tsvector WHERE n = ?"_s));
        for (qsizetype n = 0; n < documents.size(); ++n) {
            query.addBindValue(
                QString::fromUtf8(storage::postgresSearchDocument(documents[n].first, documents[n].second)));
            query.addBindValue(n);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(u"SELECT n, binary_form::text, literal::text FROM docs ORDER BY n"_s));
        int rows = 0;
        while (query.next()) {
            ++rows;
            QCOMPARE(query.value(1).toString(), query.value(2).toString());
        }
        QCOMPARE(rows, documents.size());
    }

    // A COPY the server refuses is a sentence, and the transaction holds nothing of it.
    void refusedCopyRollsBack() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery query(db.db());
        QVERIFY(query.exec(u"CREATE TABLE t (n bigint PRIMARY KEY, word text NOT NULL)"_s));
        {
            storage::Transaction transaction(db.db());
            storage::PostgresCopy copy("t (n, word)", 2);
            copy.row().integer(1).text("one");
            QVERIFY(copy.exec(db.db(), u"copy"_s));
            copy.row().integer(2).text("two").row().integer(2).text("again");
            const Status refused = copy.exec(db.db(), u"copy the words"_s);
            QVERIFY(!refused);
            QVERIFY2(refused.error().startsWith(u"Could not copy the words"_s), qPrintable(refused.error()));
            QVERIFY2(refused.error().contains(u"duplicate key"_s), qPrintable(refused.error()));
        }
        QCOMPARE(db.count(u"t"_s), 0);
        // The connection goes on serving queries, and COPYs.
        storage::PostgresCopy copy("t (n, word)", 2);
        copy.row().integer(3).text(QByteArrayView("th\0ree", 6)).row().integer(4).null();
        QVERIFY(!copy.exec(db.db(), u"copy"_s)); // NOT NULL
        copy.row().integer(3).text(QByteArrayView("th\0ree", 6));
        QVERIFY(copy.exec(db.db(), u"copy"_s));
        QVERIFY(query.exec(u"SELECT word FROM t"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"three"_s);
    }

    // What the server makes of it.
    void serverFindsWordsPrefixesAndPhrases() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QVERIFY(db.isPostgres());
        QSqlQuery query(db.db());
        QVERIFY2(
            query.exec(u"INSERT INTO feeds (url, title, created) VALUES ('https://x.example/', 'x', 0)"_s),
            qPrintable(query.lastError().text()));
        QVERIFY(query.exec(
            u"INSERT INTO articles (id, feed_id, dedupe_key, title, fetched, sort_time, content_hash) "
            "VALUES (7, (SELECT id FROM feeds), 'k', 't', 0, 0, 'h')"_s));
        const QByteArray title = search::searchTextUtf8(u"Kirkuk Oil Deal"_s);
        const QByteArray body = search::searchTextUtf8(u"Signed in بغداد on Monday; the oil flows."_s);
        QVERIFY(
            query.prepare(u"INSERT INTO article_search (article_id, document) VALUES (7, ?::tsvector)"_s));
        query.addBindValue(QString::fromUtf8(postgresSearchDocument(title, body)));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));

        const auto finds = [&](const QString& tsquery) {
            QSqlQuery find(db.db());
            find.prepare(u"SELECT article_id FROM article_search WHERE document @@ ?::tsquery"_s);
            find.addBindValue(tsquery);
            if (!find.exec())
                qFatal("%s", qPrintable(find.lastError().text()));
            return find.next() && find.value(0).toLongLong() == 7;
        };
        QVERIFY(finds(u"'kirkuk'"_s));
        QVERIFY(finds(u"'monday'"_s));
        QVERIFY(finds(u"'%1'"_s.arg(QString::fromUtf8(search::searchTextUtf8(u"بغداد"_s)).trimmed())));
        QVERIFY(finds(u"'kirk':*"_s));
        QVERIFY(!finds(u"'kirkuks'"_s));
        QVERIFY(finds(u"'oil' <-> 'deal'"_s));
        QVERIFY(finds(u"'oil' <-> 'flows'"_s));
        QVERIFY(finds(u"'kirkuk':A"_s));
        QVERIFY(!finds(u"'monday':A"_s));
        // "deal" ends the title and "signed" begins the body: no phrase across.
        QVERIFY(!finds(u"'deal' <-> 'signed'"_s));
        QVERIFY(finds(u"'deal' <2> 'signed'"_s));
    }
};

QTEST_GUILESS_MAIN(TestPostgresSearch)
#include "tst_postgressearch.moc"
