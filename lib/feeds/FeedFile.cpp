#include "feeds/FeedFile.h"

#include "feeds/Encoding.h"
#include "feeds/FeedParser.h"
#include "feeds/XmlFeedReader.h"
#include "feeds/XmlSafety.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace mirsad::feeds {
namespace {

constexpr qint64 kReadBytes = 256 * 1024; // read from the file at a time

QString subjectFor(const QUrl& feedUrl) {
    return feedUrl.isEmpty() ? u"The feed"_s : u"The feed at "_s + feedUrl.toDisplayString();
}

QString megabytes(qint64 bytes) {
    return QString::number((bytes + 1024 * 1024 - 1) / (1024 * 1024));
}

// Whether the whole file is UTF-8, read a piece at a time (a character may straddle two pieces).
bool fileIsUtf8(QFile& file) {
    file.seek(0);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QByteArray carry;
    while (!file.atEnd()) {
        QByteArray piece = carry + file.read(kReadBytes);
        // Keep back an incomplete character at the end: at most three bytes.
        qsizetype cut = piece.size();
        for (qsizetype back = 1; back <= 3 && back <= piece.size(); ++back) {
            const auto c = static_cast<unsigned char>(piece[piece.size() - back]);
            if ((c & 0xC0) == 0x80)
                continue; // a continuation byte: look further back
            if (c >= 0xC0) {
                const qsizetype length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (length > back)
                    cut = piece.size() - back;
            }
            break;
        }
        carry = piece.mid(cut);
        if (!isValidUtf8(QByteArrayView(piece).first(cut)))
            return false;
    }
    file.seek(0);
    return carry.isEmpty();
}

// The file as UTF-8, decoded from `encoding` a piece at a time, with the XML declaration's
// encoding made UTF-8 and, when asked, undeclared HTML entities made numeric.
class Utf8Device final : public QIODevice {
public:
    Utf8Device(QFile& file, const QString& encoding, bool numericEntities)
        : m_file(file)
        , m_decoder(qPrintable(encoding))
        , m_numericEntities(numericEntities) {
        m_file.seek(0);
        open(QIODevice::ReadOnly);
    }
    bool isValid() const { return m_decoder.isValid(); }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_pos >= m_out.size() && m_file.atEnd() && QIODevice::atEnd(); }
    qint64 bytesAvailable() const override { return m_out.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        if (m_pos >= m_out.size()) {
            m_out.clear();
            m_pos = 0;
            while (m_out.isEmpty() && (!m_file.atEnd() || !m_held.isEmpty()))
                fill();
        }
        const qint64 n = std::min<qint64>(maxSize, m_out.size() - m_pos);
        if (n <= 0)
            return m_file.atEnd() ? -1 : 0;
        memcpy(data, m_out.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    void fill() {
        QString text = m_held + m_decoder.decode(m_file.read(kReadBytes));
        m_held.clear();
        if (m_first) {
            m_first = false;
            static const QRegularExpression declared(uR"(^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*))"_s);
            text.replace(declared, u"\\1UTF-8"_s);
        }
        if (!m_file.atEnd()) {
            // An entity reference may straddle two pieces: keep back a trailing '&...'.
            const qsizetype amp = text.lastIndexOf(u'&');
            if (amp >= 0 && text.size() - amp <= 40 && !text.mid(amp).contains(u';')) {
                m_held = text.mid(amp);
                text.truncate(amp);
            }
        }
        m_out = (m_numericEntities ? detail::numericHtmlEntities(text) : text).toUtf8();
    }

    QFile& m_file;
    QStringDecoder m_decoder;
    const bool m_numericEntities;
    bool m_first = true;
    QString m_held;
    QByteArray m_out;
    qsizetype m_pos = 0;
};

} // namespace

Result<ParsedFeed> parseFeedFile(const QString& path, const QUrl& feedUrl, FeedItemSink& sink) {
    const QString subject = subjectFor(feedUrl.isEmpty() ? QUrl::fromLocalFile(path) : feedUrl);
    QFile file(path);
    if (!QFileInfo(path).exists())
        return Error{u"%1 does not exist."_s.arg(path)};
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"Cannot read %1: %2"_s.arg(path, file.errorString())};
    const qint64 size = file.size();
    const QByteArray head = file.peek(4096);
    QByteArrayView lead = QByteArrayView(head);
    if (lead.startsWith("\xEF\xBB\xBF"))
        lead = lead.sliced(3);
    const bool json = lead.trimmed().startsWith('{');
    if (size <= kWholeFeedFileBytes || (json && size <= kMaxJsonFeedFileBytes)) {
        const QByteArray body = file.readAll();
        if (body.trimmed().isEmpty())
            return Error{u"%1 is empty."_s.arg(path)};
        return parseFeed(body, {}, feedUrl, sink);
    }
    if (json)
        return Error{u"%1 is a JSON Feed of %2 MB. A JSON Feed is read whole, and Mirsad reads one of at "
                     "most %3 MB that way; RSS and Atom files of any size are read piece by piece. Split "
                     "the file, or convert it to RSS or Atom."_s.arg(path, megabytes(size),
                                                                     megabytes(kMaxJsonFeedFileBytes))};

    // What the file is, from its start; the encoding as for a fetched body without a header,
    // except that the whole file is checked for UTF-8 a piece at a time.
    const QString declared = xmlDeclaredEncoding(head);
    QString encoding = detectEncoding(head);
    if (declared.isEmpty() && !head.startsWith("\xFF\xFE") && !head.startsWith("\xFE\xFF"))
        encoding = fileIsUtf8(file) ? u"UTF-8"_s : u"windows-1256"_s;
    const bool utf8 = encoding.compare(u"utf-8"_s, Qt::CaseInsensitive) == 0 ||
                      encoding.compare(u"utf8"_s, Qt::CaseInsensitive) == 0;
    {
        const DecodedText start = decodeBody(head.left(4000), {});
        const QString trimmed = start.text.trimmed().toLower();
        if (trimmed.startsWith(u"<!doctype html"_s) || trimmed.startsWith(u"<html"_s))
            return Error{subject + u" is an HTML page, not a feed."_s};
        if (!trimmed.startsWith(u'<'))
            return Error{subject + u" is not a feed: it is neither XML nor JSON."_s};
    }

    bool undeclaredEntity = false;
    Result<ParsedFeed> parsed = Error{QString()};
    if (utf8 && (declared.isEmpty() || declared.compare(u"utf-8"_s, Qt::CaseInsensitive) == 0)) {
        file.seek(0);
        parsed = detail::parseXmlFeed(file, feedUrl, subject, sink, undeclaredEntity);
    } else {
        Utf8Device device(file, encoding, false);
        if (!device.isValid())
            return Error{subject + u" is in an encoding Mirsad cannot read (%1)."_s.arg(encoding)};
        parsed = detail::parseXmlFeed(device, feedUrl, subject, sink, undeclaredEntity);
    }
    if (!parsed && undeclaredEntity && !sink.stopped()) {
        // Many feeds use &nbsp; and friends without declaring them; read them as HTML would.
        sink.restart();
        Utf8Device device(file, encoding, true);
        bool again = false;
        Result<ParsedFeed> repaired = detail::parseXmlFeed(device, feedUrl, subject, sink, again);
        if (repaired)
            return repaired;
    }
    if (!parsed && sink.stopped())
        return Error{subject + u": reading was stopped."_s};
    return parsed;
}

} // namespace mirsad::feeds
