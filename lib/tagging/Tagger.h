#pragma once

#include "articles/Article.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <memory>

namespace mirsad::names {
class Gazetteer;
class NameMatcher;
} // namespace mirsad::names

namespace mirsad::tagging {

// The gazetteer in use (bundled files plus what the user added in this database) and the
// matcher built from it. Immutable once built; a new one replaces it when the user adds names.
class Tagger {
public:
    Tagger(std::shared_ptr<const names::Gazetteer> gazetteer,
           std::shared_ptr<const names::NameMatcher> matcher);

    const names::Gazetteer& gazetteer() const { return *m_gazetteer; }
    const names::NameMatcher& matcher() const { return *m_matcher; }
    // Changes whenever the gazetteer's content changes; stored with each tagged article.
    const QString& version() const { return m_version; }

    // Finds the names in an article's title and text (offsets into the text).
    QList<StoredMention> mentionsIn(const Article& article) const;

    // The bundled gazetteer plus the user's entities and aliases stored in `db`; also brings
    // the database's entities table up to date with it.
    static Result<std::shared_ptr<const Tagger>> load(QSqlDatabase& db);
    // The bundled gazetteer alone (for `mirsadctl tag`, which needs no database).
    static Result<std::shared_ptr<const Tagger>> builtin();

    // The tagger for a database, loaded on first use and kept until invalidate().
    static Result<std::shared_ptr<const Tagger>> forDatabase(QSqlDatabase& db);
    // Forgets the cached tagger of a database, after the user added an entity or alias.
    static void invalidate(const QSqlDatabase& db);

private:
    std::shared_ptr<const names::Gazetteer> m_gazetteer;
    std::shared_ptr<const names::NameMatcher> m_matcher;
    QString m_version;
};

// Fills article.mentions using the database's tagger and returns the gazetteer version used.
Result<QString> tagArticle(QSqlDatabase& db, Article& article);

} // namespace mirsad::tagging
