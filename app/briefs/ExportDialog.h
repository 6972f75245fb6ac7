#pragma once

#include "briefs/BriefExporter.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace mirsad::storage {
class Storage;
}

// File ▸ Export…: what to export (the articles the list shows, the selected ones, or the open
// brief), as what (a brief: PDF, ODT, HTML, Markdown; data: CSV, JSON, W3C Web Annotations),
// only the annotated articles or all, under which title, to which file. A filter of thousands
// of articles is confirmed first.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Source { Filter, Selection, Brief };
    struct Choices {
        mirsad::ArticleFilter filter; // the article list's
        QList<qint64> selectedIds;    // the list's selected articles, in the list's order
        qint64 briefId = 0;           // the open brief (0: none)
        QString briefTitle;
        QString briefIntroduction;
        QList<qint64> briefIds;
        Source preferred = Source::Filter;
    };
    // Above this, exporting a whole filter asks first.
    static constexpr qint64 manyArticles = 2000;

    ExportDialog(mirsad::storage::Storage& storage, const Choices& choices, QWidget* parent = nullptr);

    Source source() const;
    mirsad::publishing::ExportFormat format() const;
    QString path() const;
    // What the dialog was filled in for (valid once accepted).
    BriefExportRequest request() const;
    // The articles of the filter, once counted (-1 until then).
    qint64 filterCount() const { return m_filterCount; }

signals:
    // The filter's articles were counted and described.
    void filterCounted(qint64 count);

public slots:
    void accept() override;

private:
    void browse();
    void sourceChanged();
    void formatChanged();
    QString defaultTitle() const;
    void updateSourceLabels();

    mirsad::storage::Storage& m_storage;
    Choices m_choices;
    QButtonGroup* m_sources;
    QRadioButton* m_filter;
    QRadioButton* m_selection;
    QRadioButton* m_brief;
    QComboBox* m_format;
    QCheckBox* m_annotatedOnly;
    QLineEdit* m_title;
    QLineEdit* m_path;
    QLabel* m_formatHint;
    QString m_filterDescription;
    qint64 m_filterCount = -1;
    bool m_titleEdited = false;
    bool m_pathChosen = false; // picked in the file dialog, which asked about replacing
};
