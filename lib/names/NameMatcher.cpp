#include "names/NameMatcher.h"

#include "names/NameScanner.h"
#include "names/NameTrie.h"

#include <QVarLengthArray>
#include <algorithm>
#include <span>

namespace mirsad::names {

struct NameMatcher::Data {
    Gazetteer gazetteer;
    NameTrie trie;
    // Per entity, computed once so that deciding a shared name reads a few ints, not strings:
    // whether it is a place, and the indices of the entities it lies within (sorted), all of
    // ancestorIndex[ancestorBegin[e] .. ancestorBegin[e + 1]).
    std::vector<quint8> isPlace;
    std::vector<uint32_t> ancestorBegin;
    std::vector<int32_t> ancestorIndex;

    void buildAncestors();
    std::span<const int32_t> ancestorsOf(int32_t entity) const {
        const auto begin = ancestorBegin[static_cast<std::size_t>(entity)];
        const auto end = ancestorBegin[static_cast<std::size_t>(entity) + 1];
        return {ancestorIndex.data() + begin, end - begin};
    }
};

void NameMatcher::Data::buildAncestors() {
    const QList<Entity>& entities = gazetteer.entities();
    isPlace.assign(static_cast<std::size_t>(entities.size()), 0);
    ancestorBegin.assign(1, 0);
    ancestorIndex.clear();
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const Entity& e = entities[i];
        isPlace[static_cast<std::size_t>(i)] = e.kind == EntityKind::Place ? 1 : 0;
        const auto first = ancestorIndex.size();
        if (!e.within.isEmpty()) {
            for (const QString& id : gazetteer.ancestors(e.id)) {
                if (const Entity* ancestor = gazetteer.entity(id))
                    ancestorIndex.push_back(static_cast<int32_t>(ancestor - entities.data()));
            }
            std::sort(ancestorIndex.begin() + static_cast<std::ptrdiff_t>(first), ancestorIndex.end());
        }
        ancestorBegin.push_back(static_cast<uint32_t>(ancestorIndex.size()));
    }
}

namespace {

// A shared name goes to the one candidate the text also names unambiguously; failing that, to
// the innermost of nested places (Kirkuk the city within Kirkuk the governorate).
// named: the entities named unambiguously in the text, sorted.
std::optional<int32_t> decide(const Candidate& candidate, std::span<const int32_t> named,
                              const NameMatcher::Data& data) {
    std::optional<int32_t> chosen;
    for (int32_t entity : candidate.entities) {
        if (std::binary_search(named.begin(), named.end(), entity)) {
            if (chosen)
                return std::nullopt;
            chosen = entity;
        }
    }
    if (chosen)
        return chosen;
    const bool fewPlaces = candidate.entities.size() <= 4 &&
                           std::all_of(candidate.entities.begin(), candidate.entities.end(), [&](int32_t e) {
                               return data.isPlace[static_cast<std::size_t>(e)] != 0;
                           });
    if (!fewPlaces)
        return std::nullopt;
    for (int32_t inner : candidate.entities) {
        const std::span<const int32_t> ancestors = data.ancestorsOf(inner);
        const bool containedByAll =
            std::all_of(candidate.entities.begin(), candidate.entities.end(), [&](int32_t other) {
                return other == inner || std::binary_search(ancestors.begin(), ancestors.end(), other);
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
    data->buildAncestors();
    m_data = std::move(data);
}

NameMatcher::~NameMatcher() = default;
NameMatcher::NameMatcher(const NameMatcher&) = default;
NameMatcher& NameMatcher::operator=(const NameMatcher&) = default;

const Gazetteer& NameMatcher::gazetteer() const {
    return m_data->gazetteer;
}

std::size_t NameMatcher::memoryUsage() const {
    return m_data->trie.memoryUsage() + m_data->isPlace.capacity() +
           m_data->ancestorBegin.capacity() * sizeof(uint32_t) +
           m_data->ancestorIndex.capacity() * sizeof(int32_t);
}

QList<Mention> NameMatcher::match(QStringView text) const {
    // One buffer per thread, kept from text to text: growing a fresh vector for every text cost
    // more than the scan of a short one (allocator cache misses).
    thread_local std::vector<Candidate> candidates;
    NameScanner(m_data->trie, text).run(candidates);
    // The entities named unambiguously, needed only when some name is shared.
    QVarLengthArray<int32_t, 256> named;
    const bool shared = std::any_of(candidates.begin(), candidates.end(),
                                    [](const Candidate& c) { return c.entities.size() > 1; });
    if (shared) {
        for (const Candidate& candidate : candidates) {
            if (candidate.entities.size() == 1)
                named.append(candidate.entities.front());
        }
        std::sort(named.begin(), named.end());
    }
    const QList<Entity>& entities = m_data->gazetteer.entities();
    QList<Mention> mentions;
    mentions.reserve(static_cast<qsizetype>(candidates.size()));
    for (const Candidate& candidate : candidates) {
        const std::optional<int32_t> entity =
            candidate.entities.size() == 1
                ? std::optional<int32_t>(candidate.entities.front())
                : decide(candidate,
                         std::span<const int32_t>(named.data(), static_cast<std::size_t>(named.size())),
                         *m_data);
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

namespace {

// The key string of a typed or stored name: its words as the trie keys them, articles left out.
QString keyStringOf(QStringView name) {
    QStringList keys;
    for (const Word& word : wordsOf(name)) {
        if (!word.isLatinArticle())
            keys.append(NameTrie::keyString(word));
    }
    return keys.join(u' ');
}

// (distance, entity index) of the entities near a key string, nearest first.
std::vector<std::pair<int, qsizetype>> entitiesNear(const QString& query, const NameMatcher::Data& data) {
    const QList<Entity>& entities = data.gazetteer.entities();
    const auto& entityKeys = data.trie.entityKeyStrings();
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
    return scored;
}

} // namespace

QStringList NameMatcher::suggest(QStringView name, int max) const {
    const QString query = keyStringOf(name);
    if (query.isEmpty())
        return {};
    const QList<Entity>& entities = m_data->gazetteer.entities();
    QStringList result;
    for (const auto& [distance, index] : entitiesNear(query, *m_data)) {
        if (result.size() >= max)
            break;
        const Entity& e = entities[index];
        const QString label = e.name.isEmpty() ? e.nameAr : e.name;
        if (!result.contains(label))
            result.append(label);
    }
    return result;
}

bool NameMatcher::Suggestion::isLikelySpelling() const {
    if (!entity || length <= 0)
        return false;
    const int allowed = length <= 5 ? 0 : length <= 9 ? 1 : 2 + (length - 10) / 7;
    return distance <= allowed;
}

QList<NameMatcher::Suggestion> NameMatcher::suggestEntities(QStringView name, int max) const {
    const QString query = keyStringOf(name);
    if (query.isEmpty())
        return {};
    const QList<Entity>& entities = m_data->gazetteer.entities();
    QList<Suggestion> result;
    for (const auto& [distance, index] : entitiesNear(query, *m_data)) {
        if (result.size() >= max)
            break;
        const Entity& e = entities[index];
        // The spelling that came closest, to show the user why the entity is suggested.
        QStringList forms{e.name, e.nameAr};
        forms += e.aliases;
        QString spelling;
        int nearest = std::numeric_limits<int>::max();
        for (const QString& form : std::as_const(forms)) {
            if (form.trimmed().isEmpty())
                continue;
            if (const int d = editDistance(query, keyStringOf(form)); d < nearest) {
                nearest = d;
                spelling = form;
            }
        }
        result.append({&e, spelling, distance, static_cast<int>(query.size())});
    }
    return result;
}

} // namespace mirsad::names
