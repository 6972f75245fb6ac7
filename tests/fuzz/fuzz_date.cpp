// DateParser: any text gives either an invalid QDateTime (not a date) or a valid one in UTC, the
// same every time.

#include "FuzzCheck.h"
#include "feeds/DateParser.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(mirsad::fuzz::bytesOf(data, size));
    const QDateTime date = mirsad::feeds::parseDate(text);
    if (!date.isValid())
        return 0;
    FUZZ_CHECK(date.timeSpec() == Qt::UTC, text);
    FUZZ_CHECK(date.date().isValid() && date.time().isValid(), text);
    FUZZ_CHECK(mirsad::feeds::parseDate(text) == date, text);
    // What it reads it reads again in its own ISO form.
    const QString iso = date.toString(Qt::ISODateWithMs);
    if (date.date().year() >= 1000 && date.date().year() <= 9999)
        FUZZ_CHECK(mirsad::feeds::parseDate(iso) == date, text + u" -> "_s + iso);
    return 0;
}
