#include "TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>

using namespace mirsad;

class TestNotesCrash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // A helper process types into a note and is killed (SIGKILL) mid-typing: what was typed up
    // to about a second before the kill is on disk.
    void killWhileTypingLosesAtMostASecond() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
        QProcess typist;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        typist.setProcessEnvironment(env);
        typist.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        typist.start(QStringLiteral(NOTES_TYPIST_PATH), {path});
        QVERIFY(typist.waitForStarted());

        const int charactersPerSecond = 20; // the typist types every 50 ms
        int typed = 0;
        QElapsedTimer clock;
        clock.start();
        while (typed < 3 * charactersPerSecond && clock.elapsed() < 60000) {
            if (!typist.canReadLine() && !typist.waitForReadyRead(1000))
                continue;
            while (typist.canReadLine()) {
                const QByteArray line = typist.readLine().trimmed();
                if (line.startsWith("typed "))
                    typed = line.mid(6).toInt();
            }
        }
        QVERIFY2(typed >= 3 * charactersPerSecond, "the typist did not type");
        typist.kill(); // SIGKILL: no chance to flush anything
        QVERIFY(typist.waitForFinished(5000));
        QCOMPARE(typist.exitStatus(), QProcess::CrashExit);

        const QString connection = storage::uniqueConnectionName(QStringLiteral("crash"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, connection);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("SELECT body FROM notes")));
            QVERIFY(query.next());
            const QString body = query.value(0).toString();
            QString expected;
            for (int i = 0; i < body.size(); ++i)
                expected += QChar(u'a' + i % 26);
            QCOMPARE(body, expected); // what is there is what was typed, in order
            const int lost = typed - int(body.size());
            qInfo("typed %d characters before the kill, %lld on disk: %d lost (%d ms of typing)", typed,
                  qint64(body.size()), lost, lost * 1000 / charactersPerSecond);
            QVERIFY2(lost <= charactersPerSecond + 2, qPrintable(QString::number(lost)));
        }
        storage::closeDatabase(connection);
    }
};

QTEST_GUILESS_MAIN(TestNotesCrash)
#include "tst_notescrash.moc"
