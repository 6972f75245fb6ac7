#include "GuiTestSupport.h"
#include "LoopbackHttpServer.h"
#include "TestSupport.h"
#include "annotations/Annotations.h"
#include "annotations/ArticleAnnotations.h"
#include "annotations/MarkdownEditor.h"
#include "content/HtmlSanitizer.h"
#include "ingest/ArticleImport.h"
#include "names/EntityDirectory.h"
#include "names/EntityListPanel.h"
#include "reader/FindBar.h"
#include "reader/HighlightColors.h"
#include "reader/RawSourceView.h"
#include "storage/ArticleQueries.h"
#include "text/TextAnchor.h"
#include "text/TextDirection.h"
#include "window/AppSettings.h"
#include "window/SettingsDialog.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDesktopServices>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>

using namespace mirsad;
using namespace Qt::StringLiterals;

// Renders an Arabic sentence with an optional background format on [start, end).
static QImage renderSentence(const QString& sentence, const QFont& font, qsizetype start, qsizetype end) {
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(8);
    QTextCursor cursor(&doc);
    QTextBlockFormat block;
    block.setLayoutDirection(Qt::RightToLeft);
    block.setAlignment(Qt::AlignRight | Qt::AlignAbsolute);
    cursor.setBlockFormat(block);
    cursor.insertText(sentence);
    if (end > start) {
        QTextCharFormat format;
        format.setBackground(QColor(0xff, 0xe8, 0x7a)); // red channel 255, as the white page
        cursor.setPosition(int(start));
        cursor.setPosition(int(end), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
    doc.setTextWidth(600);
    QImage image(600, int(doc.size().height()) + 1, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    doc.drawContents(&painter);
    return image;
}

// The glyphs' ink: pixels whose brightest channel is dark. On white and on the yellow above
// (both with red at 255) a glyph pixel classifies the same way, so only the shapes count.
static QImage inkMask(const QImage& image) {
    QImage mask(image.size(), QImage::Format_Mono);
    mask.fill(0);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            mask.setPixel(x, y, qMax(qRed(p), qMax(qGreen(p), qBlue(p))) < 128 ? 1 : 0);
        }
    return mask;
}

static int differingPixels(const QImage& a, const QImage& b) {
    int count = 0;
    for (int y = 0; y < qMin(a.height(), b.height()); ++y)
        for (int x = 0; x < qMin(a.width(), b.width()); ++x)
            count += a.pixelIndex(x, y) != b.pixelIndex(x, y) ? 1 : 0;
    return count;
}

// A 10,000-word article as bench_scale opens: ~350 paragraphs, each with names of the three
// kinds (people, places, organisations; in Arabic with clitics: وأربيل، بالموصل), and a word
// found only in the last paragraph.
static QString longArticleText(bool arabic, const QString& lastWord) {
    QStringList paragraphs;
    for (int i = 1; i <= 350; ++i) {
        QString paragraph =
            arabic
                ? QStringLiteral("أعلن مسؤولون في أربيل صباح اليوم أن المحادثات مع بغداد بشأن صادرات النفط "
                                 "ورواتب الموظفين ستستأنف الأسبوع المقبل، وقال الكاظمي في الجلسة %1 إن "
                                 "الحكومة ملتزمة بالاتفاق مع الديمقراطي الكردستاني وأهالي كركوك وبالموصل.")
                : QStringLiteral("Officials in Erbil said this morning that the talks with Baghdad over oil "
                                 "exports and the salaries of civil servants would resume next week, and "
                                 "Al-Kazemi told session %1 that the government kept to its agreement with "
                                 "the KDP and the people of Kirkuk and Mosul.");
        paragraphs << paragraph.arg(i);
    }
    paragraphs.last() += u' ' + lastWord;
    return paragraphs.join(QStringLiteral("\n\n"));
}

// Pixels of `image` in the colour `color` on the horizontal line through `y`.
static int pixelsOfColor(const QImage& image, int y, const QColor& color) {
    int count = 0;
    for (int x = 0; x < image.width(); ++x)
        count += image.pixelColor(x, y) == color ? 1 : 0;
    return count;
}

// Records the links handed to the desktop (QDesktopServices::setUrlHandler) instead of opening them.
class UrlRecorder : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

class TestReader : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;

private slots:
    void initTestCase() {
        test::isolateFromUserData();
        test::isolateSettings(m_settings);
    }

    void wholeWords_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mention");
        QTest::addColumn<QString>("expected");
        QTest::newRow("clitic ب + ال") << QStringLiteral("اجتماع بالموصل اليوم") << QStringLiteral("الموصل")
                                       << QStringLiteral("بالموصل");
        QTest::newRow("و before a name")
            << QStringLiteral("بين بغداد وأربيل وفق") << QStringLiteral("أربيل") << QStringLiteral("وأربيل");
        QTest::newRow("لل") << QStringLiteral("زيارة للكاظمي،") << QStringLiteral("لكاظمي")
                            << QStringLiteral("للكاظمي");
        QTest::newRow("English untouched")
            << QStringLiteral("in Erbil, today") << QStringLiteral("Erbil") << QStringLiteral("Erbil");
        QTest::newRow("harakat kept")
            << QStringLiteral("في بَغْدَادَ.") << QStringLiteral("بَغْدَاد") << QStringLiteral("بَغْدَادَ");
    }

    void wholeWords() {
        QFETCH(QString, text);
        QFETCH(QString, mention);
        QFETCH(QString, expected);
        const qsizetype start = text.indexOf(mention);
        QVERIFY(start >= 0);
        const auto [from, to] = ReaderView::wholeWords(text, start, start + mention.size());
        QCOMPARE(text.mid(from, to - from), expected);
    }

    // PRODUCT.md's pitfall: a format that starts inside an Arabic word breaks its joining; the
    // whole-word format leaves the glyphs exactly as unhighlighted.
    void wholeWordFormatKeepsArabicJoining() {
        QFont font = AppSettings::arabicFont();
        font.setPointSize(22);
        const QString sentence = QStringLiteral("اجتمع المحافظ بالموصل مع وفد من أربيل");
        const qsizetype mention = sentence.indexOf(QStringLiteral("الموصل"));
        const auto [wordStart, wordEnd] = ReaderView::wholeWords(sentence, mention, mention + 6);
        QCOMPARE(sentence.mid(wordStart, wordEnd - wordStart), QStringLiteral("بالموصل"));

        const QImage plain = renderSentence(sentence, font, 0, 0);
        const QImage inside = renderSentence(sentence, font, mention, mention + 6);
        const QImage whole = renderSentence(sentence, font, wordStart, wordEnd);
        QVERIFY(plain.save(test::screenshotPath(QStringLiteral("joining-plain.png"))));
        QVERIFY(inside.save(test::screenshotPath(QStringLiteral("joining-inside-word.png"))));
        QVERIFY(whole.save(test::screenshotPath(QStringLiteral("joining-whole-word.png"))));
        QCOMPARE(whole.size(), plain.size());
        // The backgrounds differ (the test would be empty otherwise)...
        QVERIFY(whole != plain);
        // ...the shapes of the whole-word rendering are the plain ones, pixel for pixel...
        const QImage plainInk = inkMask(plain);
        QCOMPARE(differingPixels(inkMask(whole), plainInk), 0);
        // ...while a format starting inside the word changes them (ب no longer joins).
        const int broken = differingPixels(inkMask(inside), plainInk);
        qInfo("glyph pixels differing from the plain rendering: whole word 0, format inside the word %d",
              broken);
        QVERIFY2(broken > 20, qPrintable(QString::number(broken)));
    }

    void seedArticleNamesHighlighted() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("reader.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        ReaderView* reader = window.reader();
        const Article& article = reader->article();
        QVERIFY(article.mentions.size() >= 10);

        QSet<QString> seen;
        for (const StoredMention& mention : article.mentions) {
            const names::Entity* entity = window.entityDirectory()->entity(mention.entityId);
            QVERIFY2(entity, qPrintable(mention.entityId));
            const QTextCharFormat expected = nameFormat(entity->kind, false);
            // Every character of the mention carries the entity and its kind's colours.
            for (qsizetype i = mention.start; i < mention.end; ++i) {
                QTextCursor cursor(reader->document());
                cursor.setPosition(reader->documentPosition(i) + 1);
                const QTextCharFormat format = cursor.charFormat();
                QCOMPARE(format.property(ReaderView::EntityIdProperty).toString(), mention.entityId);
                QCOMPARE(format.foreground().color(), expected.foreground().color());
                QCOMPARE(format.background().color(), expected.background().color());
            }
            QCOMPARE(reader->entityAt(reader->documentPosition(mention.start)), mention.entityId);
            seen.insert(mention.surface);
        }
        // Both spellings of the man and of the city are found.
        for (const QString& spelling : {QStringLiteral("Al-Kazemi"), QStringLiteral("Al-Kazimi"),
                                        QStringLiteral("Erbil"), QStringLiteral("Irbil")})
            QVERIFY2(std::any_of(seen.cbegin(), seen.cend(),
                                 [&](const QString& surface) { return surface.contains(spelling); }),
                     qPrintable(spelling));
        // People, places and organisations get three different colours.
        QVERIFY(nameColor(names::EntityKind::Person, false) != nameColor(names::EntityKind::Place, false));
        QVERIFY(nameColor(names::EntityKind::Place, false) !=
                nameColor(names::EntityKind::Organization, false));
        // Plain text between names is not formatted.
        QTextCursor plain(reader->document());
        plain.setPosition(reader->documentPosition(article.text.indexOf(QStringLiteral("coordination"))) + 1);
        QVERIFY(!plain.charFormat().hasProperty(ReaderView::EntityIdProperty));

        // The side list groups the names by kind, with counts.
        EntityListPanel* list = window.entityList();
        QVERIFY(list->topLevelItemCount() >= 2);
        QVERIFY(list->topLevelItem(0)->childCount() >= 1);

        QTest::qWait(200);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("reader-seed-names.png"))));
    }

    // Opening a 10,000-word article (bench_scale's "open a 10,000-word article" goal): the reader
    // lays out only what is on screen, the rest following by itself; every name and every one
    // of the analyst's 30 highlights is where it belongs, down to the last paragraph, and
    // selecting, double-clicking and finding work there as in a short article.
    void longArticleShowsEveryNameAndHighlight_data() {
        QTest::addColumn<bool>("arabic");
        QTest::newRow("English") << false;
        QTest::newRow("Arabic") << true;
    }

    void longArticleShowsEveryNameAndHighlight() {
        QFETCH(bool, arabic);
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("long.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        ReaderView* reader = window.reader();

        // The article arrives (stored and tagged as an import stores it) with 30 highlights
        // spread through its text, the last ones in its last paragraphs.
        const QString title = arabic ? QStringLiteral("تقرير مطول عن محادثات أربيل وبغداد")
                                     : QStringLiteral("A long report on the Erbil and Baghdad talks");
        const QString lastWord = arabic ? QStringLiteral("البنفسجية") : QStringLiteral("kaleidoscope");
        const QStringList colors = {QStringLiteral("yellow"), QStringLiteral("green"), QStringLiteral("blue"),
                                    QStringLiteral("pink"), QStringLiteral("orange")};
        Article stored;
        stored.title = title;
        stored.guid = QStringLiteral("test:long");
        stored.link = QStringLiteral("https://example.org/long");
        stored.published = stored.fetched = QDateTime::currentDateTimeUtc();
        stored.text = longArticleText(arabic, lastWord);
        const Result<qint64> added =
            open.storage->writer()
                .run([stored, colors](QSqlDatabase& db) -> Result<qint64> {
                    const Result<storage::UpsertResult> result = ingest::storeArticle(db, stored);
                    if (!result)
                        return Error{result.error()};
                    const Result<Article> article = storage::loadArticle(db, result->id);
                    if (!article)
                        return Error{article.error()};
                    const qsizetype length = article->text.size();
                    for (int i = 0; i < 30; ++i) {
                        qsizetype start = length * i / 30 + 17;
                        while (start < length && !article->text.at(start).isSpace())
                            ++start;
                        annotations::Highlight h;
                        h.articleId = article->id;
                        h.color = colors[i % colors.size()];
                        h.selector = text::selectorFor(article->text, start + 1, qMin(length, start + 61));
                        h.created = h.updated = QDateTime::currentDateTimeUtc();
                        if (const Result<qint64> id = annotations::insertHighlight(db, h); !id)
                            return Error{id.error()};
                    }
                    return article->id;
                })
                .result();
        QVERIFY2(added, qPrintable(added ? QString() : added.error()));
        open.storage->notifyArticlesChanged();

        // What the window had when it showed it: how much of it was laid out, and its highlights.
        int lastBlockLinesWhenShown = -1;
        qsizetype highlightsWhenShown = -1;
        qsizetype marksWhenShown = -1;
        QObject watch;
        connect(&window, &MainWindow::articleShown, &watch, [&](qint64 id) {
            if (id != *added)
                return;
            lastBlockLinesWhenShown = reader->document()->lastBlock().layout()->lineCount();
            highlightsWhenShown = window.annotations()->highlights().size();
            marksWhenShown = reader->extraSelections().size();
        });
        // The user clicks it in the list.
        models::ArticleListModel* model = window.articleModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfArticle(*added) >= 0, 10000);
        const QModelIndex row =
            model->index(model->rowOfArticle(*added), models::ArticleListModel::TitleColumn);
        window.articleView()->scrollTo(row);
        QTest::mouseClick(window.articleView()->viewport(), Qt::LeftButton, {},
                          window.articleView()->visualRect(row).center());
        QTRY_COMPARE_WITH_TIMEOUT(reader->articleId(), *added, 10000);
        const Article& article = reader->article();
        QVERIFY(article.text.size() > 60000);
        QVERIFY(article.mentions.size() >= 1000);

        // Only the top was laid out to show it, already with its highlights there (the first
        // paint has them); the rest follows without the user doing anything.
        QCOMPARE(lastBlockLinesWhenShown, 0);
        QCOMPARE(highlightsWhenShown, 30);
        QVERIFY(marksWhenShown >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(reader->document()->lastBlock().layout()->lineCount() > 0, 10000);

        // Every paragraph in its direction.
        QTextDocument* doc = reader->document();
        int paragraphs = 0;
        for (QTextBlock block = doc->findBlock(reader->textOffset()); block.isValid(); block = block.next()) {
            QCOMPARE(block.blockFormat().layoutDirection(), arabic ? Qt::RightToLeft : Qt::LeftToRight);
            ++paragraphs;
        }
        QCOMPARE(paragraphs, 350);

        // Every name, whole words, in its kind's colours and with its entity (two names in one
        // word: the first keeps it), to the last one.
        qsizetype lastEnd = -1;
        int names = 0;
        for (const StoredMention& mention : article.mentions) {
            const auto [from, to] = ReaderView::wholeWords(article.text, mention.start, mention.end);
            if (to <= from || from < lastEnd)
                continue;
            lastEnd = to;
            const names::Entity* entity = window.entityDirectory()->entity(mention.entityId);
            QVERIFY2(entity, qPrintable(mention.entityId));
            const QTextCharFormat expected = nameFormat(entity->kind, false);
            for (qsizetype i = from; i < to; ++i) {
                QTextCursor cursor(doc);
                cursor.setPosition(reader->documentPosition(i) + 1);
                const QTextCharFormat format = cursor.charFormat();
                QCOMPARE(format.property(ReaderView::EntityIdProperty).toString(), mention.entityId);
                QCOMPARE(format.foreground().color(), expected.foreground().color());
                QCOMPARE(format.background().color(), expected.background().color());
            }
            QCOMPARE(reader->entityAt(reader->documentPosition(from)), mention.entityId);
            ++names;
        }
        QVERIFY(names >= 1000);
        // ...and the text between them plain.
        QTextCursor plain(doc);
        plain.setPosition(reader->documentPosition(article.text.lastIndexOf(lastWord)) + 2);
        QVERIFY(!plain.charFormat().hasProperty(ReaderView::EntityIdProperty));
        QVERIFY(!plain.charFormat().background().isOpaque());

        // Every highlight drawn over its own text in its colour, the last ones too.
        QTRY_COMPARE_WITH_TIMEOUT(window.annotations()->highlights().size(), 30, 10000);
        const QList<annotations::Highlight> highlights = window.annotations()->highlights();
        const auto drawn = [&](const annotations::Highlight& h) {
            const int start = reader->documentPosition(h.selector.start);
            const int end = reader->documentPosition(h.selector.end);
            const QList<QTextEdit::ExtraSelection> selections = reader->extraSelections();
            return std::any_of(
                selections.cbegin(), selections.cend(), [&](const QTextEdit::ExtraSelection& s) {
                    return s.cursor.selectionStart() == start && s.cursor.selectionEnd() == end &&
                           s.format.background().color() == highlightColor(h.color, false);
                });
        };
        for (const annotations::Highlight& h : highlights) {
            QVERIFY(!h.orphaned);
            QTRY_VERIFY2(drawn(h), qPrintable(h.selector.quote));
            QCOMPARE(reader->highlightAt(reader->documentPosition(h.selector.start + 1)), h.id);
        }
        QCOMPARE(reader->extraSelections().size(), 30);

        // Scrolled down to the last highlight, it is painted there in its colour.
        const annotations::Highlight last =
            *std::max_element(highlights.cbegin(), highlights.cend(), [](const auto& a, const auto& b) {
                return a.selector.start < b.selector.start;
            });
        QVERIFY(last.selector.start > article.text.size() * 9 / 10);
        QTextCursor at(doc);
        at.setPosition(reader->documentPosition((last.selector.start + last.selector.end) / 2));
        reader->setTextCursor(at);
        reader->ensureCursorVisible();
        QTest::qWait(100);
        const QRect caret = reader->cursorRect(at);
        QVERIFY(reader->viewport()->rect().contains(caret.center()));
        const QImage shown = reader->viewport()->grab().toImage();
        QVERIFY2(pixelsOfColor(shown, caret.center().y(), highlightColor(last.color, false)) > 20,
                 qPrintable(last.color));
        QVERIFY(
            window.grab().save(test::screenshotPath(arabic ? QStringLiteral("reader-long-article-ar.png")
                                                           : QStringLiteral("reader-long-article-en.png"))));

        // A word of the last paragraph: double-clicked, it is selected, and the selection maps
        // back to the article's text (where a note or highlight would anchor).
        const qsizetype wordAt = article.text.lastIndexOf(lastWord);
        test::doubleClickWord(reader, lastWord, wordAt);
        // ...and the button goes up (QTest's double click leaves it down, which later tests'
        // hovering would inherit).
        QTextCursor clicked(doc);
        clicked.setPosition(reader->documentPosition(wordAt + 1));
        QTest::mouseRelease(reader->viewport(), Qt::LeftButton, {}, reader->cursorRect(clicked).center());
        QCOMPARE(reader->textCursor().selectedText(), lastWord);
        QVERIFY(reader->selectedTextRange() == std::optional(std::pair{wordAt, wordAt + lastWord.size()}));

        // Ctrl+F finds it from the top, and the reader shows it.
        reader->verticalScrollBar()->setValue(0);
        reader->setTextCursor(QTextCursor(doc));
        reader->setFocus();
        QTest::keyClick(reader, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(reader->findBar()->field()->hasFocus());
        for (const QChar c : lastWord) {
            QKeyEvent press(QEvent::KeyPress, c.unicode(), Qt::NoModifier, QString(c));
            QKeyEvent release(QEvent::KeyRelease, c.unicode(), Qt::NoModifier, QString(c));
            QApplication::sendEvent(reader->findBar()->field(), &press);
            QApplication::sendEvent(reader->findBar()->field(), &release);
        }
        QCOMPARE(reader->findBar()->matchCount(), 1);
        QCOMPARE(reader->textCursor().selectedText(), lastWord);
        QVERIFY(reader->viewport()->rect().contains(reader->cursorRect().center()));
        QTest::keyClick(reader->findBar()->field(), Qt::Key_Escape);
    }

    void clickingANameFiltersTheFeed() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("click.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        ReaderView* reader = window.reader();
        const qsizetype at = reader->article().text.indexOf(QStringLiteral("Erbil"));
        QVERIFY(at >= 0);
        QTextCursor cursor(reader->document());
        cursor.setPosition(reader->documentPosition(at) + 2);
        reader->setTextCursor(cursor);
        reader->ensureCursorVisible();
        const QPoint point = reader->cursorRect(cursor).center();
        // Hovering shows the entity's card.
        QTest::mouseMove(reader->viewport(), point);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("أربيل")), qPrintable(QToolTip::text()));
        QSignalSpy activated(reader, &ReaderView::entityActivated);
        QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(activated.count(), 1);
        const QString erbil = activated.first().first().toString();
        QVERIFY(window.entityDirectory()->entity(erbil));
        QCOMPARE(window.entityDirectory()->entity(erbil)->kind, names::EntityKind::Place);
        const ArticleFilter filter = window.articleModel()->filter();
        QCOMPARE(filter.entityGroups.size(), 1);
        QVERIFY(filter.entityGroups.first().contains(erbil));
        // The hover card names the entity in both scripts.
        const QString card = window.entityDirectory()->cardHtml(erbil);
        QVERIFY(card.contains(QStringLiteral("Erbil")));
        QVERIFY(card.contains(QStringLiteral("أربيل")));
        QTRY_VERIFY(window.entityDirectory()->articleCount(erbil) >= 2);
    }

    void arabicArticleRightToLeft() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("arabic.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("الكاظمي يستقبل")));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        ReaderView* reader = window.reader();
        QTextDocument* doc = reader->document();
        int rtlBlocks = 0;
        for (QTextBlock block = doc->findBlock(reader->textOffset()); block.isValid(); block = block.next()) {
            if (block.text().trimmed().isEmpty())
                continue;
            QCOMPARE(block.blockFormat().layoutDirection(), Qt::RightToLeft);
            QVERIFY(block.blockFormat().alignment() & Qt::AlignRight);
            // Laid out from the right: the first line ends at the right margin.
            const QTextLine line = block.layout()->lineAt(0);
            const QRectF rect = doc->documentLayout()->blockBoundingRect(block);
            QVERIFY2(
                line.naturalTextRect().right() > rect.width() - 40,
                qPrintable(QStringLiteral("%1 / %2").arg(line.naturalTextRect().right()).arg(rect.width())));
            ++rtlBlocks;
        }
        QVERIFY(rtlBlocks >= 4);
        // وأربيل: the clitic shares the name's format, so the word keeps joining.
        const Article& article = reader->article();
        bool sawClitic = false;
        for (const StoredMention& mention : article.mentions) {
            const auto [from, to] = ReaderView::wholeWords(article.text, mention.start, mention.end);
            if (from == mention.start)
                continue;
            sawClitic = true;
            QTextCursor cursor(doc);
            cursor.setPosition(reader->documentPosition(from) + 1);
            QCOMPARE(cursor.charFormat().property(ReaderView::EntityIdProperty).toString(), mention.entityId);
        }
        QVERIFY(sawClitic);
        QTest::qWait(200);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("reader-arabic.png"))));
    }

    void darkTheme() {
        QTemporaryDir dir;
        AppSettings::applyTheme(AppSettings::Theme::Dark);
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("dark.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        QVERIFY(test::showArticleTitled(window, QStringLiteral("Al-Kazemi")));
        QTRY_VERIFY_WITH_TIMEOUT(window.entityDirectory()->isReady(), 20000);
        ReaderView* reader = window.reader();
        QVERIFY(isDarkPalette(reader->palette()));
        const StoredMention& mention = reader->article().mentions.first();
        const names::Entity* entity = window.entityDirectory()->entity(mention.entityId);
        QTextCursor cursor(reader->document());
        cursor.setPosition(reader->documentPosition(mention.start) + 1);
        QCOMPARE(cursor.charFormat().foreground().color(), nameColor(entity->kind, true));
        QVERIFY(nameColor(entity->kind, true) != nameColor(entity->kind, false));
        QTest::qWait(200);
        QVERIFY(window.grab().save(test::screenshotPath(QStringLiteral("dark-theme.png"))));
        AppSettings::applyTheme(AppSettings::Theme::System);
    }

    void zoomAndRawSource() {
        QTemporaryDir dir;
        test::OpenWindow open = test::openWindow(dir.filePath(QStringLiteral("zoom.sqlite")));
        QVERIFY(open.window);
        MainWindow& window = *open.window;
        ReaderView* reader = window.reader();
        const qreal before = reader->document()->defaultFont().pointSizeF();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        reader->setFocus();
        QTest::keyClick(reader, Qt::Key_Plus, Qt::ControlModifier);
        QTest::keyClick(reader, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(reader->zoom(), 2);
        QCOMPARE(reader->document()->defaultFont().pointSizeF(), before + 2);
        QTest::keyClick(reader, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(reader->zoom(), 0);
    }

    // Remote images stay blocked until the user allows them for the feed.
    void remoteImagesBlockedUntilAllowed() {
        ReaderView reader;
        reader.resize(800, 600);
        Article article;
        article.id = 7;
        article.feedId = 3;
        article.title = QStringLiteral("Sinjar agreement");
        article.text = QStringLiteral("Baghdad and Erbil signed an agreement on Sinjar.");
        // As a feed that does not allow remote content stores it: the images are left out of the
        // html and listed beside it.
        const content::SanitizedHtml clean = content::sanitizeHtml(
            QStringLiteral("<p>Baghdad and Erbil signed.</p><img src=\"http://127.0.0.1:9/sinjar.jpg\">"
                           "<img src='https://127.0.0.1:9/tracker.gif' width=1>"));
        article.html = clean.html;
        article.remoteImages = clean.remoteImages;
        reader.showArticle(article, QStringLiteral("Shafaq News"));
        QCOMPARE(reader.remoteImageCount(), 2);
        QVERIFY(!reader.remoteContentAllowed());
        QVERIFY(reader.toPlainText().contains(QStringLiteral("2 remote image")));
        QVERIFY(reader.toPlainText().contains(QStringLiteral("Load remote images for this feed")));
        QVERIFY(!reader.toHtml().contains(QStringLiteral("sinjar.jpg"))); // nothing asks for it
        QSignalSpy requested(&reader, &ReaderView::remoteContentRequested);
        emit reader.anchorClicked(QUrl(QStringLiteral("mirsad:allow-remote")));
        QCOMPARE(requested.count(), 1);
        reader.setRemoteContentAllowed(true);
        QVERIFY(!reader.toPlainText().contains(QStringLiteral("blocked")));
        QVERIFY(reader.toHtml().contains(QStringLiteral("sinjar.jpg")));
        // The text keeps its offsets whatever is shown above it.
        QCOMPARE(reader.textIndex(reader.documentPosition(10)), 10);
    }

    // Nothing an article names reaches a resource but its remote images, once allowed: no local
    // file, no resource of the program, not even from rows that never passed the sanitiser (a
    // colleague's on a team server). No request leaves before the user allows remote content.
    void articlesReachNoLocalResource() {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("secret.png"));
        QImage secret(8, 8, QImage::Format_RGB32);
        secret.fill(Qt::red);
        QVERIFY(secret.save(local));
        LoopbackHttpServer server;
        QVERIFY(server.start());
        LoopbackHttpServer::Route png;
        png.contentType = "image/png";
        {
            QBuffer buffer(&png.body);
            buffer.open(QIODevice::WriteOnly);
            secret.save(&buffer, "PNG");
        }
        server.setRoute("/image.png", png);

        ReaderView reader;
        reader.resize(800, 600);
        Article article;
        article.id = 8;
        article.feedId = 3;
        article.title = QStringLiteral("Crafted row");
        article.text = QStringLiteral("An article whose images were written straight into the database.");
        const QUrl file = QUrl::fromLocalFile(local);
        const QUrl remote = server.url(QStringLiteral("/image.png"));
        article.remoteImages = {file.toString(), QStringLiteral("qrc:/icons/mirsad.svg"), local,
                                remote.toString()};
        reader.showArticle(article, QStringLiteral("Team"));
        QCOMPARE(reader.remoteImageCount(), 1); // only the web image is the article's to show
        QTest::qWait(300);
        QCOMPARE(server.requests().size(), 0); // blocked: nothing asked for
        reader.setRemoteContentAllowed(true);
        QTRY_COMPARE(server.requests().size(), 1);
        for (const QUrl& url : {file, QUrl(QStringLiteral("qrc:/icons/mirsad.svg")), QUrl(local)})
            QVERIFY2(!reader.document()->resource(QTextDocument::ImageResource, url).isValid(),
                     qPrintable(url.toString()));
        QTRY_VERIFY(reader.document()->resource(QTextDocument::ImageResource, remote).isValid());
        // No image of the document is named by anything but its web address.
        for (QTextBlock block = reader.document()->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (const QTextCharFormat format = it.fragment().charFormat(); format.isImageFormat())
                    QCOMPARE(format.toImageFormat().name(), remote.toString());
        // The same local file as a style sheet is refused too.
        QVERIFY(!reader.document()->resource(QTextDocument::StyleSheetResource, file).isValid());
    }

    // A click opens web and mail links outside; file:, javascript: and the rest are refused, and
    // the window says so.
    void onlyWebAndMailLinksOpen() {
        ReaderView reader;
        QSignalSpy refused(&reader, &ReaderView::linkRefused);
        const QStringList schemes{QStringLiteral("http"),       QStringLiteral("https"),
                                  QStringLiteral("mailto"),     QStringLiteral("file"),
                                  QStringLiteral("javascript"), QStringLiteral("data"),
                                  QStringLiteral("ftp"),        QStringLiteral("smb")};
        UrlRecorder recorder;
        for (const QString& scheme : schemes)
            QDesktopServices::setUrlHandler(scheme, &recorder, "open");
        for (const QString& link :
             {QStringLiteral("https://www.rudaw.net/a"), QStringLiteral("mailto:desk@example.org"),
              QStringLiteral("file:///etc/passwd"), QStringLiteral("javascript:alert(1)"),
              QStringLiteral("data:text/html,<script>alert(1)</script>"),
              QStringLiteral("ftp://example.org/x"), QStringLiteral("smb://server/share")})
            emit reader.anchorClicked(QUrl(link));
        for (const QString& scheme : schemes)
            QDesktopServices::unsetUrlHandler(scheme);
        QCOMPARE(recorder.opened, (QList<QUrl>{QUrl(QStringLiteral("https://www.rudaw.net/a")),
                                               QUrl(QStringLiteral("mailto:desk@example.org"))}));
        QCOMPARE(refused.count(), 5);
    }

    // A note's preview (a colleague's shared note among them) follows the same rule: it opens no
    // link itself, and only web and mail links go to the desktop.
    void notePreviewOpensOnlyWebAndMailLinks() {
        MarkdownPreview preview;
        preview.showMarkdown(
            u"[map](file:///etc/passwd) [run](javascript:alert(1)) [report](https://www.rudaw.net/r)"_s);
        const QString shown = preview.toPlainText();
        QVERIFY(!preview.openLinks());
        QVERIFY(!preview.openExternalLinks());
        UrlRecorder recorder;
        for (const QString& scheme : {u"https"_s, u"file"_s, u"javascript"_s})
            QDesktopServices::setUrlHandler(scheme, &recorder, "open");
        for (const QString& link :
             {u"file:///etc/passwd"_s, u"javascript:alert(1)"_s, u"https://www.rudaw.net/r"_s})
            emit preview.anchorClicked(QUrl(link));
        for (const QString& scheme : {u"https"_s, u"file"_s, u"javascript"_s})
            QDesktopServices::unsetUrlHandler(scheme);
        QCOMPARE(recorder.opened, QList<QUrl>{QUrl(u"https://www.rudaw.net/r"_s)});
        QCOMPARE(preview.toPlainText(), shown); // the preview did not go to the file
    }

    void rawSourceIsHighlightedHtml() {
        RawSourceView view(QStringLiteral("Title"), QStringLiteral("<p class=\"lead\">Erbil</p>"), true);
        QVERIFY(view.editor()->document()->findChild<KSyntaxHighlighting::SyntaxHighlighter*>());
        QVERIFY(view.editor()->isReadOnly());
        view.show();
        QTest::qWait(50);
        // The tag is coloured differently from the text between tags.
        const QTextBlock block = view.editor()->document()->firstBlock();
        QVERIFY(block.layout()->formats().size() >= 2);
    }

    void settingsDialogSavesPreferences() {
        SettingsDialog dialog;
        QCOMPARE(dialog.arabicFontBox()->writingSystem(), QFontDatabase::Arabic);
        dialog.authorEdit()->clear();
        QTest::keyClicks(dialog.authorEdit(), QStringLiteral("Layla"));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(AppSettings::Theme::Dark)));
        dialog.save();
        QCOMPARE(AppSettings::author(), QStringLiteral("Layla"));
        QCOMPARE(AppSettings::theme(), AppSettings::Theme::Dark);
        QCOMPARE(AppSettings::arabicFont().family(), dialog.arabicFontBox()->currentFont().family());
        AppSettings::setTheme(AppSettings::Theme::System);
        AppSettings::setAuthor(QString());
        QVERIFY(!AppSettings::author().isEmpty()); // the login name
    }
};

QTEST_MAIN(TestReader)
#include "tst_reader.moc"
