#include "storage/PostgresSearch.h"

#include <QHash>
#include <QList>
#include <QVarLengthArray>
#include <array>

namespace mirsad::storage {

namespace {

// The classes of bytes mirsad_folded splits by (storage/SearchTokenizer.cpp).
enum ByteClass : quint8 { Separator = 0, WordByte = 1, Capital = 2 };

constexpr std::array<quint8, 256> kByteClasses = [] {
    std::array<quint8, 256> classes{};
    for (int b = 0; b < 256; ++b) {
        if (b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
            classes[b] = WordByte;
        else if (b >= 'A' && b <= 'Z')
            classes[b] = Capital;
    }
    return classes;
}();

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

} // namespace mirsad::storage
