#include "publishing/OdfPackage_p.h"

#include <QHash>
#include <QSet>
#include <QXmlStreamReader>
#include <algorithm>

namespace mirsad::publishing::detail {

namespace {

const QString styleNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:style:1.0");
const QString textNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");

Error markError(const QString& why) {
    return couldNot(QStringLiteral("mark the directions of the ODT's paragraphs"), why);
}

// The writing mode of each paragraph style, from the blocks that use it. Qt names a paragraph's
// style after its block format, which holds the direction, so a style never has two; the pairing
// goes by order all the same, and only assumes one paragraph per block.
Result<QHash<QString, Qt::LayoutDirection>> stylesByDirection(const QString& xml,
                                                              const QList<Qt::LayoutDirection>& blocks) {
    QHash<QString, Qt::LayoutDirection> styles;
    QXmlStreamReader reader(xml);
    qsizetype block = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement() || reader.namespaceUri() != textNs ||
            (reader.name() != u"p" && reader.name() != u"h"))
            continue;
        if (block >= blocks.size())
            return markError(QStringLiteral("it has more paragraphs than the document."));
        const Qt::LayoutDirection direction = blocks[block++];
        if (direction == Qt::LayoutDirectionAuto)
            continue;
        const QString style = reader.attributes().value(textNs, QStringLiteral("style-name")).toString();
        if (style.isEmpty())
            return markError(QStringLiteral("a paragraph has no style."));
        const auto known = styles.constFind(style);
        if (known != styles.cend() && *known != direction)
            return markError(QStringLiteral("the style %1 holds both directions.").arg(style));
        styles.insert(style, direction);
    }
    if (reader.hasError())
        return markError(reader.errorString());
    if (block != blocks.size())
        return markError(QStringLiteral("it has fewer paragraphs than the document."));
    return styles;
}

} // namespace

Result<QByteArray> markWritingModes(const QByteArray& contentXml, const QList<Qt::LayoutDirection>& blocks) {
    // Read as text, so that the reader's offsets index the same string the attributes go into.
    QString xml = QString::fromUtf8(contentXml);
    Result<QHash<QString, Qt::LayoutDirection>> styles = stylesByDirection(xml, blocks);
    if (!styles)
        return Error{styles.error()};

    // Where each style's paragraph-properties tag ends its name, and what goes there. The XML is
    // patched rather than written again: everything else stays byte for byte as Qt wrote it.
    QList<std::pair<qsizetype, QString>> insertions;
    QSet<QString> marked;
    QXmlStreamReader reader(xml);
    QString style;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.namespaceUri() == styleNs && reader.name() == u"style") {
            const QXmlStreamAttributes attributes = reader.attributes();
            style = attributes.value(styleNs, QStringLiteral("family")) == u"paragraph"
                        ? attributes.value(styleNs, QStringLiteral("name")).toString()
                        : QString();
        } else if (reader.isEndElement() && reader.namespaceUri() == styleNs && reader.name() == u"style") {
            style.clear();
        } else if (reader.isStartElement() && reader.namespaceUri() == styleNs &&
                   reader.name() == u"paragraph-properties" && styles->contains(style)) {
            marked.insert(style);
            if (reader.attributes().hasAttribute(styleNs, QStringLiteral("writing-mode")))
                continue;
            // The reader stands just past the tag; an attribute value holds no '<'.
            const QString tag = u'<' + reader.qualifiedName().toString();
            const qsizetype at = xml.lastIndexOf(u'<', qsizetype(reader.characterOffset()) - 1);
            const qsizetype after = at + tag.size();
            if (reader.prefix().isEmpty() || at < 0 || !QStringView(xml).sliced(at).startsWith(tag) ||
                after >= xml.size() || !(xml[after].isSpace() || xml[after] == u'/' || xml[after] == u'>'))
                return markError(QStringLiteral("the style %1 could not be found in the text.").arg(style));
            const bool rightToLeft = styles->value(style) == Qt::RightToLeft;
            insertions.append({after, QStringLiteral(" %1:writing-mode=\"%2\"")
                                          .arg(reader.prefix(), rightToLeft ? u"rl-tb" : u"lr-tb")});
        }
    }
    if (reader.hasError())
        return markError(reader.errorString());
    if (marked.size() != styles->size())
        return markError(QStringLiteral("a paragraph's style is missing."));
    // From the end, so that earlier offsets stay right.
    for (auto it = insertions.crbegin(); it != insertions.crend(); ++it)
        xml.insert(it->first, it->second);
    return xml.toUtf8();
}

Result<QByteArray> withWritingModes(const QByteArray& odt, const QList<Qt::LayoutDirection>& blocks) {
    Result<QList<ZipEntry>> entries = readZip(odt);
    if (!entries)
        return Error{entries.error()};
    const auto content = std::find_if(entries->begin(), entries->end(),
                                      [](const ZipEntry& entry) { return entry.name == u"content.xml"; });
    if (content == entries->end())
        return markError(QStringLiteral("the package has no content.xml."));
    Result<QByteArray> marked = markWritingModes(content->data, blocks);
    if (!marked)
        return Error{marked.error()};
    content->data = std::move(*marked);
    return writeOdfPackage(std::move(*entries));
}

} // namespace mirsad::publishing::detail
