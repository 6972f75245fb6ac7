#include "PlainDatabase.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

void withPlainDatabase(const QString& path, const std::function<void(QSqlDatabase&)>& work) {
    const QString name = u"plain-"_s + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open())
            db = QSqlDatabase();
        work(db);
    }
    QSqlDatabase::removeDatabase(name);
}

qint64 countRows(const QString& path, const QString& table) {
    qint64 count = -1;
    withPlainDatabase(path, [&](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (db.isValid() && query.exec(u"SELECT count(*) FROM "_s + table) && query.next())
            count = query.value(0).toLongLong();
    });
    return count;
}
