#include "annotations/HistoryDialog.h"

#include "storage/Storage.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace mirsad;
using namespace mirsad::annotations;

namespace {

// The analyst's text (or a name) in its own direction inside a line of the other.
QString isolated(const QString& text) {
    return QChar(0x2068) + text + QChar(0x2069);
}

QString oneLine(const QString& text, int length = 80) {
    QString line = text.simplified();
    if (line.isEmpty())
        return HistoryDialog::tr("(empty)");
    return line.size() > length ? line.left(length - 1) + u'…' : line;
}

QString sharingName(const std::optional<bool>& shared) {
    return shared.value_or(false) ? HistoryDialog::tr("shared") : HistoryDialog::tr("private");
}

bool isSpace(QChar c) {
    return c.isSpace() || c.isPunct();
}

// The analyst's text as HTML, each line its own paragraph (so in its own direction), its
// characters from `from` to `to` marked with `style`.
QString paragraphs(const QString& text, qsizetype from = 0, qsizetype to = 0, const QString& style = {}) {
    QString html;
    qsizetype offset = 0;
    for (const QString& line : text.split(u'\n')) {
        const qsizetype a = qBound(qsizetype(0), from - offset, line.size());
        const qsizetype b = qBound(qsizetype(0), to - offset, line.size());
        QString body = line.left(a).toHtmlEscaped();
        if (b > a)
            body += u"<span style=\"%1\">%2</span>"_s.arg(style, line.mid(a, b - a).toHtmlEscaped());
        body += line.mid(qMax(a, b)).toHtmlEscaped();
        html += u"<p style=\"margin: 0\">"_s + (body.isEmpty() ? u"&nbsp;"_s : body) + u"</p>"_s;
        offset += line.size() + 1;
    }
    return html;
}

} // namespace

HistoryDialog::HistoryDialog(storage::Storage& storage, AnnotationKind kind, qint64 id, const QString& label,
                             QWidget* parent)
    : QDialog(parent)
    , m_status(new QLabel(tr("Reading the history…")))
    , m_entries(new QTreeWidget)
    , m_details(new QTextBrowser) {
    setObjectName(u"historyDialog"_s);
    setWindowTitle(kind == AnnotationKind::Note ? tr("History of the note") : tr("History of the highlight"));
    // Named after a word of the interface, so that the line reads in its direction.
    auto* title = new QLabel((kind == AnnotationKind::Note ? tr("Note: %1") : tr("Highlight: %1"))
                                 .arg(isolated(oneLine(label, 120))));
    title->setTextFormat(Qt::PlainText);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setWordWrap(true);
    m_status->setObjectName(u"historyStatus"_s);
    m_status->setWordWrap(true);
    m_entries->setObjectName(u"historyEntries"_s);
    m_entries->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Text")});
    m_entries->setRootIsDecorated(false);
    m_entries->setUniformRowHeights(true);
    m_entries->setAllColumnsShowFocus(true);
    m_entries->header()->setStretchLastSection(true);
    m_entries->hide();
    m_details->setObjectName(u"historyDetails"_s);
    m_details->setOpenLinks(false);
    m_details->hide();
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_entries);
    split->addWidget(m_details);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(m_entries, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { showDetails(item ? m_entries->indexOfTopLevelItem(item) : -1); });
    // The server may be slow or far: the window is never held up by it.
    storage.reader()
        .run([kind, id](QSqlDatabase& db) { return annotationHistory(db, kind, id); })
        .then(this, [this](const Result<AnnotationHistory>& history) { display(history); });
}

QString HistoryDialog::eventName(HistoryEntry::Event event) {
    switch (event) {
    case HistoryEntry::Added:
        return tr("added");
    case HistoryEntry::Changed:
        return tr("changed");
    case HistoryEntry::Deleted:
        return tr("deleted");
    case HistoryEntry::Shared:
        return tr("shared with the team");
    case HistoryEntry::MadePrivate:
        return tr("made private");
    }
    return {};
}

void HistoryDialog::display(const Result<AnnotationHistory>& history) {
    m_loaded = true;
    if (!history) {
        m_status->setText(history.error());
    } else if (!history->kept) {
        m_status->setText(tr("Only a team's archive keeps the history of notes and highlights; a file of "
                             "one's own does not."));
    } else if (history->entries.isEmpty()) {
        m_status->setText(tr("No history yet: the server has recorded no change to it."));
    } else {
        m_history = history->entries;
        m_status->setText(tr("%n change(s), newest first.", nullptr, int(m_history.size())));
        for (const HistoryEntry& entry : m_history) {
            const QDateTime local = entry.at.toLocalTime();
            QString text;
            switch (entry.event) {
            case HistoryEntry::Added:
                text = isolated(oneLine(entry.newText));
                break;
            case HistoryEntry::Deleted:
                text = isolated(oneLine(entry.oldText));
                break;
            case HistoryEntry::Shared:
            case HistoryEntry::MadePrivate:
                text = tr("%1 → %2").arg(sharingName(entry.oldShared), sharingName(entry.newShared));
                break;
            case HistoryEntry::Changed:
                text = tr("%1 → %2").arg(isolated(oneLine(entry.oldText, 40)),
                                         isolated(oneLine(entry.newText, 40)));
                break;
            }
            auto* item =
                new QTreeWidgetItem(m_entries, {QLocale().toString(local, QLocale::ShortFormat),
                                                isolated(entry.actor), eventName(entry.event), text});
            item->setToolTip(0, QLocale().toString(local, QLocale::LongFormat));
        }
        m_entries->resizeColumnToContents(0);
        m_entries->resizeColumnToContents(1);
        m_entries->resizeColumnToContents(2);
        m_entries->show();
        m_details->show();
        m_entries->setCurrentItem(m_entries->topLevelItem(0));
    }
    emit loaded();
}

void HistoryDialog::showDetails(int row) {
    if (row < 0 || row >= m_history.size()) {
        m_details->clear();
        return;
    }
    const HistoryEntry& entry = m_history.at(row);
    // What the change removed and what it added: the text between what both keep at their start
    // and end, widened to whole words.
    const QString& before = entry.oldText;
    const QString& after = entry.newText;
    qsizetype start = 0;
    while (start < before.size() && start < after.size() && before.at(start) == after.at(start))
        ++start;
    while (start > 0 && !isSpace(before.at(start - 1)))
        --start;
    qsizetype end = 0;
    while (end < before.size() - start && end < after.size() - start &&
           before.at(before.size() - 1 - end) == after.at(after.size() - 1 - end))
        ++end;
    while (end > 0 && !isSpace(before.at(before.size() - end)))
        --end;
    const QString removed = u"background-color: rgba(220, 60, 60, 90); text-decoration: line-through"_s;
    const QString added = u"background-color: rgba(60, 180, 80, 90)"_s;

    QString html;
    const auto section = [&html](const QString& heading, const QString& body) {
        html += u"<p style=\"margin-top: 8px\"><b>%1</b></p>"_s.arg(heading.toHtmlEscaped()) + body;
    };
    if (entry.oldShared && entry.newShared && *entry.oldShared != *entry.newShared)
        section(tr("Sharing"),
                paragraphs(tr("%1 → %2").arg(sharingName(entry.oldShared), sharingName(entry.newShared))));
    if (entry.event == HistoryEntry::Added) {
        section(tr("Text"), paragraphs(after));
    } else if (entry.event == HistoryEntry::Deleted) {
        section(tr("Text when deleted"), paragraphs(before));
    } else if (before != after) {
        section(tr("Before"), paragraphs(before, start, before.size() - end, removed));
        section(tr("After"), paragraphs(after, start, after.size() - end, added));
    } else {
        section(tr("Text (unchanged)"), paragraphs(after));
    }
    m_details->setHtml(html);
}
