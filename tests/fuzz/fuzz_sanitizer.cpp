// HtmlSanitizer: what it writes keeps only the allowed elements and attributes, loads nothing it
// may not (http/https links and mailto; images only when remote images are allowed), runs
// nothing, and reads the same when sanitised again.

#include "FuzzCheck.h"
#include "content/HtmlSanitizer.h"
#include "content/HtmlTokenizer.h"

#include <QSet>

using namespace mirsad::content;
using namespace Qt::StringLiterals;

namespace {

const QSet<QString>& keptElements() {
    static const QSet<QString> names = {
        u"p"_s,      u"br"_s,         u"h1"_s,    u"h2"_s,   u"h3"_s,         u"h4"_s,  u"h5"_s,
        u"h6"_s,     u"ul"_s,         u"ol"_s,    u"li"_s,   u"blockquote"_s, u"pre"_s, u"code"_s,
        u"em"_s,     u"strong"_s,     u"b"_s,     u"i"_s,    u"u"_s,          u"a"_s,   u"table"_s,
        u"thead"_s,  u"tbody"_s,      u"tfoot"_s, u"tr"_s,   u"td"_s,         u"th"_s,  u"caption"_s,
        u"figure"_s, u"figcaption"_s, u"img"_s,   u"span"_s, u"div"_s,        u"hr"_s,  u"sub"_s,
        u"sup"_s,    u"small"_s,      u"s"_s,     u"del"_s,  u"ins"_s,        u"q"_s,   u"cite"_s,
        u"abbr"_s,   u"mark"_s,       u"dl"_s,    u"dt"_s,   u"dd"_s};
    return names;
}

const QSet<QString>& keptAttributes() {
    static const QSet<QString> names = {u"href"_s,    u"title"_s,   u"dir"_s,   u"lang"_s,
                                        u"colspan"_s, u"rowspan"_s, u"start"_s, u"src"_s,
                                        u"alt"_s,     u"width"_s,   u"height"_s};
    return names;
}

bool isWeb(const QString& url) {
    return url.startsWith(u"http:"_s) || url.startsWith(u"https:"_s);
}

void checkOutput(const SanitizedHtml& out, bool withBase, bool allowImages, const QString& input) {
    const QString detail = u"input: "_s + input + u"\noutput: "_s + out.html;
    FUZZ_CHECK(!out.html.contains(u"<script"_s, Qt::CaseInsensitive), detail);
    HtmlTokenizer tokenizer(out.html);
    for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfInput;
         token = tokenizer.next()) {
        FUZZ_CHECK(token.type != HtmlToken::Type::Comment, detail);
        if (token.type != HtmlToken::Type::StartTag && token.type != HtmlToken::Type::EndTag)
            continue;
        FUZZ_CHECK(keptElements().contains(token.name), token.name + u"\n"_s + detail);
        for (const auto& [name, value] : token.attributes) {
            FUZZ_CHECK(keptAttributes().contains(name), name + u"\n"_s + detail);
            FUZZ_CHECK(!name.startsWith(u"on"_s), detail);
            if (name == u"href"_s) {
                FUZZ_CHECK(token.name == u"a"_s, detail);
                // With a base every link resolves; without one a relative link stays relative.
                FUZZ_CHECK(isWeb(value) || value.startsWith(u"mailto:"_s) ||
                               (!withBase && !value.contains(u':')),
                           value + u"\n"_s + detail);
            }
            if (name == u"src"_s) {
                FUZZ_CHECK(token.name == u"img"_s && allowImages, detail);
                FUZZ_CHECK(isWeb(value) || (!withBase && !value.contains(u':')), value + u"\n"_s + detail);
            }
        }
    }
    if (allowImages)
        FUZZ_CHECK(remoteImagesOf(out.html) == out.remoteImages, detail);
    for (const QString& image : out.remoteImages)
        FUZZ_CHECK(isWeb(image), detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    mirsad::fuzz::Input input(data, size);
    const quint8 options = input.byte();
    const bool withBase = options & 1;
    const bool allowImages = options & 2;
    const QString html = QString::fromUtf8(input.rest());
    const QUrl base = withBase ? QUrl(u"https://example.org/news/today.html"_s) : QUrl();

    const SanitizedHtml once = sanitizeHtml(html, base, allowImages);
    checkOutput(once, withBase, allowImages, html);
    const SanitizedHtml twice = sanitizeHtml(once.html, base, allowImages);
    FUZZ_CHECK(twice.html == once.html,
               mirsad::fuzz::firstDifference(once.html, twice.html) + u"\ninput: "_s + html);
    FUZZ_CHECK(twice.text == once.text,
               mirsad::fuzz::firstDifference(once.text, twice.text) + u"\ninput: "_s + html);
    return 0;
}
