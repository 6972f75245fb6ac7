#include "TestSupport.h"
#include "ingest/ArticleImport.h"
#include "storage/ArticleQueries.h"
#include "storage/Dialect.h"
#include "storage/Storage.h"
#include "tagging/Retagger.h"
#include "tagging/Tagger.h"

#include <QSignalSpy>
#include <QSqlQuery>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

Article article(const QString& key, const QString& text) {
    Article a;
    a.title = key;
    a.link = QStringLiteral("https://example.org/") + key;
    a.text = text;
    return a;
}

// The stored mentions of every article, as "id:entity@start-end" strings.
QStringList mentionRows(QSqlDatabase& db) {
    QStringList rows;
    QSqlQuery query(db);
    query.exec(
        storage::isPostgres(db)
            ? QStringLiteral("SELECT a.id, m ->> 0, (m ->> 1)::int, (m ->> 2)::int FROM articles a, "
                             "jsonb_array_elements(a.mentions::jsonb) m ORDER BY 1, 3")
            : QStringLiteral("SELECT a.id, m.value ->> 0, m.value ->> 1, m.value ->> 2 FROM articles a, "
                             "json_each(a.mentions) m ORDER BY 1, 3"));
    while (query.next())
        rows << QStringLiteral("%1:%2@%3-%4")
                    .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString());
    return rows;
}

QStringList entitiesOf(QSqlDatabase& db, qint64 articleId) {
    QStringList ids;
    QSqlQuery query(db);
    query.prepare(
        storage::isPostgres(db)
            ? QStringLiteral("SELECT m ->> 0 FROM articles a, jsonb_array_elements(a.mentions::jsonb) m "
                             "WHERE a.id = ? ORDER BY (m ->> 1)::int")
            : QStringLiteral("SELECT m.value ->> 0 FROM articles a, json_each(a.mentions) m WHERE a.id = ? "
                             "ORDER BY m.value ->> 1"));
    query.addBindValue(articleId);
    query.exec();
    while (query.next())
        ids << query.value(0).toString();
    return ids;
}

qint64 outdated(QSqlDatabase& db) {
    Result<std::shared_ptr<const tagging::Tagger>> tagger = tagging::Tagger::forDatabase(db);
    return tagger ? tagging::countOutdated(db, (*tagger)->version()).value() : -1;
}

// A change of the user's names, then the re-tagging it calls for.
Result<tagging::RetagReport> retagAfter(QSqlDatabase& db, const Result<tagging::NamesAdded>& changed) {
    if (!changed)
        return Error{changed.error()};
    return tagging::retagArchive(db, *changed);
}

// Whether tagging every article from scratch gives the mentions the fast path left.
bool sameAsFromScratch(QSqlDatabase& db) {
    const QStringList fast = mentionRows(db);
    QSqlQuery reset(db);
    if (!reset.exec(QStringLiteral("UPDATE articles SET tagged_version = 'old'")))
        return false;
    Result<tagging::RetagReport> full = tagging::retagArchive(db);
    return full && full->changed == 0 && mentionRows(db) == fast;
}

} // namespace

// Signals are awaited by count, not QSignalSpy::wait(): a database result that is ready when
// QFuture::then() is called continues at once, so the signal can come before wait() starts.
class TestRetagger : public QObject {
    Q_OBJECT
private slots:
    // With nothing out of date there is nothing to look for: a start-up check on a large archive
    // must not walk every article row to find that out.
    void planWithNothingOutdatedIsDone() {
        tagging::NamesAdded added{
            {QStringLiteral("old")}, {QStringLiteral("Arbela")}, QStringLiteral("erbil")};
        QCOMPARE(tagging::RetagPlan({}, QStringLiteral("v2"), 0).next(), tagging::RetagPlan::Step::Done);
        QCOMPARE(tagging::RetagPlan(added, QStringLiteral("v2"), 0).next(), tagging::RetagPlan::Step::Done);
        QCOMPARE(tagging::RetagPlan({}, QStringLiteral("v2"), 5).next(),
                 tagging::RetagPlan::Step::ReadOutdated);
        QCOMPARE(tagging::RetagPlan(added, QStringLiteral("v2"), 5).next(),
                 tagging::RetagPlan::Step::FindCandidates);
    }

    void initTestCase() { test::isolateFromUserData(); }

    // The full-text vocabulary finds the articles a new name can touch, through romanisation
    // variants and Arabic clitics, and no others.
    void candidatesThroughVariants() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QList<qint64> ids;
        for (const auto& [key, text] : QList<std::pair<QString, QString>>{
                 {QStringLiteral("a"), QStringLiteral("Tourists visited the citadel of Arbela on Friday.")},
                 {QStringLiteral("b"), QStringLiteral("The governor of Arbeela said the road is open.")},
                 {QStringLiteral("c"), QStringLiteral("الكاظمي يزور بغداد")},
                 {QStringLiteral("d"), QStringLiteral("وصل الوفد الى بدار السلام أمس")},
                 {QStringLiteral("e"), QStringLiteral("Nothing here but the Green Zone.")}}) {
            Result<storage::UpsertResult> stored = ingest::storeArticle(db.db(), article(key, text));
            QVERIFY2(stored, qPrintable(stored.error()));
            ids << stored->id;
        }
        auto latin = tagging::candidateArticles(db.db(), {QStringLiteral("Arbela")});
        QVERIFY2(latin, qPrintable(latin.error()));
        QVERIFY(latin->has_value());
        QCOMPARE(**latin, (QList<qint64>{ids[0], ids[1]}));
        auto arabic = tagging::candidateArticles(db.db(), {QStringLiteral("دار السلام")});
        QVERIFY2(arabic, qPrintable(arabic.error()));
        QCOMPARE(**arabic, (QList<qint64>{ids[3]}));
        auto nowhere = tagging::candidateArticles(db.db(), {QStringLiteral("Ctesiphon")});
        QVERIFY(nowhere && nowhere->has_value() && (*nowhere)->isEmpty());
    }

    // The synchronous path mirsadctl uses: only the articles with the new name change, and the
    // result is the same as tagging everything from scratch.
    void addAliasRetagsOnlyWhatChanges() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QList<qint64> ids;
        for (int i = 0; i < 30; ++i) {
            const QString text =
                i % 10 == 3 ? QStringLiteral("Tourists visited the citadel of Arbela, said Masrour Barzani.")
                            : QStringLiteral("Kadhimi met Barham Salih in Baghdad, report %1.").arg(i);
            Result<storage::UpsertResult> stored =
                ingest::storeArticle(db.db(), article(QString::number(i), text));
            QVERIFY2(stored, qPrintable(stored.error()));
            ids << stored->id;
        }
        QCOMPARE(entitiesOf(db.db(), ids[3]), QStringList{QStringLiteral("masrour-barzani")});
        const QStringList before = mentionRows(db.db());

        Result<tagging::NamesAdded> added =
            tagging::storeUserAlias(db.db(), QStringLiteral("erbil"), QStringLiteral("Arbela"));
        QVERIFY2(added, qPrintable(added.error()));
        QCOMPARE(outdated(db.db()), qint64(30));
        QList<qint64> progress;
        Result<tagging::RetagReport> report =
            tagging::retagArchive(db.db(), *added, [&](qint64 done, qint64) { progress << done; });
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->examined, qint64(3)); // the three articles with "Arbela"
        QCOMPARE(report->bumped, qint64(27));
        QCOMPARE(report->changed, qint64(3));
        QCOMPARE(progress.last(), qint64(30));
        QCOMPARE(outdated(db.db()), qint64(0));
        QCOMPARE(entitiesOf(db.db(), ids[3]),
                 (QStringList{QStringLiteral("erbil"), QStringLiteral("masrour-barzani")}));
        QCOMPARE(entitiesOf(db.db(), ids[0]), entitiesOf(db.db(), ids[1]));
        const QStringList fast = mentionRows(db.db());
        QCOMPARE(fast.size(), before.size() + 3);

        // Everything matched again from scratch gives the same mentions.
        QSqlQuery reset(db.db());
        QVERIFY(reset.exec(QStringLiteral("UPDATE articles SET tagged_version = 'old'")));
        Result<tagging::RetagReport> full = tagging::retagArchive(db.db());
        QVERIFY2(full, qPrintable(full.error()));
        QCOMPARE(full->examined, qint64(30));
        QCOMPARE(full->changed, qint64(0));
        QCOMPARE(mentionRows(db.db()), fast);
    }

    void refusesWhatCannotBeStored() {
        test::TempDatabase db;
        QVERIFY(db.ok());
        auto unknown =
            tagging::storeUserAlias(db.db(), QStringLiteral("no-such-entity"), QStringLiteral("X"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains(QStringLiteral("no-such-entity")));
        QVERIFY(!tagging::storeUserAlias(db.db(), QStringLiteral("erbil"), QStringLiteral(" - ")));
        auto known = tagging::storeUserAlias(db.db(), QStringLiteral("erbil"), QStringLiteral("Hawler"));
        QVERIFY(known && known->isEmpty());
        names::Entity taken;
        taken.id = QStringLiteral("erbil");
        taken.kind = names::EntityKind::Place;
        taken.name = QStringLiteral("Erbil again");
        QVERIFY(!tagging::storeUserEntity(db.db(), taken));
        names::Entity orphan;
        orphan.kind = names::EntityKind::Place;
        orphan.name = QStringLiteral("Somewhere");
        orphan.within = {QStringLiteral("atlantis")};
        auto refused = tagging::storeUserEntity(db.db(), orphan);
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(QStringLiteral("atlantis")));
    }

    // What was taught can be changed or taken back: each change re-tags only the articles with
    // the names involved, and leaves the archive as tagging it from scratch would.
    void changeAndRemoveWhatWasTaught() {
        test::TempDatabase db;
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QList<qint64> ids;
        QStringList texts{QStringLiteral("Tourists visited the citadel of Arbela on Friday."),
                          QStringLiteral("Asoy Nwe said the vote in Sulaymaniyah was fair."),
                          QStringLiteral("The leader of New Horizon spoke in Duhok.")};
        for (int i = 0; i < 8; ++i)
            texts << QStringLiteral("Kadhimi met Barham Salih in Baghdad, report %1.").arg(i);
        for (const QString& text : std::as_const(texts)) {
            Result<storage::UpsertResult> stored =
                ingest::storeArticle(db.db(), article(QString::number(ids.size()), text));
            QVERIFY2(stored, qPrintable(stored.error()));
            ids << stored->id;
        }
        const QStringList original = mentionRows(db.db());
        QCOMPARE(entitiesOf(db.db(), ids[2]), QStringList{QStringLiteral("duhok")});

        // An alias: added, given to another entity, removed.
        auto report = retagAfter(db.db(), tagging::storeUserAlias(db.db(), u"erbil"_s, u"Arbela"_s));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(entitiesOf(db.db(), ids[0]), QStringList{u"erbil"_s});
        report = retagAfter(
            db.db(), tagging::updateUserAlias(db.db(), {u"erbil"_s, u"Arbela"_s}, {u"duhok"_s, u"Arbela"_s}));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->examined, qint64(1)); // only the article with "Arbela" is read again
        QCOMPARE(report->bumped, qint64(texts.size() - 1));
        QCOMPARE(report->changed, qint64(1));
        QCOMPARE(entitiesOf(db.db(), ids[0]), QStringList{u"duhok"_s});
        QVERIFY(!tagging::updateUserAlias(db.db(), {u"duhok"_s, u"Arbela"_s}, {u"duhok"_s, u"Duhok"_s}));
        report = retagAfter(db.db(), tagging::removeUserAlias(db.db(), u"duhok"_s, u"Arbela"_s));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->examined, qint64(1));
        QCOMPARE(report->changed, qint64(1));
        QCOMPARE(mentionRows(db.db()), original);
        QCOMPARE(outdated(db.db()), qint64(0));
        const auto again = tagging::removeUserAlias(db.db(), u"duhok"_s, u"Arbela"_s);
        QVERIFY(!again);
        QVERIFY2(again.error().contains(u"Arbela"_s), qPrintable(again.error()));

        // An entity with a spelling added afterwards: changed, removed, put back.
        names::Entity party;
        party.kind = names::EntityKind::Organization;
        party.name = u"New Horizon"_s;
        party.nameAr = u"الأفق الجديد"_s;
        report = retagAfter(db.db(), tagging::storeUserEntity(db.db(), party));
        QVERIFY2(report, qPrintable(report.error()));
        party.id = u"new-horizon"_s;
        report = retagAfter(db.db(), tagging::storeUserAlias(db.db(), party.id, u"Asoy Nwe"_s));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(entitiesOf(db.db(), ids[1]), (QStringList{party.id, u"sulaymaniyah"_s}));
        QCOMPARE(entitiesOf(db.db(), ids[2]), (QStringList{party.id, u"duhok"_s}));
        Result<tagging::UserNameList> list = tagging::listUserNames(db.db());
        QVERIFY2(list, qPrintable(list.error()));
        QCOMPARE(list->entities.size(), 1);
        QCOMPARE(list->entities.first().name, party.name);
        QCOMPARE(list->aliases, (QList<tagging::UserAlias>{{party.id, u"Asoy Nwe"_s}}));

        names::Entity renamed = party;
        renamed.name = u"Horizon Movement"_s;
        renamed.description = u"Renamed in this test"_s;
        report = retagAfter(db.db(), tagging::updateUserEntity(db.db(), renamed));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->changed, qint64(1)); // "New Horizon" is no longer its name
        QCOMPARE(entitiesOf(db.db(), ids[2]), QStringList{u"duhok"_s});
        QCOMPARE(entitiesOf(db.db(), ids[1]), (QStringList{party.id, u"sulaymaniyah"_s}));
        QCOMPARE(tagging::listUserNames(db.db())->entities.first().description, renamed.description);
        report = retagAfter(db.db(), tagging::updateUserEntity(db.db(), party));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(entitiesOf(db.db(), ids[2]), (QStringList{party.id, u"duhok"_s}));

        QStringList removedAliases;
        report = retagAfter(db.db(), tagging::removeUserEntity(db.db(), party.id, &removedAliases));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(removedAliases, QStringList{u"Asoy Nwe"_s});
        QCOMPARE(report->changed, qint64(2));
        QCOMPARE(mentionRows(db.db()), original);
        list = tagging::listUserNames(db.db());
        QVERIFY(list && list->entities.isEmpty() && list->aliases.isEmpty());
        report = retagAfter(db.db(), tagging::restoreUserEntity(db.db(), party, removedAliases));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(entitiesOf(db.db(), ids[1]), (QStringList{party.id, u"sulaymaniyah"_s}));
        QCOMPARE(entitiesOf(db.db(), ids[2]), (QStringList{party.id, u"duhok"_s}));
        QCOMPARE(tagging::listUserNames(db.db())->aliases.size(), 1);
        QVERIFY(sameAsFromScratch(db.db()));

        // The bundled gazetteer is not the user's to remove; the place hierarchy stays a tree.
        QVERIFY(!tagging::removeUserEntity(db.db(), u"erbil"_s));
        names::Entity quarter;
        quarter.kind = names::EntityKind::Place;
        quarter.name = u"Old Quarter"_s;
        quarter.within = {u"erbil"_s};
        QVERIFY(tagging::storeUserEntity(db.db(), quarter));
        names::Entity bazaar;
        bazaar.kind = names::EntityKind::Place;
        bazaar.name = u"Qaysari Bazaar"_s;
        bazaar.within = {u"old-quarter"_s};
        QVERIFY(tagging::storeUserEntity(db.db(), bazaar));
        quarter.id = u"old-quarter"_s;
        quarter.within = {u"qaysari-bazaar"_s};
        const auto cycle = tagging::updateUserEntity(db.db(), quarter);
        QVERIFY(!cycle);
        QVERIFY2(cycle.error().contains(u"Qaysari Bazaar"_s), qPrintable(cycle.error()));
        const auto holds = tagging::removeUserEntity(db.db(), u"old-quarter"_s);
        QVERIFY(!holds);
        QVERIFY2(holds.error().contains(u"Qaysari Bazaar"_s), qPrintable(holds.error()));
        QVERIFY(tagging::removeUserEntity(db.db(), u"qaysari-bazaar"_s));
        QVERIFY(tagging::removeUserEntity(db.db(), u"old-quarter"_s));
    }

    // The GUI's path: the Retagger stores the entity on the writer, reads on the reader, matches
    // on worker threads; an interrupted run resumes where it stopped.
    void backgroundRetagResumesAfterInterruption() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        QList<qint64> withName;
        {
            Result<QSqlDatabase> db = storage::openDatabase(path, QStringLiteral("retagger-setup"));
            QVERIFY2(db, qPrintable(db.error()));
            for (int i = 0; i < 1300; ++i) {
                const QString text =
                    i % 100 == 7
                        ? QStringLiteral(
                              "Shaswar Abdulwahid, the leader of New Horizon, spoke in Sulaymaniyah.")
                        : QStringLiteral("Kadhimi met Barham Salih in Baghdad, report %1.").arg(i);
                Result<storage::UpsertResult> stored =
                    ingest::storeArticle(*db, article(QString::number(i), text));
                QVERIFY2(stored, qPrintable(stored.error()));
                if (i % 100 == 7)
                    withName << stored->id;
            }
            *db = QSqlDatabase();
            storage::closeDatabase(QStringLiteral("retagger-setup"));
        }

        names::Entity party;
        party.kind = names::EntityKind::Organization;
        party.name = QStringLiteral("New Horizon");
        party.nameAr = QStringLiteral("الأفق الجديد");
        party.description = QStringLiteral("A party invented for this test");
        {
            storage::Storage storage(path);
            QVERIFY(storage.open().result());
            // The name is stored, but the app "dies" before re-tagging: the matcher changed and
            // every article is out of date.
            Result<tagging::NamesAdded> stored =
                storage.writer()
                    .run([party](QSqlDatabase& db) { return tagging::storeUserEntity(db, party); })
                    .result();
            QVERIFY2(stored, qPrintable(stored.error()));
            QCOMPARE(stored->entityId, QStringLiteral("new-horizon"));

            tagging::Retagger retagger(storage.writer(), storage.reader());
            QSignalSpy progress(&retagger, &tagging::Retagger::progress);
            QSignalSpy finished(&retagger, &tagging::Retagger::finished);
            connect(&retagger, &tagging::Retagger::progress, &retagger, [&](qint64 done, qint64) {
                if (done > 0)
                    retagger.cancel(); // interrupted after its first batch
            });
            retagger.start();
            QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 60000);
            QVERIFY(!retagger.isRunning());
            const qint64 left = storage.writer().run([](QSqlDatabase& db) { return outdated(db); }).result();
            QCOMPARE(left, qint64(1300 - tagging::RetagPlan::kBatchSize));
        }
        {
            storage::Storage storage(path);
            QVERIFY(storage.open().result());
            tagging::Retagger retagger(storage.writer(), storage.reader());
            QSignalSpy progress(&retagger, &tagging::Retagger::progress);
            QSignalSpy finished(&retagger, &tagging::Retagger::finished);
            retagger.start();
            QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 60000);
            QCOMPARE(progress.first().at(1).toLongLong(), qint64(1300 - tagging::RetagPlan::kBatchSize));
            QCOMPARE(progress.last().at(0).toLongLong(), qint64(1300 - tagging::RetagPlan::kBatchSize));
            // 13 articles gained the party; only 8 of them were in the part not yet done.
            QVERIFY(finished.first().at(0).toLongLong() > 0);
            const bool allDone =
                storage.writer()
                    .run([&](QSqlDatabase& db) {
                        if (outdated(db) != 0)
                            return false;
                        for (qint64 id : withName) {
                            if (!entitiesOf(db, id).contains(QStringLiteral("new-horizon")))
                                return false;
                        }
                        return entitiesOf(db, withName.first() + 1) ==
                               QStringList{QStringLiteral("mustafa-al-kadhimi"),
                                           QStringLiteral("barham-salih"), QStringLiteral("baghdad")};
                    })
                    .result();
            QVERIFY(allDone);

            // Then an alias through the Retagger: the fast path reads only the articles with it.
            QSignalSpy aliasAdded(&retagger, &tagging::Retagger::aliasAdded);
            progress.clear();
            finished.clear();
            retagger.addAlias(QStringLiteral("new-horizon"), QStringLiteral("Asoy Nwe"));
            QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 60000);
            QCOMPARE(aliasAdded.size(), 1);
            QCOMPARE(finished.first().at(0).toLongLong(), qint64(0)); // no article says "Asoy Nwe"
            QCOMPARE(progress.last().at(0).toLongLong(), qint64(1300));
            QCOMPARE(storage.writer().run([](QSqlDatabase& db) { return outdated(db); }).result(), qint64(0));

            QSignalSpy failed(&retagger, &tagging::Retagger::failed);
            retagger.addAlias(QStringLiteral("atlantis"), QStringLiteral("Atlantis"));
            QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 10000);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetagger)
#include "tst_retagger.moc"
