#pragma once

// A small archive for the export tests: an Arabic and an English article with highlights in
// several colours, notes on them and on the article, an orphaned highlight, and an article whose
// title is hostile HTML.

#include "annotations/Annotations.h"
#include "ingest/ArticleImport.h"

#include <QSqlDatabase>
#include <QTimeZone>

namespace mirsad::test {

struct BriefFixture {
    static inline const QString arabicTitle = QStringLiteral("محادثات الموازنة في أربيل");
    static inline const QString arabicText =
        QStringLiteral("التقى مسرور بارزاني في أربيل وفدا من بغداد لبحث رواتب موظفي الإقليم.\n\n"
                       "وقال المتحدث باسم الحكومة إن الاتفاق النهائي سيعلن الأسبوع المقبل.");
    static inline const QString arabicQuote = QStringLiteral("التقى مسرور بارزاني في أربيل وفدا من بغداد");
    static inline const QString englishTitle = QStringLiteral("Basra oil exports rose in March");
    static inline const QString englishText =
        QStringLiteral("Oil exports from Basra rose in March, the oil ministry said on Sunday.\n\n"
                       "Mohammed Shia al-Sudani praised the figures during a visit to Baghdad.");
    static inline const QString englishQuote = QStringLiteral("Oil exports from Basra rose in March");
    static inline const QString orphanQuote = QStringLiteral("a passage the source has since removed");
    static inline const QString hostileTitle = QStringLiteral("<script>alert('x')</script> Kirkuk & co");
    static inline const QString arabicNote = QStringLiteral("**مهم**: أول لقاء منذ شهر.");
    static inline const QString englishNote =
        QStringLiteral("Compare with *February*: [figures](https://example.org/feb).");
    static inline const QString hostileNote = QStringLiteral(
        "<script>alert(1)</script> see [this](javascript:alert(2)) <img src=x onerror=alert(3)>");

    QList<qint64> ids; // Arabic, English, hostile

    static Article article(const QString& guid, const QString& title, const QString& text, int day,
                           const QString& source) {
        Article a;
        a.guid = guid;
        a.link = QStringLiteral("https://example.org/%1").arg(guid);
        a.title = title;
        a.text = text;
        a.source = source;
        a.published = QDateTime(QDate(2024, 3, day), QTime(9, 0), QTimeZone::UTC);
        return a;
    }

    static qint64 highlight(QSqlDatabase& db, qint64 article, const QString& text, const QString& quote,
                            const QString& color, bool orphaned = false) {
        annotations::Highlight h;
        h.articleId = article;
        h.color = color;
        if (orphaned) {
            h.selector.quote = quote;
            h.orphaned = true;
        } else {
            const qsizetype at = text.indexOf(quote);
            h.selector = text::selectorFor(text, at, at + quote.size());
        }
        h.created = QDateTime(QDate(2024, 3, 6), QTime(10, 0), QTimeZone::UTC);
        const Result<qint64> id = annotations::insertHighlight(db, h);
        return id ? *id : 0;
    }

    static void note(QSqlDatabase& db, qint64 article, qint64 highlight, const QString& body,
                     const QString& author = {}) {
        annotations::Note n;
        n.articleId = article;
        n.highlightId = highlight;
        n.body = body;
        n.author = author;
        n.created = QDateTime(QDate(2024, 3, 6), QTime(11, 0), QTimeZone::UTC);
        n.updated = n.created;
        (void)annotations::insertNote(db, n);
    }

    bool build(QSqlDatabase& db) {
        const Article articles[] = {
            article(QStringLiteral("ar"), arabicTitle, arabicText, 5, QStringLiteral("شفق نيوز")),
            article(QStringLiteral("en"), englishTitle, englishText, 3, QStringLiteral("Rudaw English")),
            article(QStringLiteral("bad"), hostileTitle, QStringLiteral("Protesters gathered in Kirkuk."), 1,
                    QStringLiteral("Example")),
        };
        for (const Article& a : articles) {
            Result<storage::UpsertResult> stored = ingest::storeArticle(db, a);
            if (!stored)
                return false;
            ids << stored->id;
        }
        const qint64 green = highlight(db, ids[0], arabicText, arabicQuote, QStringLiteral("green"));
        const qint64 yellow = highlight(db, ids[1], englishText, englishQuote, QStringLiteral("yellow"));
        highlight(db, ids[1], englishText, QStringLiteral("praised the figures"), QStringLiteral("blue"));
        highlight(db, ids[1], englishText, orphanQuote, QStringLiteral("pink"), true);
        if (!green || !yellow)
            return false;
        note(db, ids[0], green, arabicNote, QStringLiteral("ليلى"));
        note(db, ids[1], yellow, englishNote, QStringLiteral("Sam"));
        note(db, ids[1], 0, QStringLiteral("Worth a follow-up."));
        note(db, ids[2], 0, hostileNote);
        return true;
    }
};

} // namespace mirsad::test
