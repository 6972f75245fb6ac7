#include "search/ArabicClitics.h"

#include <algorithm>
#include <string_view>

namespace mirsad::search {

namespace {

constexpr char16_t kWaw = u'\u0648';  // و and
constexpr char16_t kFa = u'\u0641';   // ف so, then
constexpr char16_t kBa = u'\u0628';   // ب in, with
constexpr char16_t kLam = u'\u0644';  // ل to, for
constexpr char16_t kKaf = u'\u0643';  // ك like
constexpr char16_t kAlef = u'\u0627'; // ا of the article ال

// Every sequence of the grammar above, folded; ل + ال is لل.
constexpr std::u16string_view kCliticSequences[] = {
    u"و",  u"ف",  u"ب",  u"ل",  u"ك",  u"ال",   u"وال",  u"فال",  u"بال",  u"كال", u"لل", u"وب",
    u"فب", u"ول", u"فل", u"وك", u"فك", u"وبال", u"فبال", u"وكال", u"فكال", u"ولل", u"فلل"};

} // namespace

QStringList cliticForms(QStringView base) {
    QStringList forms;
    for (std::u16string_view clitics : kCliticSequences)
        forms << QString::fromUtf16(clitics.data(), qsizetype(clitics.size())).append(base);
    return forms;
}

bool isArabicWord(QStringView word) {
    if (word.isEmpty())
        return false;
    const char16_t c = word.front().unicode();
    return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FF);
}

QList<qsizetype> cliticSplits(QStringView word, CliticSide side) {
    QList<qsizetype> splits{0};
    if (!isArabicWord(word))
        return splits;
    const auto add = [&](qsizetype at, qsizetype minimum) {
        if (word.size() - at >= minimum && !splits.contains(at))
            splits << at;
    };
    const auto at = [&](qsizetype i) { return i < word.size() ? word[i].unicode() : char16_t(0); };
    // The conjunction.
    qsizetype conjunctions[2] = {0, -1};
    if (at(0) == kWaw || (at(0) == kFa && side == CliticSide::Index))
        conjunctions[1] = 1;
    // ف is still a conjunction in front of a preposition or the article (فبال، فال).
    else if (at(0) == kFa)
        conjunctions[1] = -2;
    for (qsizetype c : conjunctions) {
        if (c == -1)
            continue;
        const bool bareFa = c == -2;
        const qsizetype start = bareFa ? 1 : c;
        if (!bareFa && start > 0)
            add(start, kMinimumStem);
        // The preposition; ل with the article is لل.
        qsizetype afterPreposition = start;
        const char16_t p = at(start);
        if (p == kLam && at(start + 1) == kLam) {
            add(start + 2, 2); // لل + stem: ل + ال
        }
        if (p == kBa || p == kLam || p == kKaf) {
            afterPreposition = start + 1;
            // Typed, a bare preposition needs a longer word after it: كتاب is not ك + تاب.
            add(afterPreposition, side == CliticSide::Query && start == 0 ? kMinimumStem + 1 : kMinimumStem);
        }
        // The article, after a preposition or not.
        for (qsizetype a : {start, afterPreposition}) {
            if (at(a) == kAlef && at(a + 1) == kLam)
                add(a + 2, 2);
        }
    }
    std::sort(splits.begin(), splits.end());
    return splits;
}

} // namespace mirsad::search
