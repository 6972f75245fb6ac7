#pragma once

#include "articles/Article.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace mirsad::articles {

// Files larger than this are refused rather than read into memory.
inline constexpr qint64 maxArticleFileBytes = 50 * 1024 * 1024;

enum class ArticleFileKind { PlainText, Html, Markdown };

// The kind of an article file from its name (.txt, .html/.htm, .md/.markdown), if supported.
std::optional<ArticleFileKind> articleFileKind(const QString& fileName);

// Decodes the bytes of a text file: a BOM if present, else UTF-8, else windows-1256 (the
// usual encoding of Arabic text that is not UTF-8). An Error for binary data.
Result<QString> decodeTextFile(const QByteArray& bytes, const QString& name);

// Parses an article from the bytes of a file. `name` is used in error messages.
Result<Article> parseArticleFile(const QByteArray& bytes, ArticleFileKind kind, const QString& name);

// Reads and parses an article file. Every failure (missing, unreadable, empty, binary, too
// large, unsupported) is an Error with a sentence naming the file.
Result<Article> readArticleFile(const QString& path);

} // namespace mirsad::articles
