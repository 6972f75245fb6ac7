#include "storage/SearchVocabulary.h"

#include "search/ArabicClitics.h"
#include "search/WordForms.h"
#include "storage/Database.h"
#include "storage/Dialect.h"
#include "storage/Logging.h"
#include "storage/PostgresSearch.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>
#include <bit>
#include <vector>

namespace mirsad::storage {

namespace {

// More forms than this for one word (a very common stem in a huge archive) are cut, the word's
// own forms kept first: each form costs FTS5 a lookup.
constexpr qsizetype kMaxForms = 400;

// A prefix with its clitic forms, as an FTS5 phrase of synonyms: the tokenizer reads "a|b|c" in a
// query as one token that may be any of them (storage/SearchTokenizer.cpp).
QString synonyms(const QStringList& forms) {
    return QString(QLatin1Char('"') % forms.join(QLatin1Char('|')) % QLatin1Char('"'));
}

// One word of the query with all its forms, as alternatives: ("a" OR "b" OR "c"). Not as one
// phrase of synonyms: FTS5 merges the position lists of a synonym phrase's forms for every row it
// reads, which made a common word's matches three times as slow to walk as the forms' own OR.
QString alternatives(const QStringList& forms) {
    if (forms.size() == 1)
        return QString(QLatin1Char('"') % forms.first() % QLatin1Char('"'));
    return QString(QStringLiteral("(\"") % forms.join(QStringLiteral("\" OR \"")) % QStringLiteral("\")"));
}

struct Compiler {
    QSqlQuery lookup;
    bool filling = false;
    QStringList rankTerms;  // mirsad_rank's weights of each term's phrases (SearchVocabulary.h)
    bool postgres = false;  // a tsquery rather than FTS5's MATCH
    QStringList typedTerms; // PostgreSQL: each term in the form typed

    Result<QString> word(const QString& typed) {
        const search::QueryWord query = search::queryWord(typed);
        QStringList sameForms{typed};
        QStringList stemmed;
        for (const QString& key : query.keys) {
            lookup.addBindValue(key);
            if (!lookup.exec())
                return sqlError(QStringLiteral("look up the forms of a word"), lookup);
            while (lookup.next()) {
                const QString form = lookup.value(0).toString();
                switch (search::formMatch(query, form)) {
                case search::FormMatch::Same:
                    if (!sameForms.contains(form))
                        sameForms << form;
                    break;
                case search::FormMatch::Stemmed:
                    if (!stemmed.contains(form))
                        stemmed << form;
                    break;
                case search::FormMatch::None:
                    break;
                }
            }
        }
        if (filling && search::isArabicWord(typed)) {
            for (const QString& base : query.bases) {
                for (const QString& form : search::cliticForms(base)) {
                    if (!sameForms.contains(form))
                        sameForms << form;
                }
            }
        }
        QStringList forms = sameForms + stemmed;
        if (forms.size() > kMaxForms) {
            qCInfo(lcStorage) << "Search: the word" << typed << "has" << forms.size() << "forms; the first"
                              << kMaxForms << "are looked for";
            forms.resize(kMaxForms);
        }
        // The word's own forms weigh fully, its inflections half (they rank after it).
        QStringList weights(std::min(sameForms.size(), forms.size()), QStringLiteral("1"));
        weights.resize(forms.size(), QStringLiteral("0.5"));
        rankTerms << weights.join(QLatin1Char(','));
        if (postgres) {
            QStringList words;
            for (const QString& form : forms)
                words << tsqueryWord(form);
            typedTerms << tsqueryWord(sameForms.first());
            return tsqueryAny(words);
        }
        return alternatives(forms);
    }

    Result<QString> term(const search::QueryTerm& term) {
        switch (term.kind) {
        case search::QueryTerm::Word:
            return word(term.words.first());
        case search::QueryTerm::Phrase:
            rankTerms << QStringLiteral("1");
            if (postgres) {
                typedTerms << tsqueryPhrase(term.words);
                return typedTerms.last();
            }
            return QString(QLatin1Char('"') % term.words.join(QLatin1Char(' ')) % QLatin1Char('"'));
        case search::QueryTerm::Prefix: {
            const QString& prefix = term.words.first();
            QStringList forms{prefix};
            if (search::isArabicWord(prefix))
                forms << search::cliticForms(prefix);
            rankTerms << QStringLiteral("1");
            if (postgres) {
                QStringList words;
                for (const QString& form : forms)
                    words << tsqueryWord(form, true);
                typedTerms << tsqueryAny(words);
                return typedTerms.last();
            }
            return synonyms(forms) + QLatin1Char('*');
        }
        }
        return QString();
    }

    Result<QString> any(const QList<search::QueryTerm>& terms) {
        QStringList parts;
        for (const search::QueryTerm& t : terms) {
            Result<QString> part = term(t);
            if (!part)
                return part;
            parts << *part;
        }
        if (postgres)
            return tsqueryAny(parts);
        if (parts.size() == 1)
            return parts.first();
        return QString(QLatin1Char('(') % parts.join(QStringLiteral(" OR ")) % QLatin1Char(')'));
    }
};

} // namespace

Result<CompiledSearch> compileSearch(const QSqlDatabase& db, const search::ParsedQuery& query) {
    CompiledSearch compiled;
    if (query.required.isEmpty())
        return compiled;
    Compiler compiler{QSqlQuery(db), searchVocabularyFilling(db), {}, isPostgres(db), {}};
    compiler.lookup.setForwardOnly(true);
    if (!compiler.lookup.prepare(QStringLiteral("SELECT word FROM search_vocabulary WHERE key = ?")))
        return sqlError(QStringLiteral("look up the forms of a word"), compiler.lookup);
    QStringList required;
    for (const search::QueryAlternatives& alternatives : query.required) {
        const qsizetype typedBefore = compiler.typedTerms.size();
        Result<QString> part = compiler.any(alternatives);
        if (!part)
            return Error{part.error()};
        required << *part;
        if (compiler.postgres && !part->isEmpty()) {
            const QString typed = tsqueryAny(compiler.typedTerms.mid(typedBefore));
            compiled.groups << *part;
            compiled.typedGroups << (typed == *part ? QString() : typed);
        }
    }
    if (compiler.postgres) {
        required.removeAll(QString()); // a word without word characters (cannot be, but never '()')
        if (required.isEmpty())
            return compiled;
        compiled.match = required.join(QStringLiteral(" & "));
        compiled.typed = tsqueryAny(compiler.typedTerms);
        if (!query.excluded.isEmpty()) {
            Result<QString> excluded = compiler.any(query.excluded);
            if (!excluded)
                return Error{excluded.error()};
            if (!excluded->isEmpty())
                compiled.match += QStringLiteral(" & !") + *excluded;
        }
        compiled.terms = compiler.rankTerms.join(QLatin1Char(' '));
        return compiled;
    }
    compiled.match = required.join(QStringLiteral(" AND "));
    if (!query.excluded.isEmpty()) {
        // Excluded words have phrases in the match too (never in a matching row): they get terms.
        Result<QString> excluded = compiler.any(query.excluded);
        if (!excluded)
            return Error{excluded.error()};
        // FTS5's NOT is binary: what is required, then one group of what is not.
        compiled.match = QStringLiteral("(%1) NOT (%2)").arg(compiled.match, *excluded);
    }
    compiled.terms = compiler.rankTerms.join(QLatin1Char(' '));
    return compiled;
}

Result<CompiledSearch> compileSearch(const QSqlDatabase& db, QStringView typed) {
    Result<search::ParsedQuery> parsed = search::parseQuery(typed);
    if (!parsed)
        return Error{parsed.error()};
    return compileSearch(db, *parsed);
}

QByteArray indexWords(std::initializer_list<QByteArrayView> searchTexts) {
    const auto isWordByte = [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
    };
    // Calls `found` with each word of the texts, in order.
    const auto forEachWord = [&](auto&& found) {
        for (QByteArrayView text : searchTexts) {
            for (qsizetype i = 0, n = text.size(); i < n;) {
                if (!isWordByte(text[i])) {
                    ++i;
                    continue;
                }
                qsizetype end = i;
                while (end < n && isWordByte(text[end]))
                    ++end;
                found(text.sliced(i, end - i));
                i = end;
            }
        }
    };
    qsizetype bytes = 0;
    for (QByteArrayView text : searchTexts)
        bytes += text.size() + 1;
    // Room for every word once: `joined` never moves, and the table holds views into it.
    QByteArray joined;
    joined.reserve(bytes);
    // The distinct words through an open-addressing table kept at most half full (a word takes
    // about ten bytes of text): sorting them cost more than the rest of preparing an article.
    size_t capacity = std::bit_ceil(size_t(bytes / 8 + 32));
    std::vector<QByteArrayView> table(capacity);
    const auto slotOf = [&](QByteArrayView word) {
        size_t slot = qHash(word) & (capacity - 1);
        while (!table[slot].isNull() && table[slot] != word)
            slot = (slot + 1) & (capacity - 1);
        return slot;
    };
    size_t distinct = 0;
    forEachWord([&](QByteArrayView word) {
        const size_t slot = slotOf(word);
        if (!table[slot].isNull())
            return;
        if (!joined.isEmpty())
            joined += ' ';
        table[slot] = QByteArrayView(joined.constData() + joined.size(), word.size());
        joined += word;
        if (++distinct * 2 <= capacity)
            return;
        capacity *= 2; // the words so far go into a table twice the size
        table.assign(capacity, QByteArrayView());
        for (qsizetype i = 0; i < joined.size();) {
            qsizetype end = joined.indexOf(' ', i);
            if (end < 0)
                end = joined.size();
            const QByteArrayView known(joined.constData() + i, end - i);
            table[slotOf(known)] = known;
            i = end + 1;
        }
    });
    // searchText lower-cases Latin letters; the tokenizer would fold any capital left.
    return std::move(joined).toLower();
}

VocabularyWriter::VocabularyWriter(sqlite3* db)
    : m_insert(db, "INSERT OR IGNORE INTO search_vocabulary (key, word) VALUES (?1, ?2)") {
}

VocabularyWriter::VocabularyWriter(QSqlDatabase postgres)
    : m_postgresDb(std::move(postgres))
    , m_rows(std::in_place, "INSERT INTO search_vocabulary (key, word) VALUES", "ON CONFLICT DO NOTHING") {
}

Status VocabularyWriter::flush() {
    if (!m_rows)
        return {};
    return m_rows->exec(m_postgresDb, QStringLiteral("add words to the search vocabulary"));
}

Status VocabularyWriter::add(QByteArrayView words) {
    for (qsizetype i = 0, n = words.size(); i < n;) {
        qsizetype end = words.indexOf(' ', i);
        if (end < 0)
            end = n;
        const QByteArrayView word = words.sliced(i, end - i);
        i = end + 1;
        if (word.isEmpty() || m_known.contains(QByteArray::fromRawData(word.data(), word.size())))
            continue;
        if (m_known.size() >= kMaxKnown)
            m_known.clear(); // the next words are checked by SQLite again: only slower
        for (const QString& key : search::indexKeys(QString::fromUtf8(word))) {
            const QByteArray utf8 = key.toUtf8();
            if (m_rows) {
                m_rows->row().text(utf8).text(word);
                continue;
            }
            m_insert.bind(1, utf8).bind(2, word);
            if (Status s = m_insert.exec(); !s)
                return couldNot(QStringLiteral("add a word to the search vocabulary"), m_insert.error());
        }
        m_known.insert(word.toByteArray());
        if (m_rows && m_rows->rows() >= 5000) {
            if (Status s = flush(); !s)
                return s;
        }
    }
    return {};
}

Status checkSearchVocabularyRules(QSqlDatabase& db) {
    const QString rules = QString::number(search::kWordKeysVersion);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'search_vocabulary_rules'")))
        return sqlError(QStringLiteral("read the search vocabulary's version"), query);
    if (query.next() && query.value(0).toString() == rules)
        return {};
    query.finish();
    Transaction transaction(db);
    for (const QString& sql :
         {QStringLiteral("DELETE FROM search_vocabulary"),
          QStringLiteral("DELETE FROM search_vocabulary_fill"),
          QStringLiteral(
              "INSERT INTO search_vocabulary_fill SELECT '' WHERE EXISTS (SELECT 1 FROM articles)"),
          QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_vocabulary_rules', '%1')")
              .arg(rules)}) {
        if (!query.exec(sql))
            return sqlError(QStringLiteral("renew the search vocabulary"), query);
    }
    return transaction.commit();
}

bool searchVocabularyFilling(const QSqlDatabase& db) {
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1 FROM search_vocabulary_fill")) && query.next();
}

Result<qint64> fillSearchVocabulary(QSqlDatabase& db, int words) {
    QSqlQuery state(db);
    if (!state.exec(QStringLiteral("SELECT after_word FROM search_vocabulary_fill")))
        return sqlError(QStringLiteral("read how far the search vocabulary is filled"), state);
    if (!state.next())
        return qint64(0);
    const QString after = state.value(0).toString();
    state.finish();
    QSqlQuery setup(db);
    if (!setup.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_search_words "
                                   "USING fts5vocab(main, article_search, row)")))
        return sqlError(QStringLiteral("read the words of the search index"), setup);
    Transaction transaction(db);
    QSqlQuery read(db);
    read.setForwardOnly(true);
    read.prepare(
        QStringLiteral("SELECT term FROM temp.article_search_words WHERE term > ? ORDER BY term LIMIT ?"));
    read.addBindValue(after);
    read.addBindValue(words);
    if (!read.exec())
        return sqlError(QStringLiteral("read the words of the search index"), read);
    QByteArray batch;
    QString last;
    qint64 count = 0;
    while (read.next()) {
        last = read.value(0).toString();
        if (count++ > 0)
            batch += ' ';
        batch += last.toUtf8();
    }
    read.finish();
    QSqlQuery save(db);
    if (batch.isEmpty()) {
        if (!save.exec(QStringLiteral("DELETE FROM search_vocabulary_fill")))
            return sqlError(QStringLiteral("finish the search vocabulary"), save);
    } else {
        VocabularyWriter writer(sqliteHandle(db));
        if (!writer.isValid())
            return couldNot(QStringLiteral("fill the search vocabulary"), writer.error());
        if (Status s = writer.add(batch); !s)
            return Error{s.error()};
        save.prepare(QStringLiteral("UPDATE search_vocabulary_fill SET after_word = ?"));
        save.addBindValue(last);
        if (!save.exec())
            return sqlError(QStringLiteral("save how far the search vocabulary is filled"), save);
    }
    if (Status s = transaction.commit(); !s)
        return Error{s.error()};
    return count;
}

Result<qint64> fillWholeSearchVocabulary(QSqlDatabase& db, int wordsPerStep) {
    qint64 total = 0;
    for (;;) {
        Result<qint64> read = fillSearchVocabulary(db, wordsPerStep);
        if (!read)
            return read;
        if (*read == 0)
            return total;
        total += *read;
    }
}

} // namespace mirsad::storage
