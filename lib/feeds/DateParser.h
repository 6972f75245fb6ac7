#pragma once

#include <QDateTime>
#include <QStringView>

namespace mirsad::feeds {

// Parses the dates feeds send: RFC 822/1123/2822 (named, numeric and military zones, missing
// seconds or weekday, two-digit years, RFC 850 dashes, asctime), ISO 8601 / RFC 3339 (with or
// without zone, fractional seconds, a space for the T) and sloppy variants such as
// "2021-05-09 15:15" or "09 May 2021", in ASCII or Arabic-Indic digits, with English or Arabic
// month names. A time without a zone is taken as UTC. Returns a UTC QDateTime, invalid when the
// text is not a date.
QDateTime parseDate(QStringView text);

} // namespace mirsad::feeds
