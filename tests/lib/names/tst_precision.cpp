#include "TestSupport.h"
#include "names/Gazetteer.h"
#include "names/NameMatcher.h"

using namespace mirsad;
using namespace mirsad::names;

namespace {

// One expected mention: its span in the paragraph and the entity. An entity written "?id" is
// acceptable either way: untagged costs nothing (the name is ambiguous), but another entity
// there is a false identity.
struct Expected {
    qsizetype start = 0;
    qsizetype end = 0;
    QString entity;
    bool optional = false;
};

struct Paragraph {
    QString text;
    QList<Expected> expected;
};

// corpus.txt: paragraphs separated by blank lines. expected.tsv: "paragraph <TAB> surface <TAB>
// entity", in the order the surfaces appear in their paragraph; "#" starts a comment.
Result<QList<Paragraph>> loadCorpus() {
    const QString corpus =
        QString::fromUtf8(test::readFile(test::dataPath(QStringLiteral("names/corpus.txt"))));
    QList<Paragraph> paragraphs;
    for (const QString& text : corpus.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        paragraphs.append({text.trimmed(), {}});
    if (paragraphs.isEmpty())
        return Error{QStringLiteral("corpus.txt is missing or empty")};
    const QString tsv =
        QString::fromUtf8(test::readFile(test::dataPath(QStringLiteral("names/expected.tsv"))));
    QList<qsizetype> cursor(paragraphs.size(), 0);
    int lineNumber = 0;
    for (const QString& line : tsv.split(u'\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t');
        const int index = fields.value(0).toInt() - 1;
        if (fields.size() != 3 || index < 0 || index >= paragraphs.size())
            return Error{
                QStringLiteral("expected.tsv:%1: expected paragraph, surface, entity").arg(lineNumber)};
        Paragraph& paragraph = paragraphs[index];
        const qsizetype at = paragraph.text.indexOf(fields[1], cursor[index]);
        if (at < 0)
            return Error{
                QStringLiteral("expected.tsv:%1: \"%2\" is not in paragraph %3 after the previous one")
                    .arg(lineNumber)
                    .arg(fields[1])
                    .arg(index + 1)};
        cursor[index] = at + fields[1].size();
        const bool optional = fields[2].startsWith(u'?');
        paragraph.expected.append(
            {at, at + fields[1].size(), optional ? fields[2].mid(1) : fields[2], optional});
    }
    return paragraphs;
}

} // namespace

class TestPrecision : public QObject {
    Q_OBJECT
private slots:
    // Precision and recall of the shipped gazetteer on a small corpus of Iraqi and Kurdish news
    // written for this test, in English and Arabic, with the traps the matcher must avoid.
    void precisionAndRecallOnNews() {
        Result<QList<Paragraph>> corpus = loadCorpus();
        QVERIFY2(corpus, qPrintable(corpus.error()));
        Result<Gazetteer> gazetteer = Gazetteer::builtin();
        QVERIFY2(gazetteer, qPrintable(gazetteer.error()));
        const NameMatcher matcher(*gazetteer);

        int expectedCount = 0, found = 0, correct = 0, falseIdentities = 0, spurious = 0;
        QStringList problems;
        for (qsizetype p = 0; p < corpus->size(); ++p) {
            const Paragraph& paragraph = corpus->at(p);
            const QList<Mention> mentions = matcher.match(paragraph.text);
            for (const Expected& e : paragraph.expected)
                expectedCount += e.optional ? 0 : 1;
            QSet<qsizetype> hit;
            for (const Mention& m : mentions) {
                QCOMPARE(m.surface, paragraph.text.mid(m.start, m.end - m.start));
                ++found;
                const auto same =
                    std::find_if(paragraph.expected.begin(), paragraph.expected.end(),
                                 [&](const Expected& e) { return e.start < m.end && m.start < e.end; });
                if (same == paragraph.expected.end()) {
                    ++spurious;
                    problems
                        << QStringLiteral("%1: spurious \"%2\" → %3").arg(p + 1).arg(m.surface, m.entityId);
                } else if (same->entity != m.entityId) {
                    ++falseIdentities;
                    problems << QStringLiteral("%1: \"%2\" → %3, expected %4")
                                    .arg(p + 1)
                                    .arg(m.surface, m.entityId, same->entity);
                } else if (same->start != m.start || same->end != m.end) {
                    problems << QStringLiteral("%1: \"%2\" has the wrong span (expected \"%3\")")
                                    .arg(p + 1)
                                    .arg(m.surface, paragraph.text.mid(same->start, same->end - same->start));
                } else {
                    hit.insert(same - paragraph.expected.begin());
                    correct += same->optional ? 0 : 1;
                    if (same->optional)
                        --found; // neither counted for nor against
                }
            }
            for (qsizetype i = 0; i < paragraph.expected.size(); ++i) {
                const Expected& e = paragraph.expected[i];
                if (!hit.contains(i) && !e.optional)
                    problems << QStringLiteral("%1: missed \"%2\" (%3)")
                                    .arg(p + 1)
                                    .arg(paragraph.text.mid(e.start, e.end - e.start), e.entity);
            }
        }
        const double precision = found ? double(correct) / found : 0;
        const double recall = expectedCount ? double(correct) / expectedCount : 0;
        qInfo("%d expected mentions, %d found, %d correct: precision %.3f, recall %.3f; %d false identities, "
              "%d "
              "spurious",
              expectedCount, found, correct, precision, recall, falseIdentities, spurious);
        for (const QString& problem : std::as_const(problems))
            qInfo("  %s", qPrintable(problem));
        QVERIFY(expectedCount > 100);
        QCOMPARE(falseIdentities, 0);
        QCOMPARE(spurious, 0);
        QVERIFY2(precision >= 0.98, qPrintable(QString::number(precision)));
        QVERIFY2(recall >= 0.9, qPrintable(QString::number(recall)));
    }
};

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
