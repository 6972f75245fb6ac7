#include "TestSupport.h"
#include "storage/ArticleBody.h"

#include <QRandomGenerator>

using namespace mirsad;

// Article bodies stored compressed (storage/ArticleBody.h): what goes in comes out, and a
// value that is not a body is a clear error.
class TestArticleBody : public QObject {
    Q_OBJECT
private:
    static void roundTrips(const QString& html, const QString& text) {
        const QByteArray stored = storage::compressBody(html.toUtf8(), text.toUtf8());
        Result<storage::ArticleBody> body = storage::decompressBody(stored);
        QVERIFY2(body, qPrintable(body.error()));
        QCOMPARE(body->html, html);
        QCOMPARE(body->text, text);
    }

private slots:
    void arabicRoundTripsWithItsOffsets() {
        const QString text =
            QStringLiteral("قال رئيس حكومة إقليم كوردستان مسرور بارزاني في أربيل إن الاتفاق مع بغداد "
                           "حول الموازنة والنفط سيُنفَّذ. 🇮🇶 Kirkuk\n\n")
                .repeated(20);
        const QString html =
            QStringLiteral("<p dir=\"rtl\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
        roundTrips(html, text);
        // A mention's offsets are UTF-16 indexes into the text: the same slice before and after.
        const QByteArray stored = storage::compressBody(html.toUtf8(), text.toUtf8());
        QVERIFY(stored.size() < (html.toUtf8().size() + text.toUtf8().size()) / 3);
        const QString back = storage::decompressBody(stored)->text;
        const qsizetype at = text.indexOf(QStringLiteral("أربيل"), 500);
        QCOMPARE(back.mid(at, 5), QStringLiteral("أربيل"));
    }

    void emptyAndShortBodies() {
        roundTrips({}, {});
        roundTrips({}, QStringLiteral("text only"));
        roundTrips(QStringLiteral("<p>x</p>"), {});
        QCOMPARE(storage::compressBody({}, {}).size(), 5); // format and length, nothing else
        // An article with no body row at all (LEFT JOIN gives NULL): an empty body, not an error.
        Result<storage::ArticleBody> none = storage::decompressBody(QByteArrayView());
        QVERIFY(none);
        QVERIFY(none->html.isEmpty() && none->text.isEmpty());
    }

    void hugeBodyRoundTrips() {
        QString text;
        QRandomGenerator random(7);
        while (text.size() < 8'000'000)
            text += QString::number(random.generate()) + QStringLiteral(" النفط oil ");
        roundTrips(QStringLiteral("<p>") + text + QStringLiteral("</p>"), text);
    }

    void incompressibleBytesAreStoredAsTheyAre() {
        QByteArray noise(4096, Qt::Uninitialized);
        QRandomGenerator random(3);
        random.fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
        const QString text = QString::fromLatin1(noise.toBase64()); // base64 of noise: little to gain
        const QByteArray stored = storage::compressBody({}, noise);
        QVERIFY(stored.size() <= noise.size() + 5);
        Result<storage::ArticleBodyUtf8> body = storage::decompressBodyUtf8(stored);
        QVERIFY2(body, qPrintable(body.error()));
        QCOMPARE(body->text, noise);
        roundTrips(text, text);
    }

    void damagedValuesAreClearErrors() {
        const QString text =
            QStringLiteral("The government announced a new agreement on oil exports. ").repeated(50);
        const QByteArray good = storage::compressBody(text.toUtf8(), text.toUtf8());
        QCOMPARE(good.at(0), char(1)); // compressed

        QByteArray flipped = good;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x5a);
        const QByteArray cut = good.left(good.size() - 9);
        QByteArray unknown = good;
        unknown[0] = char(9);
        QByteArray lying = good; // an html longer than the whole body
        lying[4] = char(0x7f);
        QByteArray hugeClaim = storage::compressBody({}, {});
        hugeClaim[0] = char(1);
        hugeClaim.append(QByteArray::fromHex("28b52ffd"
                                             "a0ffffffff00000000")); // a zstd header claiming 4 GB

        for (const QByteArray& bad : {flipped, cut, unknown, lying, QByteArray("\x01\x00"), hugeClaim,
                                      QByteArray("\x01\x00\x00\x00\x00garbage, not zstd")}) {
            Result<storage::ArticleBody> body = storage::decompressBody(bad);
            QVERIFY2(!body, bad.toHex().left(40).constData());
            QVERIFY2(body.error().contains(QStringLiteral("article body")), qPrintable(body.error()));
        }
        QVERIFY(storage::decompressBody(unknown).error().contains(QStringLiteral("newer Mirsad")));
    }
};

QTEST_GUILESS_MAIN(TestArticleBody)
#include "tst_articlebody.moc"
