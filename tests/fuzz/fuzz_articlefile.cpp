// Article files (.txt, .html, .md) from any bytes: an error sentence, or an article whose date
// is UTC and whose text is plain (no markup of the file left in it when it was HTML).

#include "FuzzCheck.h"
#include "articles/ArticleFile.h"

using namespace mirsad;
using namespace mirsad::articles;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Input input(data, size);
    const quint8 choice = input.byte() % 3;
    const ArticleFileKind kind = choice == 0   ? ArticleFileKind::PlainText
                                 : choice == 1 ? ArticleFileKind::Html
                                               : ArticleFileKind::Markdown;
    const QByteArray bytes = input.rest();
    const QString detail = QString::number(choice) + u'\n' + QString::fromUtf8(bytes);
    Result<Article> article = parseArticleFile(bytes, kind, u"article"_s);
    if (!article) {
        FUZZ_CHECK(!article.error().isEmpty(), detail);
        return 0;
    }
    FUZZ_CHECK(!article->published.isValid() || article->published.timeSpec() == Qt::UTC, detail);
    FUZZ_CHECK(!article->html.contains(u"<script"_s, Qt::CaseInsensitive), article->html + u'\n' + detail);
    FUZZ_CHECK(!article->text.contains(QChar(0)), detail);
    Result<QString> decoded = decodeTextFile(bytes, u"article"_s);
    FUZZ_CHECK(decoded.ok() || !decoded.error().isEmpty(), detail);
    return 0;
}
