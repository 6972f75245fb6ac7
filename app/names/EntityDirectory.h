#pragma once

#include "names/Entity.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace mirsad::storage {
class Storage;
}
namespace mirsad::tagging {
class Tagger;
}

// What the reader knows about the names it shows: the gazetteer (loaded once on the reader
// thread) and how many articles mention each entity (counted there too, then cached).
class EntityDirectory : public QObject {
    Q_OBJECT
public:
    explicit EntityDirectory(mirsad::storage::Storage& storage, QObject* parent = nullptr);
    ~EntityDirectory() override;

    // Loads the gazetteer; ready() follows.
    void load();
    bool isReady() const { return bool(m_tagger); }

    // Null when unknown or not loaded yet.
    const mirsad::names::Entity* entity(const QString& id) const;
    // The canonical names of the places that contain id, nearest first.
    QStringList regionNames(const QString& id) const;
    // What a filter on id matches: a place and everything within it; anything else: itself.
    QStringList filterIds(const QString& id) const;

    // The cached count, or -1 while it is being counted (articleCountReady follows).
    int articleCount(const QString& id);
    // Forgets the counts (after articles were added).
    void clearCounts() { m_counts.clear(); }

    // An HTML card: canonical names in both scripts, kind, role or region, article count.
    QString cardHtml(const QString& id);

signals:
    void ready();
    void articleCountReady(const QString& id, int count);

private:
    mirsad::storage::Storage& m_storage;
    std::shared_ptr<const mirsad::tagging::Tagger> m_tagger;
    QHash<QString, int> m_counts; // -1: being counted
};
