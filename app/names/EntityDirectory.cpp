#include "names/EntityDirectory.h"

#include "names/Gazetteer.h"
#include "storage/Storage.h"
#include "tagging/Tagger.h"
#include "window/Logging.h"

#include <QSqlQuery>

using namespace mirsad;

EntityDirectory::EntityDirectory(storage::Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage) {
    connect(&storage, &storage::Storage::articlesChanged, this, &EntityDirectory::clearCounts);
}

EntityDirectory::~EntityDirectory() = default;

void EntityDirectory::load() {
    m_storage.reader()
        .run([](QSqlDatabase& db) { return tagging::Tagger::forDatabase(db); })
        .then(this, [this](const Result<std::shared_ptr<const tagging::Tagger>>& tagger) {
            if (!tagger) {
                qCWarning(lcApp).noquote() << tagger.error();
                return;
            }
            m_tagger = *tagger;
            emit ready();
        });
}

const names::Entity* EntityDirectory::entity(const QString& id) const {
    return m_tagger ? m_tagger->gazetteer().entity(id) : nullptr;
}

QStringList EntityDirectory::regionNames(const QString& id) const {
    QStringList names;
    if (!m_tagger)
        return names;
    for (const QString& ancestor : m_tagger->gazetteer().ancestors(id))
        if (const names::Entity* place = entity(ancestor))
            names << place->name;
    return names;
}

QStringList EntityDirectory::filterIds(const QString& id) const {
    const names::Entity* e = entity(id);
    if (e && e->kind == names::EntityKind::Place)
        return m_tagger->gazetteer().descendants(id);
    return {id};
}

int EntityDirectory::articleCount(const QString& id) {
    if (auto it = m_counts.constFind(id); it != m_counts.cend())
        return *it;
    m_counts.insert(id, -1);
    m_storage.reader()
        .run([id](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT count(*) FROM article_entities WHERE entity_id = ?"));
            query.addBindValue(id);
            return query.exec() && query.next() ? query.value(0).toInt() : 0;
        })
        .then(this, [this, id](int count) {
            m_counts.insert(id, count);
            emit articleCountReady(id, count);
        });
    return -1;
}

static QString kindLabel(names::EntityKind kind) {
    switch (kind) {
    case names::EntityKind::Person:
        return EntityDirectory::tr("Person");
    case names::EntityKind::Place:
        return EntityDirectory::tr("Place");
    case names::EntityKind::Organization:
        return EntityDirectory::tr("Organisation");
    }
    return {};
}

QString EntityDirectory::cardHtml(const QString& id) {
    const names::Entity* e = entity(id);
    if (!e)
        return {};
    QString html = QStringLiteral("<p style='margin:0'><b>%1</b></p>").arg(e->name.toHtmlEscaped());
    if (!e->nameAr.isEmpty())
        html += QStringLiteral("<p dir='rtl' align='right' style='margin:0; font-size:large'>%1</p>")
                    .arg(e->nameAr.toHtmlEscaped());
    html += QStringLiteral("<p style='margin-top:4px'><i>%1</i>").arg(kindLabel(e->kind));
    if (!e->description.isEmpty())
        html += QStringLiteral(" — %1").arg(e->description.toHtmlEscaped());
    html += QStringLiteral("</p>");
    if (const QStringList regions = regionNames(id); !regions.isEmpty())
        html += QStringLiteral("<p style='margin:0'>%1</p>")
                    .arg(tr("In: %1").arg(regions.join(QStringLiteral(" › ")).toHtmlEscaped()));
    const int count = articleCount(id);
    html +=
        QStringLiteral("<p style='margin-top:4px'>%1</p>")
            .arg(count < 0 ? tr("Counting articles…") : tr("Mentioned in %n article(s).", nullptr, count));
    html +=
        QStringLiteral("<p style='color:gray; margin-top:2px'>%1</p>").arg(tr("Click to filter the feed."));
    return html;
}
