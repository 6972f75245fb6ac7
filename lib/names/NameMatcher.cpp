#include "names/NameMatcher.h"

#include "names/NameScanner.h"
#include "names/NameTrie.h"

#include <QSet>
#include <QVarLengthArray>
#include <algorithm>

namespace mirsad::names {

struct NameMatcher::Data {
    Gazetteer gazetteer;
    NameTrie trie;
};

namespace {

// A shared name goes to the one candidate the text also names unambiguously; failing that, to
// the innermost of nested places (Kirkuk the city within Kirkuk the governorate).
std::optional<int32_t> decide(const Candidate& candidate, const QSet<int32_t>& named,
                              const Gazetteer& gazetteer) {
    std::optional<int32_t> chosen;
    for (int32_t entity : candidate.entities) {
        if (named.contains(entity)) {
            if (chosen)
                return std::nullopt;
            chosen = entity;
        }
    }
    if (chosen)
        return chosen;
    const QList<Entity>& entities = gazetteer.entities();
    const bool fewPlaces = candidate.entities.size() <= 4 &&
                           std::all_of(candidate.entities.begin(), candidate.entities.end(),
                                       [&](int32_t e) { return entities[e].kind == EntityKind::Place; });
    if (!fewPlaces)
        return std::nullopt;
    for (int32_t inner : candidate.entities) {
        const QStringList ancestors = gazetteer.ancestors(entities[inner].id);
        const bool containedByAll =
            std::all_of(candidate.entities.begin(), candidate.entities.end(), [&](int32_t other) {
                return other == inner || ancestors.contains(entities[other].id);
            });
        if (containedByAll)
            return inner;
    }
    return std::nullopt;
}

int editDistance(QStringView a, QStringView b) {
    QVarLengthArray<int, 64> row(b.size() + 1);
    for (qsizetype j = 0; j < row.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The words of a typed name as the trie keys them, articles left out.
QList<Word> wordsOf(QStringView name) {
    QList<Word> words;
    WordTokenizer tokenizer(name);
    Word word;
    while (tokenizer.next(word))
        words.append(word);
    return words;
}

} // namespace

NameMatcher::NameMatcher()
    : NameMatcher(Gazetteer()) {
}

NameMatcher::NameMatcher(const Gazetteer& gazetteer) {
    auto data = std::make_shared<Data>();
    data->gazetteer = gazetteer;
    data->trie.build(data->gazetteer);
    m_data = std::move(data);
}

NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(const NameMatcher&) = default;
NameMatcher& NameMatcher::operator=(const NameMatcher&) = default;

const Gazetteer& NameMatcher::gazetteer() const {
    return m_data->gazetteer;
}

std::size_t NameMatcher::memoryUsage() const {
    return m_data->trie.memoryUsage();
}

QList<Mention> NameMatcher::match(QStringView text) const {
    const std::vector<Candidate> candidates = NameScanner(m_data->trie, text).run();
    QSet<int32_t> named;
    for (const Candidate& candidate : candidates) {
        if (candidate.entities.size() == 1)
            named.insert(candidate.entities.front());
    }
    const QList<Entity>& entities = m_data->gazetteer.entities();
    QList<Mention> mentions;
    mentions.reserve(static_cast<qsizetype>(candidates.size()));
    for (const Candidate& candidate : candidates) {
        const std::optional<int32_t> entity = candidate.entities.size() == 1
                                                  ? std::optional<int32_t>(candidate.entities.front())
                                                  : decide(candidate, named, m_data->gazetteer);
        if (!entity)
            continue; // ambiguous: better no tag than a wrong one
        mentions.append({candidate.start, candidate.end, entities[*entity].id,
                         text.mid(candidate.start, candidate.end - candidate.start).toString()});
    }
    return mentions;
}

QList<const Entity*> NameMatcher::resolve(QStringView name, std::optional<EntityKind> kind) const {
    const auto accepts = [&](const Entity* e) { return e && (!kind || e->kind == *kind); };
    if (const Entity* byId = m_data->gazetteer.entity(name.trimmed().toString()); accepts(byId))
        return {byId};
    const NameTrie& trie = m_data->trie;
    int32_t node = NameTrie::kRoot;
    for (const Word& word : wordsOf(name)) {
        const int32_t key = trie.keyOf(word);
        if (key == NameTrie::kArticle)
            continue;
        if (key < 0 || (node = trie.child(node, key)) == NameTrie::kNone)
            return {};
    }
    QList<const Entity*> result;
    if (node == NameTrie::kRoot)
        return result;
    for (const NameEntry& entry : trie.entries(node)) {
        const Entity* e = &m_data->gazetteer.entities()[entry.entity];
        if (accepts(e) && !result.contains(e))
            result.append(e);
    }
    return result;
}

QStringList NameMatcher::suggest(QStringView name, int max) const {
    QStringList keys;
    for (const Word& word : wordsOf(name)) {
        if (word.script != Word::Script::Latin || word.length != 2 || word.units[1] != u'l')
            keys.append(NameTrie::keyString(word)); // articles left out, as in the trie
    }
    const QString query = keys.join(u' ');
    if (query.isEmpty())
        return {};
    const QList<Entity>& entities = m_data->gazetteer.entities();
    const auto& entityKeys = m_data->trie.entityKeyStrings();
    std::vector<std::pair<int, qsizetype>> scored;
    for (qsizetype i = 0; i < entities.size(); ++i) {
        int best = std::numeric_limits<int>::max();
        for (const QString& key : entityKeys[static_cast<std::size_t>(i)])
            best = std::min(best, editDistance(query, key));
        // Far-fetched suggestions help no one: at most half the query's length away.
        if (best <= std::max<qsizetype>(2, query.size() / 2))
            scored.emplace_back(best, i);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList result;
    for (const auto& [distance, index] : scored) {
        if (result.size() >= max)
            break;
        const Entity& e = entities[index];
        const QString label = e.name.isEmpty() ? e.nameAr : e.name;
        if (!result.contains(label))
            result.append(label);
    }
    return result;
}

} // namespace mirsad::names
