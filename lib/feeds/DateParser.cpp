#include "feeds/DateParser.h"

#include <QHash>
#include <QList>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {
namespace {

// Arabic-Indic and Eastern Arabic-Indic digits to ASCII, Arabic comma to a comma, alef forms
// folded so that Arabic month names match one spelling.
QString normalise(QStringView text) {
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x0660 && u <= 0x0669)
            out += QChar(u'0' + (u - 0x0660));
        else if (u >= 0x06F0 && u <= 0x06F9)
            out += QChar(u'0' + (u - 0x06F0));
        else if (u == 0x060C)
            out += u',';
        else if (u == 0x0623 || u == 0x0625 || u == 0x0622)
            out += QChar(0x0627);
        else
            out += c;
    }
    return out.trimmed();
}

QDateTime makeUtc(int year, int month, int day, int hour, int minute, int second, int msec, int offsetSecs) {
    if (second == 60) // a leap second; Qt has no 60th second
        second = 59;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::UTC).addSecs(-offsetSecs);
}

struct Scanner {
    QStringView s;
    qsizetype i = 0;

    bool atEnd() const { return i >= s.size(); }
    QChar peek(qsizetype ahead = 0) const { return i + ahead < s.size() ? s[i + ahead] : QChar(); }
    bool eat(QChar c) {
        if (peek() != c)
            return false;
        ++i;
        return true;
    }
    // Reads between minDigits and maxDigits ASCII digits.
    std::optional<int> digits(int minDigits, int maxDigits) {
        int value = 0;
        int count = 0;
        while (count < maxDigits && !atEnd() && peek().unicode() >= u'0' && peek().unicode() <= u'9') {
            value = value * 10 + (peek().unicode() - u'0');
            ++i;
            ++count;
        }
        if (count < minDigits)
            return std::nullopt;
        return value;
    }
    void skipSpaces() {
        while (!atEnd() && peek().isSpace())
            ++i;
    }
};

std::optional<int> namedZoneOffset(QStringView name) {
    static const QHash<QString, int> zones = {
        {u"UT"_s, 0},          {u"UTC"_s, 0},         {u"GMT"_s, 0},         {u"Z"_s, 0},
        {u"EST"_s, -5 * 3600}, {u"EDT"_s, -4 * 3600}, {u"CST"_s, -6 * 3600}, {u"CDT"_s, -5 * 3600},
        {u"MST"_s, -7 * 3600}, {u"MDT"_s, -6 * 3600}, {u"PST"_s, -8 * 3600}, {u"PDT"_s, -7 * 3600},
        {u"CET"_s, 1 * 3600},  {u"CEST"_s, 2 * 3600}, {u"EET"_s, 2 * 3600},  {u"EEST"_s, 3 * 3600},
        {u"MSK"_s, 3 * 3600},  {u"WET"_s, 0},         {u"WEST"_s, 1 * 3600},
    };
    const QString upper = name.toString().toUpper();
    if (const auto it = zones.constFind(upper); it != zones.constEnd())
        return *it;
    // RFC 822 got the signs of the military zones backwards, so RFC 5322 says to read them as
    // +0000 (unknown local time); we do the same rather than guess.
    if (upper.size() == 1 && upper[0] >= u'A' && upper[0] <= u'Z' && upper[0] != u'J')
        return 0;
    return std::nullopt;
}

// "+0300", "+03:00", "+03", "-5" (the sign is at s.i).
std::optional<int> numericZone(Scanner& sc) {
    const int sign = sc.peek() == u'-' ? -1 : 1;
    ++sc.i;
    const qsizetype start = sc.i;
    auto first = sc.digits(1, 4);
    if (!first)
        return std::nullopt;
    int hours = *first;
    int minutes = 0;
    if (sc.i - start > 2) { // hhmm
        hours = *first / 100;
        minutes = *first % 100;
    } else if (sc.eat(u':')) {
        auto mm = sc.digits(2, 2);
        if (!mm)
            return std::nullopt;
        minutes = *mm;
    }
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 3600 + minutes * 60);
}

// ISO 8601 / RFC 3339 and their sloppy cousins: "2021-05-09T15:15:00.123+03:00",
// "2021-05-09 15:15", "2021/05/09", "2021-05-09".
std::optional<QDateTime> parseIso(QStringView text) {
    Scanner sc{text};
    auto year = sc.digits(4, 4);
    if (!year)
        return std::nullopt;
    const QChar sep = sc.peek();
    if (sep != u'-' && sep != u'/')
        return std::nullopt;
    ++sc.i;
    auto month = sc.digits(1, 2);
    if (!month || !sc.eat(sep))
        return std::nullopt;
    auto day = sc.digits(1, 2);
    if (!day)
        return std::nullopt;
    int hour = 0, minute = 0, second = 0, msec = 0, offset = 0;
    if (!sc.atEnd() && (sc.peek() == u'T' || sc.peek() == u't' || sc.peek().isSpace())) {
        ++sc.i;
        sc.skipSpaces();
        if (sc.atEnd())
            return makeUtc(*year, *month, *day, 0, 0, 0, 0, 0);
        auto h = sc.digits(1, 2);
        if (!h || !sc.eat(u':'))
            return QDateTime();
        auto m = sc.digits(2, 2);
        if (!m)
            return QDateTime();
        hour = *h;
        minute = *m;
        if (sc.eat(u':')) {
            auto s = sc.digits(2, 2);
            if (!s)
                return QDateTime();
            second = *s;
            if (sc.eat(u'.') || sc.eat(u',')) {
                const qsizetype start = sc.i;
                auto frac = sc.digits(1, 9);
                if (!frac)
                    return QDateTime();
                QString digits = text.mid(start, sc.i - start).toString();
                msec = (digits + u"00"_s).left(3).toInt();
            }
        }
        sc.skipSpaces();
        if (sc.eat(u'Z') || sc.eat(u'z')) {
            offset = 0;
        } else if (sc.peek() == u'+' || sc.peek() == u'-') {
            auto zone = numericZone(sc);
            if (!zone)
                return QDateTime();
            offset = *zone;
        } else if (!sc.atEnd()) {
            const qsizetype start = sc.i;
            while (!sc.atEnd() && sc.peek().isLetter())
                ++sc.i;
            auto zone = namedZoneOffset(text.mid(start, sc.i - start));
            if (!zone)
                return QDateTime();
            offset = *zone;
        }
    }
    sc.skipSpaces();
    if (!sc.atEnd())
        return QDateTime();
    return makeUtc(*year, *month, *day, hour, minute, second, msec, offset);
}

// English month and weekday abbreviations, lower-case, in calendar order.
constexpr std::array<std::u16string_view, 12> kMonths = {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                                         u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
constexpr std::array<std::u16string_view, 7> kWeekdays = {u"mon", u"tue", u"wed", u"thu",
                                                          u"fri", u"sat", u"sun"};

// Where word is in words, or -1.
template <std::size_t N> int indexIn(const std::array<std::u16string_view, N>& words, QStringView word) {
    const auto found = std::ranges::find(words, std::u16string_view(word.utf16(), std::size_t(word.size())));
    return found == words.end() ? -1 : int(found - words.begin());
}

int monthFromName(QStringView word) {
    static const QHash<QString, int> arabic = {
        {u"يناير"_s, 1},  {u"فبراير"_s, 2},  {u"مارس"_s, 3},    {u"ابريل"_s, 4},   {u"مايو"_s, 5},
        {u"يونيو"_s, 6},  {u"يونيه"_s, 6},   {u"يوليو"_s, 7},   {u"يوليه"_s, 7},   {u"اغسطس"_s, 8},
        {u"سبتمبر"_s, 9}, {u"اكتوبر"_s, 10}, {u"نوفمبر"_s, 11}, {u"ديسمبر"_s, 12}, {u"شباط"_s, 2},
        {u"اذار"_s, 3},   {u"نيسان"_s, 4},   {u"ايار"_s, 5},    {u"حزيران"_s, 6},  {u"تموز"_s, 7},
        {u"اب"_s, 8},     {u"ايلول"_s, 9},
    };
    if (const auto it = arabic.constFind(word.toString()); it != arabic.constEnd())
        return *it;
    if (word.size() < 3)
        return 0;
    static const char16_t* const full[] = {u"january",   u"february", u"march",    u"april",
                                           u"may",       u"june",     u"july",     u"august",
                                           u"september", u"october",  u"november", u"december"};
    const QString lower = word.toString().toLower();
    for (int m = 0; m < 12; ++m) {
        const QString full_ = QString::fromUtf16(full[m]);
        if (QStringView(lower) == QStringView(kMonths[size_t(m)]) ||
            (full_.startsWith(lower) && lower.size() >= 3))
            return m + 1;
    }
    return lower == u"sept"_s ? 9 : 0;
}

bool isWeekday(QStringView word) {
    static const QStringList arabic = {u"الاحد"_s,  u"الاثنين"_s, u"الثلاثاء"_s, u"الاربعاء"_s,
                                       u"الخميس"_s, u"الجمعة"_s,  u"السبت"_s,    u"الجمعه"_s};
    if (arabic.contains(word.toString()))
        return true;
    const QString lower = word.toString().toLower();
    return lower.size() >= 3 && indexIn(kWeekdays, QStringView(lower).first(3)) >= 0 &&
           (lower.size() == 3 || lower.endsWith(u"day"_s) || lower == u"tues"_s || lower == u"thur"_s ||
            lower == u"thurs"_s || lower == u"wednes"_s);
}

struct Token {
    enum class Kind { Word, Number, Time, Zone } kind;
    QString text;
    int value = 0; // numbers: the value; zones: the offset in seconds
};

// RFC 822 and everything that looks like it: words, numbers, times and numeric zones.
std::optional<QList<Token>> tokenize(QStringView text) {
    QList<Token> tokens;
    bool sawTime = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'(') { // a comment, e.g. "+0300 (AST)"
            const qsizetype close = text.indexOf(u')', i);
            i = close < 0 ? text.size() : close + 1;
        } else if (c.isLetter()) {
            const qsizetype start = i;
            while (i < text.size() && text[i].isLetter())
                ++i;
            tokens.append({Token::Kind::Word, text.mid(start, i - start).toString()});
            if (i < text.size() && text[i] == u'.') // "Sept."
                ++i;
        } else if (c.isDigit() && c.unicode() < 128) {
            const qsizetype start = i;
            while (i < text.size() &&
                   ((text[i].isDigit() && text[i].unicode() < 128) || text[i] == u':' ||
                    (text[i] == u'.' && i > start && text.mid(start, i - start).contains(u':'))))
                ++i;
            const QString part = text.mid(start, i - start).toString();
            if (part.contains(u':')) {
                tokens.append({Token::Kind::Time, part});
                sawTime = true;
            } else {
                tokens.append({Token::Kind::Number, part, part.toInt()});
            }
        } else if ((c == u'+' || c == u'-') && sawTime && i + 1 < text.size() && text[i + 1].isDigit()) {
            Scanner sc{text, i};
            auto zone = numericZone(sc);
            if (!zone)
                return std::nullopt;
            tokens.append({Token::Kind::Zone, {}, *zone});
            i = sc.i;
        } else {
            ++i; // separators: spaces, commas, slashes, RFC 850 dashes
        }
    }
    return tokens;
}

std::optional<QTime> parseClock(const QString& text) {
    Scanner sc{text};
    auto h = sc.digits(1, 2);
    if (!h || !sc.eat(u':'))
        return std::nullopt;
    auto m = sc.digits(1, 2);
    if (!m)
        return std::nullopt;
    int s = 0, ms = 0;
    if (sc.eat(u':')) {
        auto sec = sc.digits(1, 2);
        if (!sec)
            return std::nullopt;
        s = std::min(*sec, 59);
        if (sc.eat(u'.')) {
            const qsizetype start = sc.i;
            if (!sc.digits(1, 9))
                return std::nullopt;
            ms = (text.mid(start, sc.i - start) + u"00"_s).left(3).toInt();
        }
    }
    if (!sc.atEnd())
        return std::nullopt;
    QTime t(*h, *m, s, ms);
    return t.isValid() ? std::optional(t) : std::nullopt;
}

int expandYear(const Token& token) {
    if (token.text.size() == 2)
        return token.value < 50 ? 2000 + token.value : 1900 + token.value; // RFC 5322 4.3
    if (token.text.size() == 3)
        return 1900 + token.value;
    return token.value;
}

QDateTime parseRfcLike(QStringView text) {
    auto tokens = tokenize(text);
    if (!tokens)
        return {};
    int month = 0;
    std::optional<QTime> time;
    int offset = 0;
    bool pm = false, am = false;
    QList<Token> numbers;
    for (qsizetype i = 0; i < tokens->size(); ++i) {
        const Token& t = tokens->at(i);
        switch (t.kind) {
        case Token::Kind::Number:
            numbers.append(t);
            break;
        case Token::Kind::Time:
            time = parseClock(t.text);
            if (!time)
                return {};
            break;
        case Token::Kind::Zone:
            offset = t.value; // "GMT+0300" ends up as +0300
            break;
        case Token::Kind::Word: {
            QString word = t.text;
            // Levantine two-word months: كانون الثاني (January), تشرين الأول (October)...
            if ((word == u"كانون"_s || word == u"تشرين"_s) && i + 1 < tokens->size()) {
                const QString next = tokens->at(i + 1).text;
                const bool first = next == u"الاول"_s;
                const bool second = next == u"الثاني"_s;
                if (first || second) {
                    month = word == u"كانون"_s ? (first ? 12 : 1) : (first ? 10 : 11);
                    ++i;
                    break;
                }
            }
            const QString lower = word.toLower();
            if (const int m = monthFromName(word); m && !month) {
                month = m;
            } else if (isWeekday(word) || lower == u"at"_s || lower == u"on"_s) {
                // A wrong weekday is common and harmless: the date says which day it is.
            } else if (lower == u"pm"_s) {
                pm = true;
            } else if (lower == u"am"_s) {
                am = true;
            } else if (auto zone = namedZoneOffset(word); zone && (time || word.size() > 1)) {
                offset = *zone;
            } else {
                return {};
            }
            break;
        }
        }
    }
    int day = 0, year = 0;
    if (month) {
        // "09 May 2021", "May 9, 2021", "9 May 21", asctime "May 9 15:15:00 2021".
        QList<Token> rest;
        for (const Token& n : numbers) {
            if (!year && (n.text.size() >= 3 || n.value > 31))
                year = expandYear(n);
            else
                rest.append(n);
        }
        if (rest.size() != (year ? 1 : 2))
            return {};
        day = rest[0].value;
        if (!year)
            year = expandYear(rest[1]);
    } else if (numbers.size() == 3) {
        // "09/05/2021": day first, as Iraqi and most non-US sites write it.
        day = numbers[0].value;
        month = numbers[1].value;
        year = expandYear(numbers[2]);
        if (month > 12 && day <= 12)
            std::swap(day, month);
    } else {
        return {};
    }
    QTime clock = time.value_or(QTime(0, 0));
    int hour = clock.hour();
    if (pm && hour < 12)
        hour += 12;
    if (am && hour == 12)
        hour = 0;
    return makeUtc(year, month, day, hour, clock.minute(), clock.second(), clock.msec(), offset);
}

// The form nearly every RSS feed sends, "Sun, 09 May 2021 15:15:00 +0300" (weekday and seconds
// optional; a numeric zone, GMT, UT, UTC or Z), read without the strings the general way makes:
// a date costs a tenth. Anything else, an impossible date too, is left to the general way.
std::optional<QDateTime> parseCommonRfc822(QStringView text) {
    Scanner sc{text.trimmed()};
    const auto asciiLower = [](QChar c) { return char16_t(c.unicode() | 0x20); };
    const auto letters = [&](int count) {
        std::array<char16_t, 3> word{};
        for (int k = 0; k < count; ++k, ++sc.i) {
            const char16_t lower = sc.atEnd() ? 0 : asciiLower(sc.peek());
            if (lower < u'a' || lower > u'z')
                return std::array<char16_t, 3>{};
            word[size_t(k)] = lower;
        }
        return word;
    };
    const auto space = [&] { return sc.eat(u' '); };
    if (!sc.atEnd() && !sc.peek().isDigit()) { // "Sun, "
        const auto weekday = letters(3);
        if (indexIn(kWeekdays, QStringView(weekday.data(), 3)) < 0 || !sc.eat(u',') || !space())
            return std::nullopt;
    }
    const auto day = sc.digits(1, 2);
    if (!day || !space())
        return std::nullopt;
    const auto name = letters(3);
    const int month = indexIn(kMonths, QStringView(name.data(), 3)) + 1;
    if (month == 0 || !space())
        return std::nullopt;
    const auto year = sc.digits(4, 4);
    if (!year || !space())
        return std::nullopt;
    const auto hour = sc.digits(2, 2);
    if (!hour || !sc.eat(u':'))
        return std::nullopt;
    const auto minute = sc.digits(2, 2);
    if (!minute)
        return std::nullopt;
    int second = 0;
    if (sc.eat(u':')) {
        const auto s = sc.digits(2, 2);
        if (!s || *s > 59) // a leap second, or worse: the general way's rules
            return std::nullopt;
        second = *s;
    }
    if (!space())
        return std::nullopt;
    int offset = 0;
    if (sc.peek() == u'+' || sc.peek() == u'-') {
        const auto zone = numericZone(sc);
        if (!zone)
            return std::nullopt;
        offset = *zone;
    } else { // the named zones without a string: namedZoneOffset() makes two
        const QStringView zone = sc.s.sliced(sc.i);
        if (zone != u"GMT" && zone != u"UT" && zone != u"UTC" && zone != u"Z")
            return std::nullopt;
        sc.i = sc.s.size();
    }
    if (!sc.atEnd())
        return std::nullopt;
    const QDateTime parsed = makeUtc(*year, month, *day, *hour, *minute, second, 0, offset);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed;
}

} // namespace

QDateTime parseDate(QStringView text) {
    if (auto common = parseCommonRfc822(text))
        return *common;
    const QString clean = normalise(text);
    if (clean.isEmpty())
        return {};
    if (auto iso = parseIso(clean))
        return *iso;
    return parseRfcLike(clean);
}

} // namespace mirsad::feeds
