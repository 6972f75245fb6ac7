#include "text/FoldingTable.h"

#include <QChar>
#include <QList>
#include <QString>

namespace mirsad::text {

namespace {

// Arabic, Persian and Kurdish letters folded to the Arabic letter a reader treats as the same.
// Hamza seats are handled by NFKD (أ = ا + U+0654, whose mark is then dropped).
char32_t foldArabicLetter(char32_t c) {
    switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673:
        return 0x0627; // alef forms → ا
    case 0x0649:
    case 0x06CC:
    case 0x06CE:
    case 0x06D0:
    case 0x06D2:
        return 0x064A; // ى ی ێ ې ے → ي
    case 0x0629:
    case 0x06D5:
    case 0x06BE:
    case 0x06C1:
        return 0x0647; // ة ە ھ ہ → ه
    case 0x06A9:
    case 0x06AA:
    case 0x06AF:
        return 0x0643; // ک ڪ گ → ك (Arabic writes Kurdish g as ك or ج; ك is the common fold)
    case 0x06C6:
    case 0x06C7:
    case 0x06C8:
    case 0x06C9:
    case 0x06CB:
        return 0x0648; // ۆ ۇ ۈ ۉ ۋ → و
    case 0x0695:
        return 0x0631; // ڕ → ر
    case 0x06B5:
        return 0x0644; // ڵ → ل
    case 0x06A4:
        return 0x0641; // ڤ → ف
    case 0x067E:
        return 0x0628; // پ → ب
    case 0x0686:
        return 0x062C; // چ → ج
    case 0x0698:
        return 0x0632; // ژ → ز
    default:
        return c;
    }
}

// Hyphens, apostrophes and quotes separate words: "Al-Kazemi" is "al kazemi", "Sadr's" is "sadr s".
bool isSeparatorMark(char32_t c) {
    switch (QChar::category(c)) {
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
        return true;
    default:
        break;
    }
    switch (c) {
    case u'\'':
    case u'"':
    case u'`':
    case 0x00B4:
    case 0x02B9:
    case 0x02BA:
    case 0x02BC:
    case 0x2032:
    case 0x2033:
        return true;
    default:
        return false;
    }
}

void appendCodePoint(char32_t c, char16_t* out, int& n) {
    if (QChar::requiresSurrogates(c)) {
        out[n++] = QChar::highSurrogate(c);
        out[n++] = QChar::lowSurrogate(c);
    } else {
        out[n++] = static_cast<char16_t>(c);
    }
}

} // namespace

int FoldingTable::foldCodePoint(char32_t codePoint, char16_t* out, bool* attached) {
    *attached = false;
    // NFKC followed by NFD is NFKD up to canonical order, and the order only concerns the marks
    // we drop; decomposing one code point at a time is therefore the same as the whole text.
    const QString decomposed =
        QChar::decompositionTag(codePoint) == QChar::NoDecomposition
            ? QString::fromUcs4(&codePoint, 1)
            : QString::fromUcs4(&codePoint, 1).normalized(QString::NormalizationForm_KD);
    int n = 0;
    const auto units = QStringView(decomposed).toUcs4();
    for (char32_t c : units) {
        if (n > kMaxExpansion - 2)
            break;
        const auto category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || c == 0x0640 ||
            c == 0x02BE || c == 0x02BF) {
            *attached = true; // harakat, shadda, superscript alef, tatweel, transliteration ʾ ʿ
            continue;
        }
        if (category == QChar::Other_Format)
            continue; // ZWJ, ZWNJ, bidi controls, BOM, soft hyphen
        if (category == QChar::Number_DecimalDigit && QChar::digitValue(c) >= 0) {
            out[n++] = static_cast<char16_t>(u'0' + QChar::digitValue(c));
            continue;
        }
        if (isSeparatorMark(c)) {
            out[n++] = u' ';
            continue;
        }
        if (c == 0x00DF) { // ß
            out[n++] = u's';
            out[n++] = u's';
            continue;
        }
        if (c == 0x0131) { // dotless ı
            out[n++] = u'i';
            continue;
        }
        appendCodePoint(QChar::toCaseFolded(foldArabicLetter(c)), out, n);
    }
    if (n > 0)
        *attached = false;
    return n;
}

FoldingTable::WordClass FoldingTable::wordClassOf(char16_t unit) {
    if (!QChar::isLetterOrNumber(unit))
        return NotWord;
    if (unit < 0x0250)
        return unit >= u'0' && unit <= u'9' ? OtherWord : LatinWord;
    if ((unit >= 0x0600 && unit < 0x0780) || (unit >= 0x08A0 && unit < 0x0900))
        return ArabicWord;
    return OtherWord;
}

const FoldingTable& FoldingTable::instance() {
    static const FoldingTable table;
    return table;
}

FoldingTable::FoldingTable()
    : m_entries(0x10000)
    , m_wordUnit(0x10000, 0)
    , m_mixed(0x10000, 0)
    , m_plain(0x10000, 0) {
    for (char32_t c = 0; c < 0x10000; ++c) {
        const auto u = static_cast<char16_t>(c);
        m_wordUnit[u] = QChar::isLetterOrNumber(c) ? 1 : 0;
    }
    char16_t out[kMaxExpansion];
    for (char32_t c = 0; c < 0x10000; ++c) {
        Entry& e = m_entries[c];
        if (QChar::isSurrogate(c)) {
            e = {static_cast<quint32>(c), 1, Surrogate, NotWord};
            continue;
        }
        bool attached = false;
        const int n = foldCodePoint(c, out, &attached);
        if (n == 0) {
            e = {0, 0, attached ? DropAttached : DropInvisible, NotWord};
        } else if (n == 1) {
            e = {static_cast<quint32>(out[0]), 1, Single, wordClassOf(out[0])};
        } else {
            e = {static_cast<quint32>(m_pool.size()), static_cast<quint8>(n), Expansion, NotWord};
            bool hasWord = false;
            bool hasSeparator = false;
            for (int i = 0; i < n; ++i) {
                m_pool.push_back(out[i]);
                (m_wordUnit[out[i]] ? hasWord : hasSeparator) = true;
            }
            m_mixed[c] = hasWord && hasSeparator ? 1 : 0;
        }
        if (e.kind == Single && e.wordClass == LatinWord && !(c >= u'A' && c <= u'Z'))
            m_plain[c] = kPlainLatin | e.value;
        else if (e.kind == Single && e.wordClass == ArabicWord)
            m_plain[c] = kPlainArabic | e.value;
    }
}

} // namespace mirsad::text
