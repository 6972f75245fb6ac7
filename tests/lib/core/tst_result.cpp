#include "core/MemoryTuning.h"
#include "core/Result.h"

#include <QTest>

using namespace mirsad;

namespace {

Result<int> half(int n) {
    if (n % 2 != 0)
        return couldNot(QStringLiteral("halve %1").arg(n), QStringLiteral("it is odd"));
    return n / 2;
}

} // namespace

class TestResult : public QObject {
    Q_OBJECT
private slots:
    void valueOrError() {
        const Result<int> ok = half(4);
        QVERIFY(ok.ok());
        QCOMPARE(*ok, 2);
        const Result<int> failed = half(3);
        QVERIFY(!failed);
        QCOMPARE(failed.error(), QStringLiteral("Could not halve 3: it is odd"));
    }
    void emptyResultIsAFailure() {
        // Result travels through QFuture, which default-constructs it.
        const Result<QString> empty;
        QVERIFY(!empty.ok());
        QVERIFY(!empty.error().isEmpty());
    }
    void statusCarriesItsSentence() {
        const Status fine;
        QVERIFY(fine.ok());
        const Status failed = couldNot(QStringLiteral("save the note"), QStringLiteral("disk full"));
        QVERIFY(!failed);
        QCOMPARE(failed.error(), QStringLiteral("Could not save the note: disk full"));
    }
    void allocatorIsNamed() { QVERIFY(!allocatorDescription().isEmpty()); }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
