#include "names/NameTrie.h"

#include "names/Gazetteer.h"
#include "names/LatinSkeleton.h"
#include "text/TextNormalizer.h"

#include <QSet>
#include <algorithm>

namespace mirsad::names {

namespace {

// English words that are also Iraqi place names, or close enough through the skeleton
// ("ballad" → balad). Their Latin names get Guard::CommonLatin.
const QSet<QString>& commonLatinWords() {
    static const QSet<QString> words{
        QStringLiteral("hit"),   QStringLiteral("kut"),     QStringLiteral("faw"),    QStringLiteral("balad"),
        QStringLiteral("amara"), QStringLiteral("ur"),      QStringLiteral("dora"),   QStringLiteral("ana"),
        QStringLiteral("ain"),   QStringLiteral("tal"),     QStringLiteral("tel"),    QStringLiteral("hay"),
        QStringLiteral("bay"),   QStringLiteral("ram"),     QStringLiteral("alam"),   QStringLiteral("door"),
        QStringLiteral("nasr"),  QStringLiteral("victory"), QStringLiteral("wisdom"), QStringLiteral("hope")};
    return words;
}

// English words that start names of parties, forces and offices ("New Generation", "State of
// Law", "Progress Party"): such a name needs all its capitals, or "a new generation" would match.
// A name that starts with a proper name ("Kurdistan Region") may be written "Kurdistan region".
const QSet<QString>& commonFirstWords() {
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const auto* w : {"new",           "state",          "progress",    "popular",     "national",
                              "islamic",       "united",         "people",      "peoples",     "federal",
                              "grand",         "great",          "north",       "south",       "east",
                              "west",          "republic",       "supreme",     "democratic",  "global",
                              "international", "golden",         "rapid",       "counter",     "oil",
                              "peace",         "reconstruction", "victory",     "change",      "reform",
                              "council",       "office",         "league",      "parliament",  "ministry",
                              "president",     "presidency",     "department",  "association", "king",
                              "kingdom",       "camp",           "lake",        "mount",       "green",
                              "high",          "higher",         "independent", "free",        "future",
                              "justice",       "unity",          "sovereignty", "civil",       "central",
                              "general",       "special",        "joint",       "security",    "coordination",
                              "alliance",      "front",          "movement",    "party",       "army",
                              "social",        "tribal",         "shrine",      "the",         "hope",
                              "wisdom",        "alliance",       "conquest",    "badr",        "emergency",
                              "border",        "interior",       "defence",     "defense",     "foreign",
                              "election",      "electoral",      "human",       "rights"})
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words;
}

// Arabic place and party names that are common words; written as in the text, folded on use.
const QStringList& commonArabicWords() {
    static const QStringList words{
        QStringLiteral("بلد"),     QStringLiteral("حديثة"),  QStringLiteral("العمارة"),
        QStringLiteral("الدور"),   QStringLiteral("العلم"),  QStringLiteral("القائم"),
        QStringLiteral("الكرمة"),  QStringLiteral("الرطبة"), QStringLiteral("الفتح"),
        QStringLiteral("النصر"),   QStringLiteral("الحكمة"), QStringLiteral("سائرون"),
        QStringLiteral("الخالص"),  QStringLiteral("الحضر"),  QStringLiteral("الامل"),
        QStringLiteral("تقدم"),    QStringLiteral("عزم"),    QStringLiteral("هيت"),
        QStringLiteral("الاحرار"), QStringLiteral("الوطنية")};
    return words;
}

// Words that announce a place or a party: a CommonArabic name right after one is meant as a name.
const QStringList& cueWords() {
    static const QStringList words{
        QStringLiteral("مدينة"),  QStringLiteral("قضاء"),  QStringLiteral("ناحية"), QStringLiteral("بلدة"),
        QStringLiteral("محافظة"), QStringLiteral("منطقة"), QStringLiteral("قرية"),  QStringLiteral("حي"),
        QStringLiteral("مدينتي"), QStringLiteral("قضائي"), QStringLiteral("تحالف"), QStringLiteral("ائتلاف"),
        QStringLiteral("تيار"),   QStringLiteral("حزب"),   QStringLiteral("كتلة"),  QStringLiteral("حركة"),
        QStringLiteral("قائمة"),  QStringLiteral("جبهة"),  QStringLiteral("مشروع"), QStringLiteral("قوات")};
    return words;
}

struct FormWords {
    QList<QString> keys; // key strings, articles removed
    QString lastFolded;  // the folded form of the only word, when there is one
    QString firstFolded; // the folded form of the first word
    bool latin = false;
    bool allCaps = false;
    quint32 capitals = 0; // bit k: the k-th key word is capitalised in the form
};

// Splits a name as the scanner splits text, so both sides meet.
FormWords wordsOfForm(QStringView form) {
    FormWords result;
    WordTokenizer tokenizer(form);
    Word word;
    bool hasArabic = false;
    while (tokenizer.next(word)) {
        if (word.truncated)
            return {};
        if (word.isLatinArticle())
            continue;
        hasArabic = hasArabic || word.script == Word::Script::Arabic;
        if (result.keys.size() < 32 && form[word.start].isUpper())
            result.capitals |= quint32(1) << result.keys.size();
        result.keys.append(NameTrie::keyString(word));
        result.lastFolded = word.folded().toString();
        if (result.firstFolded.isEmpty())
            result.firstFolded = result.lastFolded;
    }
    result.latin = !hasArabic;
    result.allCaps = std::none_of(form.begin(), form.end(), [](QChar c) { return c.isLower(); });
    return result;
}

} // namespace

QString NameTrie::keyString(const Word& word) {
    if (word.script != Word::Script::Latin)
        return word.folded().toString();
    char16_t skeleton[Word::kMaxUnits];
    const int n = latinSkeleton(word.folded(), skeleton);
    return QString(reinterpret_cast<const QChar*>(skeleton), n);
}

int32_t NameTrie::keyOf(const Word& word) const {
    if (word.truncated)
        return kNone;
    if (word.script != Word::Script::Latin)
        return m_words.find(word.folded());
    if (word.isLatinArticle())
        return kArticle;
    char16_t skeleton[Word::kMaxUnits];
    const int n = latinSkeleton(word.folded(), skeleton);
    return m_words.find(QStringView(skeleton, n));
}

void NameTrie::build(const Gazetteer& gazetteer) {
    m_rootSteps.clear(); // child() reads m_edges alone while the trie grows
    const QList<Entity>& entities = gazetteer.entities();
    m_entityKeyStrings.assign(static_cast<std::size_t>(entities.size()), {});
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const Entity& e = entities[i];
        QStringList forms{e.name, e.nameAr};
        forms += e.aliases;
        for (const QString& form : std::as_const(forms)) {
            if (form.trimmed().isEmpty())
                continue;
            addName(static_cast<int32_t>(i), form);
            // "Ba'ath" is also written "Baath": the apostrophe, a space to the folding, may vanish.
            static const QString apostrophes = QStringLiteral("'\u2019\u02BC\u2018`");
            if (std::any_of(form.begin(), form.end(), [](QChar c) { return apostrophes.contains(c); })) {
                QString joined = form;
                joined.removeIf([](QChar c) { return apostrophes.contains(c); });
                addName(static_cast<int32_t>(i), joined);
            }
        }
    }
    m_entries.clear();
    m_entryBegin.assign(1, 0);
    for (const auto& list : m_entryLists) {
        m_entries.insert(m_entries.end(), list.begin(), list.end());
        m_entries.back().last = true;
        m_entryBegin.push_back(static_cast<uint32_t>(m_entries.size()));
    }
    m_entryLists = {};
    for (Edge& edge : m_edges) {
        if (edge.key == kEmptyEdge)
            continue;
        const int32_t list = m_terminal[static_cast<std::size_t>(edge.child)];
        edge.entries = list < 0 ? kNone : static_cast<int32_t>(m_entryBegin[static_cast<std::size_t>(list)]);
    }

    std::vector<int32_t> cues;
    for (const QString& cue : cueWords())
        cues.push_back(m_words.insert(text::normalizeForSearch(cue)));
    m_cue.assign(static_cast<std::size_t>(m_words.size()), 0);
    for (int32_t id : cues)
        m_cue[static_cast<std::size_t>(id)] = 1;

    HugePageVector<Step> rootSteps(static_cast<std::size_t>(m_words.size()));
    for (const Edge& edge : m_edges) {
        if (edge.key != kEmptyEdge && (edge.key >> 32) == static_cast<uint64_t>(kRoot))
            rootSteps[static_cast<std::size_t>(edge.key & 0xFFFFFFFFu)] = {edge.child, edge.entries};
    }
    m_rootSteps = std::move(rootSteps);
}

void NameTrie::addName(int32_t entity, const QString& form) {
    const FormWords words = wordsOfForm(form);
    if (words.keys.isEmpty())
        return;
    int32_t node = kRoot;
    for (const QString& key : words.keys)
        node = addChild(node, m_words.insert(key));
    m_maxNameWords = std::max(m_maxNameWords, static_cast<int>(words.keys.size()));

    NameEntry entry{entity, Guard::None, false, -1};
    const bool single = words.keys.size() == 1;
    if (words.latin) {
        entry.guard = Guard::Capitalised;
        // "federal government" may be written in lower case, "Erbil" may not.
        entry.capitals =
            single || !commonFirstWords().contains(words.firstFolded) ? words.capitals & 1 : words.capitals;
        if (single)
            entry.capitals = 1;
        if (single && words.allCaps && words.lastFolded.size() <= 3) {
            entry.guard = Guard::Acronym;
        } else if (single &&
                   (words.lastFolded.size() <= 3 || commonLatinWords().contains(words.lastFolded))) {
            entry.guard = Guard::CommonLatin;
            entry.exactWord = m_words.insert(words.lastFolded);
        }
    } else if (single) {
        static const QSet<QString> commonArabic = [] {
            QSet<QString> folded;
            for (const QString& w : commonArabicWords())
                folded.insert(text::normalizeForSearch(w));
            return folded;
        }();
        if (commonArabic.contains(words.lastFolded))
            entry.guard = Guard::CommonArabic;
    }
    addEntry(node, entry);
    QStringList& keyStrings = m_entityKeyStrings[static_cast<std::size_t>(entity)];
    const QString keyString = words.keys.join(u' ');
    if (!keyStrings.contains(keyString))
        keyStrings.append(keyString);
}

void NameTrie::addEntry(int32_t node, NameEntry entry) {
    int32_t& list = m_terminal[static_cast<std::size_t>(node)];
    if (list == kNone) {
        list = static_cast<int32_t>(m_entryLists.size());
        m_entryLists.emplace_back();
    }
    auto& entries = m_entryLists[static_cast<std::size_t>(list)];
    const bool known = std::any_of(entries.begin(), entries.end(), [&](const NameEntry& e) {
        return e.entity == entry.entity && e.guard == entry.guard && e.exactWord == entry.exactWord &&
               e.capitals == entry.capitals;
    });
    if (!known)
        entries.push_back(entry);
}

int32_t NameTrie::addChild(int32_t node, int32_t key) {
    if (const int32_t existing = child(node, key); existing != kNone)
        return existing;
    if ((m_edgeCount + 1) * 2 > m_edges.size())
        growEdges();
    const uint64_t edge =
        (static_cast<uint64_t>(static_cast<uint32_t>(node)) << 32) | static_cast<uint32_t>(key);
    std::size_t slot = mixEdge(edge) & m_edgeMask;
    while (m_edges[slot].key != kEmptyEdge)
        slot = (slot + 1) & m_edgeMask;
    const auto created = static_cast<int32_t>(m_terminal.size());
    m_edges[slot].key = edge;
    m_edges[slot].child = created;
    ++m_edgeCount;
    m_terminal.push_back(kNone);
    return created;
}

void NameTrie::growEdges() {
    const std::size_t capacity = m_edges.empty() ? 1024 : m_edges.size() * 2;
    HugePageVector<Edge> edges(capacity);
    const std::size_t mask = capacity - 1;
    for (const Edge& e : m_edges) {
        if (e.key == kEmptyEdge)
            continue;
        std::size_t slot = mixEdge(e.key) & mask;
        while (edges[slot].key != kEmptyEdge)
            slot = (slot + 1) & mask;
        edges[slot] = e;
    }
    m_edges = std::move(edges);
    m_edgeMask = mask;
}

std::size_t NameTrie::memoryUsage() const {
    std::size_t bytes = m_words.memoryUsage() + m_edges.capacity() * sizeof(Edge) +
                        m_rootSteps.capacity() * sizeof(Step) + m_terminal.capacity() * sizeof(int32_t) +
                        m_cue.capacity();
    bytes += m_entries.capacity() * sizeof(NameEntry) + m_entryBegin.capacity() * sizeof(uint32_t);
    for (const auto& keys : m_entityKeyStrings)
        for (const QString& k : keys)
            bytes += sizeof(QString) + static_cast<std::size_t>(k.capacity()) * 2;
    return bytes;
}

} // namespace mirsad::names
