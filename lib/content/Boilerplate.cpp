#include "content/Boilerplate.h"

#include <QRegularExpression>

namespace mirsad::content {

namespace {

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

} // namespace

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
