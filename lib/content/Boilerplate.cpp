#include "content/Boilerplate.h"

#include "content/Ascii_p.h"
#include "content/Boilerplate_p.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringTokenizer>
#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

// The one vocabulary of page furniture, in the three forms it is recognised in:
//  - words in the class and id attributes of HTML elements (the sanitiser drops the element);
//  - phrases that are the whole text of an HTML block (the sanitiser drops the block, or for a
//    tail phrase everything from it on), compared after normalisation on the ingest hot path;
//  - patterns that match a whole line of scraped plain text (removeBoilerplateLines), where a
//    trailing block is cut only after two lines of content.
// The block phrases and the line patterns overlap but are not the same list: each has phrases
// the other lacks ("Subscribe", "Cancel reply" and a lone "Related" only as blocks; "Facebook",
// "Recommended", "Read also" and "12 comments" only as lines). Adding a phrase to the other
// form changes what that form drops: check tst_htmlsanitizer and tst_articlefile first.

namespace mirsad::content {
namespace {

// ---- Class and id words (HTML) --------------------------------------------------------------

// Class and id words that mark scraped page furniture rather than the article, sorted.
constexpr std::array<std::u16string_view, 26> boilerplateWords = {
    u"a2a",      u"addtoany",     u"advert", u"advertisement", u"breadcrumb",  u"breadcrumbs", u"comment",
    u"comments", u"consent",      u"cookie", u"cookies",       u"gdpr",        u"newsletter",  u"promo",
    u"related",  u"relatedposts", u"reply",  u"respond",       u"share",       u"sharedaddy",  u"sharethis",
    u"sharing",  u"sidebar",      u"social", u"subscribe",     u"subscription"};
static_assert(std::ranges::is_sorted(boilerplateWords));

// ---- Phrases of whole blocks (HTML), after normalisedPhrase() ------------------------------

// Blocks that start the comments or related links after the article: it ends there.
const QSet<QString>& blockTailPhrases() {
    static const QSet<QString> phrases = {
        u"leave a reply"_s,   u"leave a comment"_s,  u"leave a reply cancel reply"_s,
        u"related"_s,         u"related articles"_s, u"related posts"_s,
        u"related stories"_s, u"related news"_s,     u"you may also like"_s,
        u"comments"_s,        u"اترك تعليقا"_s,      u"اترك تعليق"_s,
        u"اضف تعليق"_s,       u"اخبار ذات صلة"_s,    u"مقالات ذات صلة"_s,
        u"مواضيع ذات صلة"_s,  u"التعليقات"_s};
    return phrases;
}

// Blocks of page furniture.
const QSet<QString>& blockPhrases() {
    static const QSet<QString> phrases = {u"share this"_s,
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
    return phrases;
}

// Starts of blocks of page furniture (comment form notes, cookie and newsletter notices).
const QStringList& blockPrefixes() {
    static const QStringList phrases = {u"you must be logged in to post a comment"_s,
                                        u"your email address will not be published"_s,
                                        u"this site uses akismet"_s,
                                        u"we use cookies"_s,
                                        u"this website uses cookies"_s,
                                        u"this site uses cookies"_s,
                                        u"subscribe to our newsletter"_s,
                                        u"sign up for our newsletter"_s,
                                        u"logged in as"_s,
                                        u"click to share on"_s};
    return phrases;
}

// ---- Patterns of whole lines (scraped plain text) -------------------------------------------

// Headings that open the comment form or link lists scrapers keep after an article.
const QRegularExpression& trailingStart() {
    static const QRegularExpression re(
        QStringLiteral(
            "^(leave a (reply|comment)|post a comment|add a comment|\\d+ comments?|comments?"
            "|fill in your details below|you must be logged in to post a comment"
            "|related (articles|posts|news|stories)|read also|you may also like|more from|recommended"
            "|اترك تعليقا|اترك تعليقاً|أضف تعليقا|أضف تعليقاً|التعليقات|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات "
            "صلة|أخبار ذات صلة)"
            "\\s*[:.]?$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Page furniture that stands alone on a line.
const QRegularExpression& furniture() {
    static const QRegularExpression re(
        QStringLiteral(
            "^(a-\\s*aa\\s*\\+|a\\+?\\s*a-?|share( this( article)?)?:?|tweet|print|email|e-mail"
            "|facebook|twitter|whatsapp|telegram|linkedin|copy link|advertisement|sponsored"
            "|like this:?|loading\\.\\.\\.|connecting to %s|log out\\s*/\\s*change\\s*\\)?"
            "|(we|this (site|website)) uses? cookies.*|accept( all)? cookies|cookie (policy|settings)"
            "|مشاركة|شارك|طباعة|إعلان)$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// ---- Matching -------------------------------------------------------------------------------

bool isBoilerplateWord(QStringView part) {
    const auto isWord = [](QStringView lower) {
        return std::ranges::binary_search(boilerplateWords,
                                          std::u16string_view(lower.utf16(), size_t(lower.size())));
    };
    // Class names are nearly always ASCII: lower-case them on the stack, not in a new string.
    constexpr qsizetype longestWord = 13;
    if (isAscii(part)) {
        if (part.size() > longestWord)
            return false;
        std::array<char16_t, longestWord> lower;
        for (qsizetype k = 0; k < part.size(); ++k)
            lower[k] = asciiLower(part[k].unicode());
        return isWord(QStringView(lower.data(), part.size()));
    }
    return isWord(part.toString().toLower());
}

// The form the block phrases are written in: white space collapsed, lower case, no trailing
// ':' '.' '…', Arabic alef with hamza as plain alef, no tanween fath.
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

} // namespace

bool namesBoilerplate(QStringView classOrId) {
    for (QStringView cls : qTokenize(classOrId, u' ', Qt::SkipEmptyParts)) {
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
    return false;
}

BlockBoilerplate classifyBlockText(QStringView text) {
    if (text.size() > 200)
        return BlockBoilerplate::None;
    QVarLengthArray<char16_t, 256> quick; // text has at most 200 characters
    const QString phrase =
        normalisedPhraseOfAsciiOrArabic(text, quick)
            ? QString::fromRawData(reinterpret_cast<const QChar*>(quick.constData()), quick.size())
            : normalisedPhrase(text);
    if (blockTailPhrases().contains(phrase))
        return BlockBoilerplate::Tail;
    if (blockPhrases().contains(phrase))
        return BlockBoilerplate::Block;
    for (const QString& prefix : blockPrefixes()) {
        if (phrase.startsWith(prefix))
            return BlockBoilerplate::Block;
    }
    return BlockBoilerplate::None;
}

bool isBoilerplateLine(const QString& line) {
    return furniture().match(line.trimmed()).hasMatch();
}

bool startsTrailingBoilerplate(const QString& line) {
    return trailingStart().match(line.trimmed()).hasMatch();
}

QStringList removeBoilerplateLines(const QStringList& lines) {
    // The trailing block is only cut when it starts after some content, so that an article
    // whose first line happens to read "Comments" is not emptied.
    qsizetype end = lines.size();
    qsizetype contentLines = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (contentLines >= 2 && startsTrailingBoilerplate(lines.at(i))) {
            end = i;
            break;
        }
        if (!lines.at(i).trimmed().isEmpty())
            ++contentLines;
    }
    QStringList kept;
    for (qsizetype i = 0; i < end; ++i) {
        if (!isBoilerplateLine(lines.at(i)))
            kept << lines.at(i);
    }
    return kept;
}

} // namespace mirsad::content
