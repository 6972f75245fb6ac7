#include "storage/PostgresSearch.h"

#include "storage/SearchBytes_p.h"

#include <QHash>
#include <QList>
#include <QVarLengthArray>
#include <QtEndian>
#include <array>

namespace mirsad::storage {

namespace {

struct Word {
    QVarLengthArray<quint16, 4> positions; // ascending, each at most kSearchMaxPosition
    quint16 titlePositions = 0;            // how many of the first are the title's (weight A)
};

class DocumentBuilder {
public:
    // Adds the words of `text` from `position` on; returns the position after the last.
    int add(QByteArrayView text, int position, bool title) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        const qsizetype size = text.size();
        qsizetype i = 0;
        while (i < size) {
            if (kByteClasses[bytes[i]] == Separator) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            bool capital = false;
            for (; i < size && kByteClasses[bytes[i]] != Separator; ++i)
                capital = capital || kByteClasses[bytes[i]] == Capital;
            if (i - start <= kSearchMaxWordBytes)
                addWord(text.sliced(start, i - start), capital, position, title);
            ++position;
        }
        return position;
    }

    // tsvector's binary form (its receive function): the count of words, then each word's
    // bytes and a NUL, its count of positions and each position, big-endian, the weight in the
    // top two bits (A = 3). The server sorts the words itself.
    QByteArray binary() const {
        QByteArray out;
        out.reserve(4 + m_bytes + m_order.size() * 7);
        appendBigEndian(out, quint32(m_order.size()));
        for (const QByteArray& key : m_order) {
            const Word& word = m_words[key];
            out += key;
            out += '\0';
            appendBigEndian(out, quint16(word.positions.size()));
            for (qsizetype k = 0; k < word.positions.size(); ++k)
                appendBigEndian(out, quint16(word.positions[k] | (k < word.titlePositions ? 0xc000 : 0)));
        }
        return out;
    }

    QByteArray literal() const {
        QByteArray out;
        out.reserve(m_bytes + m_order.size() * 8);
        for (const QByteArray& key : m_order) {
            const Word& word = m_words[key];
            if (!out.isEmpty())
                out += ' ';
            out += '\'';
            out += key; // its bytes are [a-z0-9] and >= 0x80: nothing to escape
            out += '\'';
            char separator = ':';
            for (qsizetype k = 0; k < word.positions.size(); ++k) {
                out += separator;
                out += QByteArray::number(word.positions[k]);
                if (k < word.titlePositions)
                    out += 'A';
                separator = ',';
            }
        }
        return out;
    }

private:
    void addWord(QByteArrayView token, bool capital, int position, bool title) {
        // The key points into the text (which outlives the builder) unless it had to be folded.
        QByteArray key = capital ? lowerCased(token) : QByteArray::fromRawData(token.data(), token.size());
        auto it = m_words.find(key);
        if (it == m_words.end()) {
            if (m_bytes + key.size() > kSearchMaxDocumentBytes)
                return;
            m_bytes += key.size();
            m_order.append(key);
            it = m_words.insert(key, Word{});
        }
        Word& word = *it;
        const auto clamped = quint16(qMin(position, kSearchMaxPosition));
        if (word.positions.size() >= kSearchMaxPositionsPerWord ||
            (!word.positions.isEmpty() && word.positions.last() == clamped))
            return;
        word.positions.append(clamped);
        if (title)
            word.titlePositions = quint16(word.positions.size());
    }

    template <typename T> static void appendBigEndian(QByteArray& out, T value) {
        const qsizetype at = out.size();
        out.resize(at + qsizetype(sizeof(T)));
        qToBigEndian(value, out.data() + at);
    }

    static QByteArray lowerCased(QByteArrayView token) {
        QByteArray folded(token.data(), token.size());
        for (char& c : folded)
            if (c >= 'A' && c <= 'Z')
                c = char(c + ('a' - 'A'));
        return folded;
    }

    QHash<QByteArray, Word> m_words;
    QList<QByteArray> m_order; // the words in the order they first came: a stable literal
    qsizetype m_bytes = 0;
};

} // namespace

QByteArray postgresSearchDocument(QByteArrayView searchTitle, QByteArrayView searchBody) {
    DocumentBuilder builder;
    const int afterTitle = builder.add(searchTitle, 1, true);
    builder.add(searchBody, afterTitle + 1, false);
    return builder.literal();
}

QByteArray postgresSearchDocumentBinary(QByteArrayView searchTitle, QByteArrayView searchBody) {
    DocumentBuilder builder;
    const int afterTitle = builder.add(searchTitle, 1, true);
    builder.add(searchBody, afterTitle + 1, false);
    return builder.binary();
}

} // namespace mirsad::storage

namespace mirsad::storage {

namespace {

// The words of a folded text as the document holds them (see DocumentBuilder::add).
QList<QByteArray> wordsOf(const QString& folded) {
    const QByteArray utf8 = folded.toUtf8();
    QList<QByteArray> words;
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.constData());
    for (qsizetype i = 0, n = utf8.size(); i < n;) {
        if (kByteClasses[bytes[i]] == Separator) {
            ++i;
            continue;
        }
        QByteArray word;
        for (; i < n && kByteClasses[bytes[i]] != Separator; ++i)
            word += kByteClasses[bytes[i]] == Capital ? char(bytes[i] + ('a' - 'A')) : char(bytes[i]);
        if (word.size() <= kSearchMaxWordBytes)
            words << word;
    }
    return words;
}

// A word's bytes are [a-z0-9] and >= 0x80: quoted, nothing inside needs escaping.
QString lexeme(const QByteArray& word, bool prefix) {
    return QLatin1Char('\'') + QString::fromUtf8(word) +
           (prefix ? QStringLiteral("':*") : QStringLiteral("'"));
}

QString sqlLiteral(const QString& text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// One word's part of the relevance score (migration 008's mirsad_group_rank).
QString groupRank(const QString& document, const QString& group, const QString& typed) {
    return QStringLiteral("mirsad_group_rank(%1, %2::tsquery, %3::tsquery)")
        .arg(document, sqlLiteral(group),
             typed.isEmpty() || typed == group ? QStringLiteral("NULL") : sqlLiteral(typed));
}

} // namespace

QString tsqueryWord(const QString& folded, bool prefix) {
    const QList<QByteArray> words = wordsOf(folded);
    QStringList parts;
    for (qsizetype i = 0; i < words.size(); ++i)
        parts << lexeme(words[i], prefix && i == words.size() - 1);
    if (parts.size() > 1)
        return QLatin1Char('(') + parts.join(QStringLiteral(" <-> ")) + QLatin1Char(')');
    return parts.value(0);
}

QString tsqueryPhrase(const QStringList& folded) {
    QStringList parts;
    for (const QString& word : folded) {
        for (const QByteArray& w : wordsOf(word))
            parts << lexeme(w, false);
    }
    if (parts.size() > 1)
        return QLatin1Char('(') + parts.join(QStringLiteral(" <-> ")) + QLatin1Char(')');
    return parts.value(0);
}

QString tsqueryAny(const QStringList& parts) {
    QStringList present;
    for (const QString& part : parts) {
        if (!part.isEmpty())
            present << part;
    }
    if (present.size() == 1)
        return present.first();
    return present.isEmpty() ? QString()
                             : QLatin1Char('(') + present.join(QStringLiteral(" | ")) + QLatin1Char(')');
}

QString postgresRankExpression(const QString& document, const QStringList& groups,
                               const QStringList& typedGroups) {
    QStringList parts;
    for (qsizetype i = 0; i < groups.size(); ++i)
        parts << groupRank(document, groups[i], typedGroups.value(i));
    return parts.isEmpty() ? QStringLiteral("0::real")
                           : QLatin1Char('(') + parts.join(QStringLiteral(" + ")) + QLatin1Char(')');
}

} // namespace mirsad::storage
