#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "names/AddNameDialog.h"
#include "names/NameTeacher.h"
#include "storage/ArticleQueries.h"
#include "storage/Storage.h"
#include "tagging/Retagger.h"
#include "tagging/Tagger.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTimer>
#include <QUndoStack>

using namespace mirsad;

class TestAddName : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void searchFindsEntitiesInBothScripts_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("entity");
        QTest::newRow("english") << QStringLiteral("erbil") << QStringLiteral("erbil");
        QTest::newRow("arabic without hamza") << QStringLiteral("اربيل") << QStringLiteral("erbil");
        QTest::newRow("variant") << QStringLiteral("Al-Kazemi") << QStringLiteral("mustafa-al-kadhimi");
    }

    void searchFindsEntitiesInBothScripts() {
        QFETCH(QString, typed);
        QFETCH(QString, entity);
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::builtin();
        QVERIFY2(tagger, qPrintable(tagger.error()));
        QStringList ids;
        for (const names::Entity* found : AddNameDialog::search(**tagger, typed))
            ids << found->id;
        QVERIFY2(ids.contains(entity), qPrintable(ids.join(u',')));
    }

    void teachingAnAliasRetagsTheArchive() {
        QTemporaryDir dir;
        storage::Storage storage(dir.filePath(QStringLiteral("names.sqlite")));
        QVERIFY(storage.open().result());
        Article article;
        article.title = QStringLiteral("Talks in Arbeelu");
        article.text = QStringLiteral("Delegations met in Arbeelu on Monday to discuss salaries.");
        Result<storage::UpsertResult> stored =
            storage.writer()
                .run([article](QSqlDatabase& db) { return ingest::storeArticle(db, article); })
                .result();
        QVERIFY2(stored, qPrintable(stored.error()));
        const qint64 id = stored->id;

        QWidget window;
        QUndoStack undo;
        NameTeacher teacher(
            storage, &undo, [] { return QStringLiteral("Arbeelu"); }, &window);
        QSignalSpy finished(&teacher.retagger(), &tagging::Retagger::finished);
        // Answer the dialog as a user would: alias mode, search "Erbil", pick it, OK.
        QTimer::singleShot(200, this, [] {
            auto* dialog = qobject_cast<AddNameDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->alias(), QStringLiteral("Arbeelu"));
            auto* search = dialog->findChild<QLineEdit*>(QStringLiteral("entitySearch"));
            QTest::keyClicks(search, QStringLiteral("Erbil"));
            auto* matches = dialog->findChild<QListWidget*>(QStringLiteral("entityMatches"));
            QVERIFY(matches->count() > 0);
            QCOMPARE(dialog->aliasEntityId(), QStringLiteral("erbil"));
            dialog->grab().save(test::screenshotPath(QStringLiteral("add-name-dialog.png")));
            dialog->accept();
        });
        teacher.addNameAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 20000);
        QVERIFY(finished.first().first().toLongLong() >= 1);

        Result<Article> retagged =
            storage.reader().run([id](QSqlDatabase& db) { return storage::loadArticle(db, id); }).result();
        QVERIFY(retagged);
        QCOMPARE(retagged->mentions.size(), 1);
        QCOMPARE(retagged->mentions.first().entityId, QStringLiteral("erbil"));
        QCOMPARE(retagged->mentions.first().surface, QStringLiteral("Arbeelu"));
        QCOMPARE(undo.count(), 1);
    }

    // A name nothing resembles opens on a new entity whose kind the user must choose: Enter
    // alone adds nothing; typing the kind's first letter chooses it, then Enter adds it.
    void aNewEntityNeedsItsKind() {
        Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::builtin();
        QVERIFY2(tagger, qPrintable(tagger.error()));
        AddNameDialog dialog(*tagger, QStringLiteral("Zorava Council"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.isAlias());
        QVERIFY(dialog.suggestionReason().isEmpty());
        QTest::keyClick(&dialog, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("entityKind"));
        kind->setFocus();
        QTest::keyClicks(kind, QStringLiteral("O"));
        QCOMPARE(kind->currentText(), QStringLiteral("Organisation"));
        QTest::keyClick(kind, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.entity().kind, names::EntityKind::Organization);
        QCOMPARE(dialog.entity().name, QStringLiteral("Zorava Council"));
    }
};

QTEST_MAIN(TestAddName)
#include "tst_addname.moc"
