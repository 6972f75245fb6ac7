#pragma once

#include "briefs/Brief.h"
#include "publishing/Export.h"
#include "storage/ArticleFilter.h"

#include <QFuture>
#include <QObject>
#include <optional>

namespace mirsad::storage {
class Storage;
}

// What to export, where to: the articles (by id, in order, or all those a filter matches) and
// how the brief is headed.
struct BriefExportRequest {
    QList<qint64> ids;
    std::optional<mirsad::ArticleFilter> filter; // when set, instead of ids
    bool annotatedOnly = false;
    QString title;
    QString introduction;      // Markdown
    QString filterDescription; // for the header; empty when the articles were picked by hand
    mirsad::publishing::ExportFormat format = mirsad::publishing::ExportFormat::Pdf;
    QString path;
};

// Gathers a brief on the reader's connection (the articles, highlights, notes and names) and
// headed as the request says.
QFuture<mirsad::Result<mirsad::briefs::Brief>> gatherBriefFor(mirsad::storage::Storage& storage,
                                                              const BriefExportRequest& request);

// Exports in the background: the brief is gathered on the reader thread and written on a worker
// thread, so that the window stays responsive while a long PDF is laid out.
class BriefExporter : public QObject {
    Q_OBJECT
public:
    explicit BriefExporter(mirsad::storage::Storage& storage, QObject* parent = nullptr);

    void start(const BriefExportRequest& request);
    bool isBusy() const { return m_busy; }

signals:
    void started(const QString& path);
    // The file is written whole.
    void finished(const QString& path, int articles);
    void failed(const QString& path, const QString& message);

private:
    mirsad::storage::Storage& m_storage;
    bool m_busy = false;
};
