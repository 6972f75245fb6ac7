#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace mirsad::feeds::detail {

// Long character data lifted out of a UTF-8 XML document before QXmlStreamReader reads it.
// The reader appends every character of text and CDATA to its buffer one call at a time, which
// made the article bodies four fifths of parsing a feed; lifted, a body is decoded in one pass
// when the feed reader asks for it. Only what reads exactly as the XML reader would read it is
// lifted: CDATA sections, and text whose only references are XML's five entities and character
// references. The rest, and any document with a DOCTYPE, is left to the reader; a lifted piece
// that holds what XML forbids fails the reading, which is then done again without lifting. A placeholder
// (U+E000, an index, U+E001) stands in the document for each piece.
class LiftedText {
public:
    struct Lifted;
    // The document with its long character data replaced by placeholders, or nullopt when there
    // is nothing to lift or the document is one lifting must not touch.
    static std::optional<Lifted> lift(const QByteArray& utf8);

    // text with the placeholders it holds replaced by what they stand for; nullopt when one
    // stands for something the reader would refuse (broken UTF-8, a character XML forbids),
    // which the reader must then read itself.
    std::optional<QString> restore(const QString& text) const;
    bool isEmpty() const { return m_pieces.isEmpty(); }

private:
    struct Piece {
        QByteArrayView bytes; // in the original document, which must outlive this
        bool escaped = false; // text with references, not CDATA
    };
    static std::optional<QString> decode(const Piece& piece);

    QList<Piece> m_pieces;
};

struct LiftedText::Lifted {
    QByteArray document;
    LiftedText text;
};

} // namespace mirsad::feeds::detail
