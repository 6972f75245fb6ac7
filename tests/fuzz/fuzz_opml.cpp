// OPML: an error sentence, or outlines no deeper than 64 levels that survive being written
// and read again.

#include "FuzzCheck.h"
#include "feeds/Opml.h"

#include <algorithm>

using namespace mirsad;
using namespace mirsad::feeds;
using namespace Qt::StringLiterals;

namespace {

int depthOf(const QList<OpmlOutline>& outlines) {
    int deepest = 0;
    for (const OpmlOutline& outline : outlines)
        deepest = std::max(deepest, 1 + depthOf(outline.children));
    return deepest;
}

qsizetype countOf(const QList<OpmlOutline>& outlines) {
    qsizetype n = outlines.size();
    for (const OpmlOutline& outline : outlines)
        n += countOf(outline.children);
    return n;
}

void checkSame(const QList<OpmlOutline>& a, const QList<OpmlOutline>& b, const QString& detail) {
    FUZZ_CHECK(a.size() == b.size(), detail);
    for (qsizetype i = 0; i < a.size(); ++i) {
        FUZZ_CHECK(a[i].title == b[i].title, a[i].title + u" vs "_s + b[i].title + u'\n' + detail);
        FUZZ_CHECK(a[i].isFolder() == b[i].isFolder(), a[i].xmlUrl.toString() + u'\n' + detail);
        FUZZ_CHECK(a[i].xmlUrl == b[i].xmlUrl,
                   a[i].xmlUrl.toString() + u" vs "_s + b[i].xmlUrl.toString() + u'\n' + detail);
        checkSame(a[i].children, b[i].children, detail);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const QString detail = QString::fromUtf8(bytes);
    Result<OpmlDocument> document = parseOpml(bytes);
    if (!document) {
        FUZZ_CHECK(!document.error().isEmpty(), detail);
        return 0;
    }
    FUZZ_CHECK(depthOf(document->outlines) <= 64, detail);
    const QByteArray written = writeOpml(*document);
    Result<OpmlDocument> again = parseOpml(written);
    FUZZ_CHECK(again.ok(), again.error() + u'\n' + QString::fromUtf8(written) + u'\n' + detail);
    FUZZ_CHECK(again->title == document->title, detail);
    FUZZ_CHECK(countOf(again->outlines) == countOf(document->outlines),
               QString::fromUtf8(written) + u'\n' + detail);
    checkSame(document->outlines, again->outlines, QString::fromUtf8(written) + u'\n' + detail);
    return 0;
}
