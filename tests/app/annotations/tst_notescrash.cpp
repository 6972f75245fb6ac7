#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <functional>

using namespace mirsad;

namespace {

// A notes_typist process, and what it has printed.
class Typist {
public:
    explicit Typist(const QStringList& arguments) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(NOTES_TYPIST_PATH), arguments);
    }
    ~Typist() {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Reads what it prints until `done` holds; false if it ends first, or after a minute.
    bool readUntil(const std::function<bool()>& done) {
        QDeadlineTimer deadline(60000);
        for (;;) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith("note "))
                    note = line.mid(5).toLongLong();
                else if (line.startsWith("start "))
                    start = line.mid(6).toLongLong();
                else if (line.startsWith("typed "))
                    typed = line.mid(6).toInt();
            }
            if (done())
                return true;
            if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(200);
        }
    }
    // SIGKILL: no chance to flush or save anything.
    bool kill() {
        m_process.kill();
        return m_process.waitForFinished(10000) && m_process.exitStatus() == QProcess::CrashExit;
    }
    bool finish() { return m_process.waitForFinished(60000) && m_process.exitCode() == 0; }

    qint64 note = 0;
    qint64 start = -1;
    int typed = 0;

private:
    QProcess m_process;
};

QString alphabetOf(qsizetype length) {
    QString text;
    for (qsizetype i = 0; i < length; ++i)
        text += QChar(char16_t(u'a' + i % 26));
    return text;
}

} // namespace

class TestNotesCrash : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    // A typist process types into a note and is killed (SIGKILL) at a random moment, again and
    // again: while the window opens, right after, mid-typing, with saves on their way or not.
    // Each start saves what the last one left in the journal; in the end the note holds every
    // character reported typed, in order, once, with no conflict copy. (The typist reports a
    // character after typing it, so a kill may keep one it never reported: at most one a round.)
    void noCharacterLostAcrossKills() {
        const quint32 seed = qEnvironmentVariableIsSet("MIRSAD_TEST_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("MIRSAD_TEST_SEED"))
                                 : QRandomGenerator::global()->generate();
        qInfo("seed %u (set MIRSAD_TEST_SEED to repeat)", seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.sqlite"));

        qint64 note = 0;
        qint64 reported = 0; // characters the typists said they typed, all rounds together
        {
            Typist first({path});
            QVERIFY2(first.readUntil([&] { return first.typed >= 5; }), "the first typist did not type");
            QVERIFY(first.kill());
            note = first.note;
            QVERIFY(note > 0);
            reported = first.typed;
        }
        const int rounds = 8;
        for (int round = 0; round < rounds; ++round) {
            // Autosave delays from eager (saves nearly always on their way) to the usual.
            const int idle = random.bounded(20, 600);
            const QString arguments =
                QStringLiteral("%1 %2 %3").arg(note).arg(idle).arg(idle + random.bounded(20, 500));
            Typist typist(QStringList{path} + arguments.split(u' '));
            const int when = random.bounded(10);
            if (when == 0) { // while the window opens (and saves the journal)
                QThread::msleep(random.bounded(50, 1500));
            } else {
                QVERIFY2(typist.readUntil([&] { return typist.start >= 0; }), "the typist did not start");
                // What it found is everything reported so far, and at most one more each round.
                QVERIFY2(typist.start >= reported && typist.start <= reported + round + 1,
                         qPrintable(QStringLiteral("round %1: %2 characters found, %3 reported")
                                        .arg(round)
                                        .arg(typist.start)
                                        .arg(reported)));
                const int target = when == 1 ? 0 : random.bounded(1, 40);
                QVERIFY(typist.readUntil([&] { return typist.typed >= target; }));
                QThread::msleep(random.bounded(20)); // anywhere between two keystrokes
            }
            QVERIFY(typist.kill());
            typist.readUntil([] { return false; }); // what it printed before it died
            if (typist.start >= 0)
                reported = typist.start + typist.typed;
            qInfo("round %d: idle %d ms, killed after %d characters; %lld reported in all", round, idle,
                  typist.typed, reported);
        }
        // One more start saves the last journal; it types nothing and ends.
        Typist last(
            {path, QString::number(note), QStringLiteral("500"), QStringLiteral("900"), QStringLiteral("0")});
        QVERIFY(last.readUntil([&] { return last.start >= 0; }));
        QVERIFY(last.finish());

        const QString connection = storage::uniqueConnectionName(QStringLiteral("crash"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, connection);
            QVERIFY2(db, qPrintable(db.error()));
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("SELECT id, body FROM notes")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toLongLong(), note);
            const QString body = query.value(1).toString();
            QVERIFY2(!query.next(), "a conflict copy was made of the typist's own typing");
            QCOMPARE(body, alphabetOf(body.size())); // in order, nothing twice
            qInfo("%lld characters reported typed across %d kills, %lld on disk", reported, rounds + 1,
                  qint64(body.size()));
            QVERIFY2(body.size() >= reported,
                     qPrintable(QStringLiteral("%1 lost").arg(reported - body.size())));
            QVERIFY(body.size() <= reported + rounds + 1);
            QCOMPARE(last.start, qint64(body.size()));
        }
        storage::closeDatabase(connection);
    }
};

QTEST_GUILESS_MAIN(TestNotesCrash)
#include "tst_notescrash.moc"
