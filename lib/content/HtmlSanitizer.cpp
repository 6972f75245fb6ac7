#include "content/HtmlSanitizer.h"

#include <QHash>
#include <QSet>
#include <QStringTokenizer>
#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace mirsad::content {
namespace {

// ---- Character references ------------------------------------------------------------------

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

bool isAsciiAlnum(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
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

// ---- Element classes ----------------------------------------------------------------------

// What the tokenizer and the sanitiser need to know about an element, found with one hash
// lookup per tag rather than one set lookup per question.
struct ElementClass {
    QString output;                // the element written out; empty: the tag goes, its text stays
    bool isVoid = false;           // has no end tag
    bool isRawText = false;        // its content is text up to its end tag
    bool isDropped = false;        // dropped together with everything inside it
    bool isBlock = false;          // the output element's start and end break the text into paragraphs
    bool neverBoilerplate = false; // never page furniture, whatever its class or id says
};

// Every element the sanitiser knows, by lower-case name.
const QHash<QString, ElementClass>& elementTable() {
    static const QHash<QString, ElementClass> table = [] {
        const QStringList voids = {u"area"_s,  u"base"_s,   u"br"_s,    u"col"_s,  u"embed"_s,
                                   u"hr"_s,    u"img"_s,    u"input"_s, u"link"_s, u"meta"_s,
                                   u"param"_s, u"source"_s, u"track"_s, u"wbr"_s,  u"keygen"_s};
        const QStringList rawText = {u"script"_s, u"style"_s,   u"textarea"_s, u"title"_s,    u"xmp"_s,
                                     u"iframe"_s, u"noembed"_s, u"noframes"_s, u"noscript"_s, u"plaintext"_s};
        const QStringList dropped = {
            u"script"_s,   u"style"_s,     u"iframe"_s,   u"object"_s,   u"embed"_s,    u"form"_s,
            u"svg"_s,      u"math"_s,      u"noscript"_s, u"template"_s, u"head"_s,     u"title"_s,
            u"textarea"_s, u"select"_s,    u"button"_s,   u"applet"_s,   u"frameset"_s, u"frame"_s,
            u"noembed"_s,  u"noframes"_s,  u"audio"_s,    u"video"_s,    u"canvas"_s,   u"nav"_s,
            u"xmp"_s,      u"plaintext"_s, u"dialog"_s,   u"map"_s};
        const QStringList kept = {
            u"p"_s,      u"br"_s,         u"h1"_s,    u"h2"_s,   u"h3"_s,         u"h4"_s,  u"h5"_s,
            u"h6"_s,     u"ul"_s,         u"ol"_s,    u"li"_s,   u"blockquote"_s, u"pre"_s, u"code"_s,
            u"em"_s,     u"strong"_s,     u"b"_s,     u"i"_s,    u"u"_s,          u"a"_s,   u"table"_s,
            u"thead"_s,  u"tbody"_s,      u"tfoot"_s, u"tr"_s,   u"td"_s,         u"th"_s,  u"caption"_s,
            u"figure"_s, u"figcaption"_s, u"img"_s,   u"span"_s, u"div"_s,        u"hr"_s,  u"sub"_s,
            u"sup"_s,    u"small"_s,      u"s"_s,     u"del"_s,  u"ins"_s,        u"q"_s,   u"cite"_s,
            u"abbr"_s,   u"mark"_s,       u"dl"_s,    u"dt"_s,   u"dd"_s};
        const QStringList asDiv = {u"section"_s, u"article"_s, u"main"_s,    u"header"_s,  u"footer"_s,
                                   u"aside"_s,   u"center"_s,  u"address"_s, u"details"_s, u"summary"_s};
        // Every other output element but br and img is a block.
        const QStringList inlines = {u"a"_s,    u"em"_s,   u"strong"_s, u"b"_s,    u"i"_s,     u"u"_s,
                                     u"span"_s, u"code"_s, u"sub"_s,    u"sup"_s,  u"small"_s, u"s"_s,
                                     u"del"_s,  u"ins"_s,  u"q"_s,      u"cite"_s, u"abbr"_s,  u"mark"_s};
        const QStringList neverBoilerplate = {u"body"_s, u"html"_s, u"main"_s, u"article"_s};

        QHash<QString, ElementClass> classes;
        for (const QStringList* names : {&voids, &rawText, &dropped, &kept, &asDiv, &neverBoilerplate}) {
            for (const QString& element : *names) {
                ElementClass& c = classes[element];
                c.output = kept.contains(element) ? element : asDiv.contains(element) ? u"div"_s : QString();
                c.isVoid = voids.contains(element);
                c.isRawText = rawText.contains(element);
                c.isDropped = dropped.contains(element);
                c.isBlock = !c.output.isEmpty() && !inlines.contains(c.output) && c.output != u"br"_s &&
                            c.output != u"img"_s;
                c.neverBoilerplate = neverBoilerplate.contains(element);
            }
        }
        return classes;
    }();
    return table;
}

const ElementClass& elementClass(QStringView name) {
    static const ElementClass other;
    const QHash<QString, ElementClass>& table = elementTable();
    const auto it = table.constFind(name);
    return it == table.cend() ? other : *it;
}

// The lower-case form of a tag or attribute name. Names of known elements and attributes are
// literals shared by every token, so that a tag costs no allocation for its name; other
// ASCII names are lowered on the stack, anything else by QString::toLower().
QString lowerCaseName(QStringView name, bool isElement) {
    constexpr qsizetype longest = 16;
    if (name.size() > longest ||
        !std::all_of(name.begin(), name.end(), [](QChar c) { return c.unicode() < 0x80; }))
        return name.toString().toLower();
    std::array<char16_t, longest> buffer;
    for (qsizetype k = 0; k < name.size(); ++k) {
        const char16_t u = name[k].unicode();
        buffer[k] = u >= u'A' && u <= u'Z' ? char16_t(u - u'A' + u'a') : u;
    }
    const QStringView lower(buffer.data(), name.size());
    if (isElement) {
        const QHash<QString, ElementClass>& table = elementTable();
        if (const auto it = table.constFind(lower); it != table.cend())
            return it.key();
    } else {
        // The attributes the sanitiser reads, and other common ones.
        static const std::array<QString, 16> literals = {
            u"href"_s, u"src"_s,  u"alt"_s,     u"title"_s,   u"width"_s, u"height"_s, u"class"_s,  u"id"_s,
            u"dir"_s,  u"lang"_s, u"colspan"_s, u"rowspan"_s, u"start"_s, u"style"_s,  u"target"_s, u"rel"_s};
        for (const QString& known : literals) {
            if (known == lower)
                return known;
        }
    }
    return lower.toString();
}

// Class and id words that mark scraped page furniture rather than the article, sorted.
constexpr std::array<std::u16string_view, 26> boilerplateWords = {
    u"a2a",      u"addtoany",     u"advert", u"advertisement", u"breadcrumb",  u"breadcrumbs", u"comment",
    u"comments", u"consent",      u"cookie", u"cookies",       u"gdpr",        u"newsletter",  u"promo",
    u"related",  u"relatedposts", u"reply",  u"respond",       u"share",       u"sharedaddy",  u"sharethis",
    u"sharing",  u"sidebar",      u"social", u"subscribe",     u"subscription"};
static_assert(std::ranges::is_sorted(boilerplateWords));

bool isBoilerplateWord(QStringView part) {
    const auto isWord = [](QStringView lower) {
        return std::ranges::binary_search(boilerplateWords,
                                          std::u16string_view(lower.utf16(), size_t(lower.size())));
    };
    // Class names are nearly always ASCII: lower-case them on the stack, not in a new string.
    constexpr qsizetype longestWord = 13;
    if (std::all_of(part.begin(), part.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        if (part.size() > longestWord)
            return false;
        std::array<char16_t, longestWord> lower;
        for (qsizetype k = 0; k < part.size(); ++k) {
            const char16_t u = part[k].unicode();
            lower[k] = u >= u'A' && u <= u'Z' ? char16_t(u - u'A' + u'a') : u;
        }
        return isWord(QStringView(lower.data(), part.size()));
    }
    return isWord(part.toString().toLower());
}

bool isBoilerplateContainer(const HtmlToken& tag, const ElementClass& element) {
    if (element.neverBoilerplate)
        return false;
    for (const QString& attr : {tag.attribute(u"class"), tag.attribute(u"id")}) {
        for (QStringView cls : qTokenize(QStringView(attr), u' ', Qt::SkipEmptyParts)) {
            // "has-comments" and "no-related" describe the page, not a block of furniture.
            if (cls.startsWith(u"has-") || cls.startsWith(u"no-") || cls.startsWith(u"is-"))
                continue;
            // Each part between '-' and '_' on its own.
            qsizetype partStart = 0;
            for (qsizetype k = 0; k <= cls.size(); ++k) {
                if (k < cls.size() && cls[k] != u'-' && cls[k] != u'_')
                    continue;
                if (isBoilerplateWord(cls.sliced(partStart, k - partStart)))
                    return true;
                partStart = k + 1;
            }
        }
    }
    return false;
}

QString normalisedPhrase(QStringView text) {
    QString s = text.toString().simplified().toLower();
    while (!s.isEmpty() && (s.endsWith(u':') || s.endsWith(u'.') || s.endsWith(u'…')))
        s.chop(1);
    s.replace(QChar(0x0623), QChar(0x0627))
        .replace(QChar(0x0625), QChar(0x0627))
        .replace(QChar(0x064B), QString());
    return s.trimmed();
}

// normalisedPhrase() of a text of ASCII and Arabic-block characters only, which is nearly every
// paragraph, written into `phrase` instead of the general way's five strings; false for any
// other text. In those two ranges only ASCII has white space and case.
bool normalisedPhraseOfAsciiOrArabic(QStringView text, QVarLengthArray<char16_t, 256>& phrase) {
    phrase.clear();
    bool pendingSpace = false; // simplified(): inner runs of white space as one space
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c >= 0x80 && (c < 0x0600 || c > 0x06FF))
            return false;
        if (c == u' ' || (c >= u'\t' && c <= u'\r')) {
            pendingSpace = !phrase.isEmpty();
            continue;
        }
        if (pendingSpace)
            phrase.append(u' ');
        pendingSpace = false;
        phrase.append(c >= u'A' && c <= u'Z' ? char16_t(c - u'A' + u'a') : c);
    }
    while (!phrase.isEmpty() && (phrase.back() == u':' || phrase.back() == u'.'))
        phrase.removeLast();
    qsizetype kept = 0;
    for (const char16_t c : phrase) {
        if (c != 0x064B)
            phrase[kept++] = c == 0x0623 || c == 0x0625 ? char16_t(0x0627) : c;
    }
    phrase.resize(kept);
    // trimmed(): removing U+064B and trailing dots may have left spaces at either end.
    while (!phrase.isEmpty() && phrase.back() == u' ')
        phrase.removeLast();
    const auto firstKept = std::find_if(phrase.begin(), phrase.end(), [](char16_t c) { return c != u' '; });
    phrase.erase(phrase.begin(), firstKept);
    return true;
}

enum class Boilerplate { None, Block, Tail };

// Known text of page furniture. "Tail" phrases start a section (comments, related articles)
// after which nothing belongs to the article.
Boilerplate classifyBlockText(QStringView text) {
    if (text.size() > 200)
        return Boilerplate::None;
    static const QSet<QString> tails = {
        u"leave a reply"_s,   u"leave a comment"_s,  u"leave a reply cancel reply"_s,
        u"related"_s,         u"related articles"_s, u"related posts"_s,
        u"related stories"_s, u"related news"_s,     u"you may also like"_s,
        u"comments"_s,        u"اترك تعليقا"_s,      u"اترك تعليق"_s,
        u"اضف تعليق"_s,       u"اخبار ذات صلة"_s,    u"مقالات ذات صلة"_s,
        u"مواضيع ذات صلة"_s,  u"التعليقات"_s};
    static const QSet<QString> blocks = {u"share this"_s,
                                         u"share"_s,
                                         u"like this"_s,
                                         u"loading"_s,
                                         u"log out"_s,
                                         u"connecting to %s"_s,
                                         u"cancel reply"_s,
                                         u"tweet"_s,
                                         u"print"_s,
                                         u"email"_s,
                                         u"share on facebook"_s,
                                         u"share on twitter"_s,
                                         u"like loading"_s,
                                         u"شارك"_s,
                                         u"شارك الخبر"_s,
                                         u"شارك المقال"_s,
                                         u"مشاركة"_s,
                                         u"subscribe"_s};
    static const QStringList prefixes = {u"you must be logged in to post a comment"_s,
                                         u"your email address will not be published"_s,
                                         u"this site uses akismet"_s,
                                         u"we use cookies"_s,
                                         u"this website uses cookies"_s,
                                         u"this site uses cookies"_s,
                                         u"subscribe to our newsletter"_s,
                                         u"sign up for our newsletter"_s,
                                         u"logged in as"_s,
                                         u"click to share on"_s};
    QVarLengthArray<char16_t, 256> quick; // text has at most 200 characters
    const QString phrase =
        normalisedPhraseOfAsciiOrArabic(text, quick)
            ? QString::fromRawData(reinterpret_cast<const QChar*>(quick.constData()), quick.size())
            : normalisedPhrase(text);
    if (tails.contains(phrase))
        return Boilerplate::Tail;
    if (blocks.contains(phrase))
        return Boilerplate::Block;
    for (const QString& prefix : prefixes) {
        if (phrase.startsWith(prefix))
            return Boilerplate::Block;
    }
    return Boilerplate::None;
}

// A host name that QUrl keeps exactly as written: dot-separated labels of lower-case ASCII
// letters, digits and inner hyphens (no "--", so no ACE label), the last one starting with a
// letter (so that it is not an IPv4 address in one of the forms QUrl rewrites).
bool isPlainHostName(QStringView host) {
    if (host.isEmpty() || host.size() > 253 || host.contains(u"--"))
        return false;
    for (QStringView label : qTokenize(host, u'.')) {
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
                return false;
        }
    }
    const QChar lastStart = host[host.lastIndexOf(u'.') + 1];
    return lastStart >= u'a' && lastStart <= u'z';
}

// True when QUrl would parse the URL and give it back unchanged in FullyEncoded form: http or
// https, a plain host name, and a path, query and fragment of printable ASCII that needs no
// percent-encoding. Nearly every link and image in a feed is like that, and the check costs a
// fraction of QUrl's parsing and formatting.
bool isPlainHttpUrl(QStringView url) {
    qsizetype i = 0;
    if (url.startsWith(u"https://"))
        i = 8;
    else if (url.startsWith(u"http://"))
        i = 7;
    else
        return false;
    qsizetype hostEnd = i;
    while (hostEnd < url.size() && url[hostEnd] != u'/' && url[hostEnd] != u'?' && url[hostEnd] != u'#')
        ++hostEnd;
    if (!isPlainHostName(url.sliced(i, hostEnd - i)))
        return false;
    bool inFragment = false;
    for (QChar c : url.sliced(hostEnd)) {
        switch (c.unicode()) {
        case u'"':
        case u'%': // QUrl decodes escaped unreserved characters
        case u'<':
        case u'>':
        case u'\\':
        case u'^':
        case u'`':
        case u'{':
        case u'|':
        case u'}':
            return false;
        case u'#': // a second one is escaped
            if (inFragment)
                return false;
            inFragment = true;
            break;
        default:
            if (c.unicode() <= 0x20 || c.unicode() >= 0x7F)
                return false;
        }
    }
    return true;
}

// Strips what browsers ignore inside URLs (tabs, newlines, controls), then keeps only
// http, https and (for links) mailto; relative URLs resolve against the base.
QString safeUrl(const QString& raw, const QUrl& base, bool isLink) {
    const auto ignored = [](QChar c) { return c.unicode() <= 0x20 || c.unicode() == 0x7F; };
    QString value = raw;
    if (std::any_of(raw.begin(), raw.end(), ignored))
        value.removeIf(ignored);
    if (value.isEmpty())
        return {};
    if (isPlainHttpUrl(value))
        return value;
    QUrl url(value);
    if (!url.isValid())
        return {};
    if (url.scheme().isEmpty()) {
        if (!base.isValid() || base.isRelative())
            return url.toString(QUrl::FullyEncoded);
        url = base.resolved(url);
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s || scheme == u"https"_s || (isLink && scheme == u"mailto"_s))
        return url.toString(QUrl::FullyEncoded);
    return {};
}

void appendEscapedChar(QString& out, QChar c, bool attribute);

void appendEscaped(QString& out, QStringView text, bool attribute) {
    // Most text needs no escaping: copy runs up to the next special character in one go.
    // One test per character: the special ones are all below 64.
    constexpr quint64 textSpecials = 1 | (1ull << u'&') | (1ull << u'<') | (1ull << u'>');
    const quint64 specials = attribute ? textSpecials | (1ull << u'"') : textSpecials;
    auto special = [specials](QChar c) { return c.unicode() < 64 && (specials >> c.unicode()) & 1; };
    qsizetype run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (special(text[i])) {
            out += text.mid(run, i - run);
            appendEscapedChar(out, text[i], attribute);
            run = i + 1;
        }
    }
    out += text.mid(run);
}

void appendEscapedChar(QString& out, QChar c, bool attribute) {
    switch (c.unicode()) {
    case u'&':
        out += u"&amp;"_s;
        break;
    case u'<':
        out += u"&lt;"_s;
        break;
    case u'>':
        out += u"&gt;"_s;
        break;
    case u'"':
        if (attribute)
            out += u"&quot;"_s;
        else
            out += c;
        break;
    case 0:
        out += QChar(0xFFFD);
        break;
    default:
        out += c;
    }
}

bool isDigits(const QString& s) {
    if (s.isEmpty() || s.size() > 6)
        return false;
    for (QChar c : s) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return true;
}

// ---- The sanitiser ------------------------------------------------------------------------

constexpr qsizetype maxOutputDepth = 200; // deeper nesting is flattened (text kept)

class Sanitizer {
public:
    Sanitizer(const QUrl& base, bool allowImages)
        : m_base(base)
        , m_allowImages(allowImages) {}

    SanitizedHtml run(QStringView html) {
        HtmlTokenizer tokenizer(html);
        for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfInput;
             token = tokenizer.next())
            handle(token);
        while (!m_stack.isEmpty())
            closeTop();
        flushParagraph();
        m_result.text = m_paragraphs.join(u"\n\n"_s);
        return std::move(m_result);
    }

private:
    struct Open {
        QString name;
        bool isBlock;             // it starts and ends a paragraph
        qsizetype htmlStart;      // where its start tag begins in the output
        qsizetype paragraphStart; // paragraphs before it
    };

    void handle(const HtmlToken& token) {
        if (!m_skipName.isEmpty()) {
            skip(token);
            return;
        }
        switch (token.type) {
        case HtmlToken::Type::Text:
            if (!m_tail)
                appendText(token.text);
            break;
        case HtmlToken::Type::StartTag:
            startTag(token);
            break;
        case HtmlToken::Type::EndTag:
            endTag(elementClass(token.name).output);
            break;
        default:
            break; // comments
        }
    }

    void skip(const HtmlToken& token) {
        if (token.name != m_skipName)
            return;
        if (token.type == HtmlToken::Type::StartTag && !token.selfClosing)
            ++m_skipDepth;
        else if (token.type == HtmlToken::Type::EndTag && --m_skipDepth == 0)
            m_skipName.clear();
    }

    void startSkipping(const HtmlToken& token, const ElementClass& element) {
        if (element.isVoid || token.selfClosing)
            return;
        m_skipName = token.name;
        m_skipDepth = 1;
    }

    void startTag(const HtmlToken& token) {
        const ElementClass& element = elementClass(token.name);
        if (element.isDropped || isBoilerplateContainer(token, element)) {
            startSkipping(token, element);
            return;
        }
        if (m_tail)
            return;
        const QString& name = element.output;
        if (name.isEmpty())
            return;
        if (name == u"br"_s) {
            m_result.html += u"<br/>"_s;
            lineBreak();
            return;
        }
        if (name == u"img"_s) {
            image(token);
            return;
        }
        closeImplied(name, element.isBlock);
        if (m_stack.size() >= maxOutputDepth)
            return;
        QString href;
        if (name == u"a"_s) {
            href = safeUrl(token.attribute(u"href"), m_base, true);
            if (href.isEmpty())
                return; // the text stays, without a link
        }
        if (element.isBlock)
            flushParagraph();
        m_stack.append({name, element.isBlock, m_result.html.size(), m_paragraphs.size()});
        QString& html = m_result.html;
        html += u'<';
        html += name;
        appendCommonAttributes(html, token);
        if (name == u"a"_s) {
            appendAttribute(html, u"href", href);
            if (const QString title = token.attribute(u"title"); !title.isEmpty())
                appendAttribute(html, u"title", title);
        } else if (name == u"td"_s || name == u"th"_s) {
            for (const auto span : {u"colspan", u"rowspan"}) {
                if (const QString v = token.attribute(span); isDigits(v))
                    appendAttribute(html, span, v);
            }
        } else if (name == u"ol"_s) {
            if (const QString v = token.attribute(u"start"); isDigits(v))
                appendAttribute(html, u"start", v);
        }
        if (name == u"hr"_s) {
            html += u"/>"_s;
            m_stack.removeLast();
            return;
        }
        html += u'>';
    }

    void image(const HtmlToken& token) {
        const QString src = safeUrl(token.attribute(u"src"), m_base, false);
        if (src.isEmpty())
            return;
        if (!m_allowImages) {
            if (!m_result.blockedResources.contains(src))
                m_result.blockedResources.append(src);
            return;
        }
        QString& html = m_result.html;
        html += u"<img"_s;
        appendAttribute(html, u"src", src);
        for (const auto name : {u"alt", u"title"}) {
            if (token.hasAttribute(name))
                appendAttribute(html, name, token.attribute(name));
        }
        for (const auto name : {u"width", u"height"}) {
            if (const QString v = token.attribute(name); isDigits(v))
                appendAttribute(html, name, v);
        }
        html += u"/>"_s;
    }

    // Written straight into the output: building each attribute as a string of its own cost
    // more than the rest of a tag.
    static void appendAttribute(QString& out, QStringView name, QStringView value) {
        out += u' ';
        out += name;
        out += u"=\""_s;
        appendEscaped(out, value, true);
        out += u'"';
    }

    static void appendCommonAttributes(QString& out, const HtmlToken& token) {
        if (const QString dir = token.attribute(u"dir"); !dir.isEmpty()) {
            const QString lower = dir.toLower();
            if (lower == u"rtl"_s || lower == u"ltr"_s || lower == u"auto"_s)
                appendAttribute(out, u"dir", lower);
        }
        const QString lang = token.attribute(u"lang");
        if (!lang.isEmpty() && lang.size() <= 20 &&
            std::all_of(lang.begin(), lang.end(), [](QChar c) { return isAsciiAlnum(c) || c == u'-'; }))
            appendAttribute(out, u"lang", lang);
    }

    // The HTML parser's implied end tags, enough to keep paragraphs, lists and tables apart.
    void closeImplied(const QString& name, bool isBlock) {
        auto closeTo = [this](std::initializer_list<QStringView> targets,
                              std::initializer_list<QStringView> barriers) {
            auto isOneOf = [](const QString& open, std::initializer_list<QStringView> names) {
                return std::find(names.begin(), names.end(), QStringView(open)) != names.end();
            };
            for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
                const QString& open = m_stack[i].name;
                if (isOneOf(open, targets)) {
                    while (m_stack.size() > i)
                        closeTop();
                    return;
                }
                if (isOneOf(open, barriers))
                    return;
            }
        };
        if (isBlock)
            closeTo({u"p"}, {u"div", u"li", u"td", u"th", u"blockquote", u"table", u"figure"});
        if (name == u"li"_s)
            closeTo({u"li"}, {u"ul", u"ol"});
        else if (name == u"td"_s || name == u"th"_s)
            closeTo({u"td", u"th"}, {u"tr", u"table"});
        else if (name == u"tr"_s)
            closeTo({u"tr"}, {u"table"});
        else if (name == u"dt"_s || name == u"dd"_s)
            closeTo({u"dt", u"dd"}, {u"dl"});
        else if (name == u"a"_s)
            closeTo({u"a"}, {});
    }

    void endTag(const QString& name) {
        if (name.isEmpty() || name == u"br"_s || name == u"img"_s || name == u"hr"_s)
            return;
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
            if (m_stack[i].name == name) {
                while (m_stack.size() > i)
                    closeTop();
                return;
            }
        }
    }

    void closeTop() {
        const Open open = m_stack.takeLast();
        m_result.html += u"</"_s;
        m_result.html += open.name;
        m_result.html += u'>';
        if (!open.isBlock)
            return;
        flushParagraph();
        // A block whose whole text is known furniture ("Share this:", "Leave a Reply") goes.
        if (m_paragraphs.size() - open.paragraphStart == 1) {
            const Boilerplate kind = classifyBlockText(m_paragraphs.last());
            if (kind != Boilerplate::None) {
                m_result.html.truncate(open.htmlStart);
                m_paragraphs.removeLast();
                m_tail = m_tail || kind == Boilerplate::Tail;
            }
        }
    }

    // QChar::isSpace(), deciding the letters of most scripts first: there is no space among
    // the printable ASCII characters, nor between U+00A0 and U+1680.
    static bool isCollapsibleSpace(QChar c) {
        const char16_t u = c.unicode();
        if ((u > u' ' && u < 0x7F) || (u > 0xA0 && u < 0x1680))
            return false;
        return c.isSpace();
    }

    void appendText(QStringView text) {
        // Whole runs at a time: appending character by character dominated the sanitiser's cost.
        // A run is words separated by single plain spaces, which collapse to themselves.
        const qsizetype size = text.size();
        qsizetype i = 0;
        while (i < size) {
            if (isCollapsibleSpace(text[i])) {
                m_pendingSpace = !m_line.isEmpty() && m_line.back() != u'\n';
                ++i;
                continue;
            }
            qsizetype end = i + 1;
            while (end < size) {
                if (!isCollapsibleSpace(text[end]))
                    ++end;
                else if (text[end] == u' ' && end + 1 < size && !isCollapsibleSpace(text[end + 1]))
                    end += 2;
                else
                    break;
            }
            if (m_pendingSpace)
                m_line += u' ';
            m_pendingSpace = false;
            m_line += text.sliced(i, end - i);
            i = end;
        }
        if (size > 0)
            appendEscaped(m_result.html, text, false);
    }

    void lineBreak() {
        m_pendingSpace = false;
        if (m_line.isEmpty())
            return;
        if (m_line.endsWith(u'\n')) // two line breaks make a paragraph
            flushParagraph();
        else
            m_line += u'\n';
    }

    void flushParagraph() {
        // Copied out, so that m_line keeps its buffer for the next paragraph.
        if (const QStringView paragraph = QStringView(m_line).trimmed(); !paragraph.isEmpty())
            m_paragraphs.append(paragraph.toString());
        m_line.resize(0);
        m_pendingSpace = false;
    }

    QUrl m_base;
    bool m_allowImages;
    SanitizedHtml m_result;
    QList<Open> m_stack;
    QString m_skipName; // while non-empty, everything up to its matching end tag is dropped
    int m_skipDepth = 0;
    bool m_tail = false; // a comments / related section began: the article is over
    QStringList m_paragraphs;
    QString m_line;
    bool m_pendingSpace = false;
};

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

QString HtmlToken::attribute(QStringView attributeName) const {
    for (const auto& [key, value] : attributes) {
        if (key == attributeName)
            return value;
    }
    return {};
}

bool HtmlToken::hasAttribute(QStringView attributeName) const {
    return std::any_of(attributes.begin(), attributes.end(),
                       [&](const auto& a) { return a.first == attributeName; });
}

HtmlTokenizer::HtmlTokenizer(QStringView html)
    : m_html(html) {
}

// Text with nothing to decode shares the input's characters: most of an article is such runs,
// and copying each into a string of its own cost 3 % of the sanitiser's instructions.
QString HtmlTokenizer::textOf(QStringView raw, bool decode) {
    if (decode && raw.contains(u'&'))
        return decodeHtmlEntities(raw);
    return QString::fromRawData(raw.data(), raw.size());
}

HtmlToken HtmlTokenizer::next() {
    if (!m_rawTextEnd.isEmpty())
        return readRawText();
    while (m_pos < m_html.size()) {
        if (m_html[m_pos] != u'<') {
            qsizetype end = m_pos + 1;
            // Text runs to the next '<' that can start markup.
            while (true) {
                end = m_html.indexOf(u'<', end);
                if (end < 0 || end + 1 >= m_html.size())
                    break;
                const QChar c = m_html[end + 1];
                if (c.isLetter() || c == u'/' || c == u'!' || c == u'?')
                    break;
                ++end;
            }
            if (end < 0 || end + 1 >= m_html.size())
                end = m_html.size();
            HtmlToken token;
            token.type = HtmlToken::Type::Text;
            token.text = textOf(m_html.sliced(m_pos, end - m_pos), true);
            m_pos = end;
            return token;
        }
        const QChar c = m_pos + 1 < m_html.size() ? m_html[m_pos + 1] : QChar();
        if (c.isLetter() || c == u'/') {
            if (c == u'/' && !(m_pos + 2 < m_html.size() && m_html[m_pos + 2].isLetter())) {
                // "</ >" or "</3": a bogus comment up to '>'
                const qsizetype close = m_html.indexOf(u'>', m_pos);
                m_pos = close < 0 ? m_html.size() : close + 1;
                continue;
            }
            HtmlToken tag = readTag();
            if (tag.type != HtmlToken::Type::EndOfInput)
                return tag;
            continue;
        }
        HtmlToken comment;
        comment.type = HtmlToken::Type::Comment;
        if (m_html.mid(m_pos).startsWith(u"<!--")) {
            const qsizetype close = m_html.indexOf(u"-->", m_pos + 4);
            m_pos = close < 0 ? m_html.size() : close + 3;
        } else if (c == u'!' || c == u'?') {
            const qsizetype close = m_html.indexOf(u'>', m_pos);
            m_pos = close < 0 ? m_html.size() : close + 1;
        } else {
            // A lone '<' at the very end.
            HtmlToken text;
            text.type = HtmlToken::Type::Text;
            text.text = u"<"_s;
            ++m_pos;
            return text;
        }
        return comment;
    }
    return {};
}

HtmlToken HtmlTokenizer::readTag() {
    HtmlToken token;
    qsizetype i = m_pos + 1;
    token.type = HtmlToken::Type::StartTag;
    if (m_html[i] == u'/') {
        token.type = HtmlToken::Type::EndTag;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < m_html.size() && !m_html[i].isSpace() && m_html[i] != u'/' && m_html[i] != u'>')
        ++i;
    token.name = lowerCaseName(m_html.sliced(nameStart, i - nameStart), true);
    auto atEnd = [&] { return i >= m_html.size(); };
    while (true) {
        while (!atEnd() && (m_html[i].isSpace() || m_html[i] == u'/')) {
            token.selfClosing = m_html[i] == u'/';
            ++i;
        }
        if (atEnd()) { // a tag cut off by the end of input is dropped, as browsers do
            m_pos = m_html.size();
            return {};
        }
        if (m_html[i] == u'>') {
            ++i;
            break;
        }
        token.selfClosing = false;
        const qsizetype attrStart = i;
        ++i; // the first character may be '=' (kept as part of the name, as HTML5 says)
        while (!atEnd() && !m_html[i].isSpace() && m_html[i] != u'/' && m_html[i] != u'>' &&
               m_html[i] != u'=')
            ++i;
        const QString attrName = lowerCaseName(m_html.sliced(attrStart, i - attrStart), false);
        while (!atEnd() && m_html[i].isSpace())
            ++i;
        QString value;
        if (!atEnd() && m_html[i] == u'=') {
            ++i;
            while (!atEnd() && m_html[i].isSpace())
                ++i;
            if (atEnd())
                continue;
            const QChar quote = m_html[i];
            qsizetype valueStart, valueEnd;
            if (quote == u'"' || quote == u'\'') {
                valueStart = i + 1;
                valueEnd = m_html.indexOf(quote, valueStart);
                if (valueEnd < 0) {
                    m_pos = m_html.size();
                    return {};
                }
                i = valueEnd + 1;
            } else {
                valueStart = i;
                while (!atEnd() && !m_html[i].isSpace() && m_html[i] != u'>')
                    ++i;
                valueEnd = i;
            }
            value = decodeHtmlEntities(m_html.mid(valueStart, valueEnd - valueStart));
        }
        if (token.type == HtmlToken::Type::StartTag && !token.hasAttribute(attrName))
            token.attributes.append({attrName, value});
    }
    m_pos = i;
    if (token.type == HtmlToken::Type::StartTag && elementClass(token.name).isRawText && !token.selfClosing)
        m_rawTextEnd = u"</"_s + token.name;
    if (token.type == HtmlToken::Type::EndTag)
        token.attributes.clear();
    return token;
}

HtmlToken HtmlTokenizer::readRawText() {
    qsizetype end = m_pos;
    while (true) {
        end = m_html.indexOf(m_rawTextEnd, end, Qt::CaseInsensitive);
        if (end < 0)
            break;
        const qsizetype after = end + m_rawTextEnd.size();
        if (after >= m_html.size() || m_html[after].isSpace() || m_html[after] == u'>' ||
            m_html[after] == u'/')
            break;
        end = after;
    }
    if (end < 0)
        end = m_html.size();
    HtmlToken token;
    token.type = HtmlToken::Type::Text;
    token.text = textOf(m_html.sliced(m_pos, end - m_pos), false);
    m_pos = end;
    m_rawTextEnd.clear();
    if (token.text.isEmpty())
        return next();
    return token;
}

SanitizedHtml sanitizeHtml(QStringView html, const QUrl& baseUrl, bool allowRemoteImages) {
    return Sanitizer(baseUrl, allowRemoteImages).run(html);
}

} // namespace mirsad::content
