#include "content/HtmlElements_p.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace mirsad::content {

QHash<QString, ElementClass> buildElementTable() {
    const QStringList voids = {u"area"_s,  u"base"_s,   u"br"_s,    u"col"_s,  u"embed"_s,
                               u"hr"_s,    u"img"_s,    u"input"_s, u"link"_s, u"meta"_s,
                               u"param"_s, u"source"_s, u"track"_s, u"wbr"_s,  u"keygen"_s};
    const QStringList rawText = {u"script"_s, u"style"_s,   u"textarea"_s, u"title"_s,    u"xmp"_s,
                                 u"iframe"_s, u"noembed"_s, u"noframes"_s, u"noscript"_s, u"plaintext"_s};
    const QStringList dropped = {
        u"script"_s, u"style"_s,    u"iframe"_s,   u"object"_s, u"embed"_s,     u"form"_s,     u"svg"_s,
        u"math"_s,   u"noscript"_s, u"template"_s, u"head"_s,   u"title"_s,     u"textarea"_s, u"select"_s,
        u"button"_s, u"applet"_s,   u"frameset"_s, u"frame"_s,  u"noembed"_s,   u"noframes"_s, u"audio"_s,
        u"video"_s,  u"canvas"_s,   u"nav"_s,      u"xmp"_s,    u"plaintext"_s, u"dialog"_s,   u"map"_s};
    const QStringList kept = {u"p"_s,     u"br"_s,   u"h1"_s,    u"h2"_s,      u"h3"_s,     u"h4"_s,
                              u"h5"_s,    u"h6"_s,   u"ul"_s,    u"ol"_s,      u"li"_s,     u"blockquote"_s,
                              u"pre"_s,   u"code"_s, u"em"_s,    u"strong"_s,  u"b"_s,      u"i"_s,
                              u"u"_s,     u"a"_s,    u"table"_s, u"thead"_s,   u"tbody"_s,  u"tfoot"_s,
                              u"tr"_s,    u"td"_s,   u"th"_s,    u"caption"_s, u"figure"_s, u"figcaption"_s,
                              u"img"_s,   u"span"_s, u"div"_s,   u"hr"_s,      u"sub"_s,    u"sup"_s,
                              u"small"_s, u"s"_s,    u"del"_s,   u"ins"_s,     u"q"_s,      u"cite"_s,
                              u"abbr"_s,  u"mark"_s, u"dl"_s,    u"dt"_s,      u"dd"_s};
    const QStringList asDiv = {u"section"_s, u"article"_s, u"main"_s,    u"header"_s,  u"footer"_s,
                               u"aside"_s,   u"center"_s,  u"address"_s, u"details"_s, u"summary"_s};
    // Every other output element but br and img is a block.
    const QStringList inlines = {u"a"_s,    u"em"_s,   u"strong"_s, u"b"_s,    u"i"_s,     u"u"_s,
                                 u"span"_s, u"code"_s, u"sub"_s,    u"sup"_s,  u"small"_s, u"s"_s,
                                 u"del"_s,  u"ins"_s,  u"q"_s,      u"cite"_s, u"abbr"_s,  u"mark"_s};
    const QStringList neverBoilerplate = {u"body"_s, u"html"_s, u"main"_s, u"article"_s};

    QHash<QString, ElementClass> classes;
    for (const QStringList* names : {&voids, &rawText, &dropped, &kept, &asDiv, &neverBoilerplate}) {
        for (const QString& element : *names) {
            ElementClass& c = classes[element];
            c.output = kept.contains(element) ? element : asDiv.contains(element) ? u"div"_s : QString();
            c.isVoid = voids.contains(element);
            c.isRawText = rawText.contains(element);
            c.isDropped = dropped.contains(element);
            c.isBlock = !c.output.isEmpty() && !inlines.contains(c.output) && c.output != u"br"_s &&
                        c.output != u"img"_s;
            c.neverBoilerplate = neverBoilerplate.contains(element);
        }
    }
    return classes;
}

} // namespace mirsad::content
