#include "storage/SearchRank.h"

#include "storage/SearchTokenizer.h"

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>
#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <sqlite3.h>
#include <vector>

namespace mirsad::storage {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// The arguments after the table: k, the title's weight, the body's, the terms.
constexpr int kWeightArguments = 2;
constexpr int kTermsArgument = 3;
constexpr int kFloorArgument = 4;

// What a query's rows share: the terms' idf, the average length and the k best scores so far.
struct RankData {
    int terms = 0;
    std::vector<int> termOf;          // of each phrase
    std::vector<double> phraseWeight; // of each phrase: what one of its hits weighs in its term
    std::vector<double> idf;          // of each term
    double averageLength = 1;
    qsizetype keep = 0;
    std::priority_queue<double, std::vector<double>, std::greater<>> best; // the k best, worst on top
    RankFloor* floor = nullptr;  // shared with the other slices of the same search, if any
    std::vector<double> weights; // of each column, read once from the arguments
    // The last row's result: a query that filters on the score and sorts by it asks twice.
    sqlite3_int64 lastRowid = 0;
    double lastResult = 1;
};

int collectRowid(const Fts5ExtensionApi* api, Fts5Context* fts, void* rowids) {
    static_cast<std::vector<sqlite3_int64>*>(rowids)->push_back(api->xRowid(fts));
    return SQLITE_OK;
}

// Reads `terms` ("1,1,0.5 1"): each space-separated term lists its phrases' weights. Phrases the
// text does not cover (or a malformed one) are terms of their own, weighing 1.
void readTerms(RankData& data, int phrases, sqlite3_value* terms) {
    data.termOf.clear();
    data.phraseWeight.clear();
    if (terms) {
        const QByteArray text(reinterpret_cast<const char*>(sqlite3_value_text(terms)),
                              sqlite3_value_bytes(terms));
        for (const QByteArray& term : text.split(' ')) {
            if (term.isEmpty())
                continue;
            for (const QByteArray& weight : term.split(',')) {
                bool ok = false;
                const double w = weight.toDouble(&ok);
                data.termOf.push_back(data.terms);
                data.phraseWeight.push_back(ok && w > 0 ? w : 1.0);
            }
            ++data.terms;
        }
    }
    if (int(data.termOf.size()) > phrases) { // not this query's terms: every phrase on its own
        data.termOf.clear();
        data.phraseWeight.clear();
        data.terms = 0;
    }
    while (int(data.termOf.size()) < phrases) {
        data.termOf.push_back(data.terms++);
        data.phraseWeight.push_back(1.0);
    }
}

RankData* rankData(const Fts5ExtensionApi* api, Fts5Context* fts, qsizetype keep, int argc,
                   sqlite3_value** argv, int& rc) {
    if (auto* data = static_cast<RankData*>(api->xGetAuxdata(fts, 0)))
        return data;
    auto* data = new RankData;
    data->keep = keep;
    // Per instance, sqlite3_value_double was a tenth of a ranked search's time.
    for (int column = 0; column < api->xColumnCount(fts); ++column)
        data->weights.push_back(
            column < kWeightArguments && column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0);
    const int phrases = api->xPhraseCount(fts);
    readTerms(*data, phrases, argc > kTermsArgument ? argv[kTermsArgument] : nullptr);
    if (argc > kFloorArgument)
        data->floor = static_cast<RankFloor*>(sqlite3_value_pointer(argv[kFloorArgument], kRankFloorType));
    data->idf.assign(size_t(data->terms), 1.0);
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    data->averageLength = rows > 0 ? double(tokens) / double(rows) : 1;
    if (data->averageLength <= 0)
        data->averageLength = 1;
    // bm25's idf of every term, only when there are several to weigh against each other: the
    // articles with any of the term's phrases.
    for (int t = 0; rc == SQLITE_OK && data->terms > 1 && t < data->terms; ++t) {
        // Each phrase's rows come in rowid order: merged run by run rather than sorted whole (a
        // common word's forms are a million rows).
        std::vector<sqlite3_int64> rowids;
        for (int p = 0; rc == SQLITE_OK && p < phrases; ++p) {
            if (data->termOf[size_t(p)] != t)
                continue;
            const auto before = std::ptrdiff_t(rowids.size());
            rc = api->xQueryPhrase(fts, p, &rowids, collectRowid);
            const auto run = rowids.begin() + before;
            if (!std::is_sorted(run, rowids.end()))
                std::sort(run, rowids.end());
            std::inplace_merge(rowids.begin(), run, rowids.end());
        }
        const auto hits = double(std::unique(rowids.begin(), rowids.end()) - rowids.begin());
        const double idf = std::log((double(rows) - hits + 0.5) / (hits + 0.5));
        data->idf[size_t(t)] = idf > 0 ? idf : 1e-6;
    }
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, data, [](void* d) { delete static_cast<RankData*>(d); });
    else
        delete data;
    return rc == SQLITE_OK ? data : nullptr;
}

void rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc,
          sqlite3_value** argv) {
    int rc = SQLITE_OK;
    const qsizetype keep = argc > 0 ? qsizetype(std::max<sqlite3_int64>(0, sqlite3_value_int64(argv[0]))) : 0;
    RankData* data = rankData(api, fts, keep, argc, argv, rc);
    if (!data) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    const sqlite3_int64 rowid = api->xRowid(fts);
    if (rowid == data->lastRowid && data->lastResult <= 0) {
        sqlite3_result_double(out, data->lastResult);
        return;
    }
    data->lastRowid = rowid;
    const int columns = api->xColumnCount(fts);
    QVarLengthArray<double, 8> frequency(data->terms, 0.0);
    QVarLengthArray<int, 4> lastOffset(columns, -1);
    // Each phrase's positions straight from its position list: cheaper than xInst, which first
    // builds and sorts the row's instances of every phrase (this runs for every match).
    const int phrases = int(data->termOf.size());
    for (int phrase = 0; phrase < phrases; ++phrase) {
        Fts5PhraseIter iter;
        int column = 0, offset = 0;
        rc = api->xPhraseFirst(fts, phrase, &iter, &column, &offset);
        if (rc != SQLITE_OK)
            break;
        const double weight = data->phraseWeight[size_t(phrase)];
        double& termFrequency = frequency[data->termOf[size_t(phrase)]];
        for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset)) {
            termFrequency += data->weights[size_t(column)] * weight;
            lastOffset[column] = std::max(lastOffset[column], offset);
        }
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    const auto score = [&](double length) {
        double sum = 0;
        for (int t = 0; t < data->terms; ++t)
            sum += data->idf[size_t(t)] * (frequency[t] * (kK1 + 1)) /
                   (frequency[t] + kK1 * (1 - kB + kB * length / data->averageLength));
        return sum;
    };
    const bool full = data->keep > 0 && qsizetype(data->best.size()) >= data->keep;
    // The score a match must reach: this query's k-th best, or another slice's if higher.
    double bar = full ? data->best.top() : 0;
    if (data->floor && data->keep > 0)
        bar = std::max(bar, data->floor->score.load(std::memory_order_relaxed));
    if (bar > 0) {
        // The document is at least as long as its last matched token in every column.
        double shortest = 0;
        for (int offset : lastOffset)
            shortest += offset + 1;
        if (score(shortest) < bar) {
            data->lastResult = 0.0;
            sqlite3_result_double(out, 0.0); // cannot be among the k best
            return;
        }
    }
    int length = 0;
    rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    const double exact = score(double(length));
    if (data->keep > 0) {
        if (!full) {
            data->best.push(exact);
        } else if (exact > data->best.top()) {
            data->best.pop();
            data->best.push(exact);
        }
        if (data->floor && qsizetype(data->best.size()) >= data->keep) {
            const double reached = data->best.top();
            double shared = data->floor->score.load(std::memory_order_relaxed);
            while (shared < reached &&
                   !data->floor->score.compare_exchange_weak(shared, reached, std::memory_order_relaxed)) {
            }
        }
    }
    data->lastResult = -exact;
    sqlite3_result_double(out, -exact);
}

} // namespace

Status registerSearchRank(sqlite3* db) {
    fts5_api* api = db ? fts5Api(db) : nullptr;
    if (!api)
        return Error{QStringLiteral("This SQLite has no full-text search (FTS5).")};
    if (api->xCreateFunction(api, kSearchRankName, nullptr, rank, nullptr) != SQLITE_OK)
        return couldNot(QStringLiteral("register the search ranking"), QString::fromUtf8(sqlite3_errmsg(db)));
    return {};
}

} // namespace mirsad::storage
