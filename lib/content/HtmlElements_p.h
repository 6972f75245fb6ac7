#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

namespace mirsad::content {

// What the tokenizer and the sanitiser need to know about an element, found with one hash
// lookup per tag rather than one set lookup per question.
struct ElementClass {
    QString output;                // the element written out; empty: the tag goes, its text stays
    bool isVoid = false;           // has no end tag
    bool isRawText = false;        // its content is text up to its end tag
    bool isDropped = false;        // dropped together with everything inside it
    bool isBlock = false;          // the output element's start and end break the text into paragraphs
    bool neverBoilerplate = false; // never page furniture, whatever its class or id says
};

// Every element the sanitiser knows, by lower-case name. Built once; the keys double as the
// shared literals of known tag names.
QHash<QString, ElementClass> buildElementTable();

// Inline, with elementClass(), because both are asked once or twice per tag.
inline const QHash<QString, ElementClass>& elementTable() {
    static const QHash<QString, ElementClass> table = buildElementTable();
    return table;
}

// The class of a lower-case element name; an unknown element has the default class.
inline const ElementClass& elementClass(QStringView name) {
    static const ElementClass other;
    const QHash<QString, ElementClass>& table = elementTable();
    const auto it = table.constFind(name);
    return it == table.cend() ? other : *it;
}

} // namespace mirsad::content
