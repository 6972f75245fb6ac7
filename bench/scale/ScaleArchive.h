#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

// The archive bench_scale measures, built once through the real import path and cached:
// generated feed files (Arabic and English, RSS and Atom, names from the gazetteer, article
// lengths spread around 3.8 kB and two articles of 10,000 words), imported with
// `mirsadctl import FILES`, opened once by `mirsad` (which adds its sample articles, as on any
// first start), two long articles given analyst highlights, and the same feeds read by Newsboat
// over loopback HTTP for the size comparison. The feed files are deleted afterwards.
//
// The cache folder's name holds the article count, the generator's version, the schema version
// and the gazetteer's version, so that a change to any of them builds a new archive.

struct ScaleTools {
    QString mirsad;
    QString mirsadctl;
    QString newsboat;        // empty: no size comparison
    QStringList environment; // HOME, XDG folders, QT_QPA_PLATFORM=offscreen...
};

struct ScaleArchive {
    QString folder;
    QString database;
    qint64 articles = 0;   // generated items
    qint64 storedRows = 0; // rows in `articles` after the import and the first start
    int feeds = 0;
    qint64 corpusBytes = 0; // of the feed files
    QList<qint64> longArticleIds;
    QList<int> longArticleWords;
    double importSeconds = 0;
    double importPeakMb = 0;
    qint64 sizeAfterImport = 0; // the database file (and its -wal) after `mirsadctl import`
    qint64 newsboatBytes = -1;  // -1: not measured
    qint64 newsboatItems = -1;
    QString newsboatNote; // why not, or how
};

// The cache folder for `articles` articles under `root`.
QString scaleArchiveFolder(const QString& root, qint64 articles);

// Loads the cached archive, or builds it (progress on `log`). An error says why in a sentence.
mirsad::Result<ScaleArchive> loadOrBuildArchive(const QString& root, qint64 articles, const ScaleTools& tools,
                                                bool keepFeeds,
                                                const std::function<void(const QString&)>& log);

// The size of an SQLite database: the file and its -wal.
qint64 databaseBytes(const QString& path);
