#include "FilterCases.h"

#include <QTimeZone>

using namespace mirsad;
using namespace Qt::StringLiterals;

QDateTime generatedArchiveEnd() {
    return QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::UTC);
}

QList<FilterCase> firstPageCases() {
    const QDateTime end = generatedArchiveEnd();
    auto filter = [](auto&& fill) {
        ArticleFilter f;
        fill(f);
        return f;
    };
    const QStringList sudani{u"mohammed-shia-al-sudani"_s};
    return {
        {u"no filter"_s, {}},
        {u"person al-Sudani"_s, filter([&](ArticleFilter& f) { f.entityGroups << sudani; })},
        {u"person Hemin Hawrami"_s,
         filter([](ArticleFilter& f) { f.entityGroups << QStringList{u"hemin-hawrami"_s}; })},
        {u"region Kurdistan Region"_s, filter([](ArticleFilter& f) { f.regions << u"kurdistan-region"_s; })},
        {u"region Kirkuk governorate"_s,
         filter([](ArticleFilter& f) { f.regions << u"kirkuk-governorate"_s; })},
        {u"text النفط"_s, filter([](ArticleFilter& f) { f.text = u"النفط"_s; })},
        {u"text pipeline exports"_s, filter([](ArticleFilter& f) { f.text = u"pipeline exports"_s; })},
        {u"text prefix اربيل*"_s, filter([](ArticleFilter& f) { f.text = u"اربيل*"_s; })},
        {u"Kurdistan Region + al-Sudani + \"oil\""_s, filter([&](ArticleFilter& f) {
             f.regions << u"kurdistan-region"_s;
             f.entityGroups << sudani;
             f.text = u"oil"_s;
         })},
        {u"Kirkuk this week + al-Sudani"_s, filter([&](ArticleFilter& f) {
             f.regions << u"kirkuk"_s;
             f.entityGroups << sudani;
             f.since = end.addDays(-7);
         })},
        {u"al-Sudani + Masoud Barzani, unread"_s, filter([&](ArticleFilter& f) {
             f.entityGroups << sudani << QStringList{u"masoud-barzani"_s};
             f.unreadOnly = true;
         })},
        {u"region Duhok + starred"_s, filter([](ArticleFilter& f) {
             f.regions << u"duhok-governorate"_s;
             f.starredOnly = true;
         })},
        {u"feed folder + 2022"_s, filter([](ArticleFilter& f) {
             f.folderIds << 1;
             f.since = QDateTime(QDate(2022, 1, 1), QTime(0, 0), QTimeZone::UTC);
             f.until = QDateTime(QDate(2023, 1, 1), QTime(0, 0), QTimeZone::UTC);
         })},
        {u"has notes"_s, filter([](ArticleFilter& f) { f.withNotesOnly = true; })},
        // Words in all their forms (issue 19): without the article, with clitics, inflected.
        {u"text نفط (النفط, والنفط...)"_s, filter([](ArticleFilter& f) { f.text = u"نفط"_s; })},
        {u"text والموازنة (clitics typed)"_s, filter([](ArticleFilter& f) { f.text = u"والموازنة"_s; })},
        {u"text احتجاجات (stem احتجاج)"_s, filter([](ArticleFilter& f) { f.text = u"احتجاجات"_s; })},
        {u"text delegations (stem)"_s, filter([](ArticleFilter& f) { f.text = u"delegations"_s; })},
        {u"text talk exported (stems)"_s, filter([](ArticleFilter& f) { f.text = u"talk exported"_s; })},
        {u"text قرار OR protesters"_s, filter([](ArticleFilter& f) { f.text = u"قرار OR protesters"_s; })},
        {u"text \"oil budget\" -drought"_s,
         filter([](ArticleFilter& f) { f.text = u"\"oil budget\" -drought"_s; })},
        {u"Kurdistan Region + موازنة"_s, filter([](ArticleFilter& f) {
             f.regions << u"kurdistan-region"_s;
             f.text = u"موازنة"_s;
         })},
        {u"text النفط by relevance"_s, filter([](ArticleFilter& f) { f.text = u"النفط"_s; }),
         storage::ArticleOrder::Relevance},
        {u"text pipeline exports by relevance"_s,
         filter([](ArticleFilter& f) { f.text = u"pipeline exports"_s; }), storage::ArticleOrder::Relevance},
        {u"text نفط by relevance"_s, filter([](ArticleFilter& f) { f.text = u"نفط"_s; }),
         storage::ArticleOrder::Relevance},
        {u"text والموازنة by relevance"_s, filter([](ArticleFilter& f) { f.text = u"والموازنة"_s; }),
         storage::ArticleOrder::Relevance},
        {u"text احتجاجات by relevance"_s, filter([](ArticleFilter& f) { f.text = u"احتجاجات"_s; }),
         storage::ArticleOrder::Relevance},
        {u"text delegations by relevance"_s, filter([](ArticleFilter& f) { f.text = u"delegations"_s; }),
         storage::ArticleOrder::Relevance},
        {u"text talk exported by relevance"_s, filter([](ArticleFilter& f) { f.text = u"talk exported"_s; }),
         storage::ArticleOrder::Relevance},
        {u"Kurdistan Region + \"oil\" by relevance"_s, filter([](ArticleFilter& f) {
             f.regions << u"kurdistan-region"_s;
             f.text = u"oil"_s;
         }),
         storage::ArticleOrder::Relevance},
    };
}
