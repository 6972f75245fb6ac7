#include "content/HtmlEntities.h"

#include "content/Ascii_p.h"

#include <QHash>
#include <QSet>
#include <array>

using namespace Qt::StringLiterals;

namespace mirsad::content {
namespace {

const QHash<QString, char32_t>& entityTable() {
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t;
        // U+00A0..U+00FF in order, as HTML 4 named them.
        static const char* const latin1[] = {
            "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
            "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
            "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
            "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
            "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
            "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
            "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
            "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
            "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
            "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
            "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};
        for (int i = 0; i < 96; ++i)
            t.insert(QString::fromLatin1(latin1[i]), char32_t(0xA0 + i));
        static const std::pair<const char*, char32_t> others[] = {
            {"quot", 0x22},     {"amp", 0x26},      {"apos", 0x27},     {"lt", 0x3C},
            {"gt", 0x3E},       {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},
            {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},    {"circ", 0x2C6},
            {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
            {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
            {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
            {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
            {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},   {"hellip", 0x2026},
            {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
            {"rsaquo", 0x203A}, {"oline", 0x203E},  {"frasl", 0x2044},  {"euro", 0x20AC},
            {"trade", 0x2122},  {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},
            {"darr", 0x2193},   {"harr", 0x2194},   {"minus", 0x2212},  {"lowast", 0x2217},
            {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},     {"asymp", 0x2248},
            {"infin", 0x221E},  {"deg", 0xB0},      {"hyphen", 0x2010}, {"nbhy", 0x2011},
            {"lrm", 0x200E},    {"alm", 0x061C},    {"NewLine", 0x0A},  {"Tab", 0x09},
            {"colon", 0x3A},    {"lpar", 0x28},     {"rpar", 0x29},     {"sol", 0x2F},
            {"bsol", 0x5C},     {"period", 0x2E},   {"comma", 0x2C},    {"excl", 0x21},
            {"num", 0x23},      {"dollar", 0x24},   {"percnt", 0x25},   {"ast", 0x2A},
            {"plus", 0x2B},     {"equals", 0x3D},   {"quest", 0x3F},    {"commat", 0x40},
            {"lsqb", 0x5B},     {"rsqb", 0x5D},     {"lowbar", 0x5F},   {"grave", 0x60},
            {"lcub", 0x7B},     {"rcub", 0x7D},     {"verbar", 0x7C},   {"semi", 0x3B},
            {"star", 0x2606},   {"check", 0x2713},  {"copysr", 0x2117}, {"hearts", 0x2665},
            {"loz", 0x25CA},
        };
        for (const auto& [name, cp] : others)
            t.insert(QString::fromLatin1(name), cp);
        return t;
    }();
    return table;
}

// Browsers read &#128;..&#159; as windows-1252, which is what the author meant.
char32_t fixC1(char32_t cp) {
    static const std::array<char16_t, 32> cp1252 = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    if (cp >= 0x80 && cp <= 0x9F)
        return cp1252[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    return cp;
}

void appendCodePoint(QString& out, char32_t cp) {
    if (cp > 0xFFFF) {
        out += QChar::highSurrogate(cp);
        out += QChar::lowSurrogate(cp);
    } else {
        out += QChar(char16_t(cp));
    }
}

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Decodes the reference starting at text[i] == '&'; returns the characters consumed (0: none).
qsizetype decodeReference(QStringView text, qsizetype i, QString& out) {
    qsizetype j = i + 1;
    if (j < text.size() && text[j] == u'#') {
        ++j;
        const bool hex = j < text.size() && (text[j] == u'x' || text[j] == u'X');
        if (hex)
            ++j;
        const qsizetype digitsStart = j;
        char32_t value = 0;
        while (j < text.size()) {
            const int d =
                hex ? hexValue(text[j])
                    : (text[j].isDigit() && text[j].unicode() < 128 ? text[j].unicode() - u'0' : -1);
            if (d < 0)
                break;
            if (value <= 0x10FFFF) // saturate: the result is U+FFFD anyway
                value = value * (hex ? 16 : 10) + char32_t(d);
            ++j;
        }
        if (j == digitsStart)
            return 0;
        if (j < text.size() && text[j] == u';')
            ++j;
        appendCodePoint(out, fixC1(value));
        return j - i;
    }
    while (j < text.size() && j - i <= 32 && isAsciiAlnum(text[j]))
        ++j;
    if (j == i + 1)
        return 0;
    const QStringView name = text.mid(i + 1, j - i - 1);
    const bool terminated = j < text.size() && text[j] == u';';
    const char32_t cp = htmlEntityCodePoint(name);
    if (!cp)
        return 0;
    // Without ';' only the old, common ones count, as in browsers ("&amp" "&nbsp").
    static const QSet<QString> legacy = {u"amp"_s,  u"lt"_s,   u"gt"_s, u"quot"_s,
                                         u"nbsp"_s, u"copy"_s, u"reg"_s};
    if (!terminated && !legacy.contains(name.toString()))
        return 0;
    appendCodePoint(out, cp);
    return j - i + (terminated ? 1 : 0);
}

} // namespace

char32_t htmlEntityCodePoint(QStringView name) {
    return entityTable().value(name, 0);
}

QString decodeHtmlEntities(QStringView text) {
    qsizetype amp = text.indexOf(u'&');
    if (amp < 0)
        return text.toString();
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (amp >= 0) {
        out += text.mid(i, amp - i);
        const qsizetype used = decodeReference(text, amp, out);
        if (used == 0) {
            out += u'&';
            i = amp + 1;
        } else {
            i = amp + used;
        }
        amp = text.indexOf(u'&', i);
    }
    out += text.mid(i);
    return out;
}

} // namespace mirsad::content
