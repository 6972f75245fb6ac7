// `mirsadctl list --query` through the real binary, on articles imported with `mirsadctl import`
// (issue 19): a word finds its clitic and inflected forms, the query language (OR, -word,
// "phrase", prefix*), a malformed query's sentence and exit code, the matched passage in the
// plain and JSON output, and an archive from before the search vocabulary filled on first use.

#include "CtlRunner.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <vector>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

const QString kErbil = u"اتفاق بين بغداد وأربيل"_s;
const QString kMosul = u"زيارة إلى الموصل"_s;
const QString kTalks = u"Oil talks in Erbil"_s;

// Article files: the first line is the title, the rest the text.
const QList<std::pair<QString, QString>> kArticles = {
    {u"erbil.txt"_s, kErbil + u"\n\nاتفقت بغداد وأربيل على الموازنة، وبالموصل بدأت أعمال الإعمار.\n"_s},
    {u"mosul.txt"_s, kMosul + u"\n\nوصل فريق حكومي إلى الموصل لبحث ملف النازحين.\n"_s},
    {u"talks.txt"_s, kTalks + u"\n\nA delegation from Baghdad met officials in Erbil on Sunday.\n"_s},
};

} // namespace

class TestSearchCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    std::vector<std::unique_ptr<test::TempDatabase>> m_archives; // a file, or a database on the test server

    test::CtlResult list(const QStringList& arguments) {
        return test::runCtl(m_db, QStringList{u"list"_s} + arguments);
    }
    // The titles a query finds, sorted (the files are imported in the same second).
    QStringList found(const QString& query, const QString& database = {}) {
        const test::CtlResult run =
            test::runCtl(database.isEmpty() ? m_db : database, {u"list"_s, u"--query"_s, query, u"--json"_s});
        if (run.exitCode != 0)
            return {u"<exit %1: %2>"_s.arg(run.exitCode).arg(run.err)};
        QStringList titles;
        for (const QJsonValue& article : QJsonDocument::fromJson(run.out.toUtf8()).array())
            titles << article[u"title"_s].toString();
        titles.sort();
        return titles;
    }
    static QStringList sorted(QStringList titles) {
        titles.sort();
        return titles;
    }
    // A fresh archive with the three articles, imported the way a user does.
    QString importArticles(const QString& name) {
        m_archives.push_back(std::make_unique<test::TempDatabase>());
        test::TempDatabase& archive = *m_archives.back();
        if (!archive.ok()) {
            qWarning() << name << archive.error();
            return {};
        }
        archive.close(); // the binary opens it on its own
        const QString db = archive.path();
        QStringList paths;
        for (const auto& [file, text] : kArticles) {
            QFile out(m_dir.filePath(file));
            if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0)
                return {};
            paths << out.fileName();
        }
        const test::CtlResult imported = test::runCtl(db, QStringList{u"import"_s} + paths);
        if (imported.exitCode != 0) {
            qWarning() << imported.err;
            return {};
        }
        return db;
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        QVERIFY(m_dir.isValid());
        m_db = importArticles(u"search.sqlite"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void query_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        // The issue's own cases.
        QTest::newRow("اربيل finds وأربيل") << u"اربيل"_s << QStringList{kErbil};
        QTest::newRow("أربيل finds وأربيل") << u"أربيل"_s << QStringList{kErbil};
        QTest::newRow("الموصل finds وبالموصل") << u"الموصل"_s << sorted({kErbil, kMosul});
        QTest::newRow("موصل finds الموصل and وبالموصل") << u"موصل"_s << sorted({kErbil, kMosul});
        QTest::newRow("delegations finds delegation") << u"delegations"_s << QStringList{kTalks};
        QTest::newRow("talk finds talks") << u"talk"_s << QStringList{kTalks};
        // The query language.
        QTest::newRow("all words") << u"بغداد الموصل"_s << QStringList{kErbil};
        QTest::newRow("OR") << u"النازحين OR delegation"_s << sorted({kMosul, kTalks});
        QTest::newRow("-word") << u"الموصل -اربيل"_s << QStringList{kMosul};
        QTest::newRow("phrase") << u"\"بغداد وأربيل\""_s << QStringList{kErbil};
        QTest::newRow("phrase as written") << u"\"بغداد اربيل\""_s << QStringList{};
        QTest::newRow("no stems in a phrase") << u"\"delegations from\""_s << QStringList{};
        QTest::newRow("stems outside it") << u"delegations from"_s << QStringList{kTalks};
        QTest::newRow("prefix") << u"deleg*"_s << QStringList{kTalks};
        QTest::newRow("prefix after clitics") << u"موص*"_s << sorted({kErbil, kMosul});
        QTest::newRow("a word is not a prefix") << u"Bagh"_s << QStringList{};
        QTest::newRow("a prefix is") << u"Bagh*"_s << QStringList{kTalks};
    }
    void query() {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QCOMPARE(found(query), expected);
    }

    void malformedQueries_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("unclosed quote") << u"\"بغداد وأربيل"_s << u"never closed"_s;
        QTest::newRow("OR alone") << u"OR اربيل"_s << u"OR needs a word"_s;
        QTest::newRow("only exclusions") << u"-اربيل"_s << u"at least one word"_s;
        QTest::newRow("star inside") << u"de*leg"_s << u"goes at the end"_s;
        QTest::newRow("short prefix") << u"d*"_s << u"at least 2 letters"_s;
    }
    void malformedQueries() {
        QFETCH(QString, query);
        QFETCH(QString, sentence);
        for (const QStringList& extra : {QStringList{}, QStringList{u"--json"_s}}) {
            const test::CtlResult run = list(QStringList{u"--query"_s, query} + extra);
            QCOMPARE(run.exitCode, 2); // bad input, as for a wrong option
            QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
            QVERIFY2(run.err.startsWith(u"mirsadctl: --query: "_s), qPrintable(run.err));
            QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
            QCOMPARE(run.err.count(u'\n'), 1); // one sentence
            for (const QString& leak : {u"SQL"_s, u"fts5"_s, u"MATCH"_s, u"syntax error"_s})
                QVERIFY2(!run.err.contains(leak, Qt::CaseInsensitive), qPrintable(run.err));
        }
    }

    void jsonHasTheSnippet() {
        const test::CtlResult run = list({u"--query"_s, u"اربيل"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray articles = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(articles.size(), 1);
        const QJsonObject article = articles.first().toObject();
        const QString snippet = article[u"snippet"_s].toString();
        QVERIFY2(snippet.contains(u"بغداد **وأربيل** على"_s), qPrintable(snippet));
        const QString text = article[u"snippet_text"_s].toString();
        QCOMPARE(text, QString(snippet).remove(u"**"_s));
        const QJsonArray marks = article[u"snippet_marks"_s].toArray();
        QCOMPARE(marks.size(), 1);
        const int start = marks.first()[u"start"_s].toInt(), end = marks.first()[u"end"_s].toInt();
        QCOMPARE(text.mid(start, end - start), u"وأربيل"_s); // code points: Arabic is all in the BMP

        // Every matched form is marked; an excluded word is not.
        const QJsonObject both =
            QJsonDocument::fromJson(list({u"--query"_s, u"موصل -النازحين"_s, u"--json"_s}).out.toUtf8())
                .array()
                .first()
                .toObject();
        QVERIFY2(both[u"snippet"_s].toString().contains(u"**وبالموصل**"_s),
                 qPrintable(both[u"snippet"_s].toString()));

        // Without a text search there is no snippet.
        const QJsonArray plain = QJsonDocument::fromJson(list({u"--json"_s}).out.toUtf8()).array();
        QCOMPARE(plain.size(), 3);
        for (const QJsonValue& a : plain)
            QVERIFY(!a.toObject().contains(u"snippet"_s));
    }

    void plainTextShowsTheSnippetUnderTheRow() {
        const test::CtlResult run = list({u"--query"_s, u"delegations"_s});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].split(u'\t').size(), 5); // the row as without a search
        QVERIFY2(lines[0].split(u'\t').last().startsWith(kTalks), qPrintable(lines[0]));
        QCOMPARE(lines[1], u"    A **delegation** from Baghdad met officials in Erbil on Sunday."_s);

        // Without a text search: one line per article, as before.
        const test::CtlResult all = list({});
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(all.out.split(u'\n', Qt::SkipEmptyParts).size(), 3);
    }

    void helpDocumentsTheSyntax() {
        const test::CtlResult listHelp = list({u"--help"_s});
        QCOMPARE(listHelp.exitCode, 0);
        for (const QString& part :
             {u"\"exact phrase\""_s, u"a OR b"_s, u"-word"_s, u"prefix*"_s, u"snippet"_s})
            QVERIFY2(listHelp.out.contains(part), qPrintable(listHelp.out));
        const test::CtlResult help = test::runCtl(m_db, {u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString& part : {u"list --query"_s, u"\"exact phrase\""_s, u"prefix*"_s})
            QVERIFY2(help.out.contains(part), qPrintable(help.out));
    }

    // An archive from before the search vocabulary (migration 018) has its words to fill: the
    // first search fills it, says so on stderr, and then finds the inflected forms.
    void anUpgradedArchiveIsFilledFirst() {
        if (test::testingPostgres())
            QSKIP("SQLite's upgrade: the vocabulary is filled from an FTS5 index made before it; a "
                  "PostgreSQL archive has had the vocabulary from its first schema");
        const QString db = importArticles(u"upgraded.sqlite"_s);
        QVERIFY(!db.isEmpty());
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QVERIFY2(query.exec(u"DELETE FROM search_vocabulary"_s), qPrintable(query.lastError().text()));
            QVERIFY2(query.exec(u"INSERT INTO search_vocabulary_fill (after_word) VALUES ('')"_s),
                     qPrintable(query.lastError().text()));
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);

        // A list without a search leaves it for later.
        test::CtlResult run = test::runCtl(db, {u"list"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));

        run = test::runCtl(db, {u"list"_s, u"--query"_s, u"delegations"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray articles = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(articles.size(), 1); // an inflection: found only through the filled vocabulary
        QCOMPARE(articles.first()[u"title"_s].toString(), kTalks);
        QCOMPARE(run.err.count(u'\n'), 1);
        QVERIFY2(run.err.contains(u"once, after an upgrade"_s), qPrintable(run.err));

        // Filled: no note the next time, and the Arabic forms are found as before.
        run = test::runCtl(db, {u"list"_s, u"--query"_s, u"talk"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QCOMPARE(found(u"موصل"_s, db), sorted({kErbil, kMosul}));
    }
};

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
