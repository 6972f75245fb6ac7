#include "NotesPane.h"

#include "storage/Storage.h"

#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSqlQuery>
#include <QVBoxLayout>

NotesPane::NotesPane(mirsad::storage::Storage& storage, QWidget* parent)
    : QWidget(parent)
    , m_storage(storage)
    , m_title(new QLabel(tr("Notes"), this))
    , m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("notesPane"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_list->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("notesList"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
}

struct NoteRow {
    QString body;
    QString author;
    QDateTime updated;
};

void NotesPane::showArticle(qint64 articleId) {
    m_articleId = articleId;
    m_list->clear();
    if (articleId <= 0)
        return;
    m_storage.reader()
        .run([articleId](QSqlDatabase& db) {
            QList<NoteRow> rows;
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "SELECT body, author, updated FROM notes WHERE article_id = ? ORDER BY created"));
            query.addBindValue(articleId);
            if (query.exec()) {
                while (query.next())
                    rows << NoteRow{query.value(0).toString(), query.value(1).toString(),
                                    QDateTime::fromSecsSinceEpoch(query.value(2).toLongLong())};
            }
            return rows;
        })
        .then(this, [this, articleId](const QList<NoteRow>& rows) {
            if (articleId != m_articleId)
                return;
            m_list->clear();
            for (const NoteRow& row : rows)
                m_list->addItem(
                    QStringLiteral("%1\n— %2, %3")
                        .arg(row.body, row.author, QLocale().toString(row.updated, QLocale::ShortFormat)));
            if (rows.isEmpty()) {
                auto* empty = new QListWidgetItem(tr("No notes on this article yet."), m_list);
                empty->setFlags(Qt::NoItemFlags);
            }
        });
}

int NotesPane::noteCount() const {
    int count = 0;
    for (int i = 0; i < m_list->count(); ++i)
        count += (m_list->item(i)->flags() & Qt::ItemIsEnabled) ? 1 : 0;
    return count;
}
