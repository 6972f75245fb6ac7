#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <Qt>

// The ODT package as Qt's ODF writer leaves it, opened and written again: Qt's writer keeps no
// paragraph direction, so the export adds it to content.xml itself. A small zip reader and writer
// over zlib, since Qt's own (QZipReader, QZipWriter) are private API.
namespace mirsad::publishing::detail {

// One file of a zip archive, uncompressed, with its modification time as zip keeps it (MS-DOS
// time and date; 0x21 is 1980-01-01, the earliest there is).
struct ZipEntry {
    QString name;
    QByteArray data;
    quint16 dosTime = 0;
    quint16 dosDate = 0x21;
};

// Every file of a zip archive (stored or deflated, no ZIP64, no encryption), checked against
// its CRC-32. Anything else is an Error, never a crash.
Result<QList<ZipEntry>> readZip(const QByteArray& zip);

// The entries as an OpenDocument package: "mimetype" first and stored (ODF requires it, so that
// the type can be read at a fixed offset), the other files deflated, in their order.
Result<QByteArray> writeOdfPackage(QList<ZipEntry> entries);

// content.xml with style:writing-mode on the paragraph styles ("rl-tb" or "lr-tb"), given the
// direction of each of the document's blocks in order (Qt writes one text:p per block, in
// order). A direction of Qt::LayoutDirectionAuto leaves its block's style as it is.
Result<QByteArray> markWritingModes(const QByteArray& contentXml, const QList<Qt::LayoutDirection>& blocks);

// The ODT from Qt's writer with its paragraphs' writing modes marked (markWritingModes).
Result<QByteArray> withWritingModes(const QByteArray& odt, const QList<Qt::LayoutDirection>& blocks);

} // namespace mirsad::publishing::detail
