// mirsadctl on an archive it cannot write (its folder a read-only mount, or 0555 with files 0444
// for a user who cannot mount: PrivateMounts.h): the commands that read work, the ones that
// write are refused with a sentence, and the file stays byte for byte as it was.

#include "CtlRunner.h"
#include "PrivateMounts.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace mirsad;
using namespace Qt::StringLiterals;

class TestReadOnlyCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void readsWorkAndWritesAreRefused() {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(u"archive"_s)));
        const QString db = dir.filePath(u"archive/desk.sqlite"_s);
        QCOMPARE(test::runCtl(db, {u"import"_s, test::seedPath()}).exitCode, 0);
        QJsonArray listed = test::listArticles(db);
        QVERIFY(!listed.isEmpty());
        const QString id = QString::number(listed.first().toObject().value(u"id"_s).toInteger());
        QCOMPARE(test::runCtl(db, {u"note"_s, id, u"Before the archive went read-only."_s}).exitCode, 0);
        listed = test::listArticles(db);
        const auto digest = [&] {
            return QCryptographicHash::hash(test::readFile(db), QCryptographicHash::Sha256);
        };
        const QByteArray before = digest();

        test::ReadOnlyFolder readOnly;
        const QString made = readOnly.make(dir.filePath(u"archive"_s));
        QVERIFY2(made.isEmpty(), qPrintable(made));

        // What reads works.
        QCOMPARE(test::listArticles(db), listed);
        test::CtlResult run = test::runCtl(db, {u"show"_s, id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = test::runCtl(db, {u"annotations"_s});
        QVERIFY2(run.exitCode == 0 && run.out.contains(u"Before the archive went read-only."_s),
                 qPrintable(run.out + run.err));
        run = test::runCtl(db, {u"export"_s, u"--format"_s, u"md"_s});
        QVERIFY2(run.exitCode == 0 && !run.out.isEmpty(), qPrintable(run.err));
        run = test::runCtl(db, {u"entities"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // closing warns of nothing

        // What writes is refused, saying why.
        for (const QStringList& write :
             {QStringList{u"note"_s, id, u"A second note."_s},
              QStringList{u"import"_s, test::dataPath(u"feeds/atom-xmlbase-xhtml.xml"_s)}}) {
            run = test::runCtl(db, write);
            QVERIFY2(run.exitCode != 0, qPrintable(write.join(u' ')));
            QVERIFY2(run.err.contains(u"This archive is read-only"_s), qPrintable(run.err));
        }
        QCOMPARE(test::listArticles(db), listed);
        readOnly.restore();
        QCOMPARE(digest(), before);
    }
};

QTEST_GUILESS_MAIN(TestReadOnlyCli)
#include "tst_readonlycli.moc"
