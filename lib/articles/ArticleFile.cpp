#include "articles/ArticleFile.h"

#include "articles/ScrapedText.h"
#include "content/HtmlSanitizer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>
#include <md4c-html.h>
#include <optional>

namespace mirsad::articles {

std::optional<ArticleFileKind> articleFileKind(const QString& fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"txt" || suffix == u"text")
        return ArticleFileKind::PlainText;
    if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        return ArticleFileKind::Html;
    if (suffix == u"md" || suffix == u"markdown")
        return ArticleFileKind::Markdown;
    return std::nullopt;
}

static bool looksBinary(const QByteArray& bytes) {
    // UTF-16 files carry NULs legitimately; they are recognised by their BOM before this.
    return bytes.left(64 * 1024).contains('\0');
}

static bool hasControlCharacters(const QString& text) {
    qsizetype controls = 0;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != u'\n' && c != u'\r' && c != u'\t' && c != u'\f')
            ++controls;
    }
    return controls > 0 && controls * 100 > text.size();
}

Result<QString> decodeTextFile(const QByteArray& bytes, const QString& name) {
    if (std::optional<QStringConverter::Encoding> bom = QStringConverter::encodingForData(bytes)) {
        QStringDecoder decoder(*bom);
        const QString text = decoder.decode(bytes);
        if (!decoder.hasError())
            return text;
    }
    if (looksBinary(bytes))
        return Error{QStringLiteral("%1 is not a text file (it contains binary data).").arg(name)};
    QStringDecoder utf8(QStringConverter::Utf8);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        QStringDecoder arabic("windows-1256");
        if (!arabic.isValid())
            return Error{QStringLiteral("%1 is not valid UTF-8.").arg(name)};
        text = arabic.decode(bytes);
    }
    if (hasControlCharacters(text))
        return Error{QStringLiteral("%1 is not a text file (it contains control characters).").arg(name)};
    return text;
}

static Article fromHtml(const QString& html, const QUrl& base) {
    Article article;
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression heading(QStringLiteral("<h1[^>]*>(.*?)</h1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    const content::SanitizedHtml clean = content::sanitizeHtml(html, base);
    article.html = clean.html;
    article.text = clean.text;
    article.remoteImages = clean.remoteImages;
    for (const QRegularExpression* re : {&heading, &title}) {
        const auto m = re->match(html);
        if (m.hasMatch()) {
            article.title = content::sanitizeHtml(m.captured(1)).text.simplified();
            if (!article.title.isEmpty())
                break;
        }
    }
    if (article.title.isEmpty())
        article.title = article.text.section(u'\n', 0, 0).left(200);
    return article;
}

// GitHub-flavoured Markdown to HTML with md4c, which needs no QtGui (QTextDocument did). Raw
// HTML in the Markdown passes through here and is sanitised by fromHtml like any other file.
// Nothing when md4c fails, which it does only when out of memory.
static std::optional<QString> markdownToHtml(const QString& markdown) {
    const QByteArray utf8 = markdown.toUtf8();
    QByteArray html;
    const auto append = [](const MD_CHAR* chunk, MD_SIZE size, void* out) {
        static_cast<QByteArray*>(out)->append(chunk, qsizetype(size));
    };
    if (md_html(utf8.constData(), MD_SIZE(utf8.size()), append, &html, MD_DIALECT_GITHUB, 0) != 0)
        return std::nullopt;
    return QString::fromUtf8(html);
}

static std::optional<Article> fromMarkdown(const QString& markdown) {
    const std::optional<QString> html = markdownToHtml(markdown);
    if (!html)
        return std::nullopt;
    Article article = fromHtml(*html, {});
    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}#\\s+(.+?)\\s*#*\\s*$"),
                                            QRegularExpression::MultilineOption);
    const auto m = heading.match(markdown);
    if (m.hasMatch())
        article.title = m.captured(1).simplified();
    return article;
}

Result<Article> parseArticleFile(const QByteArray& bytes, ArticleFileKind kind, const QString& name) {
    if (bytes.trimmed().isEmpty())
        return Error{QStringLiteral("%1 is empty.").arg(name)};
    Result<QString> text = decodeTextFile(bytes, name);
    if (!text)
        return Error{text.error()};
    Article article;
    switch (kind) {
    case ArticleFileKind::PlainText:
        article = parseScrapedText(*text);
        break;
    case ArticleFileKind::Html:
        article = fromHtml(*text, {});
        break;
    case ArticleFileKind::Markdown:
        if (std::optional<Article> markdown = fromMarkdown(*text))
            article = std::move(*markdown);
        else
            return Error{QStringLiteral("%1 could not be converted from Markdown.").arg(name)};
        break;
    }
    if (article.text.trimmed().isEmpty())
        return Error{QStringLiteral("%1 has no article text.").arg(name)};
    if (article.source.isEmpty())
        article.source = sourceFromDateline(article.text.section(QStringLiteral("\n\n"), 0, 0));
    // Local files have no GUID: the same article imported from two places is one article.
    QCryptographicHash identity(QCryptographicHash::Sha1);
    identity.addData(article.title.toUtf8());
    identity.addData(article.published.isValid() ? article.published.toString(Qt::ISODate).toUtf8()
                                                 : article.text.toUtf8());
    article.guid = QStringLiteral("local:") + QString::fromLatin1(identity.result().toHex());
    article.fetched = QDateTime::currentDateTimeUtc();
    return article;
}

Result<Article> readArticleFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists())
        return Error{QStringLiteral("%1 does not exist.").arg(path)};
    if (info.isDir())
        return Error{QStringLiteral("%1 is a folder, not an article file.").arg(path)};
    const std::optional<ArticleFileKind> kind = articleFileKind(path);
    if (!kind)
        return Error{
            QStringLiteral("%1 is not a supported article file (use .txt, .html or .md).").arg(path)};
    if (info.size() > maxArticleFileBytes)
        return Error{QStringLiteral("%1 is too large (%2 MB; the limit is %3 MB).")
                         .arg(path)
                         .arg(info.size() / (1024 * 1024))
                         .arg(maxArticleFileBytes / (1024 * 1024))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("Cannot read %1: %2").arg(path, file.errorString())};
    Result<Article> article = parseArticleFile(file.read(maxArticleFileBytes + 1), *kind, info.fileName());
    if (article && !path.startsWith(u':'))
        article->link = QUrl::fromLocalFile(info.absoluteFilePath()).toString();
    return article;
}

} // namespace mirsad::articles
