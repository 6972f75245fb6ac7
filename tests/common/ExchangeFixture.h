#pragma once

// Articles in Arabic and English for the annotation exchange tests (tests/lib/exchange and the
// annotation commands of mirsadctl). tests/data/exchange/*.json annotate these texts.

#include "ingest/ArticleImport.h"

#include <QTimeZone>

namespace mirsad::test {

struct ExchangeArticle {
    const char* guid;
    const char16_t* title;
    const char16_t* text;
    int day;
};

// The oil article has an emoji (outside the BMP) before its second sentence, so that code point
// and UTF-16 offsets differ there; "the ministry" occurs twice in it.
inline constexpr ExchangeArticle exchangeArticles[] = {
    {"oil", u"Basra oil",
     u"Oil 🛢️ exports from Basra rose in March, the ministry said. Exports to Turkey resumed, the "
     u"ministry added.",
     1},
    {"erbil-ar", u"محادثات في أربيل",
     u"التقى مسرور بارزاني في أربيل وفدا من بغداد لبحث الموازنة. وقال إن الاتفاق قريب.", 5},
    {"budget", u"Erbil talks", u"Masrour Barzani met officials in Erbil about the budget.", 3},
};

inline QString exchangeLink(const char* guid) {
    return QStringLiteral("https://example.org/%1").arg(QLatin1String(guid));
}

// Stores the articles as an import does; returns their ids in the order above (empty on failure).
inline QList<qint64> storeExchangeArticles(QSqlDatabase& db) {
    QList<qint64> ids;
    for (const ExchangeArticle& a : exchangeArticles) {
        Article article;
        article.guid = QLatin1String(a.guid);
        article.link = exchangeLink(a.guid);
        article.title = QString::fromUtf16(a.title);
        article.text = QString::fromUtf16(a.text);
        article.published = QDateTime(QDate(2024, 3, a.day), QTime(9, 0), QTimeZone::UTC);
        Result<storage::UpsertResult> stored = ingest::storeArticle(db, article);
        if (!stored)
            return {};
        ids << stored->id;
    }
    return ids;
}

} // namespace mirsad::test
