#include "publishing/Export.h"

#include "exchange/AnnotationData.h"
#include "publishing/BriefText_p.h"
#include "publishing/OdfPackage_p.h"
#include "publishing/Writers_p.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocumentWriter>
#include <QTextFrame>

namespace mirsad::publishing {

namespace {

struct FormatName {
    ExportFormat format;
    const char* name;
    const char* suffix;
};

constexpr FormatName formatNames[] = {
    {ExportFormat::Markdown, "md", "md"}, {ExportFormat::Html, "html", "html"},
    {ExportFormat::Odt, "odt", "odt"},    {ExportFormat::Pdf, "pdf", "pdf"},
    {ExportFormat::Csv, "csv", "csv"},    {ExportFormat::Json, "json", "json"},
    {ExportFormat::W3c, "w3c", "jsonld"},
};

const FormatName& entry(ExportFormat format) {
    for (const FormatName& name : formatNames)
        if (name.format == format)
            return name;
    return formatNames[0];
}

Status needGui(const QString& what) {
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error{QStringLiteral("Could not write %1: documents need a QGuiApplication.").arg(what)};
    return {};
}

} // namespace

namespace detail {

Status writeAll(QIODevice& out, const QByteArray& bytes, const QString& what) {
    if (out.write(bytes) != bytes.size())
        return Error{QStringLiteral("Could not write %1: %2").arg(what, out.errorString())};
    return {};
}

Status writeOdt(const briefs::Brief& brief, QIODevice& out) {
    if (Status s = needGui(QStringLiteral("the ODT brief")); !s)
        return s;
    const std::unique_ptr<QTextDocument> document = briefDocument(brief, DocumentFlavour::Odt);
    // Qt's writer keeps no paragraph direction: the package is written to memory, then its
    // paragraph styles are given their writing mode from the blocks' directions.
    QBuffer qtOdt;
    qtOdt.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&qtOdt, QByteArrayLiteral("odf"));
    if (!writer.write(document.get()))
        return Error{QStringLiteral("Could not write the ODT brief: %1").arg(qtOdt.errorString())};
    QList<Qt::LayoutDirection> directions;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        directions.append(block.blockFormat().layoutDirection());
    const Result<QByteArray> odt = withWritingModes(qtOdt.data(), directions);
    if (!odt)
        return Error{odt.error()};
    return writeAll(out, *odt, QStringLiteral("the ODT brief"));
}

// The brief document laid out on A4 at the printer's resolution, page by page, each with its
// number at the foot.
Status writePdf(const briefs::Brief& brief, QIODevice& out) {
    if (Status s = needGui(QStringLiteral("the PDF brief")); !s)
        return s;
    const std::unique_ptr<QTextDocument> document = briefDocument(brief, DocumentFlavour::Page);
    QPdfWriter writer(&out);
    writer.setTitle(titleOf(brief));
    writer.setCreator(QStringLiteral("Mirsad %1").arg(QStringLiteral(MIRSAD_VERSION)));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));

    document->documentLayout()->setPaintDevice(&writer);
    const QRectF page(QPointF(0, 0), writer.pageLayout().fullRectPixels(writer.resolution()).size());
    document->setPageSize(page.size());
    const int pages = document->pageCount();

    QPainter painter;
    if (!painter.begin(&writer))
        return Error{QStringLiteral("Could not write the PDF brief: %1").arg(out.errorString())};
    QFont footFont = document->defaultFont();
    footFont.setPointSizeF(8.5);
    const qreal scale = writer.resolution() / 96.0;
    const qreal margin = document->rootFrame()->frameFormat().bottomMargin() * scale;
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.setClipRect(page);
        painter.translate(0, -i * page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = page.translated(0, i * page.height());
        context.palette.setColor(QPalette::Text, Qt::black);
        document->documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(footFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QRectF(0, page.height() - margin * 0.75, page.width(), margin * 0.5),
                         Qt::AlignCenter, QStringLiteral("%1 / %2").arg(i + 1).arg(pages));
    }
    if (!painter.end())
        return Error{QStringLiteral("Could not write the PDF brief: %1").arg(out.errorString())};
    return {};
}

} // namespace detail

std::optional<ExportFormat> exportFormatFromName(const QString& name) {
    const QString lower = name.trimmed().toLower();
    for (const FormatName& format : formatNames)
        if (lower == QLatin1StringView(format.name))
            return format.format;
    if (lower == u"markdown")
        return ExportFormat::Markdown;
    if (lower == u"jsonld")
        return ExportFormat::W3c;
    return std::nullopt;
}

QString exportFormatName(ExportFormat format) {
    return QString::fromLatin1(entry(format).name);
}

QString exportFormatSuffix(ExportFormat format) {
    return QString::fromLatin1(entry(format).suffix);
}

bool isDocumentFormat(ExportFormat format) {
    switch (format) {
    case ExportFormat::Markdown:
    case ExportFormat::Html:
    case ExportFormat::Odt:
    case ExportFormat::Pdf:
        return true;
    case ExportFormat::Csv:
    case ExportFormat::Json:
    case ExportFormat::W3c:
        return false;
    }
    return false;
}

Status exportBrief(const briefs::Brief& brief, ExportFormat format, QIODevice& out) {
    switch (format) {
    case ExportFormat::Markdown:
        return detail::writeMarkdown(brief, out);
    case ExportFormat::Html:
        return detail::writeHtml(brief, out);
    case ExportFormat::Odt:
        return detail::writeOdt(brief, out);
    case ExportFormat::Pdf:
        return detail::writePdf(brief, out);
    case ExportFormat::Csv:
        return exchange::writeAnnotations(brief, exchange::DataFormat::Csv, out);
    case ExportFormat::Json:
        return exchange::writeAnnotations(brief, exchange::DataFormat::Json, out);
    case ExportFormat::W3c:
        return exchange::writeAnnotations(brief, exchange::DataFormat::W3c, out);
    }
    return Error{QStringLiteral("Could not export: unknown format.")};
}

Status exportBriefToFile(const briefs::Brief& brief, ExportFormat format, const QString& path) {
    // Written to memory first: Qt's ODF and PDF writers close the device they end on, which a
    // QSaveFile does not allow.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (Status s = exportBrief(brief, format, buffer); !s)
        return s;
    QSaveFile file(path);
    const auto failed = [&] {
        return Error{
            QStringLiteral("Could not write %1: %2").arg(QFileInfo(path).fileName(), file.errorString())};
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    if (file.write(buffer.data()) != buffer.data().size()) {
        file.cancelWriting();
        return failed();
    }
    if (!file.commit())
        return failed();
    return {};
}

} // namespace mirsad::publishing
