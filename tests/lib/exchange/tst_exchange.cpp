#include "TestSupport.h"
#include "exchange/AnnotationData.h"

using namespace mirsad;

class TestExchange : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }
};

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
