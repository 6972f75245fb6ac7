// The scraped-page reader on any text: a title of one line, a UTC date or none, tags without
// empty ones, and the helpers it uses never fail.

#include "FuzzCheck.h"
#include "articles/ScrapedText.h"

using namespace mirsad;
using namespace mirsad::articles;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    const Article article = parseScrapedText(text);
    FUZZ_CHECK(!article.title.contains(u'\n'), article.title + u'\n' + text);
    FUZZ_CHECK(!article.published.isValid() || article.published.timeSpec() == Qt::UTC, text);
    for (const QString& tag : article.tags)
        FUZZ_CHECK(!tag.trimmed().isEmpty(), text);
    for (const QString& tag : splitRunTogetherTags(text))
        FUZZ_CHECK(!tag.isEmpty(), text);
    const QString source = sourceFromDateline(text);
    FUZZ_CHECK(source.size() <= text.size(), text);
    return 0;
}
