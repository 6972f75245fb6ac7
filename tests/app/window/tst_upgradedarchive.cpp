// An archive made before article bodies were stored compressed (schema before 014) opens in
// the real window: the upgrade converts it on the way, the reader shows its Arabic articles
// with their names and highlights where they were, and the file is much smaller afterwards.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>

using namespace mirsad;

namespace {

QString arabicText(int i) {
    return QStringLiteral("استقبل رئيس الوزراء في بغداد وفدًا من أربيل لبحث ملف الموازنة والنفط، رقم %1.\n\n"
                          "وقال مصدر مطلع إن الاجتماع ناقش رواتب موظفي الإقليم وحصته من الموازنة الاتحادية. ")
        .arg(i)
        .repeated(1 + i % 7);
}

QString arabicHtml(int i) {
    QString html;
    for (const QString& paragraph : arabicText(i).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>").arg(paragraph.toHtmlEscaped());
    return html;
}

} // namespace

class TestUpgradedArchive : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void oldArchiveOpensCompactedAndReadsAsBefore() {
        QTemporaryDir dir;
        test::isolateSettings(dir);
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        constexpr int kArticles = 1200;
        const QString name = storage::uniqueConnectionName(QStringLiteral("old"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, name, false);
            QVERIFY2(db, qPrintable(db.error()));
            QVERIFY(storage::migrate(*db, 13));
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("INSERT INTO feeds (id, url, title, created) VALUES "
                                              "(1, 'https://shafaq.example/feed', 'شفق نيوز', 0)")));
            QVERIFY(db->transaction());
            query.prepare(QStringLiteral("INSERT INTO articles (id, feed_id, dedupe_key, title, published, "
                                         "fetched, sort_time, content_hash, html, text, mentions, read) "
                                         "VALUES (?, 1, ?, ?, ?, ?, ?, 'h', ?, ?, ?, 1)"));
            for (int i = 1; i <= kArticles; ++i) {
                const QString text = arabicText(i);
                const qsizetype erbil = text.indexOf(QStringLiteral("أربيل"));
                for (const QVariant& value :
                     {QVariant(i), QVariant(QString::number(i)),
                      QVariant(QStringLiteral("وفد من أربيل في بغداد %1").arg(i)),
                      QVariant(1'600'000'000 + i), QVariant(1'600'000'000 + i), QVariant(1'600'000'000 + i),
                      QVariant(arabicHtml(i)), QVariant(text),
                      QVariant(QStringLiteral("[[\"erbil\",%1,%2]]").arg(erbil).arg(erbil + 5))})
                    query.addBindValue(value);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
            const qsizetype budget = arabicText(kArticles).indexOf(QStringLiteral("الموازنة"));
            QVERIFY(query.exec(
                QStringLiteral("INSERT INTO highlights (article_id, color, quote, start, end, created, "
                               "updated) VALUES (%1, 'yellow', 'الموازنة', %2, %3, 0, 0)")
                    .arg(kArticles)
                    .arg(budget)
                    .arg(budget + 8)));
            QVERIFY(db->commit());
        }
        storage::closeDatabase(name);
        const qint64 before = QFileInfo(path).size();

        {
            // As test::openWindow, with the status bar's messages kept from the start.
            test::OpenWindow open;
            open.storage = std::make_unique<storage::Storage>(path);
            open.window = std::make_unique<MainWindow>(*open.storage);
            MainWindow& window = *open.window;
            QStringList messages;
            connect(window.statusBar(), &QStatusBar::messageChanged, this,
                    [&messages](const QString& message) { messages << message; });
            QSignalSpy shown(&window, &MainWindow::articleShown);
            window.resize(1400, 860);
            window.show();
            window.start();
            QVERIFY(shown.wait(30000));
            // The conversion's progress was shown while the user waited.
            static const QRegularExpression progress(QStringLiteral(
                "^Upgrading the archive for this version of Mirsad: [0-9,]+ of 1,?200 articles"));
            QVERIFY2(!messages.filter(progress).isEmpty(), qPrintable(messages.join(u'\n')));
            QTableView* list = window.articleView();
            list->setFocus();
            // Newest first: the sample articles a new window adds, then the archive's newest.
            QTest::keyClick(list, Qt::Key_Home);
            for (int step = 0; step < 8 && window.reader()->article().id != kArticles; ++step) {
                QTest::keyClick(list, Qt::Key_Down);
                QTest::qWait(300);
            }
            QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().id, qint64(kArticles), 10000);
            const Article& newest = window.reader()->article();
            QCOMPARE(newest.text, arabicText(kArticles));
            // Re-tagged on opening (the archive's tagged_version is old), from the compressed text:
            // every name's offsets fit it.
            QVERIFY(!newest.mentions.isEmpty());
            bool erbil = false;
            for (const StoredMention& mention : newest.mentions) {
                QCOMPARE(newest.text.mid(mention.start, mention.end - mention.start), mention.surface);
                erbil = erbil || (mention.entityId == QStringLiteral("erbil") &&
                                  mention.surface == QStringLiteral("أربيل"));
            }
            QVERIFY(erbil);
            QVERIFY(window.reader()->toPlainText().contains(QStringLiteral("لبحث ملف الموازنة والنفط")));
            QTest::keyClick(list, Qt::Key_Down);
            QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().id, qint64(kArticles - 1), 10000);
            QCOMPARE(window.reader()->article().text, arabicText(kArticles - 1));
            QTest::keyClick(list, Qt::Key_Up);
            QTRY_COMPARE_WITH_TIMEOUT(window.reader()->article().id, qint64(kArticles), 10000);
            QTest::qWait(300);
            QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("upgraded-archive.png"))));
        }
        const QString check = storage::uniqueConnectionName(QStringLiteral("check"));
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, check, false);
            QVERIFY(db);
            QCOMPARE(storage::schemaVersion(*db), storage::latestSchemaVersion());
            QSqlQuery query(*db);
            QVERIFY(query.exec(QStringLiteral("SELECT start, end, orphaned FROM highlights")) &&
                    query.next());
            QCOMPARE(arabicText(kArticles).mid(query.value(0).toInt(), 8), QStringLiteral("الموازنة"));
            QCOMPARE(query.value(2).toInt(), 0);
        }
        storage::closeDatabase(check);
        QVERIFY2(QFileInfo(path).size() < before / 2,
                 qPrintable(QStringLiteral("%1 -> %2 bytes").arg(before).arg(QFileInfo(path).size())));
    }
};

QTEST_MAIN(TestUpgradedArchive)
#include "tst_upgradedarchive.moc"
