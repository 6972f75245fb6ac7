#include "publishing/OdfPackage_p.h"

#include <QtEndian>
#include <algorithm>
#include <zlib.h>

namespace mirsad::publishing::detail {

namespace {

// The zip format (APPNOTE.TXT): a local header before each file's data, then the central
// directory (one header per file, pointing at its local header), then the end record.
constexpr quint32 localSignature = 0x04034b50;
constexpr quint32 centralSignature = 0x02014b50;
constexpr quint32 endSignature = 0x06054b50;
constexpr qint64 localHeaderSize = 30;
constexpr qint64 centralHeaderSize = 46;
constexpr qint64 endRecordSize = 22;
constexpr quint16 stored = 0;
constexpr quint16 deflated = 8;
constexpr quint16 encryptedFlag = 0x0001;
constexpr quint16 utf8NameFlag = 0x0800;
constexpr quint16 version = 20; // 2.0: deflate; what every unzip reads
// A brief's content.xml is a few megabytes at most; a bigger size is refused rather than
// allocated (a damaged size field must not ask for gigabytes).
constexpr quint32 maxEntrySize = 256u * 1024 * 1024;

Error readError(const QString& why) {
    return couldNot(QStringLiteral("read the ODT package"), why);
}

Error writeError(const QString& why) {
    return couldNot(QStringLiteral("write the ODT package"), why);
}

quint16 u16(const QByteArray& bytes, qint64 at) {
    return qFromLittleEndian<quint16>(bytes.constData() + at);
}

quint32 u32(const QByteArray& bytes, qint64 at) {
    return qFromLittleEndian<quint32>(bytes.constData() + at);
}

void put16(QByteArray& bytes, quint16 value) {
    char le[2];
    qToLittleEndian(value, le);
    bytes.append(le, 2);
}

void put32(QByteArray& bytes, quint32 value) {
    char le[4];
    qToLittleEndian(value, le);
    bytes.append(le, 4);
}

quint32 crcOf(const QByteArray& data) {
    return quint32(crc32(0, reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size())));
}

// Raw deflate (no zlib header): what zip stores.
Result<QByteArray> inflateRaw(const QByteArray& packed, quint32 size) {
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return readError(QStringLiteral("zlib did not start."));
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.constData()));
    stream.avail_in = uInt(packed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = inflate(&stream, Z_FINISH);
    const bool whole = result == Z_STREAM_END && stream.avail_out == 0;
    inflateEnd(&stream);
    if (!whole)
        return readError(QStringLiteral("a file does not inflate to its size."));
    return out;
}

Result<QByteArray> deflateRaw(const QByteArray& data) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return writeError(QStringLiteral("zlib did not start."));
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return writeError(QStringLiteral("zlib could not compress a file."));
    return out;
}

} // namespace

Result<QList<ZipEntry>> readZip(const QByteArray& zip) {
    // The end record is the last 22 bytes but for a trailing comment of up to 65,535 bytes.
    const qint64 size = zip.size();
    qint64 end = -1;
    for (qint64 at = size - endRecordSize; at >= 0 && at >= size - endRecordSize - 0xffff; --at)
        if (u32(zip, at) == endSignature) {
            end = at;
            break;
        }
    if (end < 0)
        return readError(QStringLiteral("it is not a zip archive."));
    if (u16(zip, end + 4) != 0 || u16(zip, end + 6) != 0)
        return readError(QStringLiteral("it spans several disks."));
    const quint16 count = u16(zip, end + 10);
    const qint64 directorySize = u32(zip, end + 12);
    const qint64 directory = u32(zip, end + 16);
    if (directory + directorySize > end)
        return readError(QStringLiteral("its central directory is out of bounds."));

    QList<ZipEntry> entries;
    qint64 at = directory;
    for (int i = 0; i < count; ++i) {
        if (at + centralHeaderSize > directory + directorySize || u32(zip, at) != centralSignature)
            return readError(QStringLiteral("its central directory is damaged."));
        const quint16 flags = u16(zip, at + 8);
        const quint16 method = u16(zip, at + 10);
        const quint32 crc = u32(zip, at + 16);
        const quint32 packedSize = u32(zip, at + 20);
        const quint32 fileSize = u32(zip, at + 24);
        const qint64 nameLength = u16(zip, at + 28);
        const qint64 skip = nameLength + u16(zip, at + 30) + u16(zip, at + 32); // name, extra, comment
        const qint64 local = u32(zip, at + 42);
        if (at + centralHeaderSize + skip > directory + directorySize)
            return readError(QStringLiteral("its central directory is damaged."));
        ZipEntry entry;
        entry.name = QString::fromUtf8(zip.sliced(at + centralHeaderSize, nameLength));
        entry.dosTime = u16(zip, at + 12);
        entry.dosDate = u16(zip, at + 14);
        at += centralHeaderSize + skip;

        if (flags & encryptedFlag)
            return readError(QStringLiteral("%1 is encrypted.").arg(entry.name));
        if (method != stored && method != deflated)
            return readError(QStringLiteral("%1 is compressed in an unknown way.").arg(entry.name));
        if (fileSize > maxEntrySize || packedSize > maxEntrySize)
            return readError(QStringLiteral("%1 is too large.").arg(entry.name));
        // The sizes come from the central directory: a local header may leave them to a data
        // descriptor after the data.
        if (local + localHeaderSize > directory || u32(zip, local) != localSignature)
            return readError(QStringLiteral("the header of %1 is missing.").arg(entry.name));
        const qint64 data = local + localHeaderSize + u16(zip, local + 26) + u16(zip, local + 28);
        if (data + packedSize > directory)
            return readError(QStringLiteral("%1 is out of bounds.").arg(entry.name));
        const QByteArray packed = zip.sliced(data, packedSize);
        if (method == stored) {
            if (packedSize != fileSize)
                return readError(QStringLiteral("%1 has two sizes.").arg(entry.name));
            entry.data = packed;
        } else {
            Result<QByteArray> inflated = inflateRaw(packed, fileSize);
            if (!inflated)
                return Error{inflated.error()};
            entry.data = std::move(*inflated);
        }
        if (crcOf(entry.data) != crc)
            return readError(QStringLiteral("%1 fails its CRC check.").arg(entry.name));
        entries.append(std::move(entry));
    }
    return entries;
}

Result<QByteArray> writeOdfPackage(QList<ZipEntry> entries) {
    const auto mimetype =
        std::find_if(entries.begin(), entries.end(), [](const ZipEntry& e) { return e.name == u"mimetype"; });
    if (mimetype == entries.end())
        return writeError(QStringLiteral("it has no mimetype file."));
    std::rotate(entries.begin(), mimetype, mimetype + 1);

    QByteArray zip, directory;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ZipEntry& entry = entries[i];
        // Empty files (and folders) are stored: deflating nothing gives two bytes.
        const bool store = i == 0 || entry.data.isEmpty();
        QByteArray packed = entry.data;
        if (!store) {
            Result<QByteArray> deflatedData = deflateRaw(entry.data);
            if (!deflatedData)
                return Error{deflatedData.error()};
            packed = std::move(*deflatedData);
        }
        const QByteArray name = entry.name.toUtf8();
        // No ZIP64: every size and offset must fit in 32 bits.
        if (qint64(zip.size()) + localHeaderSize + name.size() + packed.size() > 0xffffffffLL ||
            entry.data.size() > qsizetype(maxEntrySize) || name.size() > 0xffff)
            return writeError(QStringLiteral("it is too large."));
        const quint32 offset = quint32(zip.size());
        // The fields the local header and the central directory share, from "version needed".
        QByteArray common;
        put16(common, version);
        put16(common, entry.name == QString::fromLatin1(name) ? 0 : utf8NameFlag);
        put16(common, store ? stored : deflated);
        put16(common, entry.dosTime);
        put16(common, entry.dosDate);
        put32(common, crcOf(entry.data));
        put32(common, quint32(packed.size()));
        put32(common, quint32(entry.data.size()));
        put16(common, quint16(name.size()));
        put16(common, 0); // extra field

        put32(zip, localSignature);
        zip.append(common);
        zip.append(name);
        zip.append(packed);

        put32(directory, centralSignature);
        put16(directory, version); // made by: MS-DOS attributes, none set
        directory.append(common);
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, offset);
        directory.append(name);
    }
    if (entries.size() > 0xffff || qint64(zip.size()) + directory.size() > 0xffffffffLL)
        return writeError(QStringLiteral("it is too large."));
    const quint32 directoryOffset = quint32(zip.size());
    zip.append(directory);
    put32(zip, endSignature);
    put16(zip, 0); // this disk
    put16(zip, 0); // the disk with the directory
    put16(zip, quint16(entries.size()));
    put16(zip, quint16(entries.size()));
    put32(zip, quint32(directory.size()));
    put32(zip, directoryOffset);
    put16(zip, 0); // comment
    return zip;
}

} // namespace mirsad::publishing::detail
