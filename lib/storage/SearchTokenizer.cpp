#include "storage/SearchTokenizer.h"

#include "storage/SearchBytes_p.h"
#include "storage/SqliteStatement.h"

#include <QVarLengthArray>
#include <array>
#include <bit>
#include <cstring>
#include <sqlite3.h>

namespace mirsad::storage {

namespace {

// The classes of bytes: SearchBytes_p.h (the ascii tokenizer's, which PostgreSQL's documents share).

constexpr quint64 repeated(quint8 byte) {
    return 0x0101010101010101ull * byte;
}
constexpr quint64 kHighBits = repeated(0x80);

// The high bit of every byte of `bytes` that is a WordByte. A byte's low seven bits plus the bias
// stay below 0x100, so no carry crosses into the next byte.
inline quint64 wordBytes(quint64 bytes) {
    const quint64 low = bytes & ~kHighBits;
    const auto atLeast = [low](quint8 bound) { return (low + repeated(0x80 - bound)) & kHighBits; };
    return (bytes & kHighBits) | (atLeast('a') & ~atLeast('z' + 1)) | (atLeast('0') & ~atLeast('9' + 1));
}

// Where the word from `i` ends: eight bytes at a time up to the first that is not a WordByte
// (an Arabic word is all non-ASCII bytes), then byte by byte. `classes` collects what was seen.
int wordEnd(const unsigned char* text, int i, int size, quint8& classes) {
    if constexpr (std::endian::native == std::endian::little) {
        for (; size - i >= 8; i += 8) {
            quint64 bytes;
            std::memcpy(&bytes, text + i, sizeof bytes);
            if (const quint64 others = ~wordBytes(bytes) & kHighBits) {
                i += std::countr_zero(others) / 8;
                if (kByteClasses[text[i]] == Separator)
                    return i; // the usual end; a capital goes on byte by byte
                break;
            }
        }
    }
    for (; i < size; ++i) {
        const quint8 byteClass = kByteClasses[text[i]];
        if (byteClass == Separator)
            break;
        classes |= byteClass;
    }
    return i;
}

using TokenCallback = int (*)(void* context, int flags, const char* token, int size, int start, int end);

// Queries split like text, with one addition: in a query, words joined by | are one token that
// may be any of them (synonyms at one position), which is how storage/SearchVocabulary.cpp asks
// for every form of a word. Text never holds a |: searchText makes it a space.
int tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int size, TokenCallback onToken) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    QVarLengthArray<char, 64> folded;
    bool colocated = false;
    bool any = false;
    int i = 0;
    while (i < size) {
        if (kByteClasses[bytes[i]] == Separator) {
            colocated = colocated || (query && any && bytes[i] == '|');
            ++i;
            continue;
        }
        const int start = i;
        quint8 classes = 0;
        i = wordEnd(bytes, i, size, classes);
        const char* token = text + start;
        if (classes & Capital) {
            folded.resize(i - start);
            for (int k = start; k < i; ++k)
                folded[k - start] =
                    char(kByteClasses[bytes[k]] == Capital ? bytes[k] + ('a' - 'A') : bytes[k]);
            token = folded.constData();
        }
        if (const int rc = onToken(context, colocated ? FTS5_TOKEN_COLOCATED : 0, token, i - start, start, i);
            rc != SQLITE_OK)
            return rc == SQLITE_DONE ? SQLITE_OK : rc;
        any = true;
        colocated = query && i < size && bytes[i] == '|';
        ++i; // the word ended at a separator (or the end): no need to look at it again
    }
    return SQLITE_OK;
}

// The tokenizer keeps no state, but hands FTS5 an object as every tokenizer does.
Fts5Tokenizer* instance() {
    static char object;
    return reinterpret_cast<Fts5Tokenizer*>(&object);
}

int create(void*, const char**, int argumentCount, Fts5Tokenizer** tokenizer) {
    *tokenizer = nullptr;
    if (argumentCount > 0)
        return SQLITE_ERROR; // it has no options: a misspelt table definition should fail
    *tokenizer = instance();
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {
}

} // namespace

fts5_api* fts5Api(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

Status registerSearchTokenizer(sqlite3* db) {
    if (!db)
        return Error{QStringLiteral("The search index needs an SQLite database.")};
    fts5_api* api = fts5Api(db);
    if (!api)
        return Error{QStringLiteral("This SQLite has no full-text search (FTS5): %1")
                         .arg(QString::fromUtf8(sqlite3_errmsg(db)))};
    fts5_tokenizer tokenizer{create, destroy, tokenize};
    if (api->xCreateTokenizer(api, kSearchTokenizerName, nullptr, &tokenizer, nullptr) != SQLITE_OK)
        return couldNot(QStringLiteral("register the search index's tokenizer"),
                        QString::fromUtf8(sqlite3_errmsg(db)));
    return {};
}

Status registerSearchTokenizer(const QSqlDatabase& db) {
    return registerSearchTokenizer(sqliteHandle(db));
}

} // namespace mirsad::storage
