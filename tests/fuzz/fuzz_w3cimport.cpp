// W3C Web Annotation import into an archive holding the exchange test articles
// (tests/common/ExchangeFixture.h): malformed input is an error sentence and stores nothing;
// what is stored counts as the report says, and every highlight lies inside its article's text
// with the quote it was anchored on. The annotations are removed after each input.

#include "ExchangeFixture.h"
#include "FuzzCheck.h"
#include "annotations/Annotations.h"
#include "exchange/AnnotationData.h"
#include "storage/Database.h"

#include <QSqlQuery>

using namespace mirsad;
using namespace Qt::StringLiterals;

namespace {

struct Archive {
    QSqlDatabase db;
    QList<qint64> articles;
    QStringList texts;
};

Archive& archive() {
    static Archive made = [] {
        fuzz::ensureApplication();
        Archive a;
        Result<QSqlDatabase> db =
            storage::openDatabase(u":memory:"_s, storage::uniqueConnectionName(u"fuzz"_s));
        FUZZ_CHECK(db.ok(), db.error());
        a.db = *db;
        a.articles = test::storeExchangeArticles(a.db);
        FUZZ_CHECK(a.articles.size() == 3, u"storing the articles failed"_s);
        for (const test::ExchangeArticle& article : test::exchangeArticles)
            a.texts << QString::fromUtf16(article.text);
        return a;
    }();
    return made;
}

qsizetype countRows(QSqlDatabase& db, const QString& table) {
    QSqlQuery query(db);
    FUZZ_CHECK(query.exec(u"SELECT count(*) FROM "_s + table) && query.next(), table);
    return query.value(0).toLongLong();
}

void clear(QSqlDatabase& db) {
    QSqlQuery query(db);
    FUZZ_CHECK(query.exec(u"DELETE FROM notes"_s), u"notes"_s);
    FUZZ_CHECK(query.exec(u"DELETE FROM highlights"_s), u"highlights"_s);
}

} // namespace

// Built before the first input, which libFuzzer would otherwise time out on.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    archive();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Archive& a = archive();
    const QByteArray json = fuzz::bytesOf(data, size);
    const QString detail = QString::fromUtf8(json);
    Result<exchange::ImportReport> report = exchange::importW3cAnnotations(a.db, json);
    if (!report) {
        FUZZ_CHECK(!report.error().isEmpty(), detail);
        FUZZ_CHECK(countRows(a.db, u"highlights"_s) == 0 && countRows(a.db, u"notes"_s) == 0,
                   report.error() + u'\n' + detail);
        return 0;
    }
    FUZZ_CHECK(report->highlights >= 0 && report->notes >= 0 && report->duplicates >= 0, detail);
    FUZZ_CHECK(countRows(a.db, u"highlights"_s) == report->highlights, detail);
    FUZZ_CHECK(countRows(a.db, u"notes"_s) == report->notes, detail);
    for (qsizetype i = 0; i < a.articles.size(); ++i) {
        Result<QList<annotations::Highlight>> highlights = annotations::listHighlights(a.db, a.articles[i]);
        FUZZ_CHECK(highlights.ok(), highlights.error());
        const QString& text = a.texts[i];
        for (const annotations::Highlight& highlight : *highlights) {
            const text::TextSelector& s = highlight.selector;
            const QString where = QString::number(s.start) + u'-' + QString::number(s.end) + u'\n' + detail;
            FUZZ_CHECK(0 <= s.start && s.start < s.end && s.end <= text.size(), where);
            FUZZ_CHECK(text.mid(s.start, s.end - s.start) == s.quote, s.quote + u'\n' + where);
        }
    }
    clear(a.db);
    return 0;
}
