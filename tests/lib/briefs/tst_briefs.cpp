#include "TestSupport.h"
#include "briefs/Brief.h"
#include "briefs/BriefStore.h"
#include "ingest/ArticleImport.h"

#include <QSqlQuery>

using namespace mirsad;
using namespace mirsad::briefs;

namespace {

Article article(const QString& guid, const QString& title, const QString& text, int day) {
    Article a;
    a.guid = guid;
    a.link = QStringLiteral("https://example.org/%1").arg(guid);
    a.title = title;
    a.text = text;
    a.published = QDateTime(QDate(2024, 3, day), QTime(9, 0), QTimeZone::UTC);
    return a;
}

} // namespace

class TestBriefs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateFromUserData(); }

    void init() {
        m_temp = std::make_unique<test::TempDatabase>();
        QVERIFY2(m_temp->ok(), qPrintable(m_temp->error()));
        const Article articles[] = {
            article(QStringLiteral("a"), QStringLiteral("Erbil talks"),
                    QStringLiteral("Masrour Barzani met officials in Erbil about the budget."), 3),
            article(QStringLiteral("b"), QStringLiteral("محادثات في أربيل"),
                    QStringLiteral("التقى مسرور بارزاني في أربيل وفدا من بغداد."), 5),
            article(QStringLiteral("c"), QStringLiteral("Basra oil"),
                    QStringLiteral("Oil exports from Basra rose in March."), 1),
        };
        m_ids.clear();
        for (const Article& a : articles) {
            Result<storage::UpsertResult> stored = ingest::storeArticle(m_temp->db(), a);
            QVERIFY2(stored, qPrintable(stored.error()));
            m_ids << stored->id;
        }
    }

    void gathersInTheGivenOrderWithTheAnalystsWork() {
        annotations::Highlight h;
        h.articleId = m_ids[1];
        h.color = QStringLiteral("green");
        const QString text = QStringLiteral("التقى مسرور بارزاني في أربيل وفدا من بغداد.");
        h.selector = text::selectorFor(text, text.indexOf(u'م'), text.indexOf(QStringLiteral(" في")));
        QVERIFY(annotations::insertHighlight(m_temp->db(), h));
        annotations::Note note;
        note.articleId = m_ids[1];
        note.body = QStringLiteral("**Visit** noted.");
        QVERIFY(annotations::insertNote(m_temp->db(), note));

        Result<Brief> brief = gatherBrief(m_temp->db(), {m_ids[2], m_ids[1], 999999, m_ids[1], m_ids[0]});
        QVERIFY2(brief, qPrintable(brief.error()));
        QCOMPARE(brief->articles.size(), 3); // the unknown id and the repeat are skipped
        QCOMPARE(brief->articles[0].article.id, m_ids[2]);
        QCOMPARE(brief->articles[1].article.id, m_ids[1]);
        QCOMPARE(brief->articles[2].article.id, m_ids[0]);
        QCOMPARE(brief->articles[1].highlights.size(), 1);
        QCOMPARE(brief->articles[1].highlights[0].selector.quote, QStringLiteral("مسرور بارزاني"));
        QCOMPARE(brief->articles[1].notes.size(), 1);
        QCOMPARE(brief->highlightCount(), 1);
        QCOMPARE(brief->noteCount(), 1);
        QCOMPARE(brief->earliest, QDateTime(QDate(2024, 3, 1), QTime(9, 0), QTimeZone::UTC));
        QCOMPARE(brief->latest, QDateTime(QDate(2024, 3, 5), QTime(9, 0), QTimeZone::UTC));
        QVERIFY(brief->articles[0].article.html.isEmpty());

        // The index: Erbil is named by the second and third articles of the brief, in brief order,
        // and people come before places.
        const BriefName* erbil = nullptr;
        qsizetype erbilAt = -1, firstPerson = -1;
        for (qsizetype i = 0; i < brief->names.size(); ++i) {
            if (brief->names[i].name == QStringLiteral("Erbil"))
                erbil = &brief->names[i], erbilAt = i;
            if (firstPerson < 0 && brief->names[i].kind == names::EntityKind::Person)
                firstPerson = i;
        }
        QVERIFY(erbil);
        QCOMPARE(erbil->kind, names::EntityKind::Place);
        QCOMPARE(erbil->nameAr, QStringLiteral("أربيل"));
        QCOMPARE(erbil->articles, (QList<int>{1, 2}));
        QVERIFY(firstPerson >= 0 && firstPerson < erbilAt);

        Result<Brief> annotated = gatherBrief(m_temp->db(), m_ids, GatherOptions{.annotatedOnly = true});
        QVERIFY(annotated);
        QCOMPARE(annotated->articles.size(), 1);
        QCOMPARE(annotated->articles[0].article.id, m_ids[1]);
    }

    void idsMatchingAFilterAreNewestFirstAndLimited() {
        Result<QList<qint64>> all = articleIdsMatching(m_temp->db(), ArticleFilter{});
        QVERIFY(all);
        QCOMPARE(*all, (QList<qint64>{m_ids[1], m_ids[0], m_ids[2]}));
        Result<QList<qint64>> two = articleIdsMatching(m_temp->db(), ArticleFilter{}, 2);
        QVERIFY(two);
        QCOMPARE(two->size(), 2);
        ArticleFilter oil;
        oil.text = QStringLiteral("oil");
        Result<QList<qint64>> found = articleIdsMatching(m_temp->db(), oil);
        QVERIFY(found);
        QCOMPARE(*found, QList<qint64>{m_ids[2]});
        QVERIFY(describeFilter(m_temp->db(), oil).contains(QStringLiteral("oil")));
    }

    void savedBriefsKeepTheirOrderAndLoseDeletedArticles() {
        SavedBrief saved;
        saved.title = QStringLiteral("موجز الأسبوع");
        saved.introduction = QStringLiteral("Two *visits*.");
        saved.articleIds = {m_ids[2], m_ids[0], m_ids[1]};
        Result<qint64> id = saveBrief(m_temp->db(), saved);
        QVERIFY2(id, qPrintable(id.error()));

        Result<SavedBrief> loaded = loadBrief(m_temp->db(), *id);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        QCOMPARE(loaded->title, saved.title);
        QCOMPARE(loaded->introduction, saved.introduction);
        QCOMPARE(loaded->articleIds, saved.articleIds);

        // Reordered and saved again under the same id.
        loaded->articleIds = {m_ids[1], m_ids[2]};
        QCOMPARE(*saveBrief(m_temp->db(), *loaded), *id);
        QCOMPARE(loadBrief(m_temp->db(), *id)->articleIds, (QList<qint64>{m_ids[1], m_ids[2]}));

        // An article deleted from the archive leaves the brief.
        QSqlQuery remove(m_temp->db());
        QVERIFY(remove.exec(QStringLiteral("DELETE FROM articles WHERE id = %1").arg(m_ids[1])));
        QCOMPARE(loadBrief(m_temp->db(), *id)->articleIds, QList<qint64>{m_ids[2]});

        QCOMPARE(listBriefs(m_temp->db())->size(), 1);
        QVERIFY(deleteBrief(m_temp->db(), *id));
        QVERIFY(listBriefs(m_temp->db())->isEmpty());
        QVERIFY(!loadBrief(m_temp->db(), *id));
        QCOMPARE(m_temp->count(QStringLiteral("brief_articles")), 0);

        SavedBrief missing;
        missing.id = 4242;
        QVERIFY(!saveBrief(m_temp->db(), missing));
    }

    // What the composer lists: titles and dates in the order given, unknown ids skipped.
    void entriesFollowTheGivenOrder() {
        QSqlQuery source(m_temp->db());
        QVERIFY(
            source.exec(QStringLiteral("UPDATE articles SET source = 'Rudaw' WHERE id = %1").arg(m_ids[2])));
        Result<QList<BriefEntry>> entries =
            briefEntries(m_temp->db(), {m_ids[2], 999999, m_ids[1], m_ids[0]});
        QVERIFY2(entries, qPrintable(entries.error()));
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).id, m_ids[2]);
        QCOMPARE(entries->at(0).title, QStringLiteral("Basra oil"));
        QCOMPARE(entries->at(0).source, QStringLiteral("Rudaw")); // the agency rather than the feed
        QCOMPARE(entries->at(1).title, QStringLiteral("محادثات في أربيل"));
        QCOMPARE(entries->at(1).published, QDateTime(QDate(2024, 3, 5), QTime(9, 0), QTimeZone::UTC));
        QCOMPARE(entries->at(2).id, m_ids[0]);
        QVERIFY(briefEntries(m_temp->db(), {})->isEmpty());
    }

private:
    std::unique_ptr<test::TempDatabase> m_temp;
    QList<qint64> m_ids;
};

QTEST_GUILESS_MAIN(TestBriefs)
#include "tst_briefs.moc"
