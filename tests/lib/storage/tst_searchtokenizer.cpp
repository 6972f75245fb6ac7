// storage::registerSearchTokenizer: mirsad_folded, the search index's tokenizer, makes exactly the
// tokens of FTS5's ascii tokenizer (which migration 007 chose) on folded Arabic and English text,
// on the queries Mirsad builds, and on arbitrary bytes; indexes and searches built with either
// are the same. A connection that has not registered it cannot use the index.

#include "TestSupport.h"
#include "search/SearchText.h"
#include "storage/SearchTokenizer.h"
#include "storage/SqliteStatement.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace mirsad;

namespace {

struct Token {
    QByteArray text;
    int start = 0;
    int end = 0;
    bool operator==(const Token&) const = default;
};
using Tokens = QList<Token>;

QString describe(const Tokens& tokens) {
    QStringList parts;
    for (const Token& t : tokens)
        parts << u"%1@%2-%3"_s.arg(QString::fromUtf8(t.text)).arg(t.start).arg(t.end);
    return parts.join(u' ');
}

// One of a connection's FTS5 tokenizers, found by name and called directly.
class Tokenizer {
public:
    Tokenizer(sqlite3* db, const char* name) {
        fts5_api* api = storage::fts5Api(db);
        void* userData = nullptr;
        if (api && api->xFindTokenizer(api, name, &userData, &m_module) == SQLITE_OK)
            m_module.xCreate(userData, nullptr, 0, &m_tokenizer);
        m_found = m_module.xTokenize != nullptr;
    }
    ~Tokenizer() {
        if (m_found)
            m_module.xDelete(m_tokenizer);
    }
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    bool found() const { return m_found; }

    Tokens tokens(const QByteArray& text, int flags) const {
        Tokens tokens;
        const auto collect = [](void* context, int, const char* token, int size, int start, int end) {
            static_cast<Tokens*>(context)->append({QByteArray(token, size), start, end});
            return SQLITE_OK;
        };
        m_module.xTokenize(m_tokenizer, &tokens, flags, text.constData(), int(text.size()), collect);
        return tokens;
    }

private:
    fts5_tokenizer m_module{};
    Fts5Tokenizer* m_tokenizer = nullptr;
    bool m_found = false;
};

// Real news text, Arabic (with Kurdish and Persian letters) and English, one paragraph a line.
QStringList newsParagraphs() {
    QStringList paragraphs;
    for (const QString& file : {test::dataPath(u"names/corpus.txt"_s), test::seedPath()}) {
        for (const QString& line : QString::fromUtf8(test::readFile(file)).split(u'\n')) {
            if (!line.trimmed().isEmpty())
                paragraphs << line;
        }
    }
    return paragraphs;
}

// Text that exercises the edges: every kind of separator searchText leaves, capitals, digits,
// marks, astral characters, and words longer than the ascii tokenizer's 64-byte buffer.
QStringList awkwardTexts() {
    return {
        u""_s,
        u" "_s,
        u"a"_s,
        u"Erbil"_s,
        u"ERBIL, Duhok; (Sulaymaniyah)! 3.5% [2021-05-09] 15:15 A-AA +"_s,
        u"Al-Kazemi's \"unprecedented\" co-ordination: it's https://example.org/a_b?c=d&e#f"_s,
        u"tab\there\nnewline\r\nend\x01\x1f\x7f"_s,
        u"وصل الوفد إلى أربيل،ثم دهوك؛ وقال: «لا» — ١٢٣ ۴۵۶ هەولێر سلێمانی کوردستان"_s,
        u"الـــعـــراق مُحَمَّد ﷺ ﻻ Straße İstanbul ÉLYSÉE Œuvre ﬁnance"_s,
        u"emoji 🇮🇶 flag 🤦🏼‍♂️ math 𝐀𝐁𝐂 zwnj می‌خواهم"_s,
        u"Supercalifragilisticexpialidocious-Supercalifragilisticexpialidocious"_s.repeated(3),
        u"SUPERCALIFRAGILISTICEXPIALIDOCIOUSSUPERCALIFRAGILISTICEXPIALIDOCIOUSXYZ"_s,
        u"abcdefgh12345678ABCDEFGHabcdefg"_s,
        u"بارزانيبارزانيبارزانيبارزانيبارزانيبارزانيبارزانيبارزاني"_s,
        u"x_y z`w {a}|b~c @d [e] \\f ^g"_s,
    };
}

// Queries as the search box and the retagger make them, and some typed as FTS5 syntax.
QStringList queries() {
    QStringList typed = {u"ERBIL"_s,          u"Barzani's"_s, u"أربيل"_s, u"هەولێر"_s, u"al-Sudani budget"_s,
                         u"prime minister"_s, u"NEAR"_s,      u"دهوك"_s,  u"Ö"_s,      u"KDP, PUK"_s};
    QStringList result;
    // Each word a quoted prefix term, all required.
    for (const QString& t : typed) {
        QStringList terms;
        for (const QString& word : search::searchText(t).split(u' ', Qt::SkipEmptyParts))
            terms << u"\"%1\"*"_s.arg(word);
        result << terms.join(u' ');
    }
    result << u"erbil"_s << u"Erbil"_s << u"erb*"_s << u"\"prime minister\""_s
           << u"\"Prime Minister\" AND baghdad"_s << u"NEAR(erbil baghdad, 10)"_s << u"body: duhok"_s
           << u"{title body}: kurdistan*"_s << u"barzani NOT masrour"_s << u"\"اربيل\" OR \"بغداد\"*"_s;
    return result;
}

// Bytes from an alphabet weighted to the class boundaries the two tokenizers must agree on.
QByteArray randomBytes(QRandomGenerator& random) {
    static const QByteArray edges = QByteArrayLiteral("AZaz09@[`{/:\x7f\x01 \t\n'-_.\x80\xbf\xc0\xff");
    static const QByteArray arabic = u"أربيل"_s.toUtf8();
    QByteArray bytes;
    const int size = random.bounded(0, 80);
    while (bytes.size() < size) {
        switch (random.bounded(4)) {
        case 0:
            bytes += edges.at(random.bounded(int(edges.size())));
            break;
        case 1:
            bytes += char(random.bounded(256));
            break;
        case 2:
            bytes += arabic.mid(random.bounded(int(arabic.size())), random.bounded(1, 5));
            break;
        default:
            bytes += char('a' + random.bounded(26) - (random.bounded(2) ? 32 : 0));
            break;
        }
    }
    return bytes;
}

QList<QVariantList> rows(QSqlQuery& query) {
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row << query.value(i);
        rows << row;
    }
    return rows;
}

} // namespace

class TestSearchTokenizer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void init() {
        m_db = std::make_unique<test::TempDatabase>();
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    }
    void cleanup() { m_db.reset(); }

    void makesTheAsciiTokenizersTokens() {
        sqlite3* handle = storage::sqliteHandle(m_db->db());
        const Tokenizer ascii(handle, "ascii");
        const Tokenizer folded(handle, storage::kSearchTokenizerName);
        QVERIFY(ascii.found());
        QVERIFY(folded.found());

        QList<QByteArray> inputs;
        for (const QString& text : newsParagraphs() + awkwardTexts()) {
            inputs << search::searchText(text).toUtf8(); // what the index is filled with
            inputs << text.toUtf8();                     // and text nobody folded
        }
        for (const QString& query : queries())
            inputs << query.toUtf8();
        QRandomGenerator random(20240611);
        for (int i = 0; i < 20000; ++i)
            inputs << randomBytes(random);

        qsizetype arabicTokens = 0;
        for (const QByteArray& input : std::as_const(inputs)) {
            for (int flags : {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                              FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, FTS5_TOKENIZE_AUX}) {
                const Tokens expected = ascii.tokens(input, flags);
                const Tokens actual = folded.tokens(input, flags);
                QVERIFY2(actual == expected, qPrintable(u"%1\n  ascii:  %2\n  folded: %3"_s.arg(
                                                 QString::fromUtf8(input.toPercentEncoding(" ")),
                                                 describe(expected), describe(actual))));
                if (flags == FTS5_TOKENIZE_DOCUMENT)
                    arabicTokens += std::count_if(actual.cbegin(), actual.cend(), [](const Token& t) {
                        return t.text.startsWith("\xd8") || t.text.startsWith("\xd9");
                    });
            }
        }
        QVERIFY2(arabicTokens > 500, "the corpus has Arabic words"); // the data really was Arabic
    }

    // Whole indexes: the same news in a table of each tokenizer holds the same terms at the same
    // places, and every kind of query Mirsad makes finds the same rows.
    void indexesAndSearchesAreTheSame() {
        QSqlQuery query(m_db->db());
        for (const char* tokenizer : {"ascii", storage::kSearchTokenizerName}) {
            const QString table = u"index_%1"_s.arg(QLatin1StringView(tokenizer));
            QVERIFY2(query.exec(
                         u"CREATE VIRTUAL TABLE %1 USING fts5(title, body, content='', "
                         u"contentless_delete=1, tokenize='%2')"_s.arg(table, QLatin1StringView(tokenizer))),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.exec(u"CREATE VIRTUAL TABLE %1_terms USING fts5vocab(%1, instance)"_s.arg(table)));
            QVERIFY(query.prepare(u"INSERT INTO %1 (rowid, title, body) VALUES (?, ?, ?)"_s.arg(table)));
            const QStringList paragraphs = newsParagraphs() + awkwardTexts();
            for (qsizetype i = 0; i < paragraphs.size(); ++i) {
                query.addBindValue(i + 1);
                query.addBindValue(search::searchText(paragraphs[i].left(60)));
                query.addBindValue(search::searchText(paragraphs[i]));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }

        auto read = [&](const QString& sql, const QVariant& value = {}) {
            QSqlQuery q(m_db->db());
            q.prepare(sql);
            if (value.isValid())
                q.addBindValue(value);
            if (!q.exec())
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return rows(q);
        };
        const QString terms =
            u"SELECT term, doc, col, offset FROM %1_terms ORDER BY term, doc, col, offset"_s;
        const QList<QVariantList> asciiTerms = read(terms.arg(u"index_ascii"_s));
        QVERIFY(asciiTerms.size() > 1000);
        QVERIFY(asciiTerms == read(terms.arg(u"index_mirsad_folded"_s)));

        // Every term as a prefix query, the queries of the search box, and phrases of the text.
        QStringList matches = queries();
        for (const QVariantList& row : read(u"SELECT DISTINCT term FROM index_ascii_terms"_s))
            matches << u"\"%1\"*"_s.arg(row[0].toString());
        const QStringList words = search::searchText(newsParagraphs().join(u' ')).simplified().split(u' ');
        for (qsizetype i = 0; i + 2 < words.size(); i += 7)
            matches << u"\"%1 %2 %3\""_s.arg(words[i], words[i + 1], words[i + 2]);
        qsizetype found = 0;
        for (const QString& match : std::as_const(matches)) {
            const QString search = u"SELECT rowid FROM %1 WHERE %1 MATCH ? ORDER BY rowid"_s;
            const QList<QVariantList> expected = read(search.arg(u"index_ascii"_s), match);
            QVERIFY2(read(search.arg(u"index_mirsad_folded"_s), match) == expected, qPrintable(match));
            found += expected.isEmpty() ? 0 : 1;
        }
        QVERIFY2(found > matches.size() * 9 / 10, "the queries find articles");
    }

    // The failure mode that comes with a tokenizer of our own: a connection that has not
    // registered it, like the sqlite3 shell, cannot search, change or check the index (the other
    // tables work); registering it is all it takes.
    void aConnectionWithoutItCannotSearch() {
        QSqlQuery fill(m_db->db());
        QVERIFY(
            fill.exec(u"INSERT INTO article_search (rowid, title, body) VALUES (3, 'budget', 'erbil')"_s));
        const QString name = storage::uniqueConnectionName(u"bare"_s);
        {
            QSqlDatabase bare = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            bare.setDatabaseName(m_db->path());
            QVERIFY(bare.open());
            QSqlQuery query(bare);
            QVERIFY(query.exec(u"SELECT count(*) FROM articles"_s)); // the rest works
            QVERIFY(!query.exec(u"SELECT rowid FROM article_search WHERE article_search MATCH 'erbil'"_s));
            QVERIFY2(query.lastError().text().contains(u"no such tokenizer"_s),
                     qPrintable(query.lastError().text()));

            QVERIFY(!query.exec(u"DELETE FROM article_search WHERE rowid = 3"_s));
            QVERIFY(!query.exec(u"PRAGMA integrity_check"_s)); // it checks the index too
            QVERIFY(query.exec(u"VACUUM"_s));
            const Status registered = storage::registerSearchTokenizer(bare);
            QVERIFY2(registered, qPrintable(registered.error()));
            QVERIFY(query.exec(u"SELECT rowid FROM article_search WHERE article_search MATCH 'erbil'"_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 3);
        }
        storage::closeDatabase(name);
    }

    void takesNoOptions() {
        QSqlQuery query(m_db->db());
        QVERIFY(
            !query.exec(u"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='mirsad_folded separators .')"_s));
        QVERIFY(!storage::registerSearchTokenizer(QSqlDatabase()));
    }

private:
    std::unique_ptr<test::TempDatabase> m_db;
};

QTEST_GUILESS_MAIN(TestSearchTokenizer)
#include "tst_searchtokenizer.moc"
