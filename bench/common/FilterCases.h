#pragma once

#include "storage/ArticleFilter.h"
#include "storage/ArticleQueries.h"

#include <QDateTime>
#include <QList>
#include <QString>

// The first pages the filter benchmarks time (bench_filters alone, bench_team with colleagues
// connected): person, region and text filters, their combinations, words in all their forms, and
// relevance. They name the generated archive's entities and words (bench_filters' generator).
struct FilterCase {
    QString name;
    mirsad::ArticleFilter filter;
    mirsad::storage::ArticleOrder order = mirsad::storage::ArticleOrder::Newest;
};

// The newest article's time in bench_filters' generated archive ("this week" counts back from it).
QDateTime generatedArchiveEnd();

QList<FilterCase> firstPageCases();
