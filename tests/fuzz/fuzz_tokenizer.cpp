// HtmlTokenizer and the entity decoder: the tokenizer ends, in at most one token per input
// character, with lower-case names and each attribute once; decoding never lengthens text and
// leaves text without '&' alone.

#include "FuzzCheck.h"
#include "content/HtmlEntities.h"
#include "content/HtmlTokenizer.h"

#include <QSet>

using namespace mirsad::content;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString html = QString::fromUtf8(mirsad::fuzz::bytesOf(data, size));
    HtmlTokenizer tokenizer(html);
    qsizetype tokens = 0;
    QString text; // the text tokens, which hold at most the input's characters
    for (HtmlToken token = tokenizer.next(); token.type != HtmlToken::Type::EndOfInput;
         token = tokenizer.next()) {
        ++tokens;
        FUZZ_CHECK(tokens <= html.size(), html);
        switch (token.type) {
        case HtmlToken::Type::StartTag:
        case HtmlToken::Type::EndTag: {
            FUZZ_CHECK(!token.name.isEmpty(), html);
            FUZZ_CHECK(token.name == token.name.toLower(), token.name + u"\n"_s + html);
            QSet<QString> seen;
            for (const auto& [name, value] : token.attributes) {
                FUZZ_CHECK(!name.isEmpty() && name == name.toLower(), name + u"\n"_s + html);
                FUZZ_CHECK(!seen.contains(name), name + u"\n"_s + html);
                seen.insert(name);
                FUZZ_CHECK(token.attribute(name) == value, html);
            }
            break;
        }
        case HtmlToken::Type::Text:
            text += token.text;
            break;
        default:
            break;
        }
    }
    FUZZ_CHECK(tokenizer.next().type == HtmlToken::Type::EndOfInput, html);
    FUZZ_CHECK(text.size() <= html.size(), html);

    const QString decoded = decodeHtmlEntities(html);
    FUZZ_CHECK(decoded.size() <= html.size(), html + u"\n"_s + decoded);
    if (!html.contains(u'&'))
        FUZZ_CHECK(decoded == html, html);
    return 0;
}
