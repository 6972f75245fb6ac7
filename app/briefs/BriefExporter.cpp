#include "briefs/BriefExporter.h"

#include "storage/Storage.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

using namespace mirsad;

QFuture<Result<briefs::Brief>> gatherBriefFor(storage::Storage& storage, const BriefExportRequest& request) {
    return storage.reader().run([request](QSqlDatabase& db) -> Result<briefs::Brief> {
        QList<qint64> ids = request.ids;
        if (request.filter) {
            Result<QList<qint64>> matching = briefs::articleIdsMatching(db, *request.filter);
            if (!matching)
                return Error{matching.error()};
            ids = *std::move(matching);
        }
        Result<briefs::Brief> brief =
            briefs::gatherBrief(db, ids, briefs::GatherOptions{.annotatedOnly = request.annotatedOnly});
        if (!brief)
            return brief;
        brief->title = request.title;
        brief->introduction = request.introduction;
        brief->filterDescription = request.filterDescription;
        return brief;
    });
}

BriefExporter::BriefExporter(storage::Storage& storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage) {
}

void BriefExporter::start(const BriefExportRequest& request) {
    m_busy = true;
    emit started(request.path);
    gatherBriefFor(m_storage, request)
        .then(
            this,
            [this, request](const Result<briefs::Brief>& brief) {
                if (!brief)
                    return QtFuture::makeReadyValueFuture(std::pair<Status, int>{Error{brief.error()}, 0});
                if (brief->articles.isEmpty())
                    return QtFuture::makeReadyValueFuture(std::pair<Status, int>{
                        Error{request.annotatedOnly
                                  ? QCoreApplication::translate(
                                        "BriefExporter", "None of these articles has a highlight or a note.")
                                  : QCoreApplication::translate("BriefExporter",
                                                                "There are no articles to export.")},
                        0});
                // Laid out and written on a worker thread (QTextDocument and QPdfWriter may be used
                // off the GUI thread), whole or not at all.
                return QtConcurrent::run([brief = *brief, format = request.format, path = request.path] {
                    return std::pair<Status, int>{publishing::exportBriefToFile(brief, format, path),
                                                  int(brief.articles.size())};
                });
            })
        .unwrap()
        .then(this, [this, path = request.path](const std::pair<Status, int>& written) {
            m_busy = false;
            if (written.first)
                emit finished(path, written.second);
            else
                emit failed(path, written.first.error());
        });
}
