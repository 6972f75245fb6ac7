// The annotation commands of mirsadctl through the real binary: highlight, note, annotations and
// import-annotations, with their refusals.

#include "CtlRunner.h"
#include "ExchangeFixture.h"
#include "TestSupport.h"

#include <QJsonObject>
#include <QTemporaryDir>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestAnnotationCli : public QObject {
    Q_OBJECT
    std::unique_ptr<test::TempDatabase> m_db;
    QList<qint64> m_ids;
    QTemporaryDir m_config;

    test::CtlResult ctl(const QStringList& args) { return test::runCtl(m_db->path(), args); }
    qint64 count(const QString& table) {
        test::TempDatabase* db = m_db.get();
        qint64 n = -1;
        {
            Result<QSqlDatabase> check = storage::openDatabase(db->path(), u"check"_s);
            if (check) {
                QSqlQuery query(*check);
                if (query.exec(u"SELECT count(*) FROM "_s + table) && query.next())
                    n = query.value(0).toLongLong();
            }
        }
        storage::closeDatabase(u"check"_s);
        return n;
    }
    QJsonObject annotationsJson(const QStringList& filters = {}) {
        const test::CtlResult run = ctl(QStringList{u"annotations"_s, u"--json"_s} + filters);
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        // mirsadctl reads the GUI's settings (the author's name): not the user's own here.
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }
    void init() {
        m_db = std::make_unique<test::TempDatabase>();
        QVERIFY(m_db->ok());
        m_ids = test::storeExchangeArticles(m_db->db());
        QCOMPARE(m_ids.size(), 3);
        m_db->close();
    }

    void highlightFindsTheQuoteExactlyOrFolded() {
        const QString oil = QString::number(m_ids[0]), erbil = QString::number(m_ids[1]);
        test::CtlResult run = ctl({u"highlight"_s, oil, u"--quote"_s, u"Exports to Turkey"_s, u"--color"_s,
                                   u"green"_s, u"--note"_s, u"Pipeline **open**"_s});
        QCOMPARE(run.exitCode, 0);
        bool isNumber = false;
        const qint64 highlightId = run.out.trimmed().toLongLong(&isNumber);
        QVERIFY2(isNumber, qPrintable(run.out + run.err));
        // Folded like the reader's find: اربيل finds أربيل.
        run = ctl({u"highlight"_s, erbil, u"--quote"_s, u"اربيل"_s});
        QCOMPARE(run.exitCode, 0);

        const QJsonObject json = annotationsJson();
        QCOMPARE(json[u"format"].toString(), u"mirsad-annotations"_s);
        const QJsonArray articles = json[u"articles"].toArray();
        QCOMPARE(articles.size(), 2);
        // Newest first: the Arabic article (5 March), then the oil one (1 March).
        QCOMPARE(articles[0][u"highlights"][0][u"quote"].toString(), u"أربيل"_s);
        QCOMPARE(articles[0][u"highlights"][0][u"color"].toString(), u"yellow"_s);
        const QJsonObject turkey = articles[1][u"highlights"][0].toObject();
        QCOMPARE(turkey[u"id"].toInteger(), highlightId);
        QCOMPARE(turkey[u"color"].toString(), u"green"_s);
        const QString text = QString::fromUtf16(test::exchangeArticles[0].text);
        QCOMPARE(turkey[u"start"].toInteger(), text.indexOf(u"Exports") - 1); // code points: the emoji is one
        QCOMPARE(articles[1][u"notes"][0][u"highlight"].toInteger(), highlightId);
        QCOMPARE(articles[1][u"notes"][0][u"body"].toString(), u"Pipeline **open**"_s);
        QVERIFY(!articles[1][u"notes"][0][u"author"].toString().isEmpty());

        // Filters: only the Arabic article.
        QCOMPARE(annotationsJson({u"--query"_s, u"بغداد"_s})[u"articles"].toArray().size(), 1);
        // Readable lines.
        run = ctl({u"annotations"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"[green]"_s) && run.out.contains(u"“Exports to Turkey”"_s) &&
                     run.out.contains(u"Pipeline **open**"_s),
                 qPrintable(run.out));
    }

    void highlightRefusesAbsentAndAmbiguousQuotes() {
        const QString oil = QString::number(m_ids[0]);
        test::CtlResult run = ctl({u"highlight"_s, oil, u"--quote"_s, u"pipeline exploded"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"does not occur"_s), qPrintable(run.err));

        run = ctl({u"highlight"_s, oil, u"--quote"_s, u"the ministry"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"occurs twice"_s) && run.err.contains(u"--occurrence"_s) &&
                     run.err.contains(u"March, [the ministry] said"_s) &&
                     run.err.contains(u"[the ministry] added"_s),
                 qPrintable(run.err));
        QCOMPARE(count(u"highlights"_s), 0);

        run = ctl({u"highlight"_s, oil, u"--quote"_s, u"the ministry"_s, u"--occurrence"_s, u"3"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"no occurrence 3"_s), qPrintable(run.err));

        run = ctl({u"highlight"_s, oil, u"--quote"_s, u"the ministry"_s, u"--occurrence"_s, u"2"_s});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf16(test::exchangeArticles[0].text);
        QCOMPARE(annotationsJson()[u"articles"][0][u"highlights"][0][u"start"].toInteger(),
                 text.lastIndexOf(u"the ministry") - 1);

        // Usage errors: exit 2, nothing stored.
        QCOMPARE(ctl({u"highlight"_s, oil, u"--quote"_s, u"Basra"_s, u"--color"_s, u"purple"_s}).exitCode, 2);
        QCOMPARE(ctl({u"highlight"_s, oil}).exitCode, 2);
        QCOMPARE(ctl({u"highlight"_s, u"abc"_s, u"--quote"_s, u"Basra"_s}).exitCode, 2);
        QCOMPARE(ctl({u"highlight"_s, oil, u"--quote"_s, u"Basra"_s, u"--occurrence"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(ctl({u"highlight"_s, u"999999"_s, u"--quote"_s, u"Basra"_s}).exitCode, 1);
        QCOMPARE(count(u"highlights"_s), 1);
    }

    void noteOnTheArticleOrAHighlight() {
        const QString budget = QString::number(m_ids[2]);
        test::CtlResult run = ctl({u"highlight"_s, budget, u"--quote"_s, u"Erbil"_s});
        QCOMPARE(run.exitCode, 0);
        const QString highlightId = run.out.trimmed();
        const QStringList note{u"note"_s,  budget,      u"ملاحظة **مهمة**"_s, u"--tag"_s, u"كردستان"_s,
                               u"--tag"_s, u"budget"_s, u"--highlight"_s,     highlightId};
        if (m_db->isPostgres()) // the author is the role connected: nobody signs as another
            QCOMPARE(ctl(note + QStringList{u"--author"_s, u"Rana"_s}).exitCode, 2);
        run = ctl(m_db->isPostgres() ? note : note + QStringList{u"--author"_s, u"Rana"_s});
        QCOMPARE(run.exitCode, 0);
        run = ctl({u"note"_s, budget, u"On the whole article."_s});
        QCOMPARE(run.exitCode, 0);

        const QJsonArray notes = annotationsJson()[u"articles"][0][u"notes"].toArray();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes[0][u"highlight"].toInteger(), highlightId.toLongLong());
        QCOMPARE(notes[0][u"tags"].toArray(), (QJsonArray{u"كردستان"_s, u"budget"_s}));
        QCOMPARE(notes[0][u"author"].toString(), test::signedBy(u"Rana"_s));
        QCOMPARE(notes[0][u"language"].toString(), u"ar"_s);
        QCOMPARE(notes[1][u"highlight"].type(), QJsonValue::Null);
        // The GUI's default author: the login name when no name is set in its preferences.
        QCOMPARE(notes[1][u"author"].toString(),
                 test::signedBy(qEnvironmentVariable("USER", QDir::home().dirName())));

        // The name set in the GUI's preferences signs the notes written here too.
        QDir().mkpath(m_config.filePath(u"Mirsad"_s));
        QFile settings(m_config.filePath(u"Mirsad/Mirsad.conf"_s));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[General]\nauthor=Layla Analyst\n");
        settings.close();
        QCOMPARE(ctl({u"note"_s, budget, u"Signed."_s}).exitCode, 0);
        QCOMPARE(annotationsJson()[u"articles"][0][u"notes"][2][u"author"].toString(),
                 test::signedBy(u"Layla Analyst"_s));
        QFile::remove(settings.fileName());

        // Refusals: a highlight of another article, an empty note, no text.
        run = ctl({u"note"_s, QString::number(m_ids[0]), u"x"_s, u"--highlight"_s, highlightId});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"has no highlight"_s), qPrintable(run.err));
        QCOMPARE(ctl({u"note"_s, budget, u"  "_s}).exitCode, 2);
        QCOMPARE(ctl({u"note"_s, budget}).exitCode, 2);
        QCOMPARE(count(u"notes"_s), 3);
    }

    void importAnnotationsReportsAndIsIdempotent() {
        const QString w3c = test::dataPath(u"exchange/w3c-annotation.json"_s);
        test::CtlResult run = ctl({u"import-annotations"_s, w3c});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Stored 1 highlight and 1 note; 0 were already there."_s),
                 qPrintable(run.out));
        run = ctl({u"import-annotations"_s, w3c});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Stored 0 highlights and 0 notes; 2 were already there."_s),
                 qPrintable(run.out));
        const QJsonObject budget = annotationsJson()[u"articles"][0].toObject();
        QCOMPARE(budget[u"highlights"][0][u"quote"].toString(), u"officials in Erbil"_s);
        QCOMPARE(budget[u"highlights"][0][u"color"].toString(), u"green"_s);
        QCOMPARE(budget[u"notes"][0][u"author"].toString(), test::signedBy(u"Rana"_s));
        QCOMPARE(budget[u"notes"][0][u"tags"].toArray(), QJsonArray{u"meetings"_s});

        // Some unmatched: listed, the rest stored, exit 1.
        run = ctl({u"import-annotations"_s, test::dataPath(u"exchange/hypothesis-export.json"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(u"Stored 2 highlights and 2 notes"_s) &&
                run.out.contains(u"2 not imported:"_s) &&
                run.out.contains(u"no article has the link https://news.example.com/kirkuk-oil-field"_s) &&
                run.out.contains(u"“pipeline exploded” is not in"_s),
            qPrintable(run.out));

        // Malformed: a sentence, nothing stored.
        const qint64 highlights = count(u"highlights"_s), notes = count(u"notes"_s);
        run = ctl({u"import-annotations"_s, test::dataPath(u"exchange/malformed.jsonld"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"not valid JSON"_s) && run.err.contains(u"Nothing was imported."_s),
                 qPrintable(run.err));
        QCOMPARE(count(u"highlights"_s), highlights);
        QCOMPARE(count(u"notes"_s), notes);
        QCOMPARE(ctl({u"import-annotations"_s, u"/nonexistent/file.json"_s}).exitCode, 1);
        QCOMPARE(ctl({u"import-annotations"_s}).exitCode, 2);

        // A file larger than any annotation export is refused before it is read (a sparse file:
        // no disk used).
        QTemporaryDir dir;
        QFile huge(dir.filePath(u"huge.jsonld"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly) && huge.resize(qint64(300) << 20));
        huge.close();
        run = ctl({u"import-annotations"_s, huge.fileName()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"larger than 256 MB"_s) && run.err.contains(u"nothing was imported"_s),
                 qPrintable(run.err));
        QCOMPARE(count(u"highlights"_s), highlights);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationCli)
#include "tst_annotationcli.moc"
