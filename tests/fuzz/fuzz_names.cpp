// The name matcher on any UTF-8, with the shipped gazetteer: mentions lie inside the text, in
// order, without overlap, name a known entity, and end where a word ends; they start where a
// word starts or, in Arabic, after the clitics (و ف ب ك ل ...) of the word they start in.

#include "FuzzCheck.h"
#include "names/NameMatcher.h"
#include "names/WordTokenizer.h"

#include <QSet>
#include <algorithm>

using namespace mirsad;
using namespace mirsad::names;
using namespace Qt::StringLiterals;

namespace {

const NameMatcher& matcher() {
    static const NameMatcher built = [] {
        Result<Gazetteer> gazetteer = Gazetteer::builtin();
        FUZZ_CHECK(gazetteer.ok(), gazetteer.error());
        return NameMatcher(*gazetteer);
    }();
    return built;
}

bool isClitic(QChar c) {
    static const QString clitics = u"وفبكلا"_s;
    return clitics.contains(c) || c.category() == QChar::Mark_NonSpacing;
}

} // namespace

// Built before the first input, which libFuzzer would otherwise time out on.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    matcher();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));
    const QList<Mention> mentions = matcher().match(text);

    QList<Word> words;
    WordTokenizer tokenizer(text);
    for (Word word; tokenizer.next(word);)
        words.append(word);
    QSet<qsizetype> wordEnds;
    for (const Word& word : std::as_const(words))
        wordEnds.insert(word.end);

    qsizetype previousEnd = 0;
    for (const Mention& mention : mentions) {
        const QString detail = mention.entityId + u' ' + QString::number(mention.start) + u'-' +
                               QString::number(mention.end) + u'\n' + text;
        FUZZ_CHECK(0 <= mention.start && mention.start < mention.end && mention.end <= text.size(), detail);
        FUZZ_CHECK(mention.start >= previousEnd, detail);
        previousEnd = mention.end;
        FUZZ_CHECK(mention.surface == text.mid(mention.start, mention.end - mention.start), detail);
        FUZZ_CHECK(matcher().gazetteer().entity(mention.entityId) != nullptr, detail);
        FUZZ_CHECK(wordEnds.contains(mention.end), detail);
        bool startsWell = false;
        for (const Word& word : std::as_const(words)) {
            if (word.start == mention.start) {
                startsWell = true;
                break;
            }
            if (word.start < mention.start && mention.start < word.end &&
                word.script == Word::Script::Arabic) {
                const QStringView clitics = QStringView(text).sliced(word.start, mention.start - word.start);
                startsWell = std::all_of(clitics.begin(), clitics.end(), isClitic);
                break;
            }
        }
        FUZZ_CHECK(startsWell, detail);
    }
    return 0;
}
