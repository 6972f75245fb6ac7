// Re-anchoring a quote after an edit: a text, a quote in it and an edit are taken from the
// input. The anchor is either absent or a range inside the new text; an exact method means the
// quote's very characters; and a quote the edit left alone is always found exactly.
// The second half feeds anchorSelector() a selector with arbitrary fields, as an imported
// annotation file can.

#include "FuzzCheck.h"
#include "text/TextAnchor.h"

#include <algorithm>

using namespace mirsad;
using namespace mirsad::text;
using namespace Qt::StringLiterals;

namespace {

void checkAnchor(const std::optional<TextAnchor>& anchor, const QString& text, const TextSelector& selector,
                 const QString& detail) {
    if (!anchor)
        return;
    const QString where = QString::number(anchor->start) + u'-' + QString::number(anchor->end) +
                          u" method "_s + QString::number(int(anchor->method)) + u'\n' + detail;
    FUZZ_CHECK(0 <= anchor->start && anchor->start <= anchor->end && anchor->end <= text.size(), where);
    FUZZ_CHECK(anchor->start < anchor->end, where);
    if (anchor->method == AnchorMethod::Position || anchor->method == AnchorMethod::Quote)
        FUZZ_CHECK(text.mid(anchor->start, anchor->end - anchor->start) == selector.quote, where);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Input input(data, size);
    const quint8 mode = input.byte();
    if (mode & 1) {
        // An arbitrary selector against an arbitrary text.
        TextSelector selector;
        selector.start = static_cast<qint16>(input.number());
        selector.end = static_cast<qint16>(input.number());
        selector.quote = QString::fromUtf8(input.part());
        selector.prefix = QString::fromUtf8(input.part());
        selector.suffix = QString::fromUtf8(input.part());
        const QString text = QString::fromUtf8(input.rest());
        const QString detail = u"quote «"_s + selector.quote + u"» prefix «"_s + selector.prefix +
                               u"» suffix «"_s + selector.suffix + u"» "_s + QString::number(selector.start) +
                               u'-' + QString::number(selector.end) + u"\ntext «"_s + text + u'»';
        checkAnchor(anchorSelector(text, selector), text, selector, detail);
        return 0;
    }
    const qsizetype quoteStart = input.number();
    const qsizetype quoteLength = input.byte();
    const qsizetype editStart = input.number();
    const qsizetype editLength = input.byte();
    const QString inserted = QString::fromUtf8(input.part());
    const QString text = QString::fromUtf8(input.rest());
    if (text.isEmpty())
        return 0;
    const qsizetype start = quoteStart % text.size();
    const TextSelector selector = selectorFor(text, start, start + quoteLength);
    const qsizetype from = editStart % (text.size() + 1);
    const qsizetype to = std::min(text.size(), from + editLength);
    const QString edited = text.left(from) + inserted + text.mid(to);
    const QString detail = u"quote «"_s + selector.quote + u"» at "_s + QString::number(selector.start) +
                           u"\nedit "_s + QString::number(from) + u'-' + QString::number(to) + u" «"_s +
                           inserted + u"»\ntext «"_s + text + u"»\nedited «"_s + edited + u'»';

    FUZZ_CHECK(selector.quote == text.mid(selector.start, selector.end - selector.start), detail);
    const std::optional<TextAnchor> same = anchorSelector(text, selector);
    if (!selector.quote.isEmpty())
        FUZZ_CHECK(same && same->method == AnchorMethod::Position && same->start == selector.start, detail);

    const std::optional<TextAnchor> anchor = anchorSelector(edited, selector);
    checkAnchor(anchor, edited, selector, detail);
    // An edit wholly before or after the quote leaves it in the text: it is found exactly.
    const bool untouched = to <= selector.start || from >= selector.end;
    if (!selector.quote.isEmpty() && untouched)
        FUZZ_CHECK(anchor &&
                       (anchor->method == AnchorMethod::Position || anchor->method == AnchorMethod::Quote),
                   detail);
    return 0;
}
