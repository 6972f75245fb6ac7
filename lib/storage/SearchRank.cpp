#include "storage/SearchRank.h"

#include "storage/SearchTokenizer.h"

#include <QByteArray>
#include <QSet>
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
// How much an inflection (a form not among the typed words' own) counts against the word itself.
constexpr double kInflectionWeight = 0.5;
// The arguments after the table: k, the title's weight, the body's, the typed words' own forms.
constexpr int kWeightArguments = 2;
constexpr int kFormsArgument = 3;

// What a query's rows share: the phrases' idf, the average length and the k best scores so far.
struct RankData {
    int phrases = 0;
    std::vector<double> idf;
    double averageLength = 1;
    qsizetype keep = 0;
    std::priority_queue<double, std::vector<double>, std::greater<>> best; // the k best, worst on top
    QSet<QByteArray> sameForms;  // empty: every form weighs the same
    std::vector<double> weights; // of each column, read once from the arguments
};

int countHit(const Fts5ExtensionApi*, Fts5Context*, void* hits) {
    ++*static_cast<qint64*>(hits);
    return SQLITE_OK;
}

RankData* rankData(const Fts5ExtensionApi* api, Fts5Context* fts, qsizetype keep, sqlite3_value* forms,
                   int argc, sqlite3_value** argv, int& rc) {
    if (auto* data = static_cast<RankData*>(api->xGetAuxdata(fts, 0)))
        return data;
    auto* data = new RankData;
    data->keep = keep;
    // Per instance, sqlite3_value_double was a tenth of a ranked search's time.
    for (int column = 0; column < api->xColumnCount(fts); ++column)
        data->weights.push_back(
            column < kWeightArguments && column + 1 < argc ? sqlite3_value_double(argv[column + 1]) : 1.0);
    if (forms) {
        const QByteArray list(reinterpret_cast<const char*>(sqlite3_value_text(forms)),
                              sqlite3_value_bytes(forms));
        for (const QByteArray& form : list.split(' '))
            if (!form.isEmpty())
                data->sameForms.insert(form);
    }
    data->phrases = api->xPhraseCount(fts);
    data->idf.assign(size_t(data->phrases), 1.0);
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    data->averageLength = rows > 0 ? double(tokens) / double(rows) : 1;
    if (data->averageLength <= 0)
        data->averageLength = 1;
    // bm25's idf, for every phrase, only when there are several to weigh against each other.
    for (int p = 0; rc == SQLITE_OK && data->phrases > 1 && p < data->phrases; ++p) {
        qint64 hits = 0;
        rc = api->xQueryPhrase(fts, p, &hits, countHit);
        const double idf = std::log((double(rows) - double(hits) + 0.5) / (double(hits) + 0.5));
        data->idf[size_t(p)] = idf > 0 ? idf : 1e-6;
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
    RankData* data =
        rankData(api, fts, keep, argc > kFormsArgument ? argv[kFormsArgument] : nullptr, argc, argv, rc);
    if (!data) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    const int columns = api->xColumnCount(fts);
    QVarLengthArray<double, 8> frequency(data->phrases, 0.0);
    QVarLengthArray<int, 4> lastOffset(columns, -1);
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc != SQLITE_OK)
            break;
        frequency[phrase] += data->weights[size_t(column)];
        lastOffset[column] = std::max(lastOffset[column], offset);
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    const auto score = [&](double length) {
        double sum = 0;
        for (int p = 0; p < data->phrases; ++p)
            sum += data->idf[size_t(p)] * (frequency[p] * (kK1 + 1)) /
                   (frequency[p] + kK1 * (1 - kB + kB * length / data->averageLength));
        return sum;
    };
    const bool full = data->keep > 0 && qsizetype(data->best.size()) >= data->keep;
    if (full) {
        // The document is at least as long as its last matched token in every column.
        double shortest = 0;
        for (int offset : lastOffset)
            shortest += offset + 1;
        if (score(shortest) < data->best.top()) {
            sqlite3_result_double(out, 0.0); // cannot be among the k best
            return;
        }
    }
    // Inflections weigh less: which form each hit is costs a lookup, made only for the documents
    // that may rank (the bound above counted every hit as the word itself).
    if (!data->sameForms.isEmpty()) {
        for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
            int phrase = 0, column = 0, offset = 0;
            const char* token = nullptr;
            int size = 0;
            rc = api->xInst(fts, i, &phrase, &column, &offset);
            if (rc == SQLITE_OK)
                rc = api->xInstToken(fts, i, 0, &token, &size);
            if (rc == SQLITE_OK && token && !data->sameForms.contains(QByteArray::fromRawData(token, size)))
                frequency[phrase] -= (1 - kInflectionWeight) * data->weights[size_t(column)];
        }
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(out, rc);
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
    }
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
